import { columnLetter } from '../../../shared/domain/unit-import';
import { ZipWriter, type ZipEntry } from '../files/zip-writer';

/**
 * A spreadsheet (.xlsx, SpreadsheetML of ECMA-376) written as a stream: sheets one after
 * another, each row turned into XML as it comes and deflated into the file, text kept once in
 * the shared strings. Only what the office's workbooks use: numbers, text and dates; fonts,
 * solid fills, thin borders, alignment and number formats; column widths and row heights,
 * frozen panes, merged header cells, an autofilter, A4 print set-up with repeated header rows.
 *
 * Why not a general library: writing each of millions of cells through a cell object model
 * took most of a 200,000-inspection workbook's time; here a cell is a few characters of XML.
 * Text is never written as a formula, whatever it starts with.
 */

export interface XlsxStyle {
  font?: { bold?: boolean; italic?: boolean; size?: number; color?: string };
  /** ARGB of a solid fill. */
  fill?: string;
  /** A thin border all round, in this ARGB colour. */
  border?: string;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'center' | 'bottom';
  wrap?: boolean;
  /** A number format: '0%', 'dd/mm/yyyy', '@' (text)… */
  numFmt?: string;
}

/** A text looked up in the shared strings once, for a value repeated in many cells. */
export class SharedText {
  constructor(readonly index: number) {}
}

export type XlsxValue = string | number | Date | SharedText | null;

export interface SheetOptions {
  /** Column widths, in characters. */
  widths: readonly number[];
  /** Columns and rows kept in view (frozen panes). */
  frozen?: { columns: number; rows: number };
  gridLines?: boolean;
  /** Rows repeated at the top of every printed page, 1-based. */
  printTitles?: { from: number; to: number };
  /**
   * The autofilter's header row and last column, 1-based: it spans from that row to the last
   * row written, as a spreadsheet's own filter does (one over the header alone filters nothing).
   */
  autoFilter?: { row: number; lastColumn: number };
  /** Merged ranges, 1-based: [top, left, bottom, right]. */
  merges?: readonly (readonly [number, number, number, number])[];
  page: {
    landscape: boolean;
    /** Fit all columns onto one page's width. */
    fitToWidth: boolean;
    margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  };
}

/** Built-in number formats (ECMA-376 18.8.30); others get ids from 164. */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '0%': 9, '0.00%': 10, '@': 49 };
/** A sheet's rows are encoded into buffers of this size, each deflated once full. */
const BUFFER_SIZE = 512 * 1024;
/** The shared strings' XML is deflated in pieces of about this many characters. */
const PIECE_SIZE = 256 * 1024;
/** Days from Excel's day 0 (30/12/1899, in the 1900 date system) to 01/01/1970. */
const EPOCH_DAYS = 25569;
const MS_PER_DAY = 86_400_000;
/** What a spreadsheet holds: characters in a cell, rows and columns in a sheet. */
const MAX_CELL_TEXT = 32_767;
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

// Characters XML 1.0 cannot hold (C0 controls but tab and line breaks, U+FFFE/U+FFFF, lone
// surrogates): dropped, as a spreadsheet could not open the file otherwise.
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text as XML character data or an attribute value. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"]/g, (char) => ESCAPES[char] ?? char);
}

/** "A", "B" … "Z", "AA" …: a column's letters, 1-based (as cell references count). */
export function columnLetters(index: number): string {
  return columnLetter(index - 1);
}

/** A sheet name in a reference: quoted, its apostrophes doubled. */
function sheetRef(name: string): string {
  return `'${name.replaceAll("'", "''")}'`;
}

/** A font, its parts in the order Excel itself writes them. */
function fontXml(font: XlsxStyle['font'], base: { name: string; size: number }): string {
  return (
    '<font>' +
    (font?.bold ? '<b/>' : '') +
    (font?.italic ? '<i/>' : '') +
    `<sz val="${font?.size ?? base.size}"/>` +
    (font?.color ? `<color rgb="${font.color}"/>` : '') +
    `<name val="${escapeXml(base.name)}"/><family val="1"/></font>`
  );
}

