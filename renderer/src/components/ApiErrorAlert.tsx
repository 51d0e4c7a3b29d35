import { Alert, Button, type SxProps, type Theme } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/errors';

interface ApiErrorAlertProps {
  /** What a query or command failed with; nothing is shown for null. */
  error: unknown;
  /** Offered as "Thử lại" (a query's reload). */
  onRetry?: () => void;
  sx?: SxProps<Theme>;
}

/** A failed request said where it happened, in the user's language, with a way to try again. */
export function ApiErrorAlert({ error, onRetry, sx }: ApiErrorAlertProps) {
  const { t } = useTranslation();
  if (error === null || error === undefined) return null;
  return (
    <Alert
      severity="error"
      sx={sx ?? {}}
      action={
        onRetry ? (
          <Button color="inherit" size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    >
      {errorMessage(error, t('common.unexpected'))}
    </Alert>
  );
}
