import { Button, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useDataEvents } from '../../api/data-events';
import { errorMessage } from '../../api/errors';
import { useApiCommand } from '../../api/useApiCommand';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useNotifier } from '../../components/Notifier';

/**
 * Load the labelled sample district, or remove it once it is there: only the action that
 * applies is offered (removing is an ordinary choice here, not a danger, so it is not red).
 */
export function SampleDataPanel() {
  const { t } = useTranslation();
  const { notify } = useNotifier();
  const events = useDataEvents();
  const counts = useApiQuery('registry.counts', {});
  const onError = (error: unknown) =>
    notify({ message: errorMessage(error, t('common.unexpected')), severity: 'error' });
  const load = useApiCommand('registry.loadSample', { onError });
  const remove = useApiCommand('registry.removeSample', { onError });
  const busy = load.pending || remove.pending;

  const loadSample = async () => {
    const answer = await load.run({});
    if (!answer) return;
    notify({ message: t('settings.sampleLoaded', { count: answer.created }) });
    // Units, officials, plans and inspections all arrive at once.
    events.changedAll();
  };
  const removeSample = async () => {
    const answer = await remove.run({});
    if (!answer) return;
    const message = t('settings.sampleRemoved', { count: answer.removed });
    notify({ message: answer.kept > 0 ? `${message} ${t('settings.sampleKept', { count: answer.kept })}` : message });
    events.changedAll();
  };

  if (counts.error) return <ApiErrorAlert error={counts.error} onRetry={counts.reload} />;
  if (!counts.data) return null;
  const present = counts.data.sample;
  return (
    <Stack direction="row" spacing={2} alignItems="center">
      {present > 0 ? (
        <>
          <Typography variant="body2" color="text.secondary">
            {t('settings.samplePresent', { count: present })}
          </Typography>
          <Button variant="outlined" disabled={busy} onClick={() => void removeSample()}>
            {t('settings.removeSample')}
          </Button>
        </>
      ) : (
        <Button variant="outlined" disabled={busy} onClick={() => void loadSample()}>
          {t('settings.loadSample')}
        </Button>
      )}
    </Stack>
  );
}
