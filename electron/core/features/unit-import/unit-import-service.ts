import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../kernel/errors';
import type { Db } from '../../db/open';
import { formatMegabytes, type FileStore } from '../../files/file-store';
import type { WritePath } from '../../db/write-path';
import type { UnitRepo } from '../registry/unit-repo';
import {
  IMPORT_LIMITS,
  MAPPABLE_FIELDS,
  columnLetter,
  type AnalyzeResult,
  type ApplyResult,
  type ImportField,
  type InspectResult,
  type PreviewResult,
  type RowIssue,
  type UndoImportResult,
  type analyzeRequestSchema,
  type applyRequestSchema,
  type previewRequestSchema,
} from '../../../../shared/domain/unit-import';
import { importError } from './import-errors';
import { ImportSessions, gridFor, textFor, type ImportSession } from './import-sessions';
import { detectHeader, headerLabels, labelText, proposeMapping } from './mapping/header-detect';
import { readRows, type ReadRow, type RowOverrides } from './mapping/row-reader';
import type { SheetText } from './mapping/sheet-text';
import { ExistingUnitReader } from './preview/existing-units';
import { emptyCounts, planRows, previewRows } from './preview/plan-rows';
import { writePlan, type ImportJournal } from './preview/write-plan';
import { undoImport } from './import-undo';
import { UndoStore } from '../registry/undo-store';
import { readCsv } from './reading/csv-reader';
import type { FileGrid } from './reading/grid';
import { readOds } from './reading/ods-reader';
import { sniffFile, type FileKind } from './reading/sniff';
import { readXls } from './reading/xls-reader';
import { readXlsx } from './reading/xlsx-reader';

type AnalyzeInput = z.output<typeof analyzeRequestSchema>;
type PreviewInput = z.output<typeof previewRequestSchema>;
type ApplyInput = z.output<typeof applyRequestSchema>;

const TOP_ROWS = 12;
const TOP_COLUMNS = 30;
const TOP_CELL_CHARS = 80;
const SAMPLES = 3;

/**
 * Bringing a unit list in: read the chosen file once under the limits, find the header and
 * propose a mapping, preview every row against the registry, then write the chosen rows in
 * one transaction through the registry's own repository and rules.
 */
export class UnitImportService {
  private readonly sessions = new ImportSessions();
  /** The last few imports, to take one back right after (memory only, like the registry's undo). */
  private readonly undoStore = new UndoStore<ImportJournal>(10);
  private readonly existing: ExistingUnitReader;

  constructor(
    private readonly db: Db,
    private readonly files: FileStore,
    private readonly writes: WritePath,
    /** The registry's repository: units are written only through it. */
    private readonly repo: UnitRepo,
  ) {
    this.existing = new ExistingUnitReader(db);
  }

  /** Reads the chosen file (limits first, then its real kind) and lists its sheets. */
  async inspect(fileId: string): Promise<InspectResult> {
    try {
      return await this.inspectFile(fileId);
    } finally {
      // The session keeps what it needs; an uploaded copy need not wait for the app to close.
      this.files.release(fileId);
    }
  }

