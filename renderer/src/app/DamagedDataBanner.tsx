import { useEffect, useState } from 'react';
import { Alert, AlertTitle } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { DataHealthReport } from '../../../shared/api/system';
import { useApi } from '../api/ApiContext';

/** How often to ask: often while a large file is still being checked, then now and then (damage met at run time). */
const WHILE_CHECKING_MS = 2_000;
const OTHERWISE_MS = 15_000;

/**
 * A banner that stays while the data file is damaged: the core then refuses every change, and
 * the clerk must know why before typing anything more.
 */
export function DamagedDataBanner() {
  const { t } = useTranslation();
  const api = useApi();
  const [health, setHealth] = useState<DataHealthReport | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    const ask = () => {
      api
        .call('system.health', {})
        .then((report) => {
          if (stopped) return;
          setHealth(report);
          // Damage lasts for the whole session: once shown, there is nothing more to ask.
          if (!report.damaged) timer = window.setTimeout(ask, report.checking ? WHILE_CHECKING_MS : OTHERWISE_MS);
        })
        .catch(() => {
          if (!stopped) timer = window.setTimeout(ask, OTHERWISE_MS);
        });
    };
    ask();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [api]);

  if (!health?.damaged) return null;
  return (
    <Alert severity="error" role="alert" square sx={{ borderRadius: 0, flexShrink: 0 }}>
      <AlertTitle>{t('shell.damaged.title')}</AlertTitle>
      {t('shell.damaged.body', { file: health.file })}
    </Alert>
  );
}
