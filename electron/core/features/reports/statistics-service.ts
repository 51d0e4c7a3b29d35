import { AppError } from '../../kernel/errors';
import { ReportError } from '../../../../shared/api/reports';
import type { Comparison, Statistics } from '../../../../shared/domain/statistics';
import { failShares, monthlyProgress } from './report-chart-data';
import { BREAKDOWN_KEYS, type CriterionFigure, type ReportFigures } from './report-figures';
import { keyKind } from './report-wording';
import type { ReportScope, ReportService } from './report-service';

/** Every date: a comparison looks at everything each plan recorded. */
const ALL_TIME = { from: '0001-01-01', to: '9999-12-31' };

function share(fail: number, decided: number): number | null {
  return decided === 0 ? null : Math.round((fail / decided) * 1000) / 10;
}

/** The statistics page's figures and the year-on-year comparison, from the reports' own counting. */
export class StatisticsService {
  constructor(private readonly reports: ReportService) {}

  statistics(scope: ReportScope): Statistics {
    return toStatistics(this.reports.figures(scope));
  }

  compare(earlierPlanId: string, laterPlanId: string): Comparison {
    const earlier = this.reports.figures({ planIds: [earlierPlanId], ...ALL_TIME });
    const later = this.reports.figures({ planIds: [laterPlanId], ...ALL_TIME });
    const byLineage = new Map(earlier.criteria.map((criterion) => [criterion.lineage, criterion]));
    const shared = later.criteria.filter((criterion) => byLineage.has(criterion.lineage));
    if (shared.length === 0) {
      throw new AppError(ReportError.notComparable, { messageKey: 'reports.errors.notComparable' });
    }
    const plan = (figures: ReportFigures) => {
      const head = figures.plans[0]!;
      return {
        id: head.id,
        title: head.title,
        periodKind: head.periodKind,
        periodYear: head.periodYear,
        inspected: head.inspected,
      };
    };
    const failingOf = (criteria: CriterionFigure[]) => {
      const map = new Map<string, Set<string>>();
      for (const criterion of criteria) {
        for (const item of criterion.failing) {
          const set = map.get(item.unitId) ?? new Set<string>();
          set.add(criterion.lineage);
          map.set(item.unitId, set);
        }
      }
      return map;
    };
    const failedBefore = failingOf(earlier.criteria);
    const failedNow = failingOf(later.criteria);
    const inspectedBefore = new Set(earlier.records.map((record) => record.unitId));
    const textOf = new Map(shared.map((criterion) => [criterion.lineage, `${criterion.number}. ${criterion.text}`]));
    const ordered = [...later.records]
      .filter((record) => inspectedBefore.has(record.unitId))
      .map((record) => record.unitId)
      .filter((unitId, index, list) => list.indexOf(unitId) === index)
      .sort((a, b) => (later.units.get(a)?.sortKey ?? '').localeCompare(later.units.get(b)?.sortKey ?? ''));
    const texts = (lineages: string[]) =>
      lineages.filter((lineage) => textOf.has(lineage)).map((lineage) => textOf.get(lineage) ?? '');
    return {
      earlier: plan(earlier),
      later: plan(later),
      criteria: shared.map((criterion) => {
        const before = byLineage.get(criterion.lineage)!;
        return {
          lineage: criterion.lineage,
          number: criterion.number,
          text: criterion.text,
          earlierFail: before.fail,
          earlierDecided: before.pass + before.fail,
          earlierShare: share(before.fail, before.pass + before.fail),
          laterFail: criterion.fail,
          laterDecided: criterion.pass + criterion.fail,
          laterShare: share(criterion.fail, criterion.pass + criterion.fail),
        };
      }),
      units: ordered.map((unitId) => {
        const then = failedBefore.get(unitId) ?? new Set<string>();
        const now = failedNow.get(unitId) ?? new Set<string>();
        return {
          unitId,
          unitName: later.units.get(unitId)?.name ?? '',
          improved: texts([...then].filter((lineage) => !now.has(lineage))),
          stillFailing: texts([...then].filter((lineage) => now.has(lineage))),
          newlyFailing: texts([...now].filter((lineage) => !then.has(lineage))),
        };
      }),
    };
  }
}

export function toStatistics(figures: ReportFigures): Statistics {
  const monthly = monthlyProgress(figures);
  const shares = new Map(failShares(figures.criteria).map((item) => [item.criterion.lineage, item.share]));
  return {
    from: figures.from,
    to: figures.to,
    today: figures.today,
    plans: figures.plans.map((plan) => ({
      id: plan.id,
      title: plan.title,
      periodKind: plan.periodKind,
      periodYear: plan.periodYear,
      checklistId: plan.checklistId,
      scope: plan.scope,
      inspected: plan.inspected,
      targetPercent: plan.targetPercent,
      targetUnits: plan.targetUnits,
      percentOfTarget: plan.percentOfTarget,
    })),
    months: monthly.ends,
    progress: monthly.plans.map((plan) => ({ planId: plan.planId, inspected: plan.inspected })),
    kinds: BREAKDOWN_KEYS.map((key) => figures.total.breakdown.find((item) => item.key === key))
      .filter((item) => item !== undefined)
      .map((item) => ({ ...keyKind(item.key), scope: item.scope, inspected: item.inspected })),
    criteria: figures.criteria.map((criterion) => ({
      checklistId: criterion.checklistId,
      checklistName: criterion.checklistName,
      lineage: criterion.lineage,
      number: criterion.number,
      group: criterion.groupTitle,
      text: criterion.text,
      pass: criterion.pass,
      fail: criterion.fail,
      na: criterion.na,
      failShare: shares.get(criterion.lineage) ?? 0,
    })),
  };
}
