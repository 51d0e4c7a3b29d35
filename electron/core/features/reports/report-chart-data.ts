import type { ReportChart } from '../../../../shared/domain/report';
import { BREAKDOWN_KEYS, compareKeys, type CriterionFigure, type ReportFigures } from './report-figures';
import { kindShortName, REPORT_FORM } from './report-wording';

/**
 * What the charts show, from a report's figures: each plan's progress over the months against
 * its target, units in scope and inspected per kind, and the share of units not meeting each
 * criterion. The statistics page draws the same series (MUI X Charts) as the printed report
 * (SVG): one computation, two drawings.
 */

/** Lines of more plans than this are hard to tell apart: the largest plans are drawn. */
const MAX_SERIES = 8;
const MAX_POINTS = 36;
const MAX_CRITERIA = 15;

export interface MonthlyProgress {
  /** The last day of each step, ISO. */
  ends: string[];
  /** "T9/2019" */
  labels: string[];
  plans: { planId: string; title: string; targetUnits: number; inspected: number[] }[];
}

function monthEnds(from: string, to: string): string[] {
  const ends: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  for (;;) {
    const last = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
    ends.push(last < to ? last : to);
    if (last >= to) break;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return ends;
}

/** Units inspected so far at the end of each month of the period (up to today), per plan. */
export function monthlyProgress(figures: ReportFigures): MonthlyProgress {
  const until = figures.today < figures.to && figures.today >= figures.from ? figures.today : figures.to;
  let ends = monthEnds(figures.from, until);
  // A long period is shown in steps of several months.
  if (ends.length > MAX_POINTS) {
    const step = Math.ceil(ends.length / MAX_POINTS);
    ends = ends.filter((_, index) => (ends.length - 1 - index) % step === 0);
  }
  const labels = ends.map((end) => `T${Number(end.slice(5, 7))}/${end.slice(0, 4)}`);
  // Each plan's units counted per first date in one pass (a filter per plan read every record a
  // hundred times; sorting 150,000 dates took longer than counting the few hundred days).
  const perDay = new Map<string, Map<string, number>>(figures.plans.map((plan) => [plan.id, new Map()]));
  for (const record of figures.records) {
    const days = perDay.get(record.planId);
    if (days) days.set(record.firstDate, (days.get(record.firstDate) ?? 0) + 1);
  }
  const plans = figures.plans.map((plan) => {
    const days = [...(perDay.get(plan.id) ?? new Map<string, number>())].sort(([a], [b]) => compareKeys(a, b));
    let at = 0;
    let sum = 0;
    const inspected = ends.map((end) => {
      while (at < days.length && (days[at]?.[0] ?? '') <= end) sum += days[at++]?.[1] ?? 0;
      return sum;
    });
    return { planId: plan.id, title: plan.title, targetUnits: plan.targetUnits, inspected };
  });
  return { ends, labels, plans };
}

function share(part: number, whole: number): number {
  return whole <= 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}

/** The share of units that did not meet each criterion, highest first. */
export function failShares(criteria: readonly CriterionFigure[]): { criterion: CriterionFigure; share: number }[] {
  return criteria
    .filter((criterion) => criterion.pass + criterion.fail > 0)
    .map((criterion) => ({ criterion, share: share(criterion.fail, criterion.pass + criterion.fail) }))
    .sort((a, b) => b.share - a.share || b.criterion.fail - a.criterion.fail);
}

function niceMax(value: number): number {
  if (value <= 0) return 10;
  const step = value <= 20 ? 5 : value <= 50 ? 10 : 20;
  return Math.min(100, Math.ceil(value / step) * step) || step;
}

export function reportCharts(figures: ReportFigures): {
  progress: ReportChart;
  kinds: ReportChart;
  criteria: ReportChart[];
} {
  const monthly = monthlyProgress(figures);
  const largest = [...monthly.plans].sort((a, b) => b.targetUnits - a.targetUnits).slice(0, MAX_SERIES);
  const progress: ReportChart = {
    type: 'lines',
    title: REPORT_FORM.charts.progress,
    labels: monthly.labels,
    series: monthly.plans
      .filter((plan) => largest.includes(plan))
      .map((plan) => ({ name: plan.title, values: plan.inspected.map((count) => share(count, plan.targetUnits)) })),
    target: 100,
    suffix: '%',
  };
  const kindRows = BREAKDOWN_KEYS.map((key) => figures.total.breakdown.find((item) => item.key === key))
    .filter((item) => item !== undefined)
    .map((item) => ({ label: kindShortName(item.key), values: [item.scope, item.inspected] }));
  const kinds: ReportChart = {
    type: 'bars',
    title: REPORT_FORM.charts.kinds,
    series: [...REPORT_FORM.charts.kindSeries],
    rows: kindRows,
    max: Math.max(1, ...kindRows.map((row) => row.values[0] ?? 0)),
    suffix: '',
  };
  const byChecklist = new Map<string, CriterionFigure[]>();
  for (const criterion of figures.criteria) {
    byChecklist.set(criterion.checklistId, [...(byChecklist.get(criterion.checklistId) ?? []), criterion]);
  }
  // Only what some unit did not meet: a row of 0% says nothing a reader needs.
  const criteria = [...byChecklist.values()].flatMap((list): ReportChart[] => {
    const shares = failShares(list)
      .filter((item) => item.criterion.fail > 0)
      .slice(0, MAX_CRITERIA);
    if (shares.length === 0) return [];
    const chart: ReportChart = {
      type: 'bars',
      title:
        byChecklist.size > 1
          ? `${REPORT_FORM.charts.criteria} – ${list[0]?.checklistName ?? ''}`
          : REPORT_FORM.charts.criteria,
      series: [...REPORT_FORM.charts.criteriaSeries],
      rows: shares.map(({ criterion, share: value }) => ({
        label: `${criterion.number}. ${criterion.text}`,
        values: [value],
      })),
      max: niceMax(Math.max(0, ...shares.map((item) => item.share))),
      suffix: '%',
    };
    return [chart];
  });
  return { progress, kinds, criteria };
}