function fillXml(fill: string): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="${fill}"/><bgColor indexed="64"/></patternFill></fill>`;
}

function borderXml(colour: string): string {
  const side = (name: string) => `<${name} style="thin"><color rgb="${colour}"/></${name}>`;
  return `<border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border>`;
}

/** Fonts, fills, borders and formats, each kept once, and the cell formats (xf) made of them. */
class Styles {
  private readonly fonts: string[];
  private readonly fills = [
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ];
  private readonly borders = ['<border><left/><right/><top/><bottom/><diagonal/></border>'];
  private readonly formats = new Map<string, number>();
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly known = new Map<string, number>();

  constructor(private readonly base: { name: string; size: number }) {
    // The Normal style's font is Calibri 11, as in a new Excel workbook: spreadsheets size
    // columns by its digits, so the widths given read as they do everywhere. Cells carry the
    // workbook's own font.
    this.fonts = ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'];
  }

  private place(list: string[], xml: string): number {
    const at = list.indexOf(xml);
    if (at >= 0) return at;
    list.push(xml);
    return list.length - 1;
  }

  private format(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.formats.get(code);
    if (id === undefined) {
      id = 164 + this.formats.size;
      this.formats.set(code, id);
    }
    return id;
  }

  add(style: XlsxStyle): number {
    const key = JSON.stringify(style);
    const known = this.known.get(key);
    if (known !== undefined) return known;
    const fontId = this.place(this.fonts, fontXml(style.font, this.base));
    const fillId = style.fill ? this.place(this.fills, fillXml(style.fill)) : 0;
    const borderId = style.border ? this.place(this.borders, borderXml(style.border)) : 0;
    const numFmtId = style.numFmt ? this.format(style.numFmt) : 0;
    const alignment =
      (style.horizontal ? ` horizontal="${style.horizontal}"` : '') +
      (style.vertical ? ` vertical="${style.vertical}"` : '') +
      (style.wrap ? ' wrapText="1"' : '');
    this.xfs.push(
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
        (numFmtId ? ' applyNumberFormat="1"' : '') +
        ' applyFont="1"' +
        (fillId ? ' applyFill="1"' : '') +
        (borderId ? ' applyBorder="1"' : '') +
        (alignment ? ` applyAlignment="1"><alignment${alignment}/></xf>` : '/>'),
    );
    const id = this.xfs.length - 1;
    this.known.set(key, id);
    return id;
  }

  xml(): string {
    const formats = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return (
      XML_HEAD +
      `<styleSheet xmlns="${MAIN_NS}">` +
      (formats.length ? `<numFmts count="${formats.length}">${formats.join('')}</numFmts>` : '') +
      `<fonts count="${this.fonts.length}">${this.fonts.join('')}</fonts>` +
      `<fills count="${this.fills.length}">${this.fills.join('')}</fills>` +
      `<borders count="${this.borders.length}">${this.borders.join('')}</borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0"/>' +
      '</styleSheet>'
    );
  }
}

/** Text kept once, cells pointing at it by number. */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly texts: string[] = [];
  /** String cells written (the table's `count`). */
  count = 0;

  of(text: string): number {
    let at = this.index.get(text);
    if (at === undefined) {
      at = this.texts.length;
      // A cell holds at most 32,767 characters; a spreadsheet would refuse the file otherwise.
      this.texts.push(text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT) : text);
      this.index.set(text, at);
    }
    return at;
  }

  /** The table's XML in pieces (it can be large: every unit's name, every request). */
  *xml(): Generator<string> {
    yield XML_HEAD + `<sst xmlns="${MAIN_NS}" count="${this.count}" uniqueCount="${this.texts.length}">`;
    let piece = '';
    for (const text of this.texts) {
      const escaped = escapeXml(text);
      const space = /^\s|\s$/.test(escaped) ? ' xml:space="preserve"' : '';
      piece += `<si><t${space}>${escaped}</t></si>`;
      if (piece.length > PIECE_SIZE) {
        yield piece;
        piece = '';
      }
    }
    yield `${piece}</sst>`;
  }
}

interface SheetEntry {
  name: string;
  printTitles?: { from: number; to: number };
  /** The autofilter's range, once the rows are written ('' for none). */
  filter: string;
}

/** A sheet being written: rows in order, then closed. */
export class XlsxSheet {
  private rowNumber = 0;
  /** Full buffers waiting for `flush`, and the one being filled. */
  private full: Buffer[] = [];
  private buffer = Buffer.allocUnsafe(BUFFER_SIZE);
  private used = 0;
  private readonly letters: string[] = [];

  constructor(
    private readonly entry: ZipEntry,
    private readonly strings: SharedStrings,
    private readonly options: SheetOptions,
  ) {}

  private letter(column: number): string {
    let letters = this.letters[column];
    if (letters === undefined) {
      letters = columnLetters(column);
      this.letters[column] = letters;
    }
    return letters;
  }

