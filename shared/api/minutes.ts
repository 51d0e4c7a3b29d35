import { z } from 'zod';
import { defineEndpoints } from './define';
import { pendingDownloadSchema } from './ipc';
import { idSchema } from '../domain/common';
import {
  BATCH_OUTPUTS,
  MAX_MINUTES_NUMBER,
  minutesSettingsInputSchema,
  minutesSettingsSchema,
} from '../domain/minutes';

/** What the minutes may answer besides the common errors (and those of documents, shared/api/documents.ts). */
export const MinutesError = {
  numberTyped: 'minutes.NUMBER_TYPED',
  numberTaken: 'minutes.NUMBER_TAKEN',
  numbersExhausted: 'minutes.NUMBERS_EXHAUSTED',
  nothingToPrint: 'minutes.NOTHING_TO_PRINT',
  batchFailed: 'minutes.BATCH_FAILED',
} as const;

const inspectionInput = z.object({ inspectionId: idSchema });

export const batchStatusSchema = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
  current: z.string(),
  downloads: z.array(pendingDownloadSchema),
  error: z.string(),
});
export type BatchStatusValue = z.infer<typeof batchStatusSchema>;

const jobInput = z.object({ jobId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/) });

export const minutesEndpoints = defineEndpoints({
  'minutes.settings.get': { input: z.object({}), output: minutesSettingsSchema },
  'minutes.settings.update': { input: minutesSettingsInputSchema, output: minutesSettingsSchema },
  /**
   * The minutes as the PDF that prints (base64), with its page count and number. The first time
   * a recorded inspection's minutes are made, they get the next number of the plan and year.
   */
  'minutes.preview': {
    input: inspectionInput,
    output: z.object({
      pdfBase64: z.string(),
      pageCount: z.number().int(),
      /** "05/BB-ĐKT", or '' when left blank (a planned inspection: a form for handwriting). */
      numberText: z.string(),
      /** Typed in the record's own "Số biên bản" field (changed there). */
      numberTyped: z.boolean(),
      fileName: z.string(),
    }),
  },
  /** Gives the minutes another number (never one given before in the plan and year). */
  'minutes.setNumber': {
    input: inspectionInput.extend({
      number: z
        .number({ error: 'validation.number' })
        .int({ error: 'validation.number' })
        .min(1, { error: 'minutes.validation.number' })
        .max(MAX_MINUTES_NUMBER, { error: 'minutes.validation.number' }),
    }),
    output: z.object({ numberText: z.string() }),
  },
  'minutes.exportPdf': { input: inspectionInput, output: pendingDownloadSchema },
  'minutes.exportDocx': { input: inspectionInput, output: pendingDownloadSchema },
  /** The HTML page for the system print dialog (window.api.printDownload). */
  'minutes.printHtml': { input: inspectionInput, output: pendingDownloadSchema },
  /**
   * Minutes of a plan's inspections: the recorded ones, or those listed. Runs in the background;
   * follow it with minutes.batch.status.
   */
  'minutes.batch.start': {
    input: z.object({
      planId: idSchema,
      output: z.enum(BATCH_OUTPUTS),
      inspectionIds: z.array(idSchema).min(1).max(5000).nullable().default(null),
    }),
    output: batchStatusSchema,
  },
  'minutes.batch.status': { input: jobInput, output: batchStatusSchema },
  'minutes.batch.cancel': { input: jobInput, output: batchStatusSchema },
});