  private async inspectFile(fileId: string): Promise<InspectResult> {
    const file = this.files.open(fileId);
    const fileName = path.basename(file.name);
    let size: number;
    try {
      size = fs.statSync(file.path).size;
    } catch (error) {
      throw new AppError('FILE_NOT_FOUND', { cause: error });
    }
    if (size > IMPORT_LIMITS.maxFileBytes) {
      throw importError('tooLarge', {
        file: fileName,
        size: formatMegabytes(size),
        limit: formatMegabytes(IMPORT_LIMITS.maxFileBytes),
      });
    }
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file.path);
    } catch (error) {
      throw new AppError('FILE_NOT_FOUND', { cause: error });
    }
    const kind = sniffFile(bytes, fileName);
    const grid = await readGrid(kind, bytes, fileName);
    if (grid.sheets.every((sheet) => sheet.rowCount === 0)) throw importError('noData', { file: fileName });
    const session = this.sessions.create(fileName, grid, kind === 'text' ? bytes : null);
    const sheets = grid.sheets.map((sheet, index) => {
      const text = textFor(session, index, 'auto');
      return {
        index,
        name: sheet.name,
        hidden: sheet.hidden,
        rowCount: sheet.rowCount,
        columnCount: text.columnCount,
        hasHeader: sheet.rowCount > 0 && detectHeader(text.rows, text.columnCount) !== null,
      };
    });
    const suggested =
      sheets.find((sheet) => !sheet.hidden && sheet.hasHeader) ??
      sheets.find((sheet) => !sheet.hidden && sheet.rowCount > 0) ??
      sheets[0];
    return { sessionId: session.id, fileName, format: grid.format, sheets, suggestedSheet: suggested?.index ?? 0 };
  }

  analyze(request: AnalyzeInput): AnalyzeResult {
    const session = this.sessions.get(request.sessionId);
    const grid = gridFor(session, request.encoding);
    const text = textFor(session, request.sheet, request.encoding);
    const detected = detectHeader(text.rows, text.columnCount);
    const header = request.header ?? detected ?? { row: 0, lines: 1 };
    const labels = headerLabels(text.rows, header, text.columnCount);
    const { mapping } = proposeMapping(labels);
    const dataStart = header.row === 0 ? 0 : header.row - 1 + header.lines;
    const columns = labels.map((label, index) => {
      const samples: string[] = [];
      for (let row = dataStart; row < text.rows.length && samples.length < SAMPLES; row += 1) {
        const value = (text.rows[row]?.[index] ?? '').trim();
        if (value !== '') samples.push(value.slice(0, TOP_CELL_CHARS));
      }
      return {
        index,
        letter: columnLetter(index),
        label: labelText(label),
        field: mapping[index] ?? 'ignore',
        samples,
      };
    });
    const topRows = text.rows
      .slice(0, TOP_ROWS)
      .map((row) => row.slice(0, TOP_COLUMNS).map((cell) => (cell ?? '').slice(0, TOP_CELL_CHARS)));
    return {
      sheet: request.sheet,
      detectedHeader: detected,
      header,
      columns,
      detectedEncoding: grid.encoding,
      legacy: text.legacy,
      convertedCells: text.convertedCells,
      topRows,
      rowCount: grid.sheets[request.sheet]?.rowCount ?? 0,
      delimiter: grid.delimiter,
    };
  }

  preview(request: PreviewInput): PreviewResult {
    const session = this.sessions.get(request.sessionId);
    const text = textFor(session, request.sheet, request.encoding);
    const mappingErrors = checkMapping(request.mapping);
    if (mappingErrors.length > 0) {
      return { rows: [], counts: emptyCounts(), blankRows: 0, mappingErrors };
    }
    const read = this.read(session, text, request);
    const planned = planRows(read, this.existing.load(), {
      updateExisting: request.updateExisting,
      excluded: new Set(),
    });
    return { ...previewRows(read, planned), mappingErrors: [] };
  }

  /** Writes the chosen rows in one transaction; the rules are checked again inside it. */
  apply(request: ApplyInput): ApplyResult {
    const session = this.sessions.get(request.sessionId);
    const text = textFor(session, request.sheet, request.encoding);
    const mappingErrors = checkMapping(request.mapping);
    if (mappingErrors.length > 0) {
      throw new AppError('unitImport.needName', { messageKey: 'unitImport.errors.needName' });
    }
    const read = this.read(session, text, request);
    const skipped = read.filter((row) => row.type === 'skip').length;
    const journal: ImportJournal = { created: [], updated: [] };
    const result = this.writes.run((tx) => {
      const planned = planRows(read, this.existing.load(), {
        updateExisting: request.updateExisting,
        excluded: new Set(request.excludedRows),
      });
      return writePlan(planned, { tx, repo: this.repo, updateExisting: request.updateExisting, skipped, journal });
    });
    const wrote = journal.created.length + journal.updated.length > 0;
    return { ...result, undoId: wrote ? this.undoStore.push(journal) : '' };
  }

  /** Takes an import back, in one transaction (see `undoImport` for what is kept). */
  undo(undoId: string): UndoImportResult {
    const journal = this.undoStore.peek(undoId);
    if (!journal) throw new AppError('unitImport.undoUnknown', { messageKey: 'unitImport.errors.undoUnknown' });
    const result = this.writes.run((tx) => undoImport(journal, { db: this.db, tx, repo: this.repo }));
    // Only once it is written: a failed undo (a full disk) can be tried again.
    this.undoStore.drop(undoId);
    return result;
  }

  discard(sessionId: string): boolean {
    return this.sessions.discard(sessionId);
  }

  /** For tests and benchmarks: the session behind an id. */
  session(sessionId: string): ImportSession {
    return this.sessions.get(sessionId);
  }

  private read(session: ImportSession, text: SheetText, request: PreviewInput): ReadRow[] {
    const key = JSON.stringify([request.sheet, request.encoding, request.header, request.mapping, request.overrides]);
    if (session.lastRead?.key === key) return session.lastRead.rows;
    const overrides = new Map<number, RowOverrides>();
    for (const override of request.overrides) {
      const entry: RowOverrides = {};
      if (override.kind !== undefined) entry.kind = override.kind;
      if (override.schoolLevel !== undefined) entry.schoolLevel = override.schoolLevel;
      if (override.schoolType !== undefined) entry.schoolType = override.schoolType;
      overrides.set(override.row, entry);
    }
    const rows = readRows(text, { header: request.header, mapping: request.mapping, overrides });
    session.lastRead = { key, rows };
    return rows;
  }
}

/** A mapping that cannot work: no name column, or one field fed by two columns. */
export function checkMapping(mapping: readonly ImportField[]): RowIssue[] {
  const issues: RowIssue[] = [];
  if (!mapping.includes('name')) issues.push({ field: 'name', key: 'unitImport.errors.needName' });
  for (const field of MAPPABLE_FIELDS) {
    const columns = mapping.flatMap((value, index) => (value === field ? [columnLetter(index)] : []));
    if (columns.length > 1) {
      issues.push({
        field,
        key: 'unitImport.errors.duplicateField',
        params: { columns: columns.join(', ') },
      });
    }
  }
  return issues;
}

/** The file's cells, read by the reader for its real kind. */
async function readGrid(kind: FileKind, bytes: Buffer, fileName: string): Promise<FileGrid> {
  switch (kind) {
    case 'xlsx':
      return readXlsx(bytes, fileName);
    case 'xls':
      return readXls(bytes, fileName);
    case 'ods':
      return readOds(bytes, fileName);
    case 'text':
      return readCsv(bytes, fileName, 'auto');
  }
}
