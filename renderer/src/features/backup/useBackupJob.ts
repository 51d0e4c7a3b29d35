import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupJob } from '../../../../shared/domain/backup';
import { useApi } from '../../api/ApiContext';
import { errorMessage } from '../../api/errors';

const POLL_MS = 250;

/** A backup or copy job the core runs: started by a call, followed until it ends, stoppable. */
export function useBackupJob() {
  const { t } = useTranslation();
  const api = useApi();
  const [job, setJob] = useState<BackupJob | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const mounted = useRef(true);
  const running = job?.state === 'running';
  const jobId = job?.jobId ?? null;

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
        .call('backup.status', { jobId })
        .then((next) => mounted.current && setJob(next))
        .catch((error: unknown) => {
          if (!mounted.current) return;
          setFailure(errorMessage(error, t('common.unexpected')));
          setJob((current) => (current ? { ...current, state: 'failed' } : current));
        });
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [api, jobId, running, t]);

  const start = useCallback(
    async (begin: () => Promise<BackupJob>) => {
      setFailure(null);
      try {
        setJob(await begin());
      } catch (error) {
        setFailure(errorMessage(error, t('common.unexpected')));
      }
    },
    [t],
  );

  const cancel = useCallback(async () => {
    if (!jobId) return;
    try {
      setJob(await api.call('backup.cancel', { jobId }));
    } catch (error) {
      setFailure(errorMessage(error, t('common.unexpected')));
    }
  }, [api, jobId, t]);

  return { job, running, failure: failure ?? (job?.state === 'failed' ? job.error : null), start, cancel };
}