  /**
   * Adds a row: each value with the style at its place (null or '' is an empty, styled cell).
   * Returns false when the sheet holds enough to be flushed (await `flush` before going on).
   */
  row(values: readonly XlsxValue[], styles: readonly number[], height?: number): boolean {
    if (this.rowNumber >= MAX_ROWS || values.length > MAX_COLUMNS) {
      throw new Error(`A sheet holds at most ${MAX_ROWS} rows of ${MAX_COLUMNS} cells.`);
    }
    this.rowNumber += 1;
    const r = this.rowNumber;
    let xml = height ? `<row r="${r}" ht="${height}" customHeight="1">` : `<row r="${r}">`;
    for (let index = 0; index < values.length; index += 1) {
      const value = values[index];
      const style = styles[index] ?? 0;
      const ref = `${this.letter(index + 1)}${r}`;
      const s = style ? ` s="${style}"` : '';
      if (typeof value === 'number') {
        xml += Number.isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : `<c r="${ref}"${s}/>`;
      } else if (value instanceof Date) {
        const serial = value.getTime() / MS_PER_DAY + EPOCH_DAYS;
        xml += Number.isFinite(serial) ? `<c r="${ref}"${s}><v>${serial}</v></c>` : `<c r="${ref}"${s}/>`;
      } else if (value === null || value === undefined || value === '') {
        xml += `<c r="${ref}"${s}/>`;
      } else if (value instanceof SharedText) {
        xml += `<c r="${ref}"${s} t="s"><v>${value.index}</v></c>`;
        this.strings.count += 1;
      } else {
        xml += `<c r="${ref}"${s} t="s"><v>${this.strings.of(value)}</v></c>`;
        this.strings.count += 1;
      }
    }
    xml += '</row>';
    // Each row encoded as it comes (no sheet-sized string is ever joined); a UTF-8 character
    // takes at most three bytes per UTF-16 unit.
    if (xml.length * 3 > this.buffer.length - this.used) {
      this.full.push(this.buffer.subarray(0, this.used));
      this.buffer = Buffer.allocUnsafe(Math.max(BUFFER_SIZE, xml.length * 3));
      this.used = 0;
    }
    this.used += this.buffer.write(xml, this.used, 'utf8');
    return this.full.length === 0;
  }

  /** Deflates what the sheet holds into the file (waiting while the file catches up). */
  async flush(): Promise<void> {
    const full = this.full;
    this.full = [];
    for (const buffer of full) await this.entry.write(buffer);
    if (this.used > 0) {
      const rest = this.buffer.subarray(0, this.used);
      this.buffer = Buffer.allocUnsafe(BUFFER_SIZE);
      this.used = 0;
      await this.entry.write(rest);
    }
  }

  /** The sheet's XML before its rows. */
  head(): string {
    const { widths, frozen, gridLines = true } = this.options;
    const fit = this.options.page.fitToWidth ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '';
    // The pane below and right of the frozen part is the one that scrolls.
    const active = frozen && frozen.rows > 0 ? (frozen.columns > 0 ? 'bottomRight' : 'bottomLeft') : 'topRight';
    const pane =
      frozen && (frozen.rows > 0 || frozen.columns > 0)
        ? '<pane' +
          (frozen.columns > 0 ? ` xSplit="${frozen.columns}"` : '') +
          (frozen.rows > 0 ? ` ySplit="${frozen.rows}"` : '') +
          ` topLeftCell="${columnLetters(frozen.columns + 1)}${frozen.rows + 1}" activePane="${active}" state="frozen"/>` +
          `<selection pane="${active}"/>`
        : '';
    const cols = widths
      .map((width, index) => `<col min="${index + 1}" max="${index + 1}" width="${width}" customWidth="1"/>`)
      .join('');
    return (
      XML_HEAD +
      `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      fit +
      `<sheetViews><sheetView${gridLines ? '' : ' showGridLines="0"'} workbookViewId="0">${pane}</sheetView></sheetViews>` +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      (cols ? `<cols>${cols}</cols>` : '') +
      '<sheetData>'
    );
  }

  /** The autofilter's range: its header row to the last row written. */
  filterRange(): string {
    const filter = this.options.autoFilter;
    if (!filter) return '';
    return `A${filter.row}:${columnLetters(filter.lastColumn)}${Math.max(filter.row, this.rowNumber)}`;
  }

  /** The sheet's XML after its rows, in the order the schema asks. */
  tail(): string {
    const { autoFilter, merges = [], page } = this.options;
    const filter = autoFilter ? `<autoFilter ref="${this.filterRange()}"/>` : '';
    const merged = merges.length
      ? `<mergeCells count="${merges.length}">${merges
          .map(
            ([top, left, bottom, right]) =>
              `<mergeCell ref="${columnLetters(left)}${top}:${columnLetters(right)}${bottom}"/>`,
          )
          .join('')}</mergeCells>`
      : '';
    const m = page.margins;
    return (
      '</sheetData>' +
      filter +
      merged +
      `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
      `<pageSetup paperSize="9"${page.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ''} orientation="${page.landscape ? 'landscape' : 'portrait'}"/>` +
      '</worksheet>'
    );
  }
}

/** A workbook written to `file`: add sheets in order, then `finish`; `abort` after a failure. */
export class XlsxWriter {
  private readonly zip: ZipWriter;
  private readonly styles: Styles;
  private readonly strings = new SharedStrings();
  private readonly sheets: SheetEntry[] = [];

