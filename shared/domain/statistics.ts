import { z } from 'zod';
import { PERIOD_KINDS } from './plan';
import { SCHOOL_LEVELS, UNIT_KINDS } from './unit';

/**
 * The statistics page ("Thống kê"): the figures people would rather look at than read — each
 * plan's progress over the months against its target, results per criterion (the share not
 * met), units per kind — and two plans of the same checklist compared year on year.
 */

export const statisticsPlanSchema = z.object({
  id: z.string(),
  title: z.string(),
  periodKind: z.enum(PERIOD_KINDS),
  periodYear: z.number().int(),
  checklistId: z.string(),
  scope: z.number().int(),
  inspected: z.number().int(),
  targetPercent: z.number().int(),
  targetUnits: z.number().int(),
  percentOfTarget: z.number().int(),
});

export const statisticsCriterionSchema = z.object({
  checklistId: z.string(),
  checklistName: z.string(),
  lineage: z.string(),
  /** "2.3" */
  number: z.string(),
  group: z.string(),
  text: z.string(),
  pass: z.number().int(),
  fail: z.number().int(),
  na: z.number().int(),
  /** Of the units with Đạt or Chưa đạt, the share (%) with Chưa đạt, one decimal. */
  failShare: z.number(),
});
export type StatisticsCriterion = z.infer<typeof statisticsCriterionSchema>;

export const statisticsSchema = z.object({
  from: z.string(),
  to: z.string(),
  today: z.string(),
  plans: z.array(statisticsPlanSchema),
  /** The end of each step of the progress lines (ISO), and the units inspected by then, per plan. */
  months: z.array(z.string()),
  progress: z.array(z.object({ planId: z.string(), inspected: z.array(z.number().int()) })),
  kinds: z.array(
    z.object({
      kind: z.enum(UNIT_KINDS),
      level: z.enum(SCHOOL_LEVELS).nullable(),
      scope: z.number().int(),
      inspected: z.number().int(),
    }),
  ),
  criteria: z.array(statisticsCriterionSchema),
});
export type Statistics = z.infer<typeof statisticsSchema>;

const comparedPlanSchema = z.object({
  id: z.string(),
  title: z.string(),
  periodKind: z.enum(PERIOD_KINDS),
  periodYear: z.number().int(),
  inspected: z.number().int(),
});

export const comparisonSchema = z.object({
  earlier: comparedPlanSchema,
  later: comparedPlanSchema,
  /** Per criterion of the checklist: the share not met then and now (null: not counted in that plan). */
  criteria: z.array(
    z.object({
      lineage: z.string(),
      number: z.string(),
      text: z.string(),
      earlierFail: z.number().int(),
      earlierDecided: z.number().int(),
      earlierShare: z.number().nullable(),
      laterFail: z.number().int(),
      laterDecided: z.number().int(),
      laterShare: z.number().nullable(),
    }),
  ),
  /** Units inspected under both plans: what improved, what still fails, what newly fails. */
  units: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      improved: z.array(z.string()),
      stillFailing: z.array(z.string()),
      newlyFailing: z.array(z.string()),
    }),
  ),
});
export type Comparison = z.infer<typeof comparisonSchema>;
