import { useId, useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Report } from '../../../../shared/domain/report';
import { useApi } from '../../api/ApiContext';
import { ApiCallError, errorMessage } from '../../api/errors';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { navigate } from '../../app/routes';
import { defaultPeriod, ReportScopeFields, type ReportScope } from './ReportScopeFields';

interface ReportDraftDialogProps {
  /** Drafting again an existing report (its plans, period and charts as they are). */
  report?: Report;
  onDone(report: Report): void;
  onClose(): void;
}

/**
 * "Soạn báo cáo": the plans, the period and whether charts go in; the app drafts the whole
 * text from the figures. For an existing draft, the same choice drafts its text again.
 */
export function ReportDraftDialog({ report, onDone, onClose }: ReportDraftDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const titleId = useId();
  const plansQuery = useApiQuery('plans.list', {});
  const reportsQuery = useApiQuery('reports.list', {});
  const plans = plansQuery.data;
  const [chosen, setChosen] = useState<ReportScope | null>(
    report ? { planIds: report.plans.map((plan) => plan.id), from: report.periodFrom, to: report.periodTo } : null,
  );
  // Until the clerk chooses: the newest plan, and its own period.
  const scope = useMemo<ReportScope>(() => {
    if (chosen) return chosen;
    const planIds = plans?.[0] ? [plans[0].id] : [];
    return { planIds, ...((plans && defaultPeriod(plans, planIds)) ?? { from: '', to: '' }) };
  }, [chosen, plans]);
  // A report of the same plans and period already made: drafting another would make two.
  const same = report
    ? undefined
    : reportsQuery.data?.find(
        (other) =>
          other.periodFrom === scope.from &&
          other.periodTo === scope.to &&
          other.planIds.length === scope.planIds.length &&
          other.planIds.every((id) => scope.planIds.includes(id)),
      );
  const [withCharts, setWithCharts] = useState(report?.fields.withCharts ?? true);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = async () => {
    setBusy(true);
    setFailure(null);
    setErrors({});
    try {
      const answer = report
        ? await api.call('reports.redraft', { id: report.id, rev: report.rev, ...scope, withCharts })
        : await api.call('reports.draft', { ...scope, withCharts });
      onDone(answer);
    } catch (error) {
      if (error instanceof ApiCallError && error.fields) setErrors(error.fields);
      setFailure(errorMessage(error, t('common.unexpected')));
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="md" fullWidth>
      <DialogTitle id={titleId}>{report ? t('reports.redraftTitle') : t('reports.draftTitle')}</DialogTitle>
      <DialogContent dividers>
        {report && (
          <Alert severity="warning" sx={{ mb: 2 }}>
            {t('reports.redraftWarning')}
          </Alert>
        )}
        <ApiErrorAlert error={plansQuery.error} onRetry={plansQuery.reload} sx={{ mb: 2 }} />
        {failure && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {failure}
          </Alert>
        )}
        {plans && (
          <ReportScopeFields
            plans={plans}
            value={scope}
            onChange={(next) => {
              // A message about the choice made before would now be about another one.
              setChosen(next);
              setFailure(null);
              setErrors({});
            }}
            errors={errors}
          />
        )}
        {same && (
          <Alert
            severity="info"
            sx={{ mt: 2 }}
            action={
              <Button
                color="inherit"
                size="small"
                onClick={() => {
                  onClose();
                  navigate('reports', same.id);
                }}
              >
                {t('reports.openSame')}
              </Button>
            }
          >
            {t(same.status === 'finalised' ? 'reports.sameFinalised' : 'reports.sameDraft', { title: same.title })}
          </Alert>
        )}
        <FormControlLabel
          sx={{ mt: 1 }}
          control={<Checkbox checked={withCharts} onChange={(event) => setWithCharts(event.target.checked)} />}
          label={t('reports.withCharts')}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button
          variant="contained"
          onClick={() => void submit()}
          disabled={busy || scope.planIds.length === 0 || scope.from === '' || scope.to === ''}
        >
          {busy ? t('reports.drafting') : report ? t('reports.redraft') : t('reports.draft')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
