import { useCallback, useEffect, useState } from 'react';
import { Alert, Box, Button, Divider, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { BackupEntry, BackupOverview } from '../../../../shared/domain/backup';
import { useApi } from '../../api/ApiContext';
import { errorMessage } from '../../api/errors';
import { useNotifier } from '../../components/Notifier';
import { useChooseFile, type ChosenFileSource } from '../../components/folders/useChooseFile';
import { BackupDialog } from './BackupDialog';
import { BackupList } from './BackupList';
import { LastBackupStatus } from './LastBackupStatus';
import { RestoreDialog } from './RestoreDialog';

/** What "Khôi phục từ tệp…" accepts: backups, and a data file copied by hand. */
export const RESTORE_EXTENSIONS = ['klkbak', 'sqlite3', 'sqlite', 'db'];

export const BACKUP_SECTION_ID = 'sao-luu';

/**
 * Cài đặt → "Sao lưu và khôi phục": the last backup, failures, "Sao lưu ngay", restore from a
 * file, the automatic backups' folders and the list of backups.
 */
export function BackupSection() {
  const { t } = useTranslation();
  const api = useApi();
  const { notify } = useNotifier();
  const chooseFile = useChooseFile();
  const [overview, setOverview] = useState<BackupOverview | null>(null);
  const [entries, setEntries] = useState<BackupEntry[]>([]);
  const [secondProblem, setSecondProblem] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [dialog, setDialog] = useState<
    | { kind: 'backup' }
    | { kind: 'copy'; entry: BackupEntry }
    | { kind: 'restore'; source: ChosenFileSource; fileName: string }
    | null
  >(null);

  const load = useCallback(() => {
    Promise.all([api.call('backup.overview', {}), api.call('backup.list', {})])
      .then(([nextOverview, list]) => {
        setOverview(nextOverview);
        setEntries(list.entries);
        setSecondProblem(list.secondFolderProblem);
      })
      .catch((error: unknown) => setFailure(errorMessage(error, t('common.unexpected'))));
  }, [api, t]);
  useEffect(load, [load]);

  const restoreFromFile = async () => {
    try {
      const chosen = await chooseFile({
        purpose: 'restore',
        title: t('backup.restore.chooseFile'),
        filterName: t('backup.restore.fileFilter'),
        extensions: RESTORE_EXTENSIONS,
      });
      if (chosen) setDialog({ kind: 'restore', ...chosen });
    } catch (error) {
      setFailure(errorMessage(error, t('common.unexpected')));
    }
  };

  const setSecondFolder = async (choose: boolean) => {
    try {
      const folder = choose
        ? await api.chooseFolder({ purpose: 'secondFolder', title: t('backup.secondFolderTitle') })
        : null;
      if (choose && !folder) return;
      setOverview(await api.call('backup.setSecondFolder', { folder }));
      notify({ message: folder ? t('backup.secondFolderSet', { folder }) : t('backup.secondFolderRemoved') });
      load();
    } catch (error) {
      setFailure(errorMessage(error, t('common.unexpected')));
    }
  };

  return (
    <Paper component="section" aria-labelledby={BACKUP_SECTION_ID} id={`${BACKUP_SECTION_ID}-section`} sx={{ p: 3 }}>
      <Typography id={BACKUP_SECTION_ID} variant="h6" component="h2" gutterBottom>
        {t('backup.section')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('backup.sectionHelp')}
      </Typography>
      <Stack spacing={2}>
        {overview && <LastBackupStatus overview={overview} />}
        <Stack direction="row" spacing={1}>
          <Button variant="contained" onClick={() => setDialog({ kind: 'backup' })}>
            {t('backup.backUpNow')}
          </Button>
          <Button variant="outlined" onClick={() => void restoreFromFile()}>
            {t('backup.restoreFromFile')}
          </Button>
        </Stack>
        {failure && (
          <Alert severity="error" role="alert" onClose={() => setFailure(null)}>
            {failure}
          </Alert>
        )}
        <Divider />
        <Typography variant="subtitle1" component="h3">
          {t('backup.automatic')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('backup.automaticHelp')}
        </Typography>
        {overview && (
          <Stack spacing={1}>
            <Folder label={t('backup.dataFolder')} value={overview.dataFolder} />
            <Folder label={t('backup.secondFolder')} value={overview.secondFolder ?? t('backup.secondFolderNone')} />
            {secondProblem && <Alert severity="warning">{secondProblem}</Alert>}
            <Stack direction="row" spacing={1}>
              <Button size="small" variant="outlined" onClick={() => void setSecondFolder(true)}>
                {t('backup.chooseSecondFolder')}
              </Button>
              {overview.secondFolder && (
                <Button size="small" onClick={() => void setSecondFolder(false)}>
                  {t('backup.removeSecondFolder')}
                </Button>
              )}
            </Stack>
          </Stack>
        )}
        <Divider />
        <Stack direction="row" alignItems="center">
          <Typography variant="subtitle1" component="h3" sx={{ flexGrow: 1 }}>
            {t('backup.list.title')}
          </Typography>
          <Button size="small" onClick={load}>
            {t('backup.list.refresh')}
          </Button>
        </Stack>
        <Box sx={{ overflowX: 'auto' }}>
          <BackupList
            entries={entries}
            onRestore={(entry) =>
              setDialog({ kind: 'restore', source: { path: entry.path }, fileName: entry.fileName })
            }
            onCopy={(entry) => setDialog({ kind: 'copy', entry })}
          />
        </Box>
      </Stack>
      {dialog?.kind === 'backup' && <BackupDialog onClose={() => setDialog(null)} onDone={load} />}
      {dialog?.kind === 'copy' && (
        <BackupDialog
          copyOf={{ path: dialog.entry.path, fileName: dialog.entry.fileName }}
          onClose={() => setDialog(null)}
          onDone={load}
        />
      )}
      {dialog?.kind === 'restore' && (
        <RestoreDialog source={dialog.source} fileName={dialog.fileName} onClose={() => setDialog(null)} />
      )}
    </Paper>
  );
}

function Folder({ label, value }: { label: string; value: string }) {
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
      <Typography variant="body2" color="text.secondary" sx={{ width: 260, flexShrink: 0 }}>
        {label}
      </Typography>
      <Typography variant="body2" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }} aria-label={label}>
        {value}
      </Typography>
    </Stack>
  );
}
