import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { InspectedBackup } from '../../../../shared/domain/backup';
import { formatDateTime } from '../../../../shared/format/date';
import { useApi } from '../../api/ApiContext';
import { errorMessage } from '../../api/errors';
import type { ChosenFileSource } from '../../components/folders/useChooseFile';

export type RestoreSource = ChosenFileSource;

interface RestoreDialogProps {
  source: RestoreSource;
  fileName: string;
  onClose(): void;
}

type Ready = Extract<InspectedBackup, { state: 'ready' }>;
type Step =
  | { kind: 'checking' }
  | { kind: 'password'; failure: string | null }
  | { kind: 'ready'; inspected: Ready }
  | { kind: 'restoring'; inspected: Ready }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; message: string };

const COUNTS = ['units', 'plans', 'inspections', 'finalisedMinutes'] as const;

/**
 * "Khôi phục": the file is checked in full first (password asked for when it has one), then
 * what it holds is shown beside today's data before anything changes; on confirmation the core
 * backs up today's data and switches. Afterwards the page is reloaded so every screen shows the
 * restored data.
 */
export function RestoreDialog({ source, fileName, onClose }: RestoreDialogProps) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const titleId = useId();
  const [step, setStep] = useState<Step>({ kind: 'checking' });
  const [password, setPassword] = useState('');
  const stagingId = useRef<string | null>(null);

  const inspect = useCallback(
    (withPassword: string | null) =>
      api.call('backup.inspect', { source, password: withPassword }).then(
        (inspected) => {
          if (inspected.state === 'needsPassword') {
            setStep({ kind: 'password', failure: null });
            return;
          }
          stagingId.current = inspected.stagingId;
          setPassword('');
          setStep({ kind: 'ready', inspected });
        },
        (error: unknown) => {
          const message = errorMessage(error, t('common.unexpected'));
          setStep(withPassword !== null ? { kind: 'password', failure: message } : { kind: 'failed', message });
        },
      ),
    [api, source, t],
  );

  useEffect(() => {
    void inspect(null);
  }, [inspect]);

  const restore = async (inspected: Ready) => {
    setStep({ kind: 'restoring', inspected });
    try {
      const done = await api.call('backup.restore', { stagingId: inspected.stagingId });
      stagingId.current = null;
      setStep({ kind: 'done', message: t('backup.restore.done', { file: done.fileName, safety: done.safetyBackup }) });
    } catch (error) {
      setStep({ kind: 'failed', message: errorMessage(error, t('common.unexpected')) });
    }
  };

  const close = () => {
    if (step.kind === 'restoring') return;
    if (step.kind === 'done') {
      // Every screen, the office's name and the language may differ now: start afresh.
      window.location.reload();
      return;
    }
    if (stagingId.current) void api.call('backup.discard', { stagingId: stagingId.current }).catch(() => undefined);
    onClose();
  };

  const submitPassword = (event: FormEvent) => {
    event.preventDefault();
    if (!password) return;
    setStep({ kind: 'checking' });
    void inspect(password);
  };

  const number = (value: number) => value.toLocaleString(i18n.language);
  const takenAt = (inspected: Ready) => {
    const time = inspected.takenAt ? formatDateTime(inspected.takenAt) : t('backup.restore.unknownTime');
    return inspected.source === 'dataFile' ? t('backup.restore.takenAtDataFile', { time }) : time;
  };

  return (
    <Dialog open onClose={close} maxWidth="md" fullWidth aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{t('backup.restore.title')}</DialogTitle>
      <DialogContent dividers>
        {step.kind === 'checking' && (
          <Box role="status">
            <Typography sx={{ mb: 1 }}>{t('backup.restore.checking', { file: fileName })}</Typography>
            <LinearProgress />
          </Box>
        )}
        {step.kind === 'password' && (
          <Stack component="form" spacing={2} onSubmit={submitPassword} id={`${titleId}-password`}>
            <DialogContentText>{t('backup.restore.passwordNeeded', { file: fileName })}</DialogContentText>
            <TextField
              type="password"
              label={t('backup.now.password')}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              autoComplete="off"
              autoFocus
            />
            {step.failure && (
              <Alert severity="error" role="alert">
                {step.failure}
              </Alert>
            )}
          </Stack>
        )}
        {(step.kind === 'ready' || step.kind === 'restoring') && (
          <Stack spacing={2}>
            <DialogContentText>{t('backup.restore.summary', { file: step.inspected.fileName })}</DialogContentText>
            <Table size="small" aria-label={t('backup.restore.title')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('backup.restore.what')}</TableCell>
                  <TableCell>{t('backup.restore.inBackup')}</TableCell>
                  <TableCell>{t('backup.restore.current')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                <TableRow>
                  <TableCell component="th" scope="row">
                    {t('backup.restore.rows.office')}
                  </TableCell>
                  <TableCell>{step.inspected.office.name}</TableCell>
                  <TableCell>{step.inspected.current.office.name}</TableCell>
                </TableRow>
                <TableRow>
                  <TableCell component="th" scope="row">
                    {t('backup.restore.rows.takenAt')}
                  </TableCell>
                  <TableCell>{takenAt(step.inspected)}</TableCell>
                  <TableCell />
                </TableRow>
                {COUNTS.map((key) => (
                  <TableRow key={key}>
                    <TableCell component="th" scope="row">
                      {t(`backup.restore.rows.${key}`)}
                    </TableCell>
                    <TableCell
                      sx={{
                        fontWeight: step.inspected.counts[key] === step.inspected.current.counts[key] ? 400 : 700,
                      }}
                    >
                      {number(step.inspected.counts[key])}
                    </TableCell>
                    <TableCell>{number(step.inspected.current.counts[key])}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {step.inspected.office.id !== step.inspected.current.office.id && (
              <Alert severity="warning">
                {t('backup.restore.otherOffice', { office: step.inspected.office.name })}
              </Alert>
            )}
            {step.inspected.migratedFrom !== null && <Alert severity="info">{t('backup.restore.migrated')}</Alert>}
            <Alert severity="warning">{t('backup.restore.warning')}</Alert>
            {step.kind === 'restoring' && (
              <Box role="status">
                <Typography sx={{ mb: 1 }}>{t('backup.restore.restoring')}</Typography>
                <LinearProgress />
              </Box>
            )}
          </Stack>
        )}
        {step.kind === 'done' && (
          <Alert severity="success" role="alert">
            {step.message}
          </Alert>
        )}
        {step.kind === 'failed' && (
          <Alert severity="error" role="alert">
            {step.message}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        {step.kind === 'done' ? (
          <Button variant="contained" onClick={close} autoFocus>
            {t('backup.restore.reload')}
          </Button>
        ) : (
          <Button onClick={close} disabled={step.kind === 'restoring'}>
            {t('common.cancel')}
          </Button>
        )}
        {step.kind === 'password' && (
          <Button variant="contained" type="submit" form={`${titleId}-password`} disabled={!password}>
            {t('backup.restore.open')}
          </Button>
        )}
        {(step.kind === 'ready' || step.kind === 'restoring') && (
          <Button
            variant="contained"
            color="error"
            onClick={() => step.kind === 'ready' && void restore(step.inspected)}
            disabled={step.kind === 'restoring'}
          >
            {t('backup.restore.confirm')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
