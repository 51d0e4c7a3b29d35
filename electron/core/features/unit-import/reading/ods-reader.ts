import zlib from 'node:zlib';
import { IMPORT_LIMITS } from '../../../../../shared/domain/unit-import';
import { formatDate } from '../../../../../shared/format/date';
import { AppError } from '../../../kernel/errors';
import type { FontHint } from '../encoding/text-encoding';
import { importError } from '../import-errors';
import { cellFromRuns, formatNumber } from './cell-text';
import type { FileGrid, GridCell, GridRun, SheetGrid } from './grid';
import { MAX_MERGED_CELLS, finishSheet, spreadMerges, type MergedArea } from './sheet-build';
import { OdsStyles, parseXml, type OdsElement, type XmlHandler } from './ods-styles';
import { checkDeclaredLimits, entryData, readCentralDirectory, verifyEntry, type ZipEntry } from './zip-guard';

/**
 * An OpenDocument spreadsheet (.ods, as LibreOffice saves it), read as the .xlsx and .xls
 * readers read theirs: a formula by its cached result, a date as dd/mm/yyyy, a code shown
 * with leading zeros keeps them, a merged cell's value in every cell it covers, each run of
 * text keeps its font. The zip passes the same guard as an .xlsx before any XML is parsed;
 * content.xml is then read once, as a stream of elements. Files end with an empty row
 * "repeated" a million times and empty cells repeated 16,000 times: repeats are counted,
 * never built, unless the row or cell has content.
 */

/** Rows a sheet may span, empty ones included, like the `<row>` elements of an .xlsx sheet. */
const MAX_ROW_INDEX = IMPORT_LIMITS.maxSheetRowElements;
/**
 * Rows and cells all sheets together may hold once repeats and merges are laid out: twice a
 * full sheet. A few hundred bytes of XML can repeat a full row 50,000 times on each of many
 * sheets; past this the file is refused as abnormal rather than filling memory.
 */
const MAX_GRID_SLOTS = 2 * IMPORT_LIMITS.maxRows * IMPORT_LIMITS.maxColumns;
/** Elements of a cell whose text is not the cell's displayed value (comments, drawings). */
const SKIPPED_INLINE = new Set(['office:annotation', 'text:note', 'text:ruby-text', 'draw:frame', 'draw:a']);
/** Elements that only group rows or columns. */
const ROW_GROUPS = new Set(['table:table-row-group', 'table:table-header-rows', 'table:table-rows']);
const COLUMN_GROUPS = new Set(['table:table-column-group', 'table:table-header-columns', 'table:table-columns']);
const ENCRYPTION = /<(?:[\w.-]+:)?encryption-data[\s/>]/;

/** A repeat or span count: a positive integer (capped, so sums stay exact), 1 when absent or nonsense. */
function count(value: string | undefined): number {
  const digits = value?.trim() ?? '';
  if (!/^\d+$/.test(digits)) return 1;
  return Math.max(1, Math.min(Number(digits), 2 ** 31));
}

/**
 * A cell's displayed text as runs with their fonts, at most `maxCellChars` long. Literal
 * white space collapses to one space and is dropped at a paragraph's ends (ODF 6.1.2);
 * `text:s`, `text:tab` and `text:line-break` are kept as written.
 */
class CellText {
  readonly parts: GridRun[] = [];
  private length = 0;
  private paragraphs = 0;
  private afterSpace = true;
  private collapsedAtEnd = false;

  get full(): boolean {
    return this.length >= IMPORT_LIMITS.maxCellChars;
  }

  get text(): string {
    return this.parts.map((part) => part.text).join('');
  }

  startParagraph(font: FontHint | null): void {
    if (this.paragraphs > 0) this.push('\n', font);
    this.paragraphs += 1;
    this.afterSpace = true;
    this.collapsedAtEnd = false;
  }

  endParagraph(): void {
    const last = this.parts.at(-1);
    if (this.collapsedAtEnd && last) {
      last.text = last.text.slice(0, -1);
      this.length -= 1;
    }
    this.collapsedAtEnd = false;
  }

