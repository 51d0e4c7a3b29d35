import { z } from 'zod';
import { defineEndpoints } from './define';
import { idSchema } from '../domain/common';
import { INSPECTION_KINDS, INSPECTION_STATUSES } from '../domain/inspection';
import { planProgressSchema, progressOverviewSchema } from '../domain/progress';
import { UNIT_KINDS } from '../domain/unit';

export const progressEndpoints = defineEndpoints({
  /** Every plan's coverage, read from the summary (instant at 200,000 inspections). */
  'progress.overview': { input: z.object({}), output: progressOverviewSchema },
  /** One plan: its figures, the units not yet inspected, overdue requests, re-inspections. */
  'progress.plan': {
    input: z.object({ planId: idSchema }),
    output: z.object({
      today: z.string(),
      progress: planProgressSchema,
      notInspected: z.array(
        z.object({
          unitId: z.string(),
          unitName: z.string(),
          unitKind: z.enum(UNIT_KINDS),
          inspectionId: z.string().nullable(),
          status: z.enum(INSPECTION_STATUSES).nullable(),
          plannedDate: z.string().nullable(),
        }),
      ),
      overdue: z.array(
        z.object({
          inspectionId: z.string(),
          requestId: z.string(),
          unitName: z.string(),
          text: z.string(),
          dueDate: z.string(),
        }),
      ),
      reinspections: z.array(
        z.object({
          id: z.string(),
          originalId: z.string().nullable(),
          unitName: z.string(),
          kind: z.enum(INSPECTION_KINDS),
          status: z.enum(INSPECTION_STATUSES),
          plannedDate: z.string().nullable(),
          inspectionDate: z.string().nullable(),
        }),
      ),
    }),
  },
});
