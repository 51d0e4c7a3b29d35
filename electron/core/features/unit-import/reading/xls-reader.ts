import { IMPORT_LIMITS } from '../../../../../shared/domain/unit-import';
import { AppError } from '../../../kernel/errors';
import { fontHint, type FontHint } from '../encoding/text-encoding';
import { importError } from '../import-errors';
import {
  BiffError,
  RECORD,
  RecordCursor,
  records,
  richString,
  rkNumber,
  type BiffRecord,
  type RichString,
} from './biff-records';
import { cellFromRuns, dateText, formatNumber } from './cell-text';
import { CompoundFile, CompoundFileError } from './compound-file';
import type { FileGrid, GridCell, GridRun, SheetGrid } from './grid';
import { finishSheet, spreadMerges, type MergedArea } from './sheet-build';

/**
 * An Excel 97–2003 workbook (.xls, BIFF8), read as the .xlsx reader reads its cells: shared
 * and inline strings with their fonts (a ".VnTime" font is the clue to TCVN3 text, and old
 * lists are full of it), numbers with their formats (leading zeros, dates), formula results,
 * merged cells' values in every cell they cover, hidden sheets marked. Written from MS-XLS;
 * only what a unit list needs is decoded, everything else is skipped by its length.
 */

const BIFF8 = 0x0600;
const BIFF5 = 0x0500;
const WORKSHEET = 0x0010;
/** Merged areas kept per sheet. */
const MAX_MERGES = 50_000;
/**
 * Cells one sheet may hold (a list at the row limit with 30 columns). Rows are counted only
 * once a sheet is read; this stops a 20 MB file of tiny number records from filling memory first.
 */
const MAX_CELLS = IMPORT_LIMITS.maxRows * 30;

/** SHRFMLA, ARRAY, TABLE: may sit between a FORMULA and its STRING. */
const FORMULA_COMPANIONS = new Set([0x04bc, 0x0221, 0x0236]);

/** Built-in number formats that matter here (MS-XLS 2.4.126): dates, and "0" for codes. */
const BUILT_IN_FORMATS: Record<number, string> = {
  1: '0',
  14: 'dd/mm/yyyy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  22: 'm/d/yy h:mm',
  49: '@',
};

interface ReadBudget {
  bytes: number;
}

interface CellStyle {
  font: FontHint | null;
  numFmt: string | undefined;
  isDate: boolean;
}

interface Globals {
  date1904: boolean;
  fontNames: string[];
  styles: CellStyle[];
  sheets: { name: string; offset: number; hidden: boolean; isWorksheet: boolean }[];
  strings: RichString[];
}

/** A number format shows a date when it has a day or year part outside quotes and brackets. */
function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
  return /[dy]/i.test(bare);
}

/** A date serial (1900 system with its 29 Feb 1900, or 1904) as a UTC-midnight Date. */
function serialDate(serial: number, date1904: boolean): Date {
  const day = Math.floor(serial);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, day < 61 ? 31 : 30);
  return new Date(epoch + day * 86_400_000);
}

/** Font index as cells give it: index 4 does not exist, so 5 means the fifth FONT record. */
function fontName(fontNames: string[], index: number): string | undefined {
  return fontNames[index < 4 ? index : index - 1];
}

function readGlobals(stream: Buffer, fileName: string): Globals {
  const globals: Globals = { date1904: false, fontNames: [], styles: [], sheets: [], strings: [] };
  const formats = new Map<number, string>();
  const xfs: { font: number; format: number }[] = [];
  let first = true;
  for (const record of records(stream, 0)) {
    if (first) {
      first = false;
      const version = record.data.length >= 2 ? record.data.readUInt16LE(0) : 0;
      if (record.type !== RECORD.bof) throw importError('unreadable', { file: fileName });
      if (version === BIFF5) throw importError('legacyXls', { file: fileName });
      if (version !== BIFF8) throw importError('unreadable', { file: fileName });
      continue;
    }
    if (record.type === RECORD.eof) break;
    if (record.type === RECORD.filePass) throw importError('encrypted', { file: fileName });
    try {
      readGlobalRecord(record, globals, formats, xfs);
    } catch (error) {
      if (!(error instanceof BiffError)) throw error;
      // One malformed record loses what it held, not the file.
    }
  }
  if (first) throw importError('unreadable', { file: fileName });
  globals.styles = xfs.map(({ font, format }) => {
    const numFmt = formats.get(format) ?? BUILT_IN_FORMATS[format];
    return {
      font: fontHint(fontName(globals.fontNames, font)),
      numFmt,
      isDate: (format >= 14 && format <= 17) || format === 22 || (formats.has(format) && isDateFormat(numFmt)),
    };
  });
  return globals;
}

