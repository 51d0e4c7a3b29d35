import { useEffect, useId, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  Stack,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { DestinationPicker } from '../../components/folders/DestinationPicker';
import {
  NewPasswordFields,
  NO_PASSWORD,
  newPasswordProblem,
  type NewPassword,
} from '../../components/folders/NewPasswordFields';
import { formatSize } from './backup-text';
import { useBackupJob } from './useBackupJob';

interface BackupDialogProps {
  /** Copy this listed backup elsewhere instead of making a new one. */
  copyOf?: { path: string; fileName: string };
  onClose(): void;
  /** A backup or copy was written and read back. */
  onDone?(): void;
}

/**
 * "Sao lưu ngay" (and "Chép ra…" of a listed backup): where to (USB sticks first, then the
 * folder used last time, then any folder through the system dialog or the app's own chooser),
 * an optional password typed twice, then progress with a Stop button, and what was written —
 * "có thể rút USB" only once the file was read back from the stick.
 */
export function BackupDialog({ copyOf, onClose, onDone }: BackupDialogProps) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const titleId = useId();
  const [target, setTarget] = useState<string>('');
  const [password, setPassword] = useState<NewPassword>(NO_PASSWORD);
  const [checked, setChecked] = useState(false);
  const { job, running, failure, start, cancel } = useBackupJob();

  const passwordProblem = newPasswordProblem(t, password);

  const begin = () => {
    setChecked(true);
    if (!target || passwordProblem) return;
    void start(() =>
      copyOf
        ? api.call('backup.copy', { path: copyOf.path, folder: target })
        : api.call('backup.start', { folder: target, password: password.enabled ? password.password : null }),
    ).then(() => {
      // The password is not kept a moment longer than needed: the core has derived its key.
      setPassword((current) => ({ ...current, password: '', again: '' }));
      setChecked(false);
    });
  };

  useEffect(() => {
    if (job?.state === 'done') onDone?.();
  }, [job?.state, onDone]);

  const close = () => {
    if (running) void cancel();
    onClose();
  };

  const result = job?.state === 'done' ? job.result : null;
  const resultText = result
    ? t(
        result.folderKind === 'removable'
          ? 'backup.now.doneRemovable'
          : result.folderKind === 'network'
            ? 'backup.now.doneNetwork'
            : 'backup.now.doneLocal',
        { file: result.path, size: formatSize(result.size, i18n.language) },
      )
    : null;
  const percent = job && job.total > 0 ? Math.min(100, Math.round((job.done / job.total) * 100)) : 0;
  const settled = job !== null && job.state !== 'running';

  return (
    <Dialog open onClose={close} maxWidth="sm" fullWidth aria-labelledby={titleId}>
      <DialogTitle id={titleId}>
        {copyOf ? t('backup.now.copyTitle', { file: copyOf.fileName }) : t('backup.now.title')}
      </DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2}>
          <DestinationPicker
            purpose="backup"
            label={t('backup.now.where')}
            chooseTitle={t('backup.now.chooseTitle')}
            value={target}
            onChange={setTarget}
            disabled={running || (job !== null && !settled)}
          />
          {!copyOf && job?.state !== 'done' && (
            <NewPasswordFields
              value={password}
              onChange={setPassword}
              checkboxLabel={t('backup.now.usePassword')}
              help={t('backup.now.passwordHelp')}
              disabled={running}
              showErrors={checked}
            />
          )}
          {job && (
            <Box role="status" aria-live="polite">
              <LinearProgress
                variant={job.total > 0 || settled ? 'determinate' : 'indeterminate'}
                value={settled ? 100 : percent}
                aria-label={t('backup.now.progressLabel')}
              />
              <Typography variant="body2" sx={{ mt: 1 }}>
                {job.state === 'cancelled'
                  ? t('backup.now.cancelled')
                  : job.state === 'running'
                    ? t(`backup.now.phases.${job.phase}`)
                    : ''}
              </Typography>
            </Box>
          )}
          {resultText && (
            <Alert severity="success" role="alert">
              {resultText}
            </Alert>
          )}
          {failure && (
            <Alert severity="error" role="alert">
              {failure}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        {running ? (
          <Button onClick={() => void cancel()} color="secondary">
            {t('backup.now.stop')}
          </Button>
        ) : (
          <Button onClick={close}>{t('common.close')}</Button>
        )}
        {job?.state !== 'done' && (
          <Button variant="contained" onClick={begin} disabled={running || !target}>
            {copyOf ? t('backup.now.startCopy') : t('backup.now.start')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
