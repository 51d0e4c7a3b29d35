import { Alert, AlertTitle, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { BackupOverview } from '../../../../shared/domain/backup';
import { formatDateTime } from '../../../../shared/format/date';

/**
 * "Lần sao lưu gần nhất: …", in the warning colour after seven days without a backup off this
 * PC; and every automatic backup that failed, until it works again (never hidden).
 */
export function LastBackupStatus({ overview }: { overview: BackupOverview }) {
  const { t } = useTranslation();
  const last = overview.lastBackupAt
    ? t('backup.lastBackup', { time: formatDateTime(overview.lastBackupAt) })
    : t('backup.lastBackupNever');
  return (
    <Stack spacing={1}>
      <Typography
        role="status"
        aria-label={t('backup.section')}
        color={overview.externalOverdue ? 'warning.dark' : 'text.primary'}
        sx={{ fontWeight: overview.externalOverdue ? 600 : 400 }}
      >
        {last}
        {overview.externalOverdue
          ? ` — ${overview.lastExternalAt ? t('backup.externalOverdue') : t('backup.externalNever')}`
          : overview.lastExternalAt
            ? ` — ${t('backup.lastExternal', { time: formatDateTime(overview.lastExternalAt) })}`
            : ''}
      </Typography>
      {overview.failures.map((failure) => (
        <Alert severity="error" key={failure.target}>
          <AlertTitle>{t('backup.failureTitle')}</AlertTitle>
          {t('backup.failure', {
            time: formatDateTime(failure.at),
            place: t(`backup.places.${failure.target}`),
            message: failure.message,
          })}
        </Alert>
      ))}
    </Stack>
  );
}
