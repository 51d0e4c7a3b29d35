import type { TFunction } from 'i18next';
import { periodYears, type PeriodKind } from '../../../../shared/domain/plan';

/** "Năm 2019" / "Năm học 2019–2020". */
export function periodLabel(t: TFunction, plan: { periodKind: PeriodKind; periodYear: number }): string {
  return t(`plans.periods.${plan.periodKind}`, {
    year: plan.periodYear,
    years: periodYears(plan.periodKind, plan.periodYear),
  });
}
