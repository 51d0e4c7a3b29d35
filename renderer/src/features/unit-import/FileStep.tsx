import { Alert, Button, LinearProgress, Stack, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { useTranslation } from 'react-i18next';
import { IMPORT_LIMITS } from '../../../../shared/domain/unit-import';
import type { WizardState } from './useImportWizard';

function megabytes(bytes: number, language: string): string {
  return `${(bytes / (1024 * 1024)).toLocaleString(language, { maximumFractionDigits: 1 })} MB`;
}

/** Step 1: what the importer accepts, and the button that opens the file dialog. */
export function FileStep({ state, onChoose }: { state: WizardState; onChoose(): void }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack spacing={2} sx={{ maxWidth: 760 }}>
      <Typography>{t('unitImport.file.intro')}</Typography>
      <Typography variant="body2" color="text.secondary">
        {t('unitImport.file.limits', {
          size: megabytes(IMPORT_LIMITS.maxFileBytes, i18n.language),
          rows: IMPORT_LIMITS.maxRows.toLocaleString(i18n.language),
        })}{' '}
        {t('unitImport.file.nothingWritten')}
      </Typography>
      <div>
        <Button
          variant="contained"
          size="large"
          startIcon={<UploadFileIcon />}
          onClick={onChoose}
          disabled={state.busy !== null}
          autoFocus
        >
          {t('unitImport.file.choose')}
        </Button>
      </div>
      {state.file && (
        <Typography variant="body2">
          {t('unitImport.file.chosen', { name: state.file.name, size: megabytes(state.file.size, i18n.language) })}
        </Typography>
      )}
      {state.busy === 'reading' && (
        <Stack spacing={1} role="status">
          <Typography variant="body2">{t('unitImport.file.reading')}</Typography>
          <LinearProgress />
        </Stack>
      )}
      {state.error && (
        <Alert severity="error" role="alert">
          {state.error}
        </Alert>
      )}
    </Stack>
  );
}
