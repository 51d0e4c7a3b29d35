import { z } from 'zod';
import { defineEndpoints } from './define';
import { pendingDownloadSchema } from './ipc';
import { idSchema, isoDateSchema, multiline } from '../domain/common';
import {
  countedUnitSchema,
  countRefSchema,
  reportBodySchema,
  reportFieldsSchema,
  reportSchema,
  reportSummarySchema,
} from '../domain/report';
import { comparisonSchema, statisticsSchema } from '../domain/statistics';

/** What the reports and statistics may answer besides the common errors (and the documents'). */
export const ReportError = {
  /** The report is finalised: a change needs a reason (an amendment). */
  locked: 'reports.LOCKED',
  /** An amendment of a report that is still a draft. */
  notFinalised: 'reports.NOT_FINALISED',
  /** None of the chosen plans exists any more. */
  noPlans: 'reports.NO_PLANS',
  /** The two plans share no criterion to compare. */
  notComparable: 'reports.NOT_COMPARABLE',
  /** The number is not one of this report's counts. */
  unknownCount: 'reports.UNKNOWN_COUNT',
} as const;

const revSchema = z.string().min(1).max(100);
const reportInput = z.object({ id: idSchema });

/** Plans and a period ("từ ngày … đến ngày …"). */
export const reportScopeSchema = z
  .object({
    planIds: z
      .array(idSchema)
      .min(1, { error: 'reports.validation.plans' })
      .max(500, { error: 'validation.tooLong' })
      .transform((ids) => [...new Set(ids)]),
    from: isoDateSchema,
    to: isoDateSchema,
  })
  .refine((scope) => scope.from <= scope.to, { path: ['to'], error: 'reports.validation.period' });
export type ReportScopeRaw = z.input<typeof reportScopeSchema>;

const editInput = z.object({ id: idSchema, rev: revSchema, fields: reportFieldsSchema, body: reportBodySchema });

export const reportEndpoints = defineEndpoints({
  /** Newest first. */
  'reports.list': { input: z.object({}), output: z.array(reportSummarySchema) },
  'reports.get': { input: reportInput, output: reportSchema },
  /** A new report drafted from the figures of these plans in this period. */
  'reports.draft': {
    input: reportScopeSchema.and(z.object({ withCharts: z.boolean().default(false) })),
    output: reportSchema,
  },
  /** The text drafted again from today's figures (a draft only): replaces the text and the appendix. */
  'reports.redraft': {
    input: reportScopeSchema.and(z.object({ id: idSchema, rev: revSchema, withCharts: z.boolean() })),
    output: reportSchema,
  },
  /** The clerk's text and fields (a draft only), from the revision the editor holds. */
  'reports.save': { input: editInput, output: reportSchema },
  'reports.finalise': { input: reportInput.extend({ rev: revSchema }), output: reportSchema },
  /** A change to a finalised report, with its reason (kept as an amendment). */
  'reports.amend': {
    input: editInput.extend({
      reason: multiline(1000).refine((value) => value.length > 0, { error: 'validation.required' }),
    }),
    output: reportSchema,
  },
  /** Removes a draft (a finalised report stays). */
  'reports.remove': { input: reportInput.extend({ rev: revSchema }), output: z.object({ removed: z.boolean() }) },
  /** The report as the PDF that prints (base64), with its page count. */
  'reports.preview': {
    input: reportInput,
    output: z.object({ pdfBase64: z.string(), pageCount: z.number().int(), fileName: z.string() }),
  },
  'reports.exportPdf': { input: reportInput, output: pendingDownloadSchema },
  'reports.exportDocx': { input: reportInput, output: pendingDownloadSchema },
  /** The HTML page for the system print dialog. */
  'reports.printHtml': { input: reportInput, output: pendingDownloadSchema },
  /** The units behind one number of the report, counted again now (`now` differs when data changed since). */
  'reports.counted': {
    input: reportInput.extend({ ref: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/) }),
    output: z.object({ ref: countRefSchema, now: z.number().int(), units: z.array(countedUnitSchema) }),
  },
  /** The statistics page's figures for these plans and period. */
  'reports.statistics': { input: reportScopeSchema, output: statisticsSchema },
  /** The statistics workbook (.xlsx): summary, units × criteria, requests. */
  'reports.workbook': { input: reportScopeSchema, output: pendingDownloadSchema },
  /** Two plans of the same checklist, year on year. */
  'reports.compare': {
    input: z.object({ earlierPlanId: idSchema, laterPlanId: idSchema }),
    output: comparisonSchema,
  },
});