function readGlobalRecord(
  record: BiffRecord,
  globals: Globals,
  formats: Map<number, string>,
  xfs: { font: number; format: number }[],
): void {
  const cursor = () => new RecordCursor(record);
  switch (record.type) {
    case RECORD.dateMode:
      globals.date1904 = cursor().u16() === 1;
      break;
    case RECORD.font:
      globals.fontNames.push(new RecordCursor(record, 14).shortUnicodeString());
      break;
    case RECORD.format: {
      const read = cursor();
      const index = read.u16();
      formats.set(index, read.unicodeString());
      break;
    }
    case RECORD.xf: {
      const read = cursor();
      xfs.push({ font: read.u16(), format: read.u16() });
      break;
    }
    case RECORD.boundSheet: {
      const read = cursor();
      const offset = read.u32();
      const state = read.u8() & 0x03;
      const type = read.u8();
      globals.sheets.push({ offset, hidden: state !== 0, isWorksheet: type === 0, name: read.shortUnicodeString() });
      break;
    }
    case RECORD.sst:
      globals.strings = sharedStrings(record);
      break;
  }
}

/** The shared strings table; strings past a damaged point read as empty. */
function sharedStrings(record: BiffRecord): RichString[] {
  const read = new RecordCursor(record);
  read.skip(4);
  const declared = read.u32();
  const strings: RichString[] = [];
  // Each string takes at least 3 bytes: a count larger than the record allows is a lie.
  const total = record.data.length + record.continues.reduce((sum, part) => sum + part.length, 0);
  const count = Math.min(declared, Math.floor(total / 3));
  try {
    while (strings.length < count && !read.atEnd) strings.push(richString(read));
  } catch (error) {
    if (!(error instanceof BiffError)) throw error;
  }
  return strings;
}

class SheetBuilder {
  readonly rows: (GridCell | undefined)[][] = [];
  private readonly merges: MergedArea[] = [];
  /** A FORMULA whose string result comes in the next STRING record. */
  pendingString: { row: number; col: number; style: CellStyle | undefined } | null = null;

  cellCount = 0;

  constructor(private readonly globals: Globals) {}

  style(index: number): CellStyle | undefined {
    return this.globals.styles[index];
  }

  set(row: number, col: number, cell: GridCell | undefined): void {
    if (col >= IMPORT_LIMITS.maxColumns || !cell) return;
    if (cell.text.length > IMPORT_LIMITS.maxCellChars) cell.text = cell.text.slice(0, IMPORT_LIMITS.maxCellChars);
    if (cell.text.trim() === '') return;
    const cells = (this.rows[row] ??= []);
    if (cells[col] === undefined) this.cellCount += 1;
    cells[col] = cell;
  }

  number(row: number, col: number, value: number, style: CellStyle | undefined): void {
    if (!Number.isFinite(value)) return;
    if (style?.isDate) {
      this.set(row, col, { text: dateText(serialDate(value, this.globals.date1904)), font: style.font });
    } else {
      this.set(row, col, { text: formatNumber(value, style?.numFmt), font: style?.font ?? null, numeric: true });
    }
  }

  text(row: number, col: number, value: string, style: CellStyle | undefined): void {
    this.set(row, col, { text: value, font: style?.font ?? null });
  }

