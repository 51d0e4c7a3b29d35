import { Box, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import { ChartsReferenceLine } from '@mui/x-charts/ChartsReferenceLine';
import { useTranslation } from 'react-i18next';
import type { Statistics, StatisticsCriterion } from '../../../../shared/domain/statistics';
import { monthLabel, percentText } from './chart-labels';

/** Lines of more plans than this are hard to tell apart: the largest are drawn. */
const MAX_LINES = 8;
const MAX_CRITERIA = 15;

/** Each plan's units inspected so far, month by month, as a share of its target (100% = the target). */
export function ProgressChart({ statistics }: { statistics: Statistics }) {
  const { t } = useTranslation();
  const plans = [...statistics.plans].sort((a, b) => b.targetUnits - a.targetUnits).slice(0, MAX_LINES);
  const series = plans.map((plan) => {
    const inspected = statistics.progress.find((item) => item.planId === plan.id)?.inspected ?? [];
    return {
      id: plan.id,
      label: plan.title,
      data: inspected.map((count) => (plan.targetUnits > 0 ? Math.round((count / plan.targetUnits) * 1000) / 10 : 0)),
      valueFormatter: (value: number | null) => percentText(t, value),
      showMark: inspected.length <= 24,
      curve: 'linear' as const,
    };
  });
  const highest = Math.max(100, ...series.flatMap((item) => item.data));
  return (
    <Box role="figure" aria-label={t('statistics.progressTitle')}>
      <LineChart
        height={340}
        title={t('statistics.progressTitle')}
        // Over a year of months, slanted: every month named, none cut at the right edge.
        margin={{ right: 28 }}
        xAxis={[
          {
            scaleType: 'point',
            data: statistics.months.map((month) => monthLabel(t, month)),
            ...(statistics.months.length > 12
              ? { tickLabelStyle: { angle: -40, textAnchor: 'end' as const, fontSize: 12 }, height: 56 }
              : {}),
          },
        ]}
        yAxis={[{ min: 0, max: Math.ceil(highest / 20) * 20, valueFormatter: (value: number) => `${value}%` }]}
        series={series}
        grid={{ horizontal: true }}
      >
        <ChartsReferenceLine
          y={100}
          label={t('statistics.target')}
          labelAlign="end"
          lineStyle={{ stroke: '#c00000', strokeDasharray: '6 4' }}
          labelStyle={{ fill: '#c00000', fontSize: 12 }}
        />
      </LineChart>
      <Typography variant="body2" color="text.secondary">
        {plans
          .map((plan) =>
            t('statistics.planFigure', {
              title: plan.title,
              inspected: plan.inspected,
              scope: plan.scope,
              percent: plan.percentOfTarget,
            }),
          )
          .join(' · ')}
      </Typography>
    </Box>
  );
}

/** Units in scope and inspected, per kind (schools by level). */
export function KindsChart({ statistics }: { statistics: Statistics }) {
  const { t } = useTranslation();
  const labels = statistics.kinds.map((item) =>
    item.kind === 'school' ? t(`registry.schoolKinds.${item.level ?? 'other'}`) : t(`registry.kinds.${item.kind}`),
  );
  return (
    <Box role="figure" aria-label={t('statistics.kindsTitle')}>
      <BarChart
        height={Math.max(180, 60 + labels.length * 44)}
        layout="horizontal"
        title={t('statistics.kindsTitle')}
        yAxis={[{ scaleType: 'band', data: labels, width: 170 }]}
        series={[
          { data: statistics.kinds.map((item) => item.scope), label: t('statistics.scope') },
          { data: statistics.kinds.map((item) => item.inspected), label: t('statistics.inspected') },
        ]}
        grid={{ vertical: true }}
      />
    </Box>
  );
}

/** The share of units not meeting each criterion, highest first. */
export function CriteriaChart({ criteria }: { criteria: StatisticsCriterion[] }) {
  const { t } = useTranslation();
  const shown = [...criteria]
    // Only what some unit did not meet: the rest would be empty rows.
    .filter((criterion) => criterion.fail > 0)
    .sort((a, b) => b.failShare - a.failShare || b.fail - a.fail)
    .slice(0, MAX_CRITERIA);
  if (shown.length === 0) return <Typography color="text.secondary">{t('statistics.noResults')}</Typography>;
  const label = (criterion: StatisticsCriterion) => {
    const text = `${criterion.number}. ${criterion.text}`;
    return text.length > 60 ? `${text.slice(0, 59)}…` : text;
  };
  return (
    <Box role="figure" aria-label={t('statistics.criteriaFigure')}>
      <BarChart
        height={60 + shown.length * 34}
        layout="horizontal"
        yAxis={[{ scaleType: 'band', data: shown.map(label), width: 360 }]}
        xAxis={[
          {
            min: 0,
            max: Math.min(100, Math.max(10, Math.ceil(Math.max(...shown.map((c) => c.failShare)) / 10) * 10)),
            valueFormatter: (value: number) => `${value}%`,
          },
        ]}
        series={[
          {
            data: shown.map((criterion) => criterion.failShare),
            label: t('statistics.failShare'),
            color: '#c55a11',
            valueFormatter: (value: number | null) => percentText(t, value),
            barLabel: (item) => percentText(t, item.value),
            barLabelPlacement: 'outside',
          },
        ]}
        grid={{ vertical: true }}
        hideLegend
      />
    </Box>
  );
}
