import { useEffect, useState } from 'react';
import { Alert, Box, Button, Chip, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ProgressOverview } from '../../../../shared/domain/progress';
import { formatDate } from '../../../../shared/format/date';
import { useApi } from '../../api/ApiContext';
import { errorMessage } from '../../api/errors';
import { navigate } from '../../app/routes';
import { PageHeader } from '../../components/PageHeader';
import { periodLabel } from '../plans/plan-labels';
import { PlanProgressSummary } from './PlanProgressSummary';
import { DashboardBackupLine } from '../backup/DashboardBackupLine';

/** Tổng quan: every plan's progress at a glance, read from the summary (instant at any size). */
export function DashboardPage() {
  const { t } = useTranslation();
  const api = useApi();
  const [overview, setOverview] = useState<ProgressOverview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    api
      .call('progress.overview', {})
      .then(setOverview)
      .catch((error: unknown) => setFailure(errorMessage(error, t('common.unexpected'))));
  }, [api, t]);

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
        {failure && <Alert severity="error">{failure}</Alert>}
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
              <Chip size="small" label={periodLabel(t, plan)} />
              <Button size="small" onClick={() => navigate('plans', plan.planId)}>
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