  constructor(
    file: string,
    private readonly meta: { creator: string; created: Date; font: { name: string; size: number } },
  ) {
    this.zip = new ZipWriter(file, meta.created);
    this.styles = new Styles(meta.font);
  }

  /** A text kept once in the shared strings, for a value many cells repeat. */
  text(value: string): SharedText {
    return new SharedText(this.strings.of(value));
  }

  /** A cell format's number, for the cells of rows. */
  style(style: XlsxStyle): number {
    return this.styles.add(style);
  }

  /** Writes a sheet: `fill` adds its rows (awaiting `flush` when `row` asks). */
  async sheet(name: string, options: SheetOptions, fill: (sheet: XlsxSheet) => Promise<void>): Promise<void> {
    // What a spreadsheet accepts as a sheet's name; anything else and it refuses the file.
    const taken = this.sheets.some((sheet) => sheet.name.toLocaleLowerCase() === name.toLocaleLowerCase());
    if (name.length < 1 || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name) || taken) {
      throw new Error(`Not a sheet name a spreadsheet accepts: ${name}`);
    }
    const entry = await this.zip.begin(`xl/worksheets/sheet${this.sheets.length + 1}.xml`);
    const listed: SheetEntry = { name, printTitles: options.printTitles, filter: '' };
    this.sheets.push(listed);
    const sheet = new XlsxSheet(entry, this.strings, options);
    await entry.write(Buffer.from(sheet.head(), 'utf8'));
    await fill(sheet);
    await sheet.flush();
    listed.filter = sheet.filterRange();
    await entry.write(Buffer.from(sheet.tail(), 'utf8'));
    await entry.close();
  }

  /** Writes the shared strings, styles and the workbook's own parts, and closes the file. */
  async finish(): Promise<void> {
    const strings = await this.zip.begin('xl/sharedStrings.xml');
    for (const piece of this.strings.xml()) await strings.write(Buffer.from(piece, 'utf8'));
    await strings.close();
    await this.zip.add('xl/styles.xml', this.styles.xml());
    const sheets = this.sheets
      .map((sheet, index) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`)
      .join('');
    // Each sheet's filter range (hidden, as Excel writes it) and its printed header rows.
    const absolute = (range: string) => range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
    const titles = this.sheets
      .map(
        (sheet, index) =>
          (sheet.filter
            ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">${escapeXml(sheetRef(sheet.name))}!${absolute(sheet.filter)}</definedName>`
            : '') +
          (sheet.printTitles
            ? `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeXml(sheetRef(sheet.name))}!$${sheet.printTitles.from}:$${sheet.printTitles.to}</definedName>`
            : ''),
      )
      .join('');
    await this.zip.add(
      'xl/workbook.xml',
      XML_HEAD +
        `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
        '<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews>' +
        `<sheets>${sheets}</sheets>` +
        (titles ? `<definedNames>${titles}</definedNames>` : '') +
        '<calcPr calcId="191029"/></workbook>',
    );
    const sheetRels = this.sheets
      .map(
        (_, index) =>
          `<Relationship Id="rId${index + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`,
      )
      .join('');
    const count = this.sheets.length;
    await this.zip.add(
      'xl/_rels/workbook.xml.rels',
      XML_HEAD +
        `<Relationships xmlns="${PACKAGE_REL_NS}">${sheetRels}` +
        `<Relationship Id="rId${count + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
        `<Relationship Id="rId${count + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
        '</Relationships>',
    );
    await this.zip.add('docProps/core.xml', this.coreXml());
    await this.zip.add(
      'docProps/app.xml',
      XML_HEAD +
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">' +
        `<Application>${escapeXml(this.meta.creator)}</Application></Properties>`,
    );
    await this.zip.add(
      '_rels/.rels',
      XML_HEAD +
        `<Relationships xmlns="${PACKAGE_REL_NS}">` +
        `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
        `<Relationship Id="rId2" Type="${PACKAGE_REL_NS}/metadata/core-properties" Target="docProps/core.xml"/>` +
        `<Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/>` +
        '</Relationships>',
    );
    const sheetTypes = this.sheets
      .map(
        (_, index) =>
          `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join('');
    await this.zip.add(
      '[Content_Types].xml',
      XML_HEAD +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        sheetTypes +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
        '</Types>',
    );
    await this.zip.finish();
  }

  /** Stops after a failure and closes the file (the caller removes it). */
  abort(): Promise<void> {
    return this.zip.abort();
  }

  private coreXml(): string {
    const when = this.meta.created.toISOString().replace(/\.\d{3}Z$/, 'Z');
    return (
      XML_HEAD +
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:creator>${escapeXml(this.meta.creator)}</dc:creator>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
      `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
      '</cp:coreProperties>'
    );
  }
}
