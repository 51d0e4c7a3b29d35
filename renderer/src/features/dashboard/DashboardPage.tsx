import { Box, Button, Chip, Paper, Stack, Typography } from '@mui/material';
import SyncAltIcon from '@mui/icons-material/SyncAlt';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/format/date';
import { useApiQuery } from '../../api/useApiQuery';
import { navigate } from '../../app/routes';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { periodLabel } from '../plans/plan-labels';
import { PlanProgressSummary } from './PlanProgressSummary';
import { DashboardBackupLine } from '../backup/DashboardBackupLine';

/** Tổng quan: every plan's progress at a glance, read from the summary (instant at any size). */
export function DashboardPage() {
  const { t } = useTranslation();
  const query = useApiQuery('progress.overview', {}, { topics: ['progress', 'plans', 'inspections', 'registry'] });
  const overview = query.data;
  // The whole district is worth a line once there is more than one plan, or another office's.
  const showDistrict =
    overview !== undefined && (overview.plans.length > 1 || overview.plans.some((plan) => plan.originName !== ''));

  return (
    <Box sx={{ overflow: 'auto', pb: 4 }}>
      <PageHeader title={t('progress.title')}>
        {overview && (
          <Typography variant="body2" color="text.secondary">
            {t('progress.today', { date: formatDate(overview.today) })}
          </Typography>
        )}
      </PageHeader>
      <Stack spacing={2} sx={{ px: 3, maxWidth: 1100 }}>
        <DashboardBackupLine />
        <ApiErrorAlert error={query.error} onRetry={query.reload} />
        {showDistrict && (
          <Typography sx={{ fontWeight: 600 }} data-testid="district">
            {t('progress.district', { inspected: overview.district.inspected, scope: overview.district.scope })}
          </Typography>
        )}
        {overview && overview.plans.length === 0 && (
          <Paper sx={{ p: 3 }}>
            <Typography color="text.secondary" sx={{ mb: 2 }}>
              {t('progress.empty')}
            </Typography>
            <Button variant="contained" onClick={() => navigate('plans')}>
              {t('plans.add')}
            </Button>
          </Paper>
        )}
        {overview?.plans.map((plan) => (
          <Paper key={plan.planId} component="section" aria-label={plan.title} sx={{ p: 2.5 }}>
            <Stack direction="row" alignItems="center" spacing={1.5} sx={{ mb: 1 }}>
              <Typography variant="h6" component="h2" sx={{ flexGrow: 1, fontSize: 18 }}>
                {plan.title}
              </Typography>
              {plan.isSample && (
                <Chip size="small" variant="outlined" color="warning" label={t('common.sampleBadge')} />
              )}
              {plan.originName && (
                <Chip
                  size="small"
                  color="primary"
                  variant="outlined"
                  icon={<SyncAltIcon />}
                  label={t('progress.originChip', { office: plan.originName })}
                  // A long office name wraps onto a second line instead of ending in "…".
                  sx={{
                    maxWidth: 320,
                    height: 'auto',
                    py: 0.25,
                    flexShrink: 0,
                    '& .MuiChip-label': { whiteSpace: 'normal', overflow: 'visible' },
                  }}
                />
              )}
              <Chip size="small" label={periodLabel(t, plan)} />
              <Button
                size="small"
                onClick={() => navigate('plans', plan.planId)}
                sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
              >
                {t('progress.openPlan')}
              </Button>
            </Stack>
            <PlanProgressSummary progress={plan} />
          </Paper>
        ))}
      </Stack>
    </Box>
  );
}
