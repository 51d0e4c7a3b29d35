import { useCallback, useEffect, useId, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  LinearProgress,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { MIN_BACKUP_PASSWORD } from '../../../../shared/domain/backup';
import type { FolderPlaces } from '../../../../shared/domain/folders';
import { useApi } from '../../api/ApiContext';
import { errorMessage } from '../../api/errors';
import { formatSize } from './backup-text';
import { useBackupJob } from './useBackupJob';

interface BackupDialogProps {
  /** Copy this listed backup elsewhere instead of making a new one. */
  copyOf?: { path: string; fileName: string };
  onClose(): void;
  /** A backup or copy was written and read back. */
  onDone?(): void;
}

interface Destination {
  path: string;
  label: string;
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
  const [places, setPlaces] = useState<FolderPlaces | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [target, setTarget] = useState<string>('');
  const [usePassword, setUsePassword] = useState(false);
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [checked, setChecked] = useState(false);
  const [loadFailure, setLoadFailure] = useState<string | null>(null);
  const { job, running, failure, start, cancel } = useBackupJob();

  const loadPlaces = useCallback(() => {
    api
      .call('folders.places', { purpose: 'backup' })
      .then((found) => {
        setPlaces(found);
        setTarget((current) => current || found.drives[0]?.path || found.lastUsed || '');
      })
      .catch((error: unknown) => setLoadFailure(errorMessage(error, t('common.unexpected'))));
  }, [api, t]);
  useEffect(loadPlaces, [loadPlaces]);

  const destinations: Destination[] = [];
  for (const drive of places?.drives ?? []) {
    destinations.push({
      path: drive.path,
      label: t('backup.now.drive', {
        kind: t(`backup.now.driveKinds.${drive.kind}`),
        label: drive.label,
        path: drive.path,
        free: drive.freeBytes === null ? '?' : formatSize(drive.freeBytes, i18n.language),
      }),
    });
  }
  if (places?.lastUsed && !destinations.some((destination) => destination.path === places.lastUsed)) {
    destinations.push({ path: places.lastUsed, label: t('backup.now.lastUsed', { folder: places.lastUsed }) });
  }
  if (chosen && !destinations.some((destination) => destination.path === chosen)) {
    destinations.push({ path: chosen, label: t('backup.now.chosen', { folder: chosen }) });
  }

  const chooseOther = async () => {
    try {
      const folder = await api.chooseFolder({ purpose: 'backup', title: t('backup.now.chooseTitle') });
      if (folder) {
        setChosen(folder);
        setTarget(folder);
      }
    } catch (error) {
      setLoadFailure(errorMessage(error, t('common.unexpected')));
    }
  };

  const passwordProblem =
    usePassword && password.length < MIN_BACKUP_PASSWORD
      ? t('backup.passwordTooShort')
      : usePassword && password !== again
        ? t('backup.now.passwordMismatch')
        : null;

  const begin = () => {
    setChecked(true);
    if (!target || passwordProblem) return;
    void start(() =>
      copyOf
        ? api.call('backup.copy', { path: copyOf.path, folder: target })
        : api.call('backup.start', { folder: target, password: usePassword ? password : null }),
    ).then(() => {
      // The password is not kept a moment longer than needed: the core has derived its key.
      setPassword('');
      setAgain('');
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
          <FormControl disabled={job !== null && !settled}>
            <FormLabel id={`${titleId}-where`}>{t('backup.now.where')}</FormLabel>
            {places && places.drives.length === 0 && (
              <FormHelperText sx={{ mx: 0 }}>{t('backup.now.noDrive')}</FormHelperText>
            )}
            <RadioGroup
              aria-labelledby={`${titleId}-where`}
              value={target}
              onChange={(event) => setTarget(event.target.value)}
            >
              {destinations.map((destination) => (
                <FormControlLabel
                  key={destination.path}
                  value={destination.path}
                  control={<Radio />}
                  label={destination.label}
                />
              ))}
            </RadioGroup>
            <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
              <Button variant="outlined" size="small" onClick={() => void chooseOther()} disabled={running}>
                {t('backup.now.otherFolder')}
              </Button>
              <Button size="small" onClick={loadPlaces} disabled={running}>
                {t('backup.now.refresh')}
              </Button>
            </Stack>
          </FormControl>
          {!copyOf && job?.state !== 'done' && (
            <Box>
              <FormControlLabel
                control={
                  <Checkbox
                    checked={usePassword}
                    onChange={(event) => setUsePassword(event.target.checked)}
                    disabled={running}
                  />
                }
                label={t('backup.now.usePassword')}
              />
              {usePassword && (
                <Stack spacing={2} sx={{ mt: 1 }}>
                  <Typography variant="body2" color="text.secondary">
                    {t('backup.now.passwordHelp')}
                  </Typography>
                  <TextField
                    type="password"
                    label={t('backup.now.password')}
                    value={password}
                    onChange={(event) => setPassword(event.target.value)}
                    autoComplete="new-password"
                    disabled={running}
                    error={checked && password.length < MIN_BACKUP_PASSWORD}
                    helperText={checked && password.length < MIN_BACKUP_PASSWORD ? t('backup.passwordTooShort') : null}
                  />
                  <TextField
                    type="password"
                    label={t('backup.now.passwordAgain')}
                    value={again}
                    onChange={(event) => setAgain(event.target.value)}
                    autoComplete="new-password"
                    disabled={running}
                    error={checked && password !== again}
                    helperText={checked && password !== again ? t('backup.now.passwordMismatch') : null}
                  />
                </Stack>
              )}
            </Box>
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
          {(failure ?? loadFailure) && (
            <Alert severity="error" role="alert">
              {failure ?? loadFailure}
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
