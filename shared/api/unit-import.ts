import { z } from 'zod';
import { defineEndpoints } from './define';
import { pendingDownloadSchema } from './ipc';
import { UNIT_SORTS, unitFilterSchema } from './registry';
import {
  analyzeRequestSchema,
  analyzeResultSchema,
  applyRequestSchema,
  applyResultSchema,
  discardRequestSchema,
  inspectRequestSchema,
  inspectResultSchema,
  previewRequestSchema,
  previewResultSchema,
  undoImportRequestSchema,
  undoImportResultSchema,
} from '../domain/unit-import';

/** Why a file cannot be imported; each has a sentence in `unitImport.errors.*` naming the file. */
export const IMPORT_FILE_PROBLEMS = [
  'tooLarge',
  'empty',
  'notSpreadsheet',
  'legacyXls',
  'encrypted',
  'htmlTable',
  'ods',
  'wordDocument',
  'zipCorrupt',
  'truncated',
  'zipTooBig',
  'zipTooManyEntries',
  'zipBomb',
  'tooManyRows',
  'unreadable',
  'noSheets',
  'noData',
  'sessionExpired',
  'sheetNotFound',
] as const;
export type ImportFileProblem = (typeof IMPORT_FILE_PROBLEMS)[number];

/** What an import may answer besides the common errors. */
export const UnitImportError = {
  ...(Object.fromEntries(IMPORT_FILE_PROBLEMS.map((problem) => [problem, `unitImport.${problem}`])) as {
    [P in ImportFileProblem]: `unitImport.${P}`;
  }),
  needName: 'unitImport.needName',
  undoUnknown: 'unitImport.undoUnknown',
} as const;

/** The registry's current search and filters: an export writes what the list shows. */
export const exportRequestSchema = unitFilterSchema.extend({
  sort: z.enum(UNIT_SORTS).default('name'),
});
export type ExportRequest = z.input<typeof exportRequestSchema>;

/**
 * Excel opens a double-clicked .csv with the list separator of Windows' regional settings:
 * "," under English (US), ";" under Vietnamese. The user picks the one their PCs use.
 */
export const CSV_SEPARATORS = ['comma', 'semicolon'] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];
export const csvExportRequestSchema = exportRequestSchema.extend({
  separator: z.enum(CSV_SEPARATORS).default('comma'),
});
export type CsvExportRequest = z.input<typeof csvExportRequestSchema>;

const exportResultSchema = z.object({ download: pendingDownloadSchema, count: z.number().int() });

/**
 * Import of a unit list from .xlsx/.csv/.txt, in steps: `inspect` reads the chosen file once
 * (limits, sheets); `analyze` finds the header and proposes a column mapping for one sheet;
 * `preview` marks every row new/update/duplicate/error without writing; `apply` writes the
 * chosen rows in one transaction. Export writes the (filtered) registry to .xlsx or .csv.
 */
export const unitImportEndpoints = defineEndpoints({
  'unitImport.inspect': { input: inspectRequestSchema, output: inspectResultSchema },
  'unitImport.analyze': { input: analyzeRequestSchema, output: analyzeResultSchema },
  'unitImport.preview': { input: previewRequestSchema, output: previewResultSchema },
  'unitImport.apply': { input: applyRequestSchema, output: applyResultSchema },
  /** Takes an import back right after it (units edited or used since are kept). */
  'unitImport.undo': { input: undoImportRequestSchema, output: undoImportResultSchema },
  /** Forgets the file read by `inspect` (the wizard was closed). */
  'unitImport.discard': { input: discardRequestSchema, output: z.object({ discarded: z.boolean() }) },
  'unitExport.xlsx': { input: exportRequestSchema, output: exportResultSchema },
  'unitExport.csv': { input: csvExportRequestSchema, output: exportResultSchema },
});