  literal(text: string, font: FontHint | null): void {
    let collapsed = text.replace(/[ \t\r\n]+/g, ' ');
    if (this.afterSpace && collapsed.startsWith(' ')) collapsed = collapsed.slice(1);
    if (collapsed === '' || this.full) return;
    const pushed = this.push(collapsed, font);
    this.afterSpace = pushed.endsWith(' ');
    this.collapsedAtEnd = this.afterSpace;
  }

  /** `text:s`: only as many spaces as still fit (a count of a billion costs nothing). */
  spaces(count: number, font: FontHint | null): void {
    this.raw(' '.repeat(Math.max(0, Math.min(count, IMPORT_LIMITS.maxCellChars - this.length))), font);
  }

  raw(text: string, font: FontHint | null): void {
    this.push(text, font);
    this.afterSpace = false;
    this.collapsedAtEnd = false;
  }

  private push(text: string, font: FontHint | null): string {
    const room = IMPORT_LIMITS.maxCellChars - this.length;
    const kept = text.length > room ? text.slice(0, room) : text;
    if (kept === '') return kept;
    const last = this.parts.at(-1);
    if (last && last.font === font) last.text += kept;
    else this.parts.push({ text: kept, font });
    this.length += kept.length;
    return kept;
  }
}

interface CellState {
  /** Covered by a merge, or past the last column read: its content is not read. */
  ignored: boolean;
  repeat: number;
  columnSpan: number;
  rowSpan: number;
  attributes: Record<string, string>;
  font: FontHint | null;
  text: CellText;
  /** Fonts of the open text:p / text:span elements, by their depth. */
  fonts: { depth: number; font: FontHint | null }[];
  paragraphDepth: number;
}

interface RowState {
  depth: number;
  repeat: number;
  defaultStyle: string | undefined;
  cells: (GridCell | undefined)[];
  merges: { column: number; columnSpan: number; rowSpan: number }[];
  column: number;
}

/** The font of the innermost open paragraph or span; null (a Unicode font) is a font too. */
function currentFont(cell: CellState): FontHint | null {
  const innermost = cell.fonts.at(-1);
  return innermost ? innermost.font : cell.font;
}

/** A number shown with leading zeros ("0042" under a "0000" format) is a code: keep what is shown. */
function numberCell(value: number, shown: string, font: FontHint | null): GridCell {
  const digits = shown.trim();
  if (/^0\d+$/.test(digits) && Number(digits) === value) return { text: digits, font, numeric: true };
  return { text: formatNumber(value, undefined), font, numeric: true };
}

/** The value a person sees in the cell, as the other readers give it; undefined when empty. */
function cellValue(state: CellState): GridCell | undefined {
  const get = (name: string) => state.attributes[name];
  // An error result (#N/A, #REF!…) reads as empty, as in the .xlsx reader.
  if (get('calcext:value-type') === 'error') return undefined;
  const font = state.font;
  const shown = state.text.text;
  let cell: GridCell | undefined;
  switch (get('office:value-type')) {
    case 'float':
    case 'percentage':
    case 'currency': {
      const value = Number(get('office:value') ?? Number.NaN);
      if (Number.isFinite(value)) cell = numberCell(value, shown, font);
      break;
    }
    case 'date': {
      const text = formatDate((get('office:date-value') ?? '').slice(0, 10));
      if (text !== '') cell = { text, font };
      break;
    }
    case 'boolean': {
      const value = get('office:boolean-value')?.trim().toLowerCase();
      if (value === 'true' || value === 'false') cell = { text: value.toUpperCase(), font };
      break;
    }
  }
  if (!cell) {
    cell =
      state.text.parts.length > 0
        ? cellFromRuns(state.text.parts, font)
        : { text: get('office:string-value') ?? '', font };
  }
  if (cell.text.length > IMPORT_LIMITS.maxCellChars) cell.text = cell.text.slice(0, IMPORT_LIMITS.maxCellChars);
  return cell.text.trim() === '' ? undefined : cell;
}

class GridBudget {
  private used = 0;

  constructor(private readonly fileName: string) {}

  spend(slots: number): void {
    this.used += slots;
    if (this.used > MAX_GRID_SLOTS) throw importError('zipBomb', { file: this.fileName });
  }
}

