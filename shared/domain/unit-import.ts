import { z } from 'zod';
import { MANAGING_BODIES, SCHOOL_LEVELS, SCHOOL_TYPES, UNIT_KINDS } from './unit';

/**
 * Bringing a unit list in from Excel/CSV and sending the registry out. Everything the wizard
 * and the core agree on: the limits, the fields a column can feed, the text encodings, the
 * statuses of a previewed row.
 */

/**
 * Every limit of the importer, in one place. A district has a few hundred units and a
 * province a few thousand; these leave room for that while refusing zip bombs and million-row
 * sheets before they are parsed, with memory bounded.
 */
export const IMPORT_LIMITS = {
  /** Bytes of the chosen file (.xlsx, .csv or .txt). */
  maxFileBytes: 20 * 1024 * 1024,
  /** Rows with content in one sheet or CSV. */
  maxRows: 50_000,
  /** `<row>` elements in one worksheet, empty ones included (checked before exceljs parses it). */
  maxSheetRowElements: 100_000,
  /** Columns read from a sheet; further columns are ignored. */
  maxColumns: 100,
  /** Characters in one cell; longer cells are cut and reported. */
  maxCellChars: 10_000,
  /** Entries in the .xlsx zip. */
  maxZipEntries: 2_000,
  /** Sum of the uncompressed sizes of the .xlsx entries. */
  maxUncompressedBytes: 150 * 1024 * 1024,
  /** Compression ratio of one entry bigger than 1 MB (real sheets stay far below; zip bombs are over 1,000). */
  maxCompressionRatio: 200,
  /** Rows scanned from the top when looking for the header row. */
  headerScanRows: 40,
} as const;

/** What a column of the file can feed. `number` is the "STT" column: recognised, never stored. */
export const IMPORT_FIELDS = [
  'ignore',
  'number',
  'code',
  'name',
  'kind',
  'schoolLevel',
  'schoolType',
  'managingBody',
  'parent',
  'headName',
  'headTitle',
  'address',
  'phone',
  'active',
  'notes',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Fields that may be mapped to one column at most (all but `ignore`). */
export const MAPPABLE_FIELDS = IMPORT_FIELDS.filter((field) => field !== 'ignore');

/**
 * How the text is read. `auto` decides from the bytes, the cell fonts (".VnTime" = TCVN3,
 * "VNI-Times" = VNI) and the characters; the others force one reading.
 */
export const TEXT_ENCODINGS = ['auto', 'unicode', 'windows-1258', 'tcvn3', 'vni'] as const;
export type TextEncodingChoice = (typeof TEXT_ENCODINGS)[number];

/** What was found, for the wizard to say ("UTF-8 có BOM", "TCVN3 (ABC)"). */
export const DETECTED_ENCODINGS = [
  'ascii',
  'utf-8',
  'utf-8-bom',
  'utf-16le',
  'utf-16be',
  'windows-1258',
  'tcvn3',
  'vni',
  'xlsx',
] as const;
export type DetectedEncoding = (typeof DETECTED_ENCODINGS)[number];

/** Legacy Vietnamese encodings converted to Unicode inside cells. */
export const LEGACY_ENCODINGS = ['none', 'tcvn3', 'vni'] as const;
export type LegacyEncoding = (typeof LEGACY_ENCODINGS)[number];

export const ROW_STATUSES = ['new', 'update', 'unchanged', 'duplicate', 'error', 'skipped'] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];