  shared(row: number, col: number, index: number, style: CellStyle | undefined): void {
    const entry = this.globals.strings[index];
    if (!entry) return;
    const cellFont = style?.font ?? null;
    if (entry.runs.length === 0) {
      this.set(row, col, { text: entry.text, font: cellFont });
      return;
    }
    // Characters before the first run use the cell's font; each run sets the font from its start.
    const parts: GridRun[] = [];
    let start = 0;
    let font = cellFont;
    for (const run of [...entry.runs].sort((a, b) => a.start - b.start)) {
      if (run.start > start) parts.push({ text: entry.text.slice(start, run.start), font });
      start = Math.max(start, run.start);
      font = fontHint(fontName(this.globals.fontNames, run.font));
    }
    parts.push({ text: entry.text.slice(start), font });
    this.set(row, col, cellFromRuns(parts, cellFont));
  }

  merge(r1: number, c1: number, r2: number, c2: number): void {
    // A unit list has a few dozen merges; a file listing millions is not kept in memory.
    if (r2 >= r1 && c2 >= c1 && this.merges.length < MAX_MERGES) this.merges.push({ r1, c1, r2, c2 });
  }

  /** Every cell a merge covers shows its top-left value, as in the .xlsx reader. */
  build(name: string, hidden: boolean): SheetGrid {
    spreadMerges(this.rows, this.merges, (index) => (this.rows[index] ??= []));
    return finishSheet(name, hidden, this.rows);
  }
}

function readSheetRecord(record: BiffRecord, sheet: SheetBuilder): void {
  const read = new RecordCursor(record);
  const cellHeader = () => ({ row: read.u16(), col: read.u16(), style: sheet.style(read.u16()) });
  switch (record.type) {
    case RECORD.labelSst: {
      const { row, col, style } = cellHeader();
      sheet.shared(row, col, read.u32(), style);
      break;
    }
    case RECORD.label:
    case RECORD.rString: {
      const { row, col, style } = cellHeader();
      sheet.text(row, col, read.unicodeString(), style);
      break;
    }
    case RECORD.number: {
      const { row, col, style } = cellHeader();
      sheet.number(row, col, read.f64(), style);
      break;
    }
    case RECORD.rk: {
      const { row, col, style } = cellHeader();
      sheet.number(row, col, rkNumber(read.u32()), style);
      break;
    }
    case RECORD.mulRk: {
      const row = read.u16();
      const first = read.u16();
      const count = Math.floor((record.data.length - 6) / 6);
      for (let index = 0; index < count; index += 1) {
        const style = sheet.style(read.u16());
        sheet.number(row, first + index, rkNumber(read.u32()), style);
      }
      break;
    }
    case RECORD.boolErr: {
      const { row, col, style } = cellHeader();
      const value = read.u8();
      // An error value (#N/A, #REF!…) reads as empty, as in the .xlsx reader.
      if (read.u8() === 0) sheet.text(row, col, value ? 'TRUE' : 'FALSE', style);
      break;
    }
    case RECORD.formula: {
      const { row, col, style } = cellHeader();
      const result = record.data.subarray(6, 14);
      if (result.length < 8) throw new BiffError('short FORMULA');
      if (result.readUInt16LE(6) !== 0xffff) {
        sheet.number(row, col, result.readDoubleLE(0), style);
      } else if (result[0] === 0) {
        sheet.pendingString = { row, col, style };
      } else if (result[0] === 1) {
        sheet.text(row, col, result[2] ? 'TRUE' : 'FALSE', style);
      }
      break;
    }
    case RECORD.string: {
      const pending = sheet.pendingString;
      sheet.pendingString = null;
      if (pending) sheet.text(pending.row, pending.col, read.unicodeString(), pending.style);
      break;
    }
    case RECORD.mergeCells: {
      const count = read.u16();
      for (let index = 0; index < count; index += 1) {
        const r1 = read.u16();
        const r2 = read.u16();
        const c1 = read.u16();
        const c2 = read.u16();
        sheet.merge(r1, c1, r2, c2);
      }
      break;
    }
  }
}