class SheetBuilder {
  readonly rows: (GridCell | undefined)[][] = [];
  private readonly merges: MergedArea[] = [];
  private contentRows = 0;
  /** The row the next table:table-row starts at. */
  nextRow = 0;
  /** Default cell styles of the first columns (`table:default-cell-style-name`). */
  readonly columnStyles: (string | undefined)[] = [];
  nextColumn = 0;

  constructor(
    readonly name: string,
    readonly hidden: boolean,
    private readonly fileName: string,
    private readonly budget: GridBudget,
  ) {}

  /** Makes room for a row at `index`; the rows skipped before it become empty rows of the grid. */
  private rowAt(index: number): (GridCell | undefined)[] {
    this.budget.spend(Math.max(0, index + 1 - this.rows.length));
    return (this.rows[index] ??= []);
  }

  /** A row with content, once per repeat: the limits are met before a million copies are made. */
  addRow(row: RowState): void {
    const filled = row.cells.reduce((total, cell) => (cell ? total + 1 : total), 0);
    for (let copy = 0; copy < row.repeat; copy += 1) {
      const index = this.nextRow + copy;
      this.contentRows += 1;
      if (this.contentRows > IMPORT_LIMITS.maxRows || index >= MAX_ROW_INDEX) {
        throw importError('tooManyRows', { file: this.fileName, limit: IMPORT_LIMITS.maxRows });
      }
      this.rowAt(index);
      this.budget.spend(filled);
      this.rows[index] = copy === 0 ? row.cells : row.cells.slice();
      for (const { column, columnSpan, rowSpan } of row.merges) {
        if (this.merges.length >= MAX_MERGED_CELLS) break;
        this.merges.push({ r1: index, c1: column, r2: index + rowSpan - 1, c2: column + columnSpan - 1 });
      }
    }
  }

  /** Every cell a merge covers shows its top-left value, as in the .xlsx reader. */
  build(): SheetGrid {
    spreadMerges(
      this.rows,
      this.merges,
      (index) => this.rowAt(index),
      () => this.budget.spend(1),
      MAX_ROW_INDEX - 1,
    );
    return finishSheet(this.name, this.hidden, this.rows);
  }
}

/** Reads content.xml element by element into sheets. */
class ContentReader implements XmlHandler {
  readonly sheets: SheetGrid[] = [];
  sawSpreadsheet = false;
  sawTextDocument = false;
  private inBody = false;
  /** Depth of the element whose whole subtree is ignored, 0 when none. */
  private skipDepth = 0;
  private sheet: SheetBuilder | null = null;
  private tableDepth = 0;
  private row: RowState | null = null;
  private cell: CellState | null = null;
  private cellDepth = 0;
  private tables = 0;
  private readonly budget: GridBudget;

  constructor(
    private readonly styles: OdsStyles,
    private readonly fileName: string,
  ) {
    this.budget = new GridBudget(fileName);
  }

  open(element: OdsElement, depth: number): void {
    if (this.skipDepth > 0) return;
    if (!this.inBody) {
      if (element.name === 'office:body') this.inBody = true;
      else this.styles.open(element, depth);
      return;
    }
    if (this.cell) this.openInCell(element, depth);
    else if (this.row) this.openInRow(element, depth);
    else if (this.sheet) this.openInTable(element, depth);
    else this.openInBody(element, depth);
  }

  close(name: string, depth: number): void {
    if (this.skipDepth > 0) {
      if (depth === this.skipDepth) this.skipDepth = 0;
      return;
    }
    if (!this.inBody) {
      this.styles.close(depth);
      return;
    }
    const cell = this.cell;
    if (cell) {
      if (depth === this.cellDepth) this.finishCell(cell);
      else if (depth === cell.paragraphDepth) {
        cell.text.endParagraph();
        cell.paragraphDepth = 0;
      }
      if (cell.fonts.at(-1)?.depth === depth) cell.fonts.pop();
    } else if (this.row && depth === this.row.depth) {
      this.finishRow(this.row);
    } else if (this.sheet && depth === this.tableDepth && name === 'table:table') {
      this.sheets.push(this.sheet.build());
      this.sheet = null;
    }
  }

