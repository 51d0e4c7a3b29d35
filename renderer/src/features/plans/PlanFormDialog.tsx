import { useId, useRef, useState, type FormEvent, type MouseEvent } from 'react';
import {
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
import type { ApiOutput } from '../../../../shared/api/contract';
import { defaultChecklistId } from '../../../../shared/domain/checklist-choice';
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
import { ApiCallError } from '../../api/errors';
import { useApiCommand } from '../../api/useApiCommand';
import { useApiQuery } from '../../api/useApiQuery';
import { useSettings } from '../../app/SettingsContext';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { fieldErrors } from '../../components/zod-errors';
import { DateField } from '../inspections/DateField';

interface PlanFormDialogProps {
  plan: Plan | null;
  onClose(): void;
  /** What the save answered: the plan as stored, with its team. */
  onSaved(saved: ApiOutput<'plans.get'>, created: boolean): void;
}

/**
 * A plan's own fields. Keyboard first like the unit form: the title has focus, Tab moves on,
 * Ctrl+Enter saves from anywhere, Esc cancels; lists are native selects.
 */
export function PlanFormDialog({ plan, onClose, onSaved }: PlanFormDialogProps) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const titleId = useId();
  const checklistsQuery = useApiQuery('checklists.list', {});
  const checklists = checklistsQuery.data ?? [];
  const [value, setValue] = useState<PlanInputRaw>(() =>
    plan ? planToInput(plan) : emptyPlanInput('', settings.office?.name ?? '', new Date().getFullYear()),
  );
  // The team's line follows the issuer until the clerk writes another.
  const [headerFollows, setHeaderFollows] = useState(
    () => !plan || plan.teamParentBody === teamParentBodyOf(plan.issuer),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  // A changed target changes the plans' figures.
  const create = useApiCommand('plans.create', { invalidates: ['progress'] });
  const update = useApiCommand('plans.update', { invalidates: ['progress'] });
  const failure = create.error ?? update.error;
  const busy = create.pending || update.pending;
  // Until the clerk picks one, the checklist follows the issuer: the schools' for Phòng GD&ĐT.
  const checklistId = value.checklistId || defaultChecklistId(checklists, { issuer: value.issuer });
  const basisField = useRef<HTMLTextAreaElement>(null);
  const suggestionsBox = useRef<HTMLDivElement>(null);

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
    const candidate = { ...value, checklistId };
    const parsed = planInputSchema.safeParse(candidate);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    const saved = plan
      ? await update.run({ id: plan.id, rev: plan.rev, plan: candidate })
      : await create.run({ plan: candidate });
    if (saved) onSaved(saved, plan === null);
  };

  const serverErrors =
    failure instanceof ApiCallError && failure.fields
      ? Object.fromEntries(
          Object.entries(failure.fields).map(([key, message]) => [key.replace(/^plan\./, ''), message]),
        )
      : {};
  const hasError = (key: string) => Boolean(errors[key] ?? serverErrors[key]);
  const help = (key: string, fallback = ' ') => {
    const error = errors[key] ?? serverErrors[key];
    return error ? t(error) : fallback;
  };

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
      error={hasError(key)}
      helperText={help(key, extra.help)}
      onChange={(event) => set(key, event.target.value)}
      slotProps={{ htmlInput: { maxLength: max } }}
    />
  );
  /**
   * Adds a suggestion, whose chip then goes away: the keyboard moves to the next chip, or to the
   * legal basis itself after the last one, never out of the form (Ctrl+Enter must still save).
   */
  const addBasis = (suggestion: string, event: MouseEvent<HTMLDivElement>) => {
    const chips = [...(suggestionsBox.current?.querySelectorAll<HTMLElement>('[role="button"]') ?? [])];
    const at = chips.indexOf(event.currentTarget);
    const next = chips[at + 1] ?? chips[at - 1];
    if (next && next !== event.currentTarget) next.focus();
    else basisField.current?.focus();
    set('legalBasis', value.legalBasis.trim() ? `${value.legalBasis.trimEnd()}\n${suggestion}` : suggestion);
  };

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
          <ApiErrorAlert error={failure} sx={{ mb: 2 }} />
          <ApiErrorAlert error={checklistsQuery.error} onRetry={checklistsQuery.reload} sx={{ mb: 2 }} />
          <Grid container columnSpacing={2} rowSpacing={1.5}>
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
                error={hasError('periodYear')}
                helperText={
                  // The school year it makes ("2019–2020"), unless the year typed is refused: then why.
                  value.periodKind === 'schoolYear' &&
                  !hasError('periodYear') &&
                  Number(value.periodYear) >= 2000 &&
                  Number(value.periodYear) <= 2100
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
            <Grid size={{ xs: 12, sm: 6 }}>
              {text('decisionSignerTitle', 150, { help: t('plans.help.decisionSignerTitle') })}
            </Grid>
            <Grid size={{ xs: 6, sm: 3 }}>
              <TextField
                type="number"
                label={t('plans.fields.targetPercent')}
                value={value.targetPercent}
                error={hasError('targetPercent')}
                helperText={help('targetPercent', t('plans.help.targetPercent'))}
                onChange={(event) => set('targetPercent', Number(event.target.value))}
                slotProps={{ htmlInput: { min: 1, max: 100 } }}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 9 }}>
              <TextField
                select
                label={t('plans.fields.checklist')}
                value={checklistId}
                required
                error={hasError('checklistId')}
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
                inputRef={basisField}
                slotProps={{ htmlInput: { maxLength: 4000 } }}
              />
              <Box
                ref={suggestionsBox}
                sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center', mt: 0.5, mb: 1.5 }}
              >
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
                      onClick={(event) => addBasis(suggestion, event)}
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
