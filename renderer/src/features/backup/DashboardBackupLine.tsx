import { useCallback, useEffect, useState } from 'react';
import { Button, Paper, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { BackupOverview } from '../../../../shared/domain/backup';
import { useApi } from '../../api/ApiContext';
import { BackupDialog } from './BackupDialog';
import { LastBackupStatus } from './LastBackupStatus';

/** On the dashboard: when the data was last backed up (a warning after a week off the stick), and "Sao lưu ngay". */
export function DashboardBackupLine() {
  const { t } = useTranslation();
  const api = useApi();
  const [overview, setOverview] = useState<BackupOverview | null>(null);
  const [open, setOpen] = useState(false);
  const load = useCallback(() => {
    // The line is a reminder: if it cannot be read, the dashboard goes on without it.
    api
      .call('backup.overview', {})
      .then(setOverview)
      .catch(() => undefined);
  }, [api]);
  useEffect(load, [load]);
  if (!overview) return null;
  return (
    <Paper sx={{ px: 2.5, py: 1.5 }}>
      <Stack direction="row" alignItems="center" spacing={2}>
        <Stack sx={{ flexGrow: 1 }}>
          <LastBackupStatus overview={overview} />
        </Stack>
        <Button
          variant={overview.externalOverdue ? 'contained' : 'outlined'}
          onClick={() => setOpen(true)}
          sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
        >
          {t('backup.backUpNow')}
        </Button>
      </Stack>
      {open && <BackupDialog onClose={() => setOpen(false)} onDone={load} />}
    </Paper>
  );
}
