import { useMemo, useState } from 'react';
import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import TableViewIcon from '@mui/icons-material/TableView';
import { useTranslation } from 'react-i18next';
import type { Statistics } from '../../../../shared/domain/statistics';
import { useApi } from '../../api/ApiContext';
import { useApiCommand } from '../../api/useApiCommand';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { defaultPeriod, ReportScopeFields, type ReportScope } from '../reports/ReportScopeFields';
import { ComparePanel } from './ComparePanel';
import { CriteriaChart, KindsChart, ProgressChart } from './StatisticsCharts';

/**
 * Thống kê: the figures people would rather look at than read — each plan's progress over the
 * months against its target, the units per kind, the share of units not meeting each
 * criterion — for the plans and period chosen; the workbook of the same figures; and two plans
 * of one checklist compared year on year.
 */
export function StatisticsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const plansQuery = useApiQuery('plans.list', {});
  const plans = plansQuery.data;
  // Every plan and their period until the clerk chooses otherwise.
  const [chosen, setChosen] = useState<ReportScope | null>(null);
  const scope = useMemo<ReportScope>(() => {
    if (chosen) return chosen;
    const planIds = (plans ?? []).map((plan) => plan.id);
    return { planIds, ...(defaultPeriod(plans ?? [], planIds) ?? { from: '', to: '' }) };
  }, [chosen, plans]);
  const ready = scope.planIds.length > 0 && scope.from !== '' && scope.to !== '' && scope.from <= scope.to;
  const statisticsQuery = useApiQuery('reports.statistics', ready ? scope : null, {
    topics: ['reports', 'plans', 'inspections', 'registry', 'checklists'],
  });
  const statistics = statisticsQuery.data;
  const workbook = useApiCommand('reports.workbook');
  const [saveFailure, setSaveFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const exporting = workbook.pending || saving;

  const exportWorkbook = async () => {
    setMessage(null);
    setSaveFailure(null);
    const download = await workbook.run(scope);
    if (!download) return;
    setSaving(true);
    try {
      if (await api.saveDownload(download)) setMessage(t('statistics.saved', { file: download.fileName }));
    } catch (error) {
      setSaveFailure(error);
    } finally {
      setSaving(false);
    }
  };

  const checklists = useMemo(() => {
    const byId = new Map<string, { name: string; criteria: Statistics['criteria'] }>();
    for (const criterion of statistics?.criteria ?? []) {
      const entry = byId.get(criterion.checklistId) ?? { name: criterion.checklistName, criteria: [] };
      entry.criteria.push(criterion);
      byId.set(criterion.checklistId, entry);
    }
    return [...byId.values()];
  }, [statistics]);

  return (
    <Box sx={{ overflow: 'auto', pb: 6 }}>
      <PageHeader title={t('statistics.title')}>
        <Button
          variant="outlined"
          startIcon={<TableViewIcon />}
          disabled={!ready || exporting}
          onClick={() => void exportWorkbook()}
        >
          {exporting ? t('statistics.exporting') : t('statistics.exportWorkbook')}
        </Button>
      </PageHeader>
      <Stack spacing={2} sx={{ px: 3, maxWidth: 1200 }}>
        <ApiErrorAlert error={plansQuery.error} onRetry={plansQuery.reload} />
        <ApiErrorAlert error={statisticsQuery.error} onRetry={statisticsQuery.reload} />
        <ApiErrorAlert error={workbook.error ?? saveFailure} />
        {message && (
          <Alert severity="success" role="status" onClose={() => setMessage(null)}>
            {message}
          </Alert>
        )}
        {plans && (
          <Paper sx={{ p: 2.5 }}>
            <ReportScopeFields plans={plans} value={scope} onChange={setChosen} />
          </Paper>
        )}
        {plans && plans.length === 0 && <Typography color="text.secondary">{t('statistics.noPlans')}</Typography>}
        {statistics && (
          <>
            <Paper component="section" aria-label={t('statistics.progressTitle')} sx={{ p: 2.5 }}>
              <Typography variant="h6" component="h2" sx={{ fontSize: 18 }}>
                {t('statistics.progressTitle')}
              </Typography>
              <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                {t('statistics.progressHelp')}
              </Typography>
              <ProgressChart statistics={statistics} />
            </Paper>
            <Paper component="section" aria-label={t('statistics.kindsTitle')} sx={{ p: 2.5 }}>
              <Typography variant="h6" component="h2" sx={{ fontSize: 18, mb: 1 }}>
                {t('statistics.kindsTitle')}
              </Typography>
              <KindsChart statistics={statistics} />
            </Paper>
            {checklists.map((checklist) => (
              <Paper
                key={checklist.name}
                component="section"
                aria-label={t('statistics.criteriaTitle', { checklist: checklist.name })}
                sx={{ p: 2.5 }}
              >
                <Typography variant="h6" component="h2" sx={{ fontSize: 18 }}>
                  {t('statistics.criteriaTitle', { checklist: checklist.name })}
                </Typography>
                <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                  {t('statistics.criteriaHelp')}
                </Typography>
                <CriteriaChart criteria={checklist.criteria} />
              </Paper>
            ))}
          </>
        )}
        {plans && plans.length > 1 && <ComparePanel plans={plans} />}
      </Stack>
    </Box>
  );
}