/** Why a non-empty row is not a unit (it is listed, greyed, never written). */
export const SKIP_REASONS = ['numbering', 'totals', 'section', 'footer', 'repeatedHeader', 'noName'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

const fileIdSchema = z.string().min(1).max(100);
const sessionIdSchema = z.string().min(1).max(100);
const rowNumber = z.number().int().min(1).max(10_000_000);

/** Where the header is: 1-based row of its first line, and 1 or 2 lines (a merged group title above). 0 = no header. */
export const headerSchema = z.object({
  row: z
    .number()
    .int()
    .min(0)
    .max(IMPORT_LIMITS.headerScanRows * 5),
  lines: z.union([z.literal(1), z.literal(2)]),
});
export type HeaderChoice = z.infer<typeof headerSchema>;

/** The field each column feeds, by column index (0 = column A). */
export const mappingSchema = z.array(z.enum(IMPORT_FIELDS)).max(IMPORT_LIMITS.maxColumns);

/** A correction made in the preview to one row's kind, school level or school type. */
export const rowOverrideSchema = z.object({
  row: rowNumber,
  kind: z.enum(UNIT_KINDS).optional(),
  schoolLevel: z.enum(SCHOOL_LEVELS).nullable().optional(),
  schoolType: z.enum(SCHOOL_TYPES).nullable().optional(),
});
export type RowOverride = z.infer<typeof rowOverrideSchema>;

/** Which sheet, read how: the input every step after choosing the file shares. */
export const sheetRequestSchema = z.object({
  sessionId: sessionIdSchema,
  sheet: z.number().int().min(0).max(1_000),
  encoding: z.enum(TEXT_ENCODINGS).default('auto'),
});

export const previewRequestSchema = sheetRequestSchema.extend({
  header: headerSchema,
  mapping: mappingSchema,
  overrides: z.array(rowOverrideSchema).max(IMPORT_LIMITS.maxRows).default([]),
  /** Rows matching an existing unit update it (true) or are left alone (false). */
  updateExisting: z.boolean().default(true),
});
export type PreviewRequest = z.input<typeof previewRequestSchema>;

export const applyRequestSchema = previewRequestSchema.extend({
  /** Rows the user unticked in the preview. */
  excludedRows: z.array(rowNumber).max(IMPORT_LIMITS.maxRows).default([]),
});
export type ApplyRequest = z.input<typeof applyRequestSchema>;

export const sheetSummarySchema = z.object({
  index: z.number().int(),
  name: z.string(),
  hidden: z.boolean(),
  /** Rows with content. */
  rowCount: z.number().int(),
  columnCount: z.number().int(),
  /** A header row was recognised on this sheet. */
  hasHeader: z.boolean(),
});
export type SheetSummary = z.infer<typeof sheetSummarySchema>;

export const inspectResultSchema = z.object({
  sessionId: z.string(),
  fileName: z.string(),
  format: z.enum(['xlsx', 'xls', 'ods', 'csv']),
  sheets: z.array(sheetSummarySchema),
  /** The sheet the wizard opens first: the first visible one with a recognised header. */
  suggestedSheet: z.number().int(),
});
export type InspectResult = z.infer<typeof inspectResultSchema>;

export const columnSchema = z.object({
  index: z.number().int(),
  /** Column letter(s) as Excel shows them ("A", "AB"). */
  letter: z.string(),
  /** The header text (both lines joined for a two-line header); '' when there is none. */
  label: z.string(),
  field: z.enum(IMPORT_FIELDS),
  /** The first few values under the header, after conversion to Unicode. */
  samples: z.array(z.string()),
});
export type ImportColumn = z.infer<typeof columnSchema>;

export const analyzeResultSchema = z.object({
  sheet: z.number().int(),
  /** null when no header row was recognised (the user picks one or maps by column letter). */
  detectedHeader: headerSchema.nullable(),
  header: headerSchema,
  columns: z.array(columnSchema),
  /** How the bytes were read (CSV), or 'xlsx'. */
  detectedEncoding: z.enum(DETECTED_ENCODINGS),
  /** The legacy encoding found inside cells, and how many cells were converted. */
  legacy: z.enum(LEGACY_ENCODINGS),
  convertedCells: z.number().int(),
  /** The top rows of the sheet as text, so the user can see where the header is. */
  topRows: z.array(z.array(z.string())),
  rowCount: z.number().int(),
  /** CSV: the separator found (",", ";", tab, "|"). */
  delimiter: z.string().nullable(),
});
export type AnalyzeResult = z.infer<typeof analyzeResultSchema>;

/** A message about one row: an i18n key with its parameters, and the field it concerns. */
export const rowIssueSchema = z.object({
  field: z.enum(IMPORT_FIELDS).nullable(),
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type RowIssue = z.infer<typeof rowIssueSchema>;

export const previewRowSchema = z.object({
  /** 1-based row number in the sheet, as Excel shows it. */
  row: z.number().int(),
  status: z.enum(ROW_STATUSES),
  skipReason: z.enum(SKIP_REASONS).nullable(),
  /** The existing unit this row updates (update/unchanged). */
  unitId: z.string().nullable(),
  /** For a duplicate: the row it repeats. */
  duplicateOf: z.number().int().nullable(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  /** The kind came from the name (or a section title), not from a column: shown so it can be checked. */
  kindInferred: z.boolean(),
  schoolLevel: z.enum(SCHOOL_LEVELS).nullable(),
  schoolType: z.enum(SCHOOL_TYPES).nullable(),
  managingBody: z.enum(MANAGING_BODIES),
  parent: z.string(),
  headName: z.string(),
  headTitle: z.string(),
  address: z.string(),
  phone: z.string(),
  active: z.boolean(),
  /** The file's own note for the unit (its "Ghi chú" column). */
  notes: z.string(),
  /** The name as it was in the file, when it was converted from TCVN3/VNI (shown beside it). */
  originalName: z.string().nullable(),
  /** Fields an update would change. */
  changes: z.array(z.enum(IMPORT_FIELDS)),
  errors: z.array(rowIssueSchema),
  warnings: z.array(rowIssueSchema),
});
export type PreviewRow = z.infer<typeof previewRowSchema>;

export const statusCountsSchema = z.object({
  new: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  duplicate: z.number().int(),
  error: z.number().int(),
  skipped: z.number().int(),
});
export type StatusCounts = z.infer<typeof statusCountsSchema>;

export const previewResultSchema = z.object({
  rows: z.array(previewRowSchema),
  counts: statusCountsSchema,
  /** Blank rows seen (not listed). */
  blankRows: z.number().int(),
  /** Problems with the mapping itself ("no column feeds the unit name"): nothing can be imported. */
  mappingErrors: z.array(rowIssueSchema),
});
export type PreviewResult = z.infer<typeof previewResultSchema>;

export const applyResultSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Rows the user unticked, or updates left alone because "update existing" was off. */
  excluded: z.number().int(),
  duplicates: z.number().int(),
  errors: z.number().int(),
  skipped: z.number().int(),
  /** Takes this import back (`unitImport.undo`) while the app runs; '' when nothing was written. */
  undoId: z.string().max(64),
});
export type ApplyResult = z.infer<typeof applyResultSchema>;

export const undoImportRequestSchema = z.object({ undoId: z.string().min(1).max(64) });
export const undoImportResultSchema = z.object({
  /** Units the import created, removed again. */
  removed: z.number().int(),
  /** Units the import changed, given their content before it again. */
  restored: z.number().int(),
  /** Units left as they are: edited since, in use, or their old code or parent no longer fits. */
  kept: z.number().int(),
});
export type UndoImportResult = z.infer<typeof undoImportResultSchema>;

export const inspectRequestSchema = z.object({ fileId: fileIdSchema });
export const discardRequestSchema = z.object({ sessionId: sessionIdSchema });
export const analyzeRequestSchema = sheetRequestSchema.extend({
  /** Omitted: use the detected header. */
  header: headerSchema.optional(),
});
export type AnalyzeRequest = z.input<typeof analyzeRequestSchema>;

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let value = Math.max(0, Math.floor(index)) + 1;
  let letters = '';
  while (value > 0) {
    const remainder = (value - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    value = Math.floor((value - 1) / 26);
  }
  return letters;
}
