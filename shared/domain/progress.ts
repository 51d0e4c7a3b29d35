import { z } from 'zod';
import { PERIOD_KINDS } from './plan';
import { SCHOOL_LEVELS, UNIT_KINDS, type SchoolLevel, type UnitKind } from './unit';

/**
 * Progress of plans ("28/81 đơn vị, đạt 35% kế hoạch"). The core keeps a per-plan summary
 * up to date in the same transactions that change scope or inspections (SQLite triggers), so
 * the all-plans dashboard reads a few hundred rows whatever the number of inspections.
 */

export const kindProgressSchema = z.object({
  /** Units of this kind in scope. */
  scope: z.number().int(),
  /** Of those, units with at least one finalised (or remedied) inspection: a unit inspected twice counts once. */
  inspected: z.number().int(),
});
export type KindProgress = z.infer<typeof kindProgressSchema>;

export const planProgressSchema = z.object({
  planId: z.string(),
  title: z.string(),
  periodKind: z.enum(PERIOD_KINDS),
  periodYear: z.number().int(),
  targetPercent: z.number().int(),
  isSample: z.boolean(),
  /** The office that made the plan, and its name when it is another office ('' for this one's). */
  originOffice: z.string(),
  originName: z.string(),
  scope: z.number().int(),
  inspected: z.number().int(),
  /** Units the target asks for: ⌈scope × target%⌉. */
  targetUnits: z.number().int(),
  byKind: z.record(z.enum(UNIT_KINDS), kindProgressSchema),
  /** The schools among them by level, whatever their type (a PTDTBT THCS counts as a THCS). */
  bySchoolLevel: z.record(z.enum(SCHOOL_LEVELS), kindProgressSchema),
  /** Regular inspections by status (re-inspections separately). */
  planned: z.number().int(),
  drafts: z.number().int(),
  finalised: z.number().int(),
  reinspectionsPlanned: z.number().int(),
  reinspectionsDone: z.number().int(),
  /** Requests of finalised inspections, not remedied, whose deadline is before today. */
  overdueRequests: z.number().int(),
  openRequests: z.number().int(),
});
export type PlanProgress = z.infer<typeof planProgressSchema>;

export const progressOverviewSchema = z.object({
  /** The day overdue requests were counted against (yyyy-mm-dd, the PC's local date). */
  today: z.string(),
  plans: z.array(planProgressSchema),
  /** Across every plan, of every office ("Toàn huyện: đã kiểm tra 49 đơn vị"): each unit once. */
  district: z.object({ scope: z.number().int(), inspected: z.number().int() }),
});
export type ProgressOverview = z.infer<typeof progressOverviewSchema>;

/** Percentage rounded to a whole number, as the story writes it (28/81 → 35). */
export function percent(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.round((part / whole) * 100);
}

/** Units the target asks for (100% of 81 → 81; 80% of 81 → 65). */
export function targetUnits(scope: number, targetPercent: number): number {
  return Math.ceil((scope * targetPercent) / 100 - 1e-9);
}

export function emptyKindProgress(): Record<UnitKind, KindProgress> {
  return Object.fromEntries(UNIT_KINDS.map((kind) => [kind, { scope: 0, inspected: 0 }])) as Record<
    UnitKind,
    KindProgress
  >;
}

export function emptyLevelProgress(): Record<SchoolLevel, KindProgress> {
  return Object.fromEntries(SCHOOL_LEVELS.map((level) => [level, { scope: 0, inspected: 0 }])) as Record<
    SchoolLevel,
    KindProgress
  >;
}
