import { useEffect, useId, useState, type FormEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Grid,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Checklist } from '../../../../shared/domain/checklist';
import {
  LEGAL_BASIS_SUGGESTIONS,
  PERIOD_KINDS,
  emptyPlanInput,
  planInputSchema,
  periodYears,
  planToInput,
  teamParentBodyOf,
  type PeriodKind,
  type Plan,
  type PlanInputRaw,
} from '../../../../shared/domain/plan';
import { useApi } from '../../api/ApiContext';
import { ApiCallError, errorMessage } from '../../api/errors';
import { useSettings } from '../../app/SettingsContext';
import { fieldErrors } from '../../components/zod-errors';
import { DateField } from '../inspections/DateField';

interface PlanFormDialogProps {
  plan: Plan | null;
  onClose(): void;
  onSaved(plan: Plan, created: boolean): void;
}

/**
 * A plan's own fields. Keyboard first like the unit form: the title has focus, Tab moves on,
 * Ctrl+Enter saves from anywhere, Esc cancels; lists are native selects.
 */
export function PlanFormDialog({ plan, onClose, onSaved }: PlanFormDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const { settings } = useSettings();
  const titleId = useId();
  const [checklists, setChecklists] = useState<Checklist[]>([]);
  const [value, setValue] = useState<PlanInputRaw>(() =>
    plan ? planToInput(plan) : emptyPlanInput('', settings.office?.name ?? '', new Date().getFullYear()),
  );
  // The team's line follows the issuer until the clerk writes another.
  const [headerFollows, setHeaderFollows] = useState(
    () => !plan || plan.teamParentBody === teamParentBodyOf(plan.issuer),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api
      .call('checklists.list', {})
      .then((list) => {
        setChecklists(list);
        setValue((current) => (current.checklistId ? current : { ...current, checklistId: list[0]?.id ?? '' }));
      })
      .catch(() => setChecklists([]));
  }, [api]);

  const set = <K extends keyof PlanInputRaw>(key: K, next: PlanInputRaw[K]) =>
    setValue((current) => ({ ...current, [key]: next }));
  const setIssuer = (issuer: string) =>
    setValue((current) => ({
      ...current,
      issuer,
      ...(headerFollows ? { teamParentBody: teamParentBodyOf(issuer) } : {}),
    }));
  const setTeamParentBody = (line: string) => {
    setHeaderFollows(line === teamParentBodyOf(value.issuer));
    set('teamParentBody', line);
  };
  const derivedHeader = teamParentBodyOf(value.issuer);
  const header = value.teamParentBody ?? '';
  const headerHelp =
    header === ''
      ? t('plans.help.teamParentBodyEmpty', { value: derivedHeader })
      : header === derivedHeader
        ? t('plans.help.teamParentBody')
        : t('plans.help.teamParentBodyEdited', { value: derivedHeader });

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    const parsed = planInputSchema.safeParse(value);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const saved = plan
        ? await api.call('plans.update', { id: plan.id, rev: plan.rev, plan: value })
        : await api.call('plans.create', { plan: value });
      onSaved(saved.plan, plan === null);
    } catch (error) {
      if (error instanceof ApiCallError && error.fields) {
        setErrors(
          Object.fromEntries(
            Object.entries(error.fields).map(([key, message]) => [key.replace(/^plan\./, ''), message]),
          ),
        );
      }
      setFailure(errorMessage(error, t('common.unexpected')));
    } finally {
      setBusy(false);
    }
  };

  const help = (key: string, fallback = ' ') => (errors[key] ? t(errors[key] ?? '') : fallback);
  const text = (
    key: 'title' | 'decisionNumber' | 'decisionSigner' | 'decisionSignerTitle',
    max: number,
    extra: { required?: boolean; help?: string; autoFocus?: boolean } = {},
  ) => (
    <TextField
      label={t(`plans.fields.${key}`)}
      required={extra.required ?? false}
      autoFocus={extra.autoFocus ?? false}
      value={value[key]}
      error={Boolean(errors[key])}
      helperText={help(key, extra.help)}
      onChange={(event) => set(key, event.target.value)}
      slotProps={{ htmlInput: { maxLength: max } }}
    />
  );
  const addBasis = (suggestion: string) =>
    set('legalBasis', value.legalBasis.trim() ? `${value.legalBasis.trimEnd()}\n${suggestion}` : suggestion);

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="md" fullWidth>
      <form
        onSubmit={(event) => void submit(event)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void submit();
          }
        }}
        noValidate
      >
        <DialogTitle id={titleId}>{plan ? t('plans.editTitle') : t('plans.addTitle')}</DialogTitle>
        <DialogContent dividers>
          {failure && (
            <Alert severity="error" role="alert" sx={{ mb: 2 }}>
              {failure}
            </Alert>
          )}
          <Grid container columnSpacing={2}>
            <Grid size={12}>
              {text('title', 300, { required: true, autoFocus: true, help: t('plans.help.title') })}
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <TextField
                label={t('plans.fields.issuer')}
                required
                value={value.issuer}
                error={Boolean(errors.issuer)}
                helperText={help('issuer')}
                onChange={(event) => setIssuer(event.target.value)}
                slotProps={{ htmlInput: { maxLength: 200 } }}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <TextField
                label={t('plans.fields.teamParentBody')}
                value={header}
                error={Boolean(errors.teamParentBody)}
                helperText={help('teamParentBody', headerHelp)}
                onChange={(event) => setTeamParentBody(event.target.value)}
                slotProps={{ htmlInput: { maxLength: 200 } }}
              />
            </Grid>
            <Grid size={{ xs: 6, sm: 3 }}>
              <TextField
                select
                label={t('plans.fields.periodKind')}
                value={value.periodKind}
                onChange={(event) => set('periodKind', event.target.value as PeriodKind)}
                helperText=" "
                slotProps={{ select: { native: true } }}
              >
                {PERIOD_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`plans.periodKinds.${kind}`)}
                  </option>
                ))}
              </TextField>
            </Grid>
            <Grid size={{ xs: 6, sm: 2 }}>
              <TextField
                type="number"
                label={
                  value.periodKind === 'schoolYear' ? t('plans.fields.periodYearSchool') : t('plans.fields.periodYear')
                }
                value={value.periodYear}
                error={Boolean(errors.periodYear)}
                helperText={
                  value.periodKind === 'schoolYear'
                    ? periodYears('schoolYear', Number(value.periodYear))
                    : help('periodYear')
                }
                onChange={(event) => set('periodYear', Number(event.target.value))}
                slotProps={{ htmlInput: { min: 2000, max: 2100 } }}
              />
            </Grid>
            <Grid size={{ xs: 6, sm: 4 }}>{text('decisionNumber', 60, { help: t('plans.help.decisionNumber') })}</Grid>
            <Grid size={{ xs: 6, sm: 3 }}>
              <DateField
                label={t('plans.fields.decisionDate')}
                value={value.decisionDate}
                onChange={(date) => set('decisionDate', date)}
                helperText={t('plans.help.date')}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>{text('decisionSigner', 120)}</Grid>
            <Grid size={{ xs: 12, sm: 6 }}>{text('decisionSignerTitle', 150)}</Grid>
            <Grid size={{ xs: 6, sm: 3 }}>
              <TextField
                type="number"
                label={t('plans.fields.targetPercent')}
                value={value.targetPercent}
                error={Boolean(errors.targetPercent)}
                helperText={help('targetPercent', t('plans.help.targetPercent'))}
                onChange={(event) => set('targetPercent', Number(event.target.value))}
                slotProps={{ htmlInput: { min: 1, max: 100 } }}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 9 }}>
              <TextField
                select
                label={t('plans.fields.checklist')}
                value={value.checklistId}
                required
                error={Boolean(errors.checklistId)}
                helperText={help('checklistId')}
                onChange={(event) => set('checklistId', event.target.value)}
                slotProps={{ select: { native: true } }}
              >
                {checklists.map((checklist) => (
                  <option key={checklist.id} value={checklist.id}>
                    {checklist.name}
                  </option>
                ))}
              </TextField>
            </Grid>
            <Grid size={12}>
              <TextField
                label={t('plans.fields.legalBasis')}
                multiline
                minRows={2}
                maxRows={8}
                value={value.legalBasis}
                helperText={t('plans.help.legalBasis')}
                onChange={(event) => set('legalBasis', event.target.value)}
                slotProps={{ htmlInput: { maxLength: 4000 } }}
              />
              <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center', mt: 0.5, mb: 1.5 }}>
                <Typography variant="caption" color="text.secondary">
                  {t('plans.suggestions')}:
                </Typography>
                {LEGAL_BASIS_SUGGESTIONS.filter((suggestion) => !value.legalBasis.includes(suggestion)).map(
                  (suggestion) => (
                    <Chip
                      key={suggestion}
                      size="small"
                      label={suggestion.split(' về việc')[0]}
                      title={suggestion}
                      aria-label={t('plans.addSuggestion', { text: suggestion })}
                      onClick={() => addBasis(suggestion)}
                    />
                  ),
                )}
              </Box>
            </Grid>
            <Grid size={12}>
              <TextField
                label={t('plans.fields.notes')}
                multiline
                minRows={1}
                maxRows={6}
                value={value.notes}
                onChange={(event) => set('notes', event.target.value)}
                slotProps={{ htmlInput: { maxLength: 4000 } }}
              />
            </Grid>
          </Grid>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')} (Esc)
          </Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {busy ? t('common.saving') : `${t('common.save')} (Ctrl+Enter)`}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
