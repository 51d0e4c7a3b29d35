import { z } from 'zod';
import { defineEndpoints } from './define';
import { idSchema, isoDateSchema, line } from '../domain/common';
import {
  INSPECTION_KINDS,
  INSPECTION_STATUSES,
  draftSavedSchema,
  inspectionContentSchema,
  inspectionDetailSchema,
  inspectionSummarySchema,
} from '../domain/inspection';

/** What the inspections may answer besides the common errors. */
export const InspectionError = {
  /** The record is finalised (or the change needs a draft). */
  locked: 'inspections.locked',
  notStarted: 'inspections.notStarted',
  notFinalised: 'inspections.notFinalised',
} as const;

export const INSPECTION_SORTS = ['date', 'unit', 'updated'] as const;
export type InspectionSort = (typeof INSPECTION_SORTS)[number];

const revSchema = z.string().min(1).max(100);

export const inspectionListInputSchema = z.object({
  /** null: every plan. */
  planId: idSchema.nullable().default(null),
  unitId: idSchema.nullable().default(null),
  statuses: z.array(z.enum(INSPECTION_STATUSES)).max(INSPECTION_STATUSES.length).default([]),
  kinds: z.array(z.enum(INSPECTION_KINDS)).max(INSPECTION_KINDS.length).default([]),
  /** Unit name or code, without diacritics. */
  query: z.string().max(200).default(''),
  sort: z.enum(INSPECTION_SORTS).default('date'),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type InspectionListInput = z.input<typeof inspectionListInputSchema>;

/** A reason for changing a finalised record (kept with the amendment). */
export const amendReasonSchema = line(500).refine((value) => value.length >= 3, {
  error: 'inspections.validation.reason',
});

export const inspectionEndpoints = defineEndpoints({
  /** The schedule of a plan, or inspections across plans; sorted by date (done, else planned). */
  'inspections.list': {
    input: inspectionListInputSchema,
    output: z.object({ total: z.number().int(), rows: z.array(inspectionSummarySchema) }),
  },
  /** One inspection whole: content, the criteria it is checked against, plan and unit, amendments. */
  'inspections.get': { input: z.object({ id: idSchema }), output: inspectionDetailSchema },
  /** Another visit to a unit of the plan (the unit joins the scope if it was not in it). */
  'inspections.create': {
    input: z.object({ planId: idSchema, unitId: idSchema, plannedDate: isoDateSchema.nullable().default(null) }),
    output: inspectionSummarySchema,
  },
  /** The planned date, from the revision the clerk saw (a stale one is a CONFLICT). */
  'inspections.schedule': {
    input: z.object({ id: idSchema, rev: revSchema, plannedDate: isoDateSchema.nullable() }),
    output: inspectionSummarySchema,
  },
  /**
   * planned → draft: fixes the checklist version (the newest) and fills what is known already:
   * the plan's team, the unit's head as representative, the planned date. A draft answers as is.
   */
  'inspections.start': { input: z.object({ id: idSchema }), output: inspectionDetailSchema },
  /**
   * Autosave of a draft: the editor's whole content. `editorId` + `seq` let an editor's own
   * later save overtake its earlier one whose answer it has not seen (closing the window
   * mid-save loses nothing); any other stale `rev` is a CONFLICT.
   */
  'inspections.saveDraft': {
    input: z.object({
      id: idSchema,
      rev: revSchema,
      editorId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
      seq: z.number().int().min(0),
      content: inspectionContentSchema,
    }),
    output: draftSavedSchema,
  },
  /** draft → finalised, after checking what the minutes need (field errors otherwise). */
  'inspections.finalise': {
    input: z.object({ id: idSchema, rev: revSchema }),
    output: inspectionDetailSchema,
  },
  /** Changes a finalised record; kept as an amendment (what changed, reason, who, when). */
  'inspections.amend': {
    input: z.object({ id: idSchema, rev: revSchema, content: inspectionContentSchema, reason: amendReasonSchema }),
    output: inspectionDetailSchema,
  },
  /**
   * Records (or clears) the date a request was remedied. When every request of a finalised
   * inspection has one, the inspection becomes "remedied" (and back, if a date is cleared).
   */
  'inspections.setRemedied': {
    input: z.object({ id: idSchema, rev: revSchema, requestId: idSchema, remediedDate: isoDateSchema.nullable() }),
    output: inspectionDetailSchema,
  },
  /** A re-inspection (tái kiểm tra) of a finalised inspection, planned for a date. */
  'inspections.planReinspection': {
    input: z.object({ originalId: idSchema, plannedDate: isoDateSchema.nullable().default(null) }),
    output: inspectionSummarySchema,
  },
  /** Moves a draft to the checklist's newest version, carrying results over criterion by criterion. */
  'inspections.upgradeChecklist': {
    input: z.object({ id: idSchema, rev: revSchema }),
    output: inspectionDetailSchema,
  },
});
