import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/core/kernel/errors';
import { readOds } from '../../../electron/core/features/unit-import/reading/ods-reader';
import { readXlsx } from '../../../electron/core/features/unit-import/reading/xlsx-reader';
import type { SheetGrid } from '../../../electron/core/features/unit-import/reading/grid';
import { IMPORT_LIMITS } from '../../../shared/domain/unit-import';
import { unzipParts, zipOf, type ZipPart } from './support/files';
import { bytesToChars, encodeTcvn3 } from './support/legacy-charts';
import { messyWorkbook } from './support/messy-workbook';
import { expectImportRefusal, gridCells, importMessyList } from './support/workbook-checks';
import { createReadyCore } from '../../support/core-harness';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const messyOds = () => fs.readFileSync(path.join(FIXTURES, 'messy-libreoffice.ods'));
const schoolsOds = () => fs.readFileSync(path.join(FIXTURES, 'truong-300-libreoffice.ods'));

const texts = (sheet: SheetGrid, row: number) => (sheet.rows[row] ?? []).map((cell) => cell?.text);

// ---- Hand-made .ods files: the parts a reader needs, zipped byte by byte. ----

const NAMESPACES = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
  'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"',
  'xmlns:xlink="http://www.w3.org/1999/xlink"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
].join(' ');

const MANIFEST = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>`;

interface OdsOptions {
  /** Inside office:automatic-styles of content.xml. */
  automatic?: string;
  /** Inside office:font-face-decls of content.xml. */
  fonts?: string;
  /** The whole styles.xml. */
  styles?: string;
  manifest?: string;
}

function contentXml(body: string, options: OdsOptions = {}): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NAMESPACES} office:version="1.3">` +
    `<office:font-face-decls>${options.fonts ?? ''}</office:font-face-decls>` +
    `<office:automatic-styles>${options.automatic ?? ''}</office:automatic-styles>` +
    `<office:body>${body}</office:body></office:document-content>`
  );
}

