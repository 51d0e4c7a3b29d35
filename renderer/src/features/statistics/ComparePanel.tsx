import { useId, useState } from 'react';
import {
  Alert,
  Box,
  FormControl,
  InputLabel,
  MenuItem,
  Paper,
  Select,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../../shared/domain/plan';
import { ReportError } from '../../../../shared/api/reports';
import { ApiCallError } from '../../api/errors';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { periodLabel } from '../plans/plan-labels';

/**
 * Year on year: two plans of the same checklist (2019 with 2020), per criterion the share not
 * met then and now, and for each unit inspected under both what improved and what still fails.
 */
export function ComparePanel({ plans }: { plans: Plan[] }) {
  const { t } = useTranslation();
  const earlierLabel = useId();
  const laterLabel = useId();
  const byYear = [...plans].sort((a, b) => a.periodYear - b.periodYear);
  const [earlier, setEarlier] = useState('');
  const [later, setLater] = useState('');
  const pair = earlier && later && earlier !== later ? { earlierPlanId: earlier, laterPlanId: later } : null;
  const query = useApiQuery('reports.compare', pair, { topics: ['reports', 'plans', 'inspections', 'checklists'] });

  // Only plans of one checklist compare (their criteria are matched); a plan chosen on one side
  // leaves, on the other, the plans of its checklist but itself.
  const comparable = (plan: Plan, other: string) => {
    const chosen = plans.find((candidate) => candidate.id === other);
    return !chosen || (plan.id !== chosen.id && plan.checklistId === chosen.checklistId);
  };
  const select = (id: string, label: string, value: string, other: string, onChange: (value: string) => void) => (
    <FormControl size="small" sx={{ minWidth: 320 }}>
      <InputLabel id={id}>{label}</InputLabel>
      <Select labelId={id} label={label} value={value} onChange={(event) => onChange(event.target.value)}>
        {byYear.map((plan) => (
          <MenuItem key={plan.id} value={plan.id} disabled={!comparable(plan, other)}>
            {plan.title} ({periodLabel(t, plan)})
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
  const notComparable =
    (pair !== null && query.error instanceof ApiCallError && query.error.code === ReportError.notComparable) ||
    (earlier !== '' && later !== '' && !byYear.some((plan) => plan.id === later && comparable(plan, earlier)));
  // Nothing from an earlier pair beside the failure of this one.
  const comparison = pair && !query.error && !notComparable ? query.data : undefined;

  const shown = comparison?.criteria.filter((item) => (item.earlierShare ?? 0) > 0 || (item.laterShare ?? 0) > 0) ?? [];
  return (
    <Paper component="section" aria-label={t('statistics.compareTitle')} sx={{ p: 2.5 }}>
      <Typography variant="h6" component="h2" sx={{ fontSize: 18 }}>
        {t('statistics.compareTitle')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('statistics.compareHelp')}
      </Typography>
      <Stack direction="row" spacing={2} flexWrap="wrap" useFlexGap sx={{ mb: 2 }}>
        {select(earlierLabel, t('statistics.earlier'), earlier, later, setEarlier)}
        {select(laterLabel, t('statistics.later'), later, earlier, setLater)}
      </Stack>
      {notComparable ? (
        // Nothing to retry: another pair is what helps.
        <Alert severity="info">{t('statistics.compareNotComparable')}</Alert>
      ) : (
        <ApiErrorAlert error={pair ? query.error : null} onRetry={query.reload} />
      )}
      {comparison && (
        <>
          {shown.length === 0 ? (
            <Typography color="text.secondary">{t('statistics.compareNoFindings')}</Typography>
          ) : (
            <Box role="figure" aria-label={t('statistics.compareFigure')}>
              <BarChart
                height={70 + shown.length * 46}
                layout="horizontal"
                yAxis={[
                  {
                    scaleType: 'band',
                    data: shown.map((item) => {
                      const text = `${item.number}. ${item.text}`;
                      return text.length > 60 ? `${text.slice(0, 59)}…` : text;
                    }),
                    width: 360,
                  },
                ]}
                xAxis={[{ min: 0, valueFormatter: (value: number) => `${value}%` }]}
                series={[
                  {
                    data: shown.map((item) => item.earlierShare ?? 0),
                    label: comparison.earlier.title,
                    color: '#8a9bb5',
                  },
                  { data: shown.map((item) => item.laterShare ?? 0), label: comparison.later.title, color: '#1f4e79' },
                ]}
                grid={{ vertical: true }}
              />
            </Box>
          )}
          <Typography variant="subtitle1" component="h3" sx={{ mt: 2, fontWeight: 600 }}>
            {t('statistics.unitsInBoth', { count: comparison.units.length })}
          </Typography>
          {comparison.units.length > 0 && (
            <Table size="small" aria-label={t('statistics.unitsInBothLabel')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('reports.columns.unit')}</TableCell>
                  <TableCell>{t('statistics.improved')}</TableCell>
                  <TableCell>{t('statistics.stillFailing')}</TableCell>
                  <TableCell>{t('statistics.newlyFailing')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {comparison.units.map((unit) => (
                  <TableRow key={unit.unitId}>
                    <TableCell>{unit.unitName}</TableCell>
                    <TableCell>{unit.improved.join('; ')}</TableCell>
                    <TableCell>{unit.stillFailing.join('; ')}</TableCell>
                    <TableCell>{unit.newlyFailing.join('; ')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </>
      )}
    </Paper>
  );
}
