import { useState } from 'react';
import { Button, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { errorMessage } from '../../api/errors';
import { useNotifier } from '../../components/Notifier';

/** Load or remove the labelled sample district. */
export function SampleDataPanel({ onChanged }: { onChanged?: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { notify } = useNotifier();
  const [busy, setBusy] = useState(false);

  const run = async (action: 'load' | 'remove') => {
    setBusy(true);
    try {
      if (action === 'load') {
        const { created } = await api.call('registry.loadSample', {});
        notify({ message: t('settings.sampleLoaded', { count: created }) });
      } else {
        const { removed, kept } = await api.call('registry.removeSample', {});
        const message = t('settings.sampleRemoved', { count: removed });
        notify({ message: kept > 0 ? `${message} ${t('settings.sampleKept', { count: kept })}` : message });
      }
      onChanged?.();
    } catch (error) {
      notify({ message: errorMessage(error, t('common.unexpected')), severity: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack direction="row" spacing={2}>
      <Button variant="outlined" disabled={busy} onClick={() => void run('load')}>
        {t('settings.loadSample')}
      </Button>
      <Button color="secondary" disabled={busy} onClick={() => void run('remove')}>
        {t('settings.removeSample')}
      </Button>
    </Stack>
  );
}