function odsZip(content: string | Buffer, options: OdsOptions = {}): Buffer {
  const parts: ZipPart[] = [
    { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet'), method: 0 },
    { name: 'content.xml', data: Buffer.from(content) },
    { name: 'META-INF/manifest.xml', data: Buffer.from(options.manifest ?? MANIFEST) },
  ];
  if (options.styles) parts.push({ name: 'styles.xml', data: Buffer.from(options.styles) });
  return zipOf(parts);
}

/** An .ods of these tables (`table:table` elements) inside office:spreadsheet. */
function ods(tables: string, options: OdsOptions = {}): Buffer {
  return odsZip(contentXml(`<office:spreadsheet>${tables}</office:spreadsheet>`, options), options);
}

const table = (rows: string, attributes = 'table:name="Trang 1"') => `<table:table ${attributes}>${rows}</table:table>`;
const row = (cellsXml: string, attributes = '') => `<table:table-row ${attributes}>${cellsXml}</table:table-row>`;
const cell = (content: string, attributes = 'office:value-type="string"') =>
  `<table:table-cell ${attributes}>${content}</table:table-cell>`;
const p = (content: string) => `<text:p>${content}</text:p>`;
const str = (text: string, attributes = '') => cell(p(text), `office:value-type="string" ${attributes}`);
/** What LibreOffice writes after the last row and column with content. */
const EMPTY_TAIL = row(
  '<table:table-cell table:number-columns-repeated="16384"/>',
  'table:number-rows-repeated="1048553"',
);

async function readOne(bytes: Buffer): Promise<SheetGrid> {
  return (await readOds(bytes, 'test.ods')).sheets[0]!;
}

async function refusal(bytes: Buffer, name = 'hong.ods'): Promise<AppError> {
  const error: unknown = await readOds(bytes, name).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('an OpenDocument spreadsheet saved by LibreOffice', () => {
  it('reads cell for cell as the same workbook saved as .xlsx', async () => {
    const fromXlsx = await readXlsx(await messyWorkbook(), 'messy.xlsx');
    const fromOds = await readOds(messyOds(), 'messy.ods');
    expect(fromOds).toMatchObject({ format: 'ods', delimiter: null, encoding: 'xlsx', legacyHint: 'none' });
    expect(fromOds.sheets.map((sheet) => [sheet.name, sheet.hidden, sheet.rowCount, sheet.columnCount])).toEqual(
      fromXlsx.sheets.map((sheet) => [sheet.name, sheet.hidden, sheet.rowCount, sheet.columnCount]),
    );
    // Text, font clue and runs (a .VnTime run beside a Times New Roman one), merged cells,
    // the "000" code, the date, the formula results and the hyperlink's text.
    expect(gridCells(fromOds)).toEqual(gridCells(fromXlsx));
    const list = fromOds.sheets[1]!;
    expect(list.rows[9]?.[1]).toEqual({ text: '001', font: null, numeric: true });
    expect(list.rows[16]?.[2]?.runs?.map((run) => run.font)).toEqual([null, 'tcvn3']);
  });

  it('300 schools: codes with a "0000" format, dates, a merged title, repeated cells, a hidden sheet', async () => {
    const grid = await readOds(schoolsOds(), 'truong.ods');
    expect(grid.sheets.map((sheet) => [sheet.name, sheet.hidden, sheet.rowCount])).toEqual([
      ['Danh sách trường', false, 306],
      ['Cũ', true, 2],
    ]);
    const sheet = grid.sheets[0]!;
    const title = 'DANH SÁCH TRƯỜNG HỌC NĂM HỌC 2023-2024';
    expect(texts(sheet, 0)).toEqual([title, title, title, title, title, title]);
    expect(texts(sheet, 2)).toEqual(['STT', 'Mã trường', 'Tên trường', 'Ngày thành lập', 'Điện thoại', 'Ghi chú']);
    for (let n = 1; n <= 300; n += 1) {
      const founded = new Date(Date.UTC(2000, 0, 1 + n * 7));
      const day = `${String(founded.getUTCDate()).padStart(2, '0')}/${String(founded.getUTCMonth() + 1).padStart(2, '0')}/${founded.getUTCFullYear()}`;
      const expected = [
        String(n),
        String(n).padStart(4, '0'),
        `Trường Tiểu học số ${n} xã Hiệp Hạ`,
        day,
        `0205 3${String(n).padStart(6, '0')}`,
      ];
      if (n % 50 === 0) expected.push(bytesToChars(encodeTcvn3('Đã sáp nhập')));
      expect(texts(sheet, 2 + n), `row ${n}`).toEqual(expected);
      expect(sheet.rows[2 + n]?.[1]?.numeric).toBe(true);
    }
    expect(sheet.rows[52]?.[5]?.font).toBe('tcvn3');
    // Identical neighbouring cells are written once with number-columns-repeated.
    for (const index of [303, 304, 305]) expect(texts(sheet, index)).toEqual(['—', '—', 'Dự phòng', '—', '—', '—']);
    // Two paragraphs, runs of spaces written as text:s, a percentage, a boolean (a formula =TRUE() in LibreOffice).
    expect(texts(sheet, 307)).toEqual([
      undefined,
      undefined,
      'Ghi chú:\nDòng hai',
      'a  b   c',
      '  lề trái',
      '0.25',
      'TRUE',
    ]);
    expect(sheet.rows).toHaveLength(308);
    expect(sheet.columnCount).toBe(7);
    expect(texts(grid.sheets[1]!, 1)).toEqual(['0007', 'Trường cũ đã giải thể']);
  });
});

describe('what an .ods cell holds', () => {
  it('numbers, codes shown with leading zeros, dates, booleans, formula results, errors', async () => {
    const sheet = await readOne(
      ods(
        table(
          row(
            [
              cell(p('0042'), 'office:value-type="float" office:value="42"'),
              cell(p('1.234,50 ₫'), 'office:value-type="currency" office:currency="VND" office:value="1234.5"'),
              cell(p('25%'), 'office:value-type="percentage" office:value="0.25"'),
              cell(p('9/5/19'), 'office:value-type="date" office:date-value="2019-09-05T08:30:00"'),
              cell(p('SAI'), 'office:value-type="boolean" office:boolean-value="false"'),
              cell(p('0,1'), 'table:formula="of:=1/10" office:value-type="float" office:value="0.1"'),
              cell(p('#N/A'), 'table:formula="of:=NA()" office:value-type="string" calcext:value-type="error"'),
              cell('', 'office:value-type="string" office:string-value="không có đoạn văn"'),
              cell(p('12:30'), 'office:value-type="time" office:time-value="PT12H30M00S"'),
              cell(p('0.1'), 'office:value-type="float" office:value="0.30000000000000004"'),
            ].join(''),
          ),
        ),
      ),
    );
    expect(sheet.rows[0]).toEqual([
      { text: '0042', font: null, numeric: true },
      { text: '1234.5', font: null, numeric: true },
      { text: '0.25', font: null, numeric: true },
      { text: '05/09/2019', font: null },
      { text: 'FALSE', font: null },
      { text: '0.1', font: null, numeric: true },
      undefined,
      { text: 'không có đoạn văn', font: null },
      { text: '12:30', font: null },
      { text: '0.3', font: null, numeric: true },
    ]);
  });

  it('displayed text: paragraphs, spaces, tabs, line breaks, links; comments and drawings are not the value', async () => {
    const sheet = await readOne(
      ods(
        table(
          row(
            [
              cell(p('Dòng một') + p('Dòng hai')),
              str('  a   b  <text:s text:c="3"/>c<text:tab/>d<text:line-break/>e  '),
              cell(
                `<office:annotation><dc:creator>Lan</dc:creator>${p('ghi chú riêng')}</office:annotation>` +
                  p('<text:a xlink:href="mailto:mai@example.vn">Hoàng Thị Mai</text:a>'),
              ),
              str('x<text:s text:c="999999999"/>y'),
              str(' '),
              str('<text:span>Lộc</text:span> <text:span>Bình</text:span>'),
            ].join(''),
          ),
        ),
      ),
    );
    expect(texts(sheet, 0)).toEqual([
      'Dòng một\nDòng hai',
      'a b    c\td\ne',
      'Hoàng Thị Mai',
      `x${' '.repeat(IMPORT_LIMITS.maxCellChars - 1)}`,
      undefined,
      'Lộc Bình',
    ]);
    expect(sheet.rows[0]?.[3]?.text).toHaveLength(IMPORT_LIMITS.maxCellChars);
  });

  it('a cell longer than the limit is cut', async () => {
    const sheet = await readOne(ods(table(row(str('Đ'.repeat(IMPORT_LIMITS.maxCellChars + 50))))));
    expect(sheet.rows[0]?.[0]?.text).toBe('Đ'.repeat(IMPORT_LIMITS.maxCellChars));
  });

  it('fonts: automatic style → common style in styles.xml → font face; default style; spans; any prefix', async () => {
    const styles =
      `<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${NAMESPACES}>` +
      `<office:font-face-decls><style:font-face style:name="VnTime1" svg:font-family="&apos;.VnTime&apos;, serif"/></office:font-face-decls>` +
      `<office:styles>` +
      `<style:default-style style:family="table-cell"><style:text-properties style:font-name="VNI-Times"/></style:default-style>` +
      `<style:style style:name="Default" style:family="table-cell"/>` +
      `<style:style style:name="Cu" style:family="table-cell" style:parent-style-name="Default"><style:text-properties style:font-name="VnTime1"/></style:style>` +
      `<style:style style:name="CuHoa" style:family="table-cell" style:parent-style-name="Cu"/>` +
      `<style:style style:name="Moi" style:family="table-cell"><style:text-properties fo:font-family="&apos;Times New Roman&apos;"/></style:style>` +
      `<style:style style:name="Vong1" style:family="table-cell" style:parent-style-name="Vong2"/>` +
      `<style:style style:name="Vong2" style:family="table-cell" style:parent-style-name="Vong1"/>` +
      `</office:styles>` +
      // styles.xml's automatic styles serve headers and footers; a same-named one must not leak.
      `<office:automatic-styles><style:style style:name="ce9" style:family="table-cell"><style:text-properties style:font-name="VnTime1"/></style:style></office:automatic-styles>` +
      `</office:document-styles>`;
    const automatic =
      `<style:style style:name="ce1" style:family="table-cell" style:parent-style-name="CuHoa"/>` +
      `<style:style style:name="T1" style:family="text"><style:text-properties style:font-name="Arial"/></style:style>` +
      `<style:style style:name="T2" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>` +
      `<style:style style:name="ta1" style:family="table"><style:table-properties table:display="false"/></style:style>`;
    const fonts = `<style:font-face style:name="Arial" svg:font-family="Arial"/>`;
    const tcvn = bytesToChars(encodeTcvn3('Lộc Bình'));
    const grid = await readOds(
      ods(
        table(
          row(
            [
              str(tcvn, 'table:style-name="ce1"'),
              str('Lộc Bình', 'table:style-name="Moi"'),
              str('mặc định'),
              str(`Xã <text:span text:style-name="T1">Lộc Bình</text:span>`, 'table:style-name="ce1"'),
              str(`<text:span text:style-name="T2">${tcvn}</text:span>`, 'table:style-name="ce1"'),
              str('vòng', 'table:style-name="Vong1"'),
              str('chân trang', 'table:style-name="ce9"'),
            ].join(''),
          ),
        ) +
          // The same elements under other prefixes: names are read by namespace.
          `<t:table xmlns:t="urn:oasis:names:tc:opendocument:xmlns:table:1.0" t:name="Ẩn" t:style-name="ta1"><t:table-row>` +
          `<t:table-cell office:value-type="string" t:style-name="ce1"><x:p xmlns:x="urn:oasis:names:tc:opendocument:xmlns:text:1.0">${tcvn}</x:p></t:table-cell>` +
          `</t:table-row></t:table>`,
        { styles, automatic, fonts },
      ),
      'fonts.ods',
    );
    const [visible, hidden] = grid.sheets;
    expect(
      visible?.rows[0]?.map((read) => read && { font: read.font, runs: read.runs?.map((run) => run.font) }),
    ).toEqual([
      { font: 'tcvn3', runs: undefined },
      { font: null, runs: undefined },
      { font: 'vni', runs: undefined },
      { font: null, runs: ['tcvn3', null] },
      { font: 'tcvn3', runs: undefined },
      { font: 'vni', runs: undefined },
      { font: 'vni', runs: undefined },
    ]);
    expect(hidden).toMatchObject({ name: 'Ẩn', hidden: true, rowCount: 1 });
    expect(hidden?.rows[0]?.[0]).toEqual({ text: tcvn, font: 'tcvn3' });
  });

  it('names are read by namespace: a "table:" prefix bound elsewhere is not a table', async () => {
    const fake = `<table:table xmlns:table="urn:example:not-odf" table:name="Giả"><table:table-row>${str('x')}</table:table-row></table:table>`;
    const grid = await readOds(ods(fake + table(row(str('thật')), 'table:name="Thật"')), 'ns.ods');
    expect(grid.sheets.map((sheet) => sheet.name)).toEqual(['Thật']);
  });

  it('a column or row default style gives the font of cells without their own', async () => {
    const automatic =
      `<style:style style:name="cu" style:family="table-cell"><style:text-properties style:font-name=".VnTimeH"/></style:style>` +
      `<style:style style:name="vni" style:family="table-cell"><style:text-properties style:font-name="VNI-Helve"/></style:style>`;
    const sheet = await readOne(
      ods(
        table(
          `<table:table-column table:number-columns-repeated="2"/><table:table-column table:default-cell-style-name="cu"/>` +
            row(str('a') + str('b') + str('c')) +
            row(str('d') + str('e'), 'table:default-cell-style-name="vni"'),
        ),
        { automatic },
      ),
    );
    expect(sheet.rows.map((cellsOfRow) => cellsOfRow.map((read) => read?.font))).toEqual([
      [null, null, 'tcvn3-upper'],
      ['vni', 'vni'],
    ]);
  });

  it('merged cells: the value in every covered cell; covered cells’ own text ignored', async () => {
    const sheet = await readOne(
      ods(
        table(
          row(
            str('Tiêu đề', 'table:number-columns-spanned="3" table:number-rows-spanned="2"') +
              `<table:covered-table-cell table:number-columns-repeated="2"/>` +
              str('D1'),
          ) +
            row(
              `<table:covered-table-cell>${p('cũ, bị che')}</table:covered-table-cell>` +
                `<table:covered-table-cell table:number-columns-repeated="2"/>` +
                str('D2'),
            ),
        ),
      ),
    );
    expect(texts(sheet, 0)).toEqual(['Tiêu đề', 'Tiêu đề', 'Tiêu đề', 'D1']);
    expect(texts(sheet, 1)).toEqual(['Tiêu đề', 'Tiêu đề', 'Tiêu đề', 'D2']);
    expect(sheet.rowCount).toBe(2);
  });

  it('sheets in order, empty ones kept; a file with no table has no sheets', async () => {
    const grid = await readOds(
      ods(
        table('', 'table:name="Trống"') +
          table(row(str('x')), 'table:name="Hai"') +
          table(EMPTY_TAIL, 'table:name="Ba"'),
      ),
      'a.ods',
    );
    expect(grid.sheets.map((sheet) => [sheet.name, sheet.rowCount, sheet.rows.length])).toEqual([
      ['Trống', 0, 0],
      ['Hai', 1, 1],
      ['Ba', 0, 0],
    ]);
    expect((await refusal(ods(''), 'rong.ods')).code).toBe('unitImport.noSheets');
  });
});

describe('repeated rows and cells', () => {
  it('the empty million-row and 16,384-column tails cost nothing', async () => {
    const tailCells = `<table:table-cell table:number-columns-repeated="16360"/>`;
    const sheet = await readOne(
      ods(
        table(
          `<table:table-column table:number-columns-repeated="16384"/>` +
            row(str('Tên') + tailCells) +
            row(tailCells, 'table:number-rows-repeated="40"') +
            row(str('Trường A') + tailCells) +
            EMPTY_TAIL +
            row(tailCells),
        ),
      ),
    );
    expect(sheet.rows).toHaveLength(42);
    expect(sheet.rowCount).toBe(2);
    expect(sheet.columnCount).toBe(1);
    expect(texts(sheet, 41)).toEqual(['Trường A']);
  });

  it('a repeated row or cell with content is real content, each copy its own row', async () => {
    const sheet = await readOne(
      ods(
        table(row(str('—', 'table:number-columns-repeated="3"') + str('Dự phòng'), 'table:number-rows-repeated="3"')),
      ),
    );
    expect(sheet.rowCount).toBe(3);
    for (const index of [0, 1, 2]) expect(texts(sheet, index)).toEqual(['—', '—', '—', 'Dự phòng']);
    expect(sheet.rows[0]).not.toBe(sheet.rows[1]);
  });

  it('columns past the limit are ignored, however repeated', async () => {
    const sheet = await readOne(
      ods(table(row(str('x', 'table:number-columns-repeated="16000"') + str('sau cột cuối')))),
    );
    expect(sheet.columnCount).toBe(IMPORT_LIMITS.maxColumns);
    expect(sheet.rows[0]).toHaveLength(IMPORT_LIMITS.maxColumns);
  });

  it('a non-empty row repeated a million times is refused as too many rows, quickly', async () => {
    const bomb = ods(table(row(str('Trường'), 'table:number-rows-repeated="1000000"')));
    const started = performance.now();
    const error = await refusal(bomb, 'trieu dong.ods');
    expect(error.code).toBe('unitImport.tooManyRows');
    expect(error.params).toEqual({ file: 'trieu dong.ods', limit: IMPORT_LIMITS.maxRows });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('many repeated rows add up: past the content row limit is refused', async () => {
    const rows = Array.from({ length: 6 }, (_, i) => row(str(`Nhóm ${i}`), 'table:number-rows-repeated="10000"')).join(
      '',
    );
    expect((await refusal(ods(table(rows)))).code).toBe('unitImport.tooManyRows');
  });

  it('content after a long empty repeat, past the rows an .xlsx sheet may have, is refused', async () => {
    const far = ods(
      table(row(str('đầu')) + row('<table:table-cell/>', 'table:number-rows-repeated="1048000"') + row(str('cuối'))),
    );
    expect((await refusal(far)).code).toBe('unitImport.tooManyRows');
  });

  it('a merge spanning a million rows is capped, then refused as too many rows', async () => {
    const merge = ods(table(row(str('Tất cả', 'table:number-rows-spanned="1000000"'))));
    expect((await refusal(merge)).code).toBe('unitImport.tooManyRows');
  });

  it('repeats that would lay out more than twice a full sheet in all are refused as abnormal', async () => {
    const full = table(
      row(
        str('x', `table:number-columns-repeated="${IMPORT_LIMITS.maxColumns}"`),
        'table:number-rows-repeated="45000"',
      ),
    );
    expect(full.length).toBeLessThan(300);
    expect((await refusal(ods(full.repeat(3)))).code).toBe('unitImport.zipBomb');
  });

  it('thousands of tiny sheets are refused like an .xlsx with thousands of parts', async () => {
    const error = await refusal(ods(table('').repeat(IMPORT_LIMITS.maxZipEntries + 1)));
    expect(error.code).toBe('unitImport.zipTooManyEntries');
  });

  it('a billion spaces, many times over, cost nothing', async () => {
    const started = performance.now();
    const sheet = await readOne(ods(table(row(str(`x${'<text:s text:c="1000000000"/>'.repeat(35_000)}y`)))));
    expect(sheet.rows[0]?.[0]?.text).toBe(`x${' '.repeat(IMPORT_LIMITS.maxCellChars - 1)}`);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('bad .ods files are refused by name', () => {
  it('a password-protected file (encryption data in the manifest)', async () => {
    const manifest = MANIFEST.replace(
      '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>',
      '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="2048">' +
        '<manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" manifest:checksum="AAAA">' +
        '<manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" manifest:initialisation-vector="AAAA"/>' +
        '</manifest:encryption-data></manifest:file-entry>',
    );
    // The encrypted content is not XML at all: the manifest is read first.
    const error = await refusal(odsZip(Buffer.from([0x8f, 0x13, 0x00, 0xfe, 0x42]), { manifest }), 'mat khau.ods');
    expect(error.code).toBe('unitImport.encrypted');
    expect(error.params).toEqual({ file: 'mat khau.ods' });
  });

  it('a copy cut short', async () => {
    const bytes = messyOds();
    for (const length of [30, 600, Math.floor(bytes.length / 2), bytes.length - 10]) {
      const error = await refusal(bytes.subarray(0, length), `cat ${length}.ods`);
      expect(error.code, `cut at ${length}`).toMatch(/^unitImport\.(zipCorrupt|truncated|unreadable)$/);
    }
  });

  it('a zip bomb is refused from the zip directory, before any XML is parsed', async () => {
    const bomb = odsZip(Buffer.alloc(60 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect((await refusal(bomb)).code).toBe('unitImport.zipBomb');
  });

  it('not a spreadsheet: a text document, a zip of something else', async () => {
    const odt = odsZip(contentXml(`<office:text>${p('Công văn')}</office:text>`));
    expect((await refusal(odt)).code).toBe('unitImport.wordDocument');
    const other = zipOf([{ name: 'readme.txt', data: Buffer.from('xin chào') }]);
    expect((await refusal(other)).code).toBe('unitImport.notSpreadsheet');
  });

  it('malformed or hostile XML is unreadable: entities, deep nesting, mismatched tags, truncation', async () => {
    const laughs =
      `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>` +
      contentXml(`<office:spreadsheet>${table(row(str('&lol2;')))}</office:spreadsheet>`).replace(
        /^<\?xml[^>]*\?>/,
        '',
      );
    const mismatched = contentXml(`<office:spreadsheet>${table(row('<text:p>'))}</office:spreadsheet>`);
    const deep = contentXml(
      `<office:spreadsheet>${table(row(cell(`${'<text:p>'.repeat(5000)}`)))}</office:spreadsheet>`,
    );
    const scopes = contentXml(
      `<office:spreadsheet>${table(row(cell(`${'<text:span xmlns:a="urn:a">'.repeat(40)}${'</text:span>'.repeat(40)}`)))}</office:spreadsheet>`,
    );
    const cut = contentXml(`<office:spreadsheet>${table(row(str('x')))}</office:spreadsheet>`).slice(0, -40);
    for (const [name, xml] of Object.entries({ laughs, mismatched, deep, scopes, cut })) {
      const error = await refusal(odsZip(xml), `${name}.ods`);
      expect(error.code, name).toBe('unitImport.unreadable');
    }
  });
});

describe('damaged .ods files never crash or hang the reader (fast-check)', () => {
  /** The reader either reads the file or refuses it with one of its own messages. */
  async function readsOrRefuses(bytes: Buffer): Promise<void> {
    try {
      await readOds(bytes, 'fuzz.ods');
    } catch (error) {
      expectImportRefusal(error);
    }
  }

  it('random bytes overwritten inside content.xml', async () => {
    const parts = unzipParts(messyOds()).map((part) => ({
      ...part,
      method: part.name === 'mimetype' ? (0 as const) : (8 as const),
    }));
    const content = parts.find((part) => part.name === 'content.xml')!.data;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat({ max: content.length - 1 }), byte: fc.nat({ max: 255 }) }), {
          minLength: 1,
          maxLength: 40,
        }),
        async (edits) => {
          const mutated = Buffer.from(content);
          for (const { at, byte } of edits) mutated[at] = byte;
          await readsOrRefuses(
            zipOf(parts.map((part) => (part.name === 'content.xml' ? { ...part, data: mutated } : part))),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('random bytes overwritten anywhere in the file', async () => {
    const original = messyOds();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat({ max: original.length - 1 }), byte: fc.nat({ max: 255 }) }), {
          minLength: 1,
          maxLength: 20,
        }),
        async (edits) => {
          const bytes = Buffer.from(original);
          for (const { at, byte } of edits) bytes[at] = byte;
          await readsOrRefuses(bytes);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('importing an .ods through the wizard', () => {
  it('the messy list from LibreOffice: sheets, header, legacy text converted, units imported once', async () => {
    const harness = await createReadyCore();
    try {
      await importMessyList(harness, 'Danh sach don vi 2019.ods', messyOds(), 'ods');
    } finally {
      harness.close();
    }
  });
});
