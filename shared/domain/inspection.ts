import { z } from 'zod';
import { idSchema, isoDateSchema, line, multiline, rowMetaSchema } from './common';
import { criterionGroupSchema } from './checklist';
import { PERIOD_KINDS, TEAM_ROLES } from './plan';
import { SCHOOL_LEVELS, UNIT_KINDS } from './unit';

/**
 * One inspection (cuộc kiểm tra) of one unit under one plan, and everything the minutes print.
 *
 * Life cycle: planned (on the schedule, nothing recorded) → draft (being recorded, saves itself)
 * → finalised (complete and locked; a later change needs a reason and is kept as an amendment;
 * the record stays finalised) → remedied (every request has the date it was remedied).
 * A re-inspection (tái kiểm tra) is its own inspection with kind "reinspection" and
 * `originalId` pointing at the first one.
 */

export const INSPECTION_STATUSES = ['planned', 'draft', 'finalised', 'remedied'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

/** Finalised and remedied records are locked: they count as "inspected". */
export function isLockedStatus(status: InspectionStatus): boolean {
  return status === 'finalised' || status === 'remedied';
}

export const INSPECTION_KINDS = ['regular', 'reinspection'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

/** Đạt / Chưa đạt / Không áp dụng. */
export const RESULT_VALUES = ['pass', 'fail', 'na'] as const;
export type ResultValue = (typeof RESULT_VALUES)[number];

/** "hh:mm", 24-hour; '' when not yet known. */
export const timeSchema = z
  .string({ error: 'validation.text' })
  .trim()
  .regex(/^(?:([01]\d|2[0-3]):[0-5]\d)?$/, { error: 'inspections.validation.time' });

export const MAX_TEAM_PRESENT = 30;
export const MAX_REPRESENTATIVES = 20;
export const MAX_REQUESTS = 60;
export const MAX_RESULTS = 600;

/** A member of the team present at the visit (copied from the plan's team, editable). */
export const presentMemberSchema = z.object({
  /** Made by the editor (uuid) so autosave can tell rows apart. */
  id: idSchema,
  officialId: idSchema.nullable(),
  name: line(120),
  position: line(150),
  role: z.enum(TEAM_ROLES, { error: 'validation.choose' }),
});
export type PresentMember = z.output<typeof presentMemberSchema>;

/** A representative of the inspected unit (đại diện đơn vị được kiểm tra). */
export const representativeSchema = z.object({
  id: idSchema,
  name: line(120),
  position: line(150),
});
export type Representative = z.output<typeof representativeSchema>;

export const criterionResultSchema = z.object({
  criterionId: idSchema,
  result: z.enum(RESULT_VALUES).nullable(),
  note: multiline(2000),
});
export type CriterionResult = z.output<typeof criterionResultSchema>;

/** A request to the unit (kiến nghị, yêu cầu) with its deadline and, later, when it was remedied. */
export const inspectionRequestSchema = z.object({
  id: idSchema,
  text: multiline(2000),
  dueDate: isoDateSchema.nullable(),
  remediedDate: isoDateSchema.nullable(),
});
export type InspectionRequest = z.output<typeof inspectionRequestSchema>;

/**
 * Everything the clerk types for one visit. The editor always sends the whole content (a few
 * kilobytes); the core compares it with what is stored and writes only what changed.
 */
export const inspectionContentSchema = z.object({
  inspectionDate: isoDateSchema.nullable(),
  startTime: timeSchema,
  endTime: timeSchema,
  place: line(300),
  /** Số biên bản, e.g. "05/BB-ĐKT". */
  minutesNumber: line(60),
  team: z.array(presentMemberSchema).max(MAX_TEAM_PRESENT, { error: 'validation.tooLong' }),
  representatives: z.array(representativeSchema).max(MAX_REPRESENTATIVES, { error: 'validation.tooLong' }),
  results: z.array(criterionResultSchema).max(MAX_RESULTS, { error: 'validation.tooLong' }),
  strengths: multiline(8000),
  limitations: multiline(8000),
  causes: multiline(8000),
  requests: z.array(inspectionRequestSchema).max(MAX_REQUESTS, { error: 'validation.tooLong' }),
  unitResponse: multiline(8000),
  conclusion: multiline(8000),
});
export type InspectionContentRaw = z.input<typeof inspectionContentSchema>;
export type InspectionContent = z.output<typeof inspectionContentSchema>;

export function emptyInspectionContent(): InspectionContent {
  return {
    inspectionDate: null,
    startTime: '',
    endTime: '',
    place: '',
    minutesNumber: '',
    team: [],
    representatives: [],
    results: [],
    strengths: '',
    limitations: '',
    causes: '',
    requests: [],
    unitResponse: '',
    conclusion: '',
  };
}

/** Counts of results, for lists and the dashboard. */
export const resultCountsSchema = z.object({
  pass: z.number().int(),
  fail: z.number().int(),
  na: z.number().int(),
  /** Criteria in the version (so "missing" = total − pass − fail − na). */
  total: z.number().int(),
});
export type ResultCounts = z.infer<typeof resultCountsSchema>;

/** A row of the inspection list and the schedule. */
export const inspectionSummarySchema = z.object({
  id: z.string(),
  rev: z.string(),
  planId: z.string(),
  planTitle: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  unitCode: z.string(),
  unitKind: z.enum(UNIT_KINDS),
  kind: z.enum(INSPECTION_KINDS),
  originalId: z.string().nullable(),
  status: z.enum(INSPECTION_STATUSES),
  plannedDate: z.string().nullable(),
  inspectionDate: z.string().nullable(),
  updatedAt: z.string(),
  isSample: z.boolean(),
});
export type InspectionSummary = z.infer<typeof inspectionSummarySchema>;

/** What the minutes need from the plan (copied at read time; the plan is the source). */
export const inspectionPlanInfoSchema = z.object({
  id: z.string(),
  title: z.string(),
  issuer: z.string(),
  /** Printed above "ĐOÀN KIỂM TRA"; '' means the issuer's line. */
  teamParentBody: z.string(),
  periodKind: z.enum(PERIOD_KINDS),
  periodYear: z.number().int(),
  decisionNumber: z.string(),
  decisionDate: z.string().nullable(),
  decisionSigner: z.string(),
  decisionSignerTitle: z.string(),
  legalBasis: z.string(),
  checklistId: z.string(),
});
export type InspectionPlanInfo = z.infer<typeof inspectionPlanInfoSchema>;

export const inspectionUnitInfoSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  schoolLevel: z.enum(SCHOOL_LEVELS).nullable(),
  headName: z.string(),
  headTitle: z.string(),
  address: z.string(),
});
export type InspectionUnitInfo = z.infer<typeof inspectionUnitInfoSchema>;