/** One worksheet's substream: from its BOF to the matching EOF (charts inside have their own). */
function readSheet(
  stream: Buffer,
  globals: Globals,
  offset: number,
  budget: ReadBudget,
): SheetBuilder | 'tooLarge' | null {
  const sheet = new SheetBuilder(globals);
  let depth = 0;
  for (const record of records(stream, offset)) {
    budget.bytes -= record.data.length + 4 + record.continues.reduce((sum, part) => sum + part.length + 4, 0);
    if (budget.bytes < 0) throw new BiffError('sheets overlap: the stream is read over and over');
    if (record.type === RECORD.bof) {
      if (depth === 0 && (record.data.length < 4 || record.data.readUInt16LE(2) !== WORKSHEET)) return null;
      depth += 1;
      continue;
    }
    if (depth === 0) return null;
    if (record.type === RECORD.eof) {
      depth -= 1;
      if (depth === 0) break;
      continue;
    }
    if (depth !== 1) continue;
    // A string result follows its FORMULA, after the shared/array formula records if any.
    if (record.type !== RECORD.string && !FORMULA_COMPANIONS.has(record.type)) sheet.pendingString = null;
    try {
      readSheetRecord(record, sheet);
    } catch (error) {
      if (!(error instanceof BiffError)) throw error;
    }
    if (sheet.cellCount > MAX_CELLS) return 'tooLarge';
  }
  return sheet;
}

function openWorkbookStream(bytes: Buffer, fileName: string): Buffer {
  let file: CompoundFile;
  try {
    file = new CompoundFile(bytes);
  } catch (error) {
    if (error instanceof CompoundFileError) {
      throw importError(error.truncated ? 'truncated' : 'unreadable', { file: fileName }, error);
    }
    throw error;
  }
  if (file.find('EncryptedPackage') || file.find('EncryptionInfo')) throw importError('encrypted', { file: fileName });
  const workbook = file.find('Workbook');
  if (!workbook) {
    if (file.find('Book')) throw importError('legacyXls', { file: fileName });
    if (file.find('WordDocument')) throw importError('wordDocument', { file: fileName });
    throw importError('notSpreadsheet', { file: fileName });
  }
  try {
    return file.read(workbook);
  } catch (error) {
    if (error instanceof CompoundFileError) {
      throw importError(error.truncated ? 'truncated' : 'unreadable', { file: fileName }, error);
    }
    throw error;
  }
}

/** Every worksheet of an .xls as grids of cells (chart and macro sheets are not tables). */
export function readXls(bytes: Buffer, fileName: string): FileGrid {
  try {
    return readWorkbook(bytes, fileName);
  } catch (error) {
    if (error instanceof AppError) throw error;
    // Every read is bounded above; should a hostile file still trip one, it is refused, not a crash.
    throw importError('unreadable', { file: fileName }, error);
  }
}

function readWorkbook(bytes: Buffer, fileName: string): FileGrid {
  const stream = openWorkbookStream(bytes, fileName);
  const globals = readGlobals(stream, fileName);
  const sheets: SheetGrid[] = [];
  // Real sheets never overlap, so all of them together are read within the stream's length;
  // sheet entries pointing into one another (a hostile file) would read it again and again.
  const budget: ReadBudget = { bytes: stream.length * 2 };
  const seen = new Set<number>();
  for (const entry of globals.sheets) {
    if (seen.has(entry.offset)) continue;
    seen.add(entry.offset);
    if (!entry.isWorksheet || entry.offset >= stream.length) continue;
    const sheet = readSheet(stream, globals, entry.offset, budget);
    if (sheet === 'tooLarge') throw importError('tooManyRows', { file: fileName, limit: IMPORT_LIMITS.maxRows });
    if (!sheet) continue;
    const grid = sheet.build(entry.name, entry.hidden);
    if (grid.rowCount > IMPORT_LIMITS.maxRows) {
      throw importError('tooManyRows', { file: fileName, limit: IMPORT_LIMITS.maxRows });
    }
    sheets.push(grid);
  }
  if (sheets.length === 0) throw importError('noSheets', { file: fileName });
  return { format: 'xls', sheets, delimiter: null, encoding: 'xlsx', legacyHint: 'none' };
}
