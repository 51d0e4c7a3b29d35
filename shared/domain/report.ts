import { z } from 'zod';
import { idSchema, isoDateSchema, line, multiline, rowMetaSchema } from './common';
import { SCHOOL_LEVELS, UNIT_KINDS } from './unit';
import { removeInvisible } from '../text/fold';

/**
 * The results report (báo cáo kết quả kiểm tra): a document of Nghị định 30/2020 (Mẫu 1.4, a
 * "văn bản có tên loại") drafted from the figures the app holds and then edited by the clerk.
 *
 * Its text is a list of blocks (headings, paragraphs of bold/italic runs, tables, charts). A
 * run that states a count of units carries a `ref`: what it counted (units inspected under
 * which plans, of which kind, failing which criterion…), so every number leads back to the
 * units behind it. Life cycle as the minutes': draft (edited freely) → finalised (locked; a
 * later change needs a reason and is kept as an amendment).
 */

export const REPORT_STATUSES = ['draft', 'finalised'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** What a counted figure counts (the units behind a number of the report). */
export const COUNT_WHATS = [
  /** Units in the plans' scope. */
  'scope',
  /** Units in scope with a finalised inspection dated in the period. */
  'inspected',
  /** Units in scope without one. */
  'notInspected',
  /** Inspected units whose inspection recorded the criterion as met / not met. */
  'criterionPass',
  'criterionFail',
  /** Inspected units whose minutes recorded this limitation / cause / request (`text`). */
  'limitationText',
  'causeText',
  'requestText',
  /** Inspected units with requests: any, remedied, overdue (not remedied, deadline passed). */
  'requests',
  'requestsRemedied',
  'requestsOverdue',
  /** Re-inspections planned (not yet finalised) and done (finalised in the period). */
  'reinspectionPlanned',
  'reinspectionDone',
] as const;
export type CountWhat = (typeof COUNT_WHATS)[number];

/** Ids of blocks and refs: short, and never a name objects hold of their own. */
const keySchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/, { error: 'validation.invalid' })
  .refine((key) => !['constructor', 'prototype', 'toString', 'valueOf'].includes(key), {
    error: 'validation.invalid',
  });

export const countRefSchema = z.object({
  what: z.enum(COUNT_WHATS),
  planIds: z.array(idSchema).min(1).max(500),
  unitKind: z.enum(UNIT_KINDS).nullable(),
  schoolLevel: z.enum(SCHOOL_LEVELS).nullable(),
  /** The criterion, by lineage (the same criterion across checklist versions). */
  criterion: z.string().max(64).nullable(),
  /** The line of the minutes (folded comparison), for the *Text counts. */
  text: z.string().max(2000).nullable(),
  /** The count printed when the report was drafted. */
  count: z.number().int().min(0),
});
export type CountRef = z.infer<typeof countRefSchema>;

/**
 * The longest run. A longer paragraph is held as several runs of one style (the editor splits
 * it), so the clerk meets no limit short of the paragraph's runs.
 */
export const MAX_RUN_LENGTH = 8000;

/** Text as stored: NFC, a tab as a space, nothing invisible (shared/text/fold.ts). */
const runText = z
  .string({ error: 'validation.text' })
  .max(MAX_RUN_LENGTH, { error: 'validation.tooLong' })
  .transform((value) => removeInvisible(value.normalize('NFC').replace(/\t/g, ' ')).replace(/\r/g, ''));

export const reportRunSchema = z.object({
  text: runText,
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  /** A key of the body's `refs`: this text is a count of units. */
  ref: keySchema.optional(),
});
export type ReportRun = z.output<typeof reportRunSchema>;

const cellText = z
  .string()
  .max(2000)
  .transform((value) => value.normalize('NFC'));

export const reportTableSchema = z.object({
  columns: z
    .array(
      z.object({
        title: z.string().max(200),
        width: z.number().min(5).max(200).optional(),
        align: z.enum(['left', 'center', 'right']).optional(),
      }),
    )
    .min(1)
    .max(20),
  rows: z.array(z.union([z.object({ cells: z.array(cellText).max(20) }), z.object({ group: cellText })])).max(5000),
});
export type ReportTable = z.output<typeof reportTableSchema>;

/** Charts as data; the document draws them (SVG in the PDF, an image in the .docx). */
export const reportChartSchema = z.discriminatedUnion('type', [
  /** Lines over months (each plan's share of its target, cumulative), with a target line. */
  z.object({
    type: z.literal('lines'),
    title: z.string().max(300),
    /** "T9/2019" … */
    labels: z.array(z.string().max(20)).max(120),
    series: z.array(z.object({ name: z.string().max(300), values: z.array(z.number()).max(120) })).max(12),
    /** A dashed horizontal line (the target), in the values' unit. */
    target: z.number().nullable(),
    suffix: z.string().max(4),
  }),
  /** Horizontal bars, one row per label, one bar per series. */
  z.object({
    type: z.literal('bars'),
    title: z.string().max(300),
    series: z.array(z.string().max(100)).min(1).max(4),
    rows: z.array(z.object({ label: z.string().max(400), values: z.array(z.number()).max(4) })).max(60),
    max: z.number().positive(),
    suffix: z.string().max(4),
  }),
]);
export type ReportChart = z.output<typeof reportChartSchema>;

