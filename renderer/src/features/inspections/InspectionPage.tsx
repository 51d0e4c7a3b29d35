import { Box, CircularProgress } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { InspectionEditor } from './InspectionEditor';

/** Loads the inspection, then hands it to the editor (keyed, so a reload starts it afresh). */
export function InspectionPage({ id }: { id: string }) {
  const { t } = useTranslation();
  // The editor keeps its own copy once it has it: only an explicit reload (after a conflict)
  // or a change of everything (a restore) reads the record again.
  const query = useApiQuery('inspections.get', { id }, { topics: [] });
  const detail = query.data;
  if (query.error) return <ApiErrorAlert error={query.error} onRetry={query.reload} sx={{ m: 3 }} />;
  if (!detail || query.loading) {
    return (
      <Box sx={{ p: 4, display: 'grid', placeItems: 'center' }} role="status" aria-label={t('common.loading')}>
        <CircularProgress />
      </Box>
    );
  }
  return <InspectionEditor key={`${detail.id}:${query.version}`} initial={detail} onReload={query.reload} />;
}