  text(text: string): void {
    const cell = this.cell;
    if (this.skipDepth > 0 || !cell || cell.paragraphDepth === 0 || cell.ignored) return;
    cell.text.literal(text, currentFont(cell));
  }

  private skip(depth: number): void {
    this.skipDepth = depth;
  }

  private openInBody(element: OdsElement, depth: number): void {
    switch (element.name) {
      case 'office:spreadsheet':
        this.sawSpreadsheet = true;
        return;
      case 'office:text':
        this.sawTextDocument = true;
        return this.skip(depth);
      case 'table:table': {
        if (!this.sawSpreadsheet) return this.skip(depth);
        // As many sheets as an .xlsx may have parts: thousands of tiny tables are no unit list.
        this.tables += 1;
        if (this.tables > IMPORT_LIMITS.maxZipEntries) {
          throw importError('zipTooManyEntries', { file: this.fileName, limit: IMPORT_LIMITS.maxZipEntries });
        }
        const hidden = this.styles.tableHidden(element.attributes['table:style-name']);
        this.sheet = new SheetBuilder(element.attributes['table:name'] ?? '', hidden, this.fileName, this.budget);
        this.tableDepth = depth;
        return;
      }
      default:
        // Named ranges, validations, database ranges… hold no cells; other bodies (drawings) neither.
        if (this.sawSpreadsheet || element.name.startsWith('office:')) return this.skip(depth);
    }
  }

  private openInTable(element: OdsElement, depth: number): void {
    const sheet = this.sheet!;
    const { name, attributes } = element;
    if (name === 'table:table-row') {
      this.row = {
        depth,
        repeat: count(attributes['table:number-rows-repeated']),
        defaultStyle: attributes['table:default-cell-style-name'],
        cells: [],
        merges: [],
        column: 0,
      };
    } else if (name === 'table:table-column') {
      const repeat = count(attributes['table:number-columns-repeated']);
      const style = attributes['table:default-cell-style-name'];
      for (
        let index = sheet.nextColumn;
        index < Math.min(sheet.nextColumn + repeat, IMPORT_LIMITS.maxColumns);
        index += 1
      ) {
        sheet.columnStyles[index] = style;
      }
      sheet.nextColumn += repeat;
    } else if (!ROW_GROUPS.has(name) && !COLUMN_GROUPS.has(name)) {
      // Forms, shapes, a nested table, scenarios: not rows of this sheet.
      this.skip(depth);
    }
  }

  private openInRow(element: OdsElement, depth: number): void {
    const row = this.row!;
    const { name, attributes } = element;
    const covered = name === 'table:covered-table-cell';
    if (depth !== row.depth + 1 || (!covered && name !== 'table:table-cell')) return this.skip(depth);
    const sheet = this.sheet!;
    const styleName = attributes['table:style-name'] ?? row.defaultStyle ?? sheet.columnStyles[row.column] ?? undefined;
    const ignored = covered || row.column >= IMPORT_LIMITS.maxColumns;
    this.cell = {
      ignored,
      repeat: count(attributes['table:number-columns-repeated']),
      columnSpan: count(attributes['table:number-columns-spanned']),
      rowSpan: count(attributes['table:number-rows-spanned']),
      attributes,
      font: ignored ? null : this.styles.cellFont(styleName),
      text: new CellText(),
      fonts: [],
      paragraphDepth: 0,
    };
    this.cellDepth = depth;
  }

  private openInCell(element: OdsElement, depth: number): void {
    const cell = this.cell!;
    const { name, attributes } = element;
    if (cell.ignored) return this.skip(depth);
    if (depth === this.cellDepth + 1) {
      // A cell's value is its paragraphs; comments and anchored drawings are not.
      if (name !== 'text:p' && name !== 'text:h') return this.skip(depth);
      const own = this.styles.textFont('paragraph', attributes['text:style-name']);
      const font = own === undefined ? cell.font : own;
      cell.text.startParagraph(font);
      cell.paragraphDepth = depth;
      cell.fonts.push({ depth, font });
      return;
    }
    const font = currentFont(cell);
    switch (name) {
      case 'text:span': {
        const own = this.styles.textFont('text', attributes['text:style-name']);
        cell.fonts.push({ depth, font: own === undefined ? font : own });
        return;
      }
      case 'text:s':
        cell.text.spaces(count(attributes['text:c']), font);
        return;
      case 'text:tab':
        cell.text.raw('\t', font);
        return;
      case 'text:line-break':
        cell.text.raw('\n', font);
        return;
      default:
        if (SKIPPED_INLINE.has(name)) this.skip(depth);
    }
  }

