import { z } from 'zod';
import { idSchema, line, multiline, requiredLine, rowMetaSchema } from './common';

/**
 * Checklists (bộ tiêu chí): ordered groups of criteria. A checklist has numbered versions; a
 * version that a finalised inspection was checked against never changes again — editing the
 * checklist then makes the next version (see electron/core/features/checklists). Each criterion
 * carries a `lineageId` shared by its copies in later versions, so results can be compared
 * across versions ("which criterion fails most often") and a draft can move to a newer version.
 */

/** Which units a checklist is meant for; only a default, any checklist may be used anywhere. */
export const CHECKLIST_TARGETS = ['agency', 'school', 'any'] as const;
export type ChecklistTarget = (typeof CHECKLIST_TARGETS)[number];

export const criterionSchema = z.object({
  id: z.string(),
  lineageId: z.string(),
  groupId: z.string(),
  /** 1-based within its group. */
  position: z.number().int(),
  text: z.string(),
});
export type Criterion = z.infer<typeof criterionSchema>;

export const criterionGroupSchema = z.object({
  id: z.string(),
  /** 1-based within the version. */
  position: z.number().int(),
  title: z.string(),
  criteria: z.array(criterionSchema),
});
export type CriterionGroup = z.infer<typeof criterionGroupSchema>;

/** One version of a checklist with its groups and criteria, in order. */
export const checklistVersionSchema = z.object({
  id: z.string(),
  checklistId: z.string(),
  checklistName: z.string(),
  versionNo: z.number().int(),
  createdAt: z.string(),
  /** True once a finalised inspection uses it: it can no longer change. */
  locked: z.boolean(),
  /** Inspections (any status) recorded against this version. */
  inspectionCount: z.number().int(),
  groups: z.array(criterionGroupSchema),
});
export type ChecklistVersion = z.infer<typeof checklistVersionSchema>;

export const checklistSchema = rowMetaSchema.extend({
  name: z.string(),
  target: z.enum(CHECKLIST_TARGETS),
  description: z.string(),
  /** Shipped with the app (same id in every office). */
  isDefault: z.boolean(),
  active: z.boolean(),
  latestVersionId: z.string(),
  latestVersionNo: z.number().int(),
  versionCount: z.number().int(),
  criterionCount: z.number().int(),
  /** The latest version is locked: the next edit makes a new version. */
  latestLocked: z.boolean(),
});
export type Checklist = z.infer<typeof checklistSchema>;

export const checklistVersionInfoSchema = z.object({
  id: z.string(),
  versionNo: z.number().int(),
  createdAt: z.string(),
  locked: z.boolean(),
  inspectionCount: z.number().int(),
  criterionCount: z.number().int(),
});
export type ChecklistVersionInfo = z.infer<typeof checklistVersionInfoSchema>;

export const MAX_GROUPS = 40;
export const MAX_CRITERIA_PER_GROUP = 60;

/** The checklist's own fields (name, target, description). */
export const checklistHeaderSchema = z.object({
  name: requiredLine(200),
  target: z.enum(CHECKLIST_TARGETS, { error: 'validation.choose' }),
  description: multiline(2000),
  active: z.boolean(),
});
export type ChecklistHeaderRaw = z.input<typeof checklistHeaderSchema>;

/**
 * The whole content of a checklist as the editor saves it. Existing groups and criteria keep
 * their `id`; new ones have `id: null`; one left out is retired. Order is the array order.
 */
export const checklistContentSchema = z.object({
  groups: z
    .array(
      z.object({
        id: idSchema.nullable(),
        title: requiredLine(300),
        criteria: z
          .array(z.object({ id: idSchema.nullable(), text: requiredLine(1000) }))
          .max(MAX_CRITERIA_PER_GROUP, { error: 'validation.tooLong' }),
      }),
    )
    .min(1, { error: 'checklists.validation.noGroups' })
    .max(MAX_GROUPS, { error: 'validation.tooLong' }),
});
export type ChecklistContentRaw = z.input<typeof checklistContentSchema>;
export type ChecklistContent = z.output<typeof checklistContentSchema>;

export const checklistSaveSchema = z.object({
  checklistId: idSchema,
  /** The version the editor started from; a newer one means someone else saved first. */
  baseVersionId: idSchema,
  header: checklistHeaderSchema,
  content: checklistContentSchema,
  /** Why (kept with a new version): "Bổ sung tiêu chí về …". */
  note: line(300).default(''),
});
export type ChecklistSaveRaw = z.input<typeof checklistSaveSchema>;

export function versionToContent(version: ChecklistVersion): ChecklistContentRaw {
  return {
    groups: version.groups.map((group) => ({
      id: group.id,
      title: group.title,
      criteria: group.criteria.map((criterion) => ({ id: criterion.id, text: criterion.text })),
    })),
  };
}

export function countCriteria(version: Pick<ChecklistVersion, 'groups'>): number {
  return version.groups.reduce((sum, group) => sum + group.criteria.length, 0);
}