export const reportBlockSchema = z.discriminatedUnion('kind', [
  z.object({
    id: keySchema,
    kind: z.literal('heading'),
    level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    runs: z.array(reportRunSchema).max(200),
  }),
  z.object({ id: keySchema, kind: z.literal('paragraph'), runs: z.array(reportRunSchema).max(400) }),
  z.object({ id: keySchema, kind: z.literal('table'), intro: z.string().max(2000), table: reportTableSchema }),
  z.object({ id: keySchema, kind: z.literal('chart'), chart: reportChartSchema }),
]);
export type ReportBlock = z.output<typeof reportBlockSchema>;
export type ReportBlockRaw = z.input<typeof reportBlockSchema>;

export const MAX_REPORT_BLOCKS = 4000;

export const reportBodySchema = z
  .object({
    blocks: z.array(reportBlockSchema).max(MAX_REPORT_BLOCKS, { error: 'validation.tooLong' }),
    refs: z.record(keySchema, countRefSchema),
  })
  .superRefine((body, ctx) => {
    const ids = new Set<string>();
    body.blocks.forEach((block, index) => {
      if (ids.has(block.id))
        ctx.addIssue({ code: 'custom', path: ['blocks', index, 'id'], message: 'validation.invalid' });
      ids.add(block.id);
    });
  });
export type ReportBody = z.output<typeof reportBodySchema>;
export type ReportBodyRaw = z.input<typeof reportBodySchema>;

/** The list of inspected units printed after the report (and its numbers: one row per unit). */
export const reportAppendixSchema = z.object({
  plans: z.array(z.object({ title: z.string() })),
  /** [plan index, unit name, inspection date (ISO), minutes number, Đạt, Chưa đạt, Không áp dụng]. */
  rows: z.array(
    z.tuple([
      z.number().int(),
      z.string(),
      z.string(),
      z.string(),
      z.number().int(),
      z.number().int(),
      z.number().int(),
    ]),
  ),
});
export type ReportAppendix = z.infer<typeof reportAppendixSchema>;

/** The fields around the text: header, number, date, signature, recipients. */
export const reportFieldsSchema = z.object({
  /** The subject line under BÁO CÁO: "Kết quả kiểm tra việc thực hiện kỷ luật, kỷ cương hành chính năm 2019". */
  title: line(400),
  /** "12/BC-UBND"; '' leaves dots for handwriting. */
  number: line(60),
  reportDate: isoDateSchema.nullable(),
  /** "Lộc Bình" in "Lộc Bình, ngày … tháng … năm …". */
  place: line(100),
  parentBody: line(200),
  issuingBody: line(200),
  /** "TRƯỞNG PHÒNG", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH". */
  signerTitle: multiline(200),
  signerName: line(120),
  /** "Nơi nhận", one per line; "Lưu: VT." is always added last. */
  recipients: multiline(2000),
  /** Charts are printed in the report (section II). */
  withCharts: z.boolean(),
});
export type ReportFieldsRaw = z.input<typeof reportFieldsSchema>;
export type ReportFields = z.output<typeof reportFieldsSchema>;

export const reportPlanRefSchema = z.object({ id: z.string(), title: z.string(), live: z.boolean() });

/**
 * One part of a report changed: a field ("title", "signerName") or a block of the text
 * ("body.b12"), with its plain text before and after ('' when it was added or removed).
 */
export const reportChangeSchema = z.object({ field: z.string(), before: z.string(), after: z.string() });
export type ReportChange = z.infer<typeof reportChangeSchema>;

export const reportAmendmentSchema = z.object({
  id: z.string(),
  at: z.string(),
  operator: z.string(),
  reason: z.string(),
  changes: z.array(reportChangeSchema),
});

export const reportSchema = rowMetaSchema.extend({
  status: z.enum(REPORT_STATUSES),
  fields: reportFieldsSchema,
  periodFrom: z.string(),
  periodTo: z.string(),
  /** The day the figures were drawn (overdue requests were counted against it). */
  asOf: z.string(),
  plans: z.array(reportPlanRefSchema),
  body: reportBodySchema,
  appendixRows: z.number().int(),
  finalisedAt: z.string().nullable(),
  finalisedBy: z.string(),
  amendments: z.array(reportAmendmentSchema),
});
export type Report = z.infer<typeof reportSchema>;

export const reportSummarySchema = z.object({
  id: z.string(),
  rev: z.string(),
  status: z.enum(REPORT_STATUSES),
  title: z.string(),
  number: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  planIds: z.array(z.string()),
  planTitles: z.array(z.string()),
  updatedAt: z.string(),
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;

/** A unit behind a counted figure, and the inspection that counted it (if any). */
export const countedUnitSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  planTitle: z.string(),
  inspectionId: z.string().nullable(),
  date: z.string().nullable(),
});
export type CountedUnit = z.infer<typeof countedUnitSchema>;
