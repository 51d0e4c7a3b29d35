import { useEffect, useId, useRef, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormLabel,
  LinearProgress,
  Radio,
  RadioGroup,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { BATCH_OUTPUTS, type BatchOutput } from '../../../../shared/domain/minutes';
import type { BatchStatusValue } from '../../../../shared/api/minutes';
import { useApi } from '../../api/ApiContext';
import { errorMessage } from '../../api/errors';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useNotifier } from '../../components/Notifier';

const POLL_MS = 250;

interface MinutesBatchDialogProps {
  planId: string;
  onClose(): void;
}

/**
 * The minutes of a whole plan at once: one PDF, or one file each into a folder. Shows progress
 * while the core works, can be stopped between two documents, and saves only a finished batch.
 */
export function MinutesBatchDialog({ planId, onClose }: MinutesBatchDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const { notify } = useNotifier();
  const titleId = useId();
  const [output, setOutput] = useState<BatchOutput>('onePdf');
  const [status, setStatus] = useState<BatchStatusValue | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const jobId = status?.jobId ?? null;
  const running = status?.state === 'running';
  const mounted = useRef(true);
  // What the batch will hold (the core prints recorded inspections: finalised, remedied, drafts).
  const finished = useApiQuery('inspections.list', { planId, statuses: ['finalised', 'remedied'], limit: 1 });
  const drafts = useApiQuery('inspections.list', { planId, statuses: ['draft'], limit: 1 });
  const counted = finished.data && drafts.data ? { done: finished.data.total, drafts: drafts.data.total } : null;
  const total = counted ? counted.done + counted.drafts : null;

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (!jobId || !running) return undefined;
    const timer = window.setInterval(() => {
      api
        .call('minutes.batch.status', { jobId })
        .then((next) => {
          if (mounted.current) setStatus(next);
        })
        .catch((error: unknown) => {
          if (!mounted.current) return;
          setFailure(errorMessage(error, t('common.unexpected')));
          // The job cannot be followed any more (e.g. browser mode was restarted): stop asking.
          setStatus((current) => (current ? { ...current, state: 'failed' } : current));
        });
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [api, jobId, running, t]);

  const start = async () => {
    setFailure(null);
    try {
      setStatus(await api.call('minutes.batch.start', { planId, output }));
    } catch (error) {
      setFailure(errorMessage(error, t('common.unexpected')));
    }
  };

  const cancel = async () => {
    if (!jobId) return;
    try {
      setStatus(await api.call('minutes.batch.cancel', { jobId }));
    } catch (error) {
      setFailure(errorMessage(error, t('common.unexpected')));
    }
  };

  const save = async () => {
    if (!status || status.downloads.length === 0) return;
    setSaving(true);
    try {
      if (output === 'onePdf') {
        const [download] = status.downloads;
        if (download && (await api.saveDownload(download))) {
          notify({ message: t('minutes.saved', { file: download.fileName }) });
          onClose();
        }
      } else {
        const saved = await api.saveDownloadsToFolder(status.downloads);
        if (saved) {
          notify({ message: t('minutes.batch.savedFolder', { count: saved.saved }) });
          onClose();
        }
      }
    } catch (error) {
      setFailure(errorMessage(error, t('common.unexpected')));
    } finally {
      if (mounted.current) setSaving(false);
    }
  };

  const close = () => {
    // Closing while it runs stops it: nothing is left working unseen.
    if (running) void cancel();
    onClose();
  };

  const percent = status && status.total > 0 ? Math.round((status.done / status.total) * 100) : 0;
  return (
    <Dialog open onClose={saving ? undefined : close} maxWidth="sm" fullWidth aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{t('minutes.batch.title')}</DialogTitle>
      <DialogContent dividers>
        <DialogContentText sx={{ mb: 2 }} role="status">
          {counted === null
            ? t('minutes.batch.help')
            : counted.done + counted.drafts === 0
              ? t('minutes.batch.willMakeNone')
              : counted.drafts === 0
                ? t('minutes.batch.willMake', { count: counted.done })
                : t('minutes.batch.willMakeWithDrafts', {
                    count: counted.done + counted.drafts,
                    done: counted.done,
                    drafts: counted.drafts,
                  })}
        </DialogContentText>
        <ApiErrorAlert
          error={finished.error ?? drafts.error}
          onRetry={() => {
            finished.reload();
            drafts.reload();
          }}
          sx={{ mb: 2 }}
        />
        <FormControl disabled={status !== null && status.state !== 'cancelled' && status.state !== 'failed'}>
          <FormLabel id={`${titleId}-output`}>{t('minutes.batch.output')}</FormLabel>
          <RadioGroup
            aria-labelledby={`${titleId}-output`}
            value={output}
            onChange={(event) => setOutput(event.target.value as BatchOutput)}
          >
            {BATCH_OUTPUTS.map((value) => (
              <FormControlLabel
                key={value}
                value={value}
                control={<Radio />}
                label={t(`minutes.batch.outputs.${value}`)}
              />
            ))}
          </RadioGroup>
        </FormControl>
        {status && (
          <Box sx={{ mt: 2 }} role="status" aria-live="polite">
            <LinearProgress
              variant={running && status.done === status.total ? 'indeterminate' : 'determinate'}
              value={percent}
              aria-label={t('minutes.batch.progress', { done: status.done, total: status.total })}
            />
            <Typography variant="body2" sx={{ mt: 1 }}>
              {status.state === 'done'
                ? t('minutes.batch.done', { total: status.total })
                : status.state === 'cancelled'
                  ? t('minutes.batch.cancelled')
                  : t('minutes.batch.progress', { done: status.done, total: status.total })}
            </Typography>
            {running && (
              <Typography variant="body2" color="text.secondary" noWrap>
                {status.current
                  ? t('minutes.batch.current', { unit: status.current })
                  : status.done === status.total
                    ? t('minutes.batch.joining')
                    : ''}
              </Typography>
            )}
          </Box>
        )}
        {(failure ?? (status?.state === 'failed' ? status.error : null)) && (
          <Alert severity="error" role="alert" sx={{ mt: 2 }}>
            {failure ?? status?.error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        {running ? (
          <Button onClick={() => void cancel()} color="secondary">
            {t('minutes.batch.cancel')}
          </Button>
        ) : (
          <Button onClick={close} disabled={saving}>
            {t('minutes.close')}
          </Button>
        )}
        {status?.state === 'done' ? (
          <Button variant="contained" onClick={() => void save()} disabled={saving} autoFocus>
            {output === 'onePdf' ? t('minutes.batch.save') : t('minutes.batch.saveFolder')}
          </Button>
        ) : (
          <Button variant="contained" onClick={() => void start()} disabled={running || total === 0} autoFocus>
            {t('minutes.batch.start')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