/** One field changed by an amendment; `field` is a path such as "conclusion" or "results.<criterionId>.result". */
export const amendmentChangeSchema = z.object({
  field: z.string(),
  /** What a person reads for the field when the path names a row (criterion text, request text). */
  label: z.string(),
  before: z.string(),
  after: z.string(),
});
export type AmendmentChange = z.infer<typeof amendmentChangeSchema>;

export const amendmentSchema = z.object({
  id: z.string(),
  at: z.string(),
  operator: z.string(),
  reason: z.string(),
  changes: z.array(amendmentChangeSchema),
});
export type Amendment = z.infer<typeof amendmentSchema>;

export const linkedInspectionSchema = z.object({
  id: z.string(),
  kind: z.enum(INSPECTION_KINDS),
  status: z.enum(INSPECTION_STATUSES),
  plannedDate: z.string().nullable(),
  inspectionDate: z.string().nullable(),
});
export type LinkedInspection = z.infer<typeof linkedInspectionSchema>;

/** The checklist version the inspection is (or will be) checked against, with its criteria. */
export const inspectionChecklistSchema = z.object({
  checklistId: z.string(),
  checklistName: z.string(),
  versionId: z.string(),
  versionNo: z.number().int(),
  /** The checklist's newest version; differs from versionId when a draft could be updated. */
  latestVersionId: z.string(),
  latestVersionNo: z.number().int(),
  groups: z.array(criterionGroupSchema),
});
export type InspectionChecklist = z.infer<typeof inspectionChecklistSchema>;

/** One inspection, whole: what the editor shows and what the minutes print. */
export const inspectionDetailSchema = rowMetaSchema.extend({
  planId: z.string(),
  unitId: z.string(),
  kind: z.enum(INSPECTION_KINDS),
  originalId: z.string().nullable(),
  status: z.enum(INSPECTION_STATUSES),
  plannedDate: z.string().nullable(),
  content: inspectionContentSchema,
  checklist: inspectionChecklistSchema,
  plan: inspectionPlanInfoSchema,
  unit: inspectionUnitInfoSchema,
  finalisedAt: z.string().nullable(),
  finalisedBy: z.string(),
  amendments: z.array(amendmentSchema),
  /** The first inspection, when this is a re-inspection. */
  original: linkedInspectionSchema.nullable(),
  /** Re-inspections that follow this one. */
  reinspections: z.array(linkedInspectionSchema),
  counts: resultCountsSchema,
  isSample: z.boolean(),
});
export type InspectionDetail = z.infer<typeof inspectionDetailSchema>;

/** What a draft save answers: enough to carry on typing (the editor keeps its own content). */
export const draftSavedSchema = z.object({
  id: z.string(),
  rev: z.string(),
  status: z.enum(INSPECTION_STATUSES),
  updatedAt: z.string(),
  /** False when the content was identical to what was stored (nothing written). */
  changed: z.boolean(),
});
export type DraftSaved = z.infer<typeof draftSavedSchema>;

/** Result counts of a content against its checklist groups. */
export function countResults(
  groups: readonly { criteria: readonly { id: string }[] }[],
  results: readonly { criterionId: string; result: ResultValue | null }[],
): ResultCounts {
  const byId = new Map(results.map((item) => [item.criterionId, item.result]));
  const counts: ResultCounts = { pass: 0, fail: 0, na: 0, total: 0 };
  for (const group of groups) {
    for (const criterion of group.criteria) {
      counts.total += 1;
      const value = byId.get(criterion.id);
      if (value) counts[value] += 1;
    }
  }
  return counts;
}
