import { useId } from 'react';
import {
  Box,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  InputLabel,
  MenuItem,
  Select,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../../shared/domain/plan';
import {
  PERIOD_SHORTCUTS,
  periodShortcut,
  planPeriod,
  shortcutPeriod,
  spanOf,
  type PeriodShortcut,
} from '../../../../shared/domain/report-period';
import { DateField } from '../inspections/DateField';
import { periodLabel } from '../plans/plan-labels';

export interface ReportScope {
  planIds: string[];
  from: string;
  to: string;
}

/** The chosen plans' own periods together: the period a report of them covers by default. */
export function defaultPeriod(plans: readonly Plan[], planIds: readonly string[]): { from: string; to: string } | null {
  return spanOf(plans.filter((plan) => planIds.includes(plan.id)).map(planPeriod));
}

interface ReportScopeFieldsProps {
  plans: readonly Plan[];
  value: ReportScope;
  onChange(value: ReportScope): void;
  /** Field messages from the core (i18n keys by path: "planIds", "to"). */
  errors?: Record<string, string>;
}

/**
 * What a report or the statistics cover: the plans (received from other offices too: every
 * plan in this database), and the period "từ ngày … đến ngày …" with its shortcuts (a year, a
 * school year, the first half of a year, a quarter). Choosing plans moves the period to theirs
 * until the clerk sets one.
 */
export function ReportScopeFields({ plans, value, onChange, errors = {} }: ReportScopeFieldsProps) {
  const { t } = useTranslation();
  const plansLabel = useId();
  const shortcutLabel = useId();
  const exact = periodShortcut(value);
  const year = Number(value.from.slice(0, 4)) || new Date().getFullYear();

  const togglePlan = (planId: string, checked: boolean) => {
    const planIds = checked ? [...value.planIds, planId] : value.planIds.filter((id) => id !== planId);
    const period = defaultPeriod(plans, planIds);
    const wasDefault = (() => {
      const before = defaultPeriod(plans, value.planIds);
      return before === null || (before.from === value.from && before.to === value.to);
    })();
    onChange({ ...value, planIds, ...(wasDefault && period ? period : {}) });
  };

  return (
    <Stack spacing={2}>
      <FormControl component="fieldset" error={Boolean(errors.planIds)}>
        <FormLabel component="legend" id={plansLabel}>
          {t('reports.scope.plans')}
        </FormLabel>
        {plans.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            {t('reports.scope.noPlans')}
          </Typography>
        )}
        <FormGroup aria-labelledby={plansLabel} sx={{ maxHeight: 240, overflow: 'auto', flexWrap: 'nowrap' }}>
          {plans.map((plan) => (
            <FormControlLabel
              key={plan.id}
              control={
                <Checkbox
                  checked={value.planIds.includes(plan.id)}
                  onChange={(event) => togglePlan(plan.id, event.target.checked)}
                />
              }
              label={
                <span>
                  {plan.title}{' '}
                  <Typography component="span" variant="body2" color="text.secondary">
                    ({periodLabel(t, plan)}, {plan.issuer})
                  </Typography>
                </span>
              }
            />
          ))}
        </FormGroup>
        {errors.planIds && <FormHelperText>{t(errors.planIds)}</FormHelperText>}
      </FormControl>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <FormControl size="small" sx={{ minWidth: 200 }}>
          <InputLabel id={shortcutLabel}>{t('reports.scope.shortcut')}</InputLabel>
          <Select<PeriodShortcut | 'custom'>
            labelId={shortcutLabel}
            label={t('reports.scope.shortcut')}
            value={exact?.shortcut ?? 'custom'}
            onChange={(event) => {
              const shortcut = event.target.value;
              if (shortcut !== 'custom') onChange({ ...value, ...shortcutPeriod(shortcut, year) });
            }}
          >
            {PERIOD_SHORTCUTS.map((shortcut) => (
              <MenuItem key={shortcut} value={shortcut}>
                {t(`reports.scope.shortcuts.${shortcut}`)}
              </MenuItem>
            ))}
            <MenuItem value="custom" disabled>
              {t('reports.scope.shortcuts.custom')}
            </MenuItem>
          </Select>
        </FormControl>
        <TextField
          size="small"
          label={exact?.shortcut === 'schoolYear' ? t('reports.scope.schoolYear') : t('reports.scope.year')}
          value={year}
          onChange={(event) => {
            const next = Number(event.target.value.replace(/\D/g, '').slice(0, 4));
            if (next >= 2000 && next <= 2100)
              onChange({ ...value, ...shortcutPeriod(exact?.shortcut ?? 'year', next) });
          }}
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 4 } }}
          sx={{ width: 120 }}
        />
        <DateField
          size="small"
          label={t('reports.scope.from')}
          value={value.from}
          onChange={(from) => from && onChange({ ...value, from })}
          sx={{ width: 160 }}
        />
        <DateField
          size="small"
          label={t('reports.scope.to')}
          value={value.to}
          onChange={(to) => to && onChange({ ...value, to })}
          errorKey={errors.to}
          sx={{ width: 160 }}
        />
      </Box>
    </Stack>
  );
}