  private finishCell(cell: CellState): void {
    const row = this.row!;
    this.cell = null;
    const first = row.column;
    row.column += cell.repeat;
    if (cell.ignored) return;
    const value = cellValue(cell);
    if (!value) return;
    const last = Math.min(first + cell.repeat, IMPORT_LIMITS.maxColumns);
    for (let column = first; column < last; column += 1) {
      row.cells[column] = value;
      if (cell.columnSpan > 1 || cell.rowSpan > 1) {
        row.merges.push({ column, columnSpan: cell.columnSpan, rowSpan: cell.rowSpan });
      }
    }
  }

  private finishRow(row: RowState): void {
    const sheet = this.sheet!;
    this.row = null;
    if (row.cells.length > 0) sheet.addRow(row);
    sheet.nextRow += row.repeat;
  }
}

interface OdsParts {
  content: Buffer;
  styles: Buffer | null;
}

/** An entry already verified (`verifyEntry`: its real size is its declared size), inflated. */
function inflate(buffer: Buffer, entry: ZipEntry, fileName: string): Buffer {
  const data = entryData(buffer, entry, fileName);
  if (entry.method === 0) return data;
  return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
}

/** The zip checks of an .xlsx, the password check, then the two parts that hold cells and styles. */
async function unpack(buffer: Buffer, fileName: string): Promise<OdsParts> {
  const entries = readCentralDirectory(buffer, fileName);
  checkDeclaredLimits(entries, fileName);
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const manifest = byName.get('META-INF/manifest.xml');
  let total = 0;
  // A password-protected .ods has ordinary zip entries whose bytes are encrypted: only the manifest tells.
  if (manifest) {
    total += await verifyEntry(buffer, manifest, fileName);
    if (ENCRYPTION.test(inflate(buffer, manifest, fileName).toString('utf8'))) {
      throw importError('encrypted', { file: fileName });
    }
  }
  const content = byName.get('content.xml');
  if (!content) {
    if (byName.has('word/document.xml')) throw importError('wordDocument', { file: fileName });
    throw importError('notSpreadsheet', { file: fileName });
  }
  for (const entry of entries) {
    if (entry.name.endsWith('/') || entry === manifest) continue;
    total += await verifyEntry(buffer, entry, fileName);
    if (total > IMPORT_LIMITS.maxUncompressedBytes) throw importError('zipBomb', { file: fileName });
  }
  const styles = byName.get('styles.xml');
  return { content: inflate(buffer, content, fileName), styles: styles ? inflate(buffer, styles, fileName) : null };
}

async function readWorkbook(buffer: Buffer, fileName: string): Promise<FileGrid> {
  const parts = await unpack(buffer, fileName);
  const styles = new OdsStyles();
  if (parts.styles) parseXml(parts.styles, styles.stylesXml());
  const reader = new ContentReader(styles, fileName);
  parseXml(parts.content, reader);
  if (!reader.sawSpreadsheet) {
    throw importError(reader.sawTextDocument ? 'wordDocument' : 'notSpreadsheet', { file: fileName });
  }
  if (reader.sheets.length === 0) throw importError('noSheets', { file: fileName });
  for (const sheet of reader.sheets) {
    if (sheet.rowCount > IMPORT_LIMITS.maxRows) {
      throw importError('tooManyRows', { file: fileName, limit: IMPORT_LIMITS.maxRows });
    }
  }
  return { format: 'ods', sheets: reader.sheets, delimiter: null, encoding: 'xlsx', legacyHint: 'none' };
}

/** Every sheet of an .ods as grids of cells; anything malformed is refused as unreadable, never raised. */
export async function readOds(buffer: Buffer, fileName: string): Promise<FileGrid> {
  try {
    return await readWorkbook(buffer, fileName);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw importError('unreadable', { file: fileName }, error);
  }
}
