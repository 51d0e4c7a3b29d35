import { Chip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { InspectionStatus } from '../../../../shared/domain/inspection';

const COLORS: Record<InspectionStatus, 'default' | 'info' | 'success' | 'primary'> = {
  planned: 'default',
  draft: 'info',
  finalised: 'success',
  // Remedied is the good end of the road: never the red of an error.
  remedied: 'primary',
};

export function StatusChip({ status, size = 'small' }: { status: InspectionStatus; size?: 'small' | 'medium' }) {
  const { t } = useTranslation();
  return (
    <Chip
      size={size}
      label={t(`inspections.statuses.${status}`)}
      color={COLORS[status]}
      variant={status === 'planned' ? 'outlined' : 'filled'}
      sx={{ fontWeight: 500 }}
    />
  );
}
