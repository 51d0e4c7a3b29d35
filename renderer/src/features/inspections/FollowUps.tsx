import { Button, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { LinkedInspection } from '../../../../shared/domain/inspection';
import { formatDate } from '../../../../shared/format/date';
import { navigate } from '../../app/routes';
import { StatusChip } from './StatusChip';

/** The re-inspections planned after this inspection, each with a way to open it. */
export function FollowUps({ reinspections }: { reinspections: LinkedInspection[] }) {
  const { t } = useTranslation();
  if (reinspections.length === 0)
    return (
      <Typography variant="body2" color="text.secondary">
        {t('progress.noReinspections')}
      </Typography>
    );
  return (
    <>
      {reinspections.map((follow) => (
        <Stack key={follow.id} direction="row" spacing={2} alignItems="center" sx={{ mb: 1 }}>
          <StatusChip status={follow.status} />
          <Typography variant="body2">
            {formatDate(follow.inspectionDate ?? follow.plannedDate) || t('plans.schedule.noDate')}
          </Typography>
          <Button size="small" onClick={() => navigate('inspections', follow.id)}>
            {t('inspections.open')}
          </Button>
        </Stack>
      ))}
    </>
  );
}
