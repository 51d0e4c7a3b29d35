import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnLetters, escapeXml, XlsxWriter } from '../../../electron/core/documents/xlsx-writer';
import { tempDir } from '../../support/core-harness';
import { readZip, type ReadEntry } from '../../support/zip-reader';

/**
 * The streaming spreadsheet writer: a workbook of two sheets, one of 30,000 rows (many buffers
 * deflated one after another), read back with exceljs (its own ZIP and XML readers) and every
 * part parsed as XML. What the statistics workbook needs: values of each kind, text that is
 * hard for XML, formats, merges, frozen panes, autofilter, print set-up.
 */

const ROWS = 30_000;
const AWKWARD = [
  'Trường Tiểu học "Hòa Bình" <cơ sở 2> & Mầm non',
  '  khoảng trắng ở đầu và cuối  ',
  'ký tự điều khiển\u0001\u0008 giữa\u001f chữ',
  '=SUM(1,2) không phải công thức',
  'nửa cặp \ud800 thay thế',
  'Dài '.repeat(10_000),
];

let dir: string;
let entries: ReadEntry[];
let workbook: ExcelJS.Workbook;

beforeAll(async () => {
  dir = tempDir('klkchc-xlsx-');
  const file = path.join(dir, 'so-lieu.xlsx');
  const writer = new XlsxWriter(file, {
    creator: 'Kiểm tra KLKCHC',
    created: new Date(Date.UTC(2020, 8, 1, 7, 30)),
    font: { name: 'Times New Roman', size: 11 },
  });
  const header = writer.style({
    font: { bold: true },
    fill: 'FFDDE6F1',
    border: 'FF8A8A8A',
    horizontal: 'center',
    vertical: 'center',
    wrap: true,
  });
  const date = writer.style({ numFmt: 'dd/mm/yyyy', horizontal: 'center' });
  const percent = writer.style({ numFmt: '0%' });
  const text = writer.style({ numFmt: '@' });
  const fail = writer.style({ font: { color: 'FF9C0006' }, fill: 'FFFFC7CE' });
  const failWord = writer.text('Chưa đạt');
  await writer.sheet(
    'Tổng hợp',
    {
      widths: [6, 40],
      frozen: { columns: 0, rows: 1 },
      gridLines: false,
      page: {
        landscape: false,
        fitToWidth: false,
        margins: { left: 1, right: 1, top: 1, bottom: 1, header: 0.5, footer: 0.5 },
      },
    },
    async (sheet) => {
      sheet.row(['Tiêu đề', null], [header, 0], 30);
      for (const value of AWKWARD) sheet.row([value], [text]);
      sheet.row([0.35, 28, -1.5e-7], [percent, 0, 0]);
      await sheet.flush();
    },
  );
  await writer.sheet(
    "Ma trận của 'A' x",
    {
      widths: [6, 30, 12, 9],
      frozen: { columns: 2, rows: 2 },
      printTitles: { from: 1, to: 2 },
      autoFilter: { row: 2, lastColumn: 4 },
      merges: [[1, 1, 2, 1]],
      page: {
        landscape: true,
        fitToWidth: true,
        margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      },
    },
    async (sheet) => {
      sheet.row(['TT', 'Đơn vị', 'Ngày', '1.1'], [header, header, header, header], 20);
      sheet.row(['', 'Tên', 'dd/mm', 'Nội dung'], [header, header, header, header]);
      for (let index = 1; index <= ROWS; index += 1) {
        const full = !sheet.row(
          [
            index,
            `Đơn vị số ${index}`,
            new Date(Date.UTC(2019, 8, 1 + (index % 300))),
            index % 3 === 0 ? failWord : 'Đạt',
          ],
          [0, text, date, index % 3 === 0 ? fail : 0],
        );
        if (full) await sheet.flush();
      }
    },
  );
  await writer.finish();
  const bytes = fs.readFileSync(file);
  entries = readZip(bytes);
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the spreadsheet writer', () => {
  it('writes the parts a spreadsheet needs, each well-formed XML', () => {
    expect(entries.map((entry) => entry.name).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/app.xml',
      'docProps/core.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/sharedStrings.xml',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    const book = entries.find((entry) => entry.name === 'xl/workbook.xml')!.content.toString('utf8');
    expect(book).toContain(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">'Ma trận của ''A'' x'!$A$2:$D$${ROWS + 2}</definedName>`,
    );
    for (const entry of entries) {
      const parser = new SaxesParser();
      expect(() => parser.write(entry.content.toString('utf8')).close(), entry.name).not.toThrow();
    }
    const strings = entries.find((entry) => entry.name === 'xl/sharedStrings.xml')!.content.toString('utf8');
    // Each text once, however many cells hold it.
    expect(strings.match(/<t>Chưa đạt<\/t>/g)).toHaveLength(1);
    expect(strings).toMatch(/count="\d+" uniqueCount="\d+"/);
  });

  it('reads back every value: numbers, dates, shared text, hard text kept as far as XML can hold it', () => {
    const summary = workbook.getWorksheet('Tổng hợp')!;
    expect(summary.getCell('A1').value).toBe('Tiêu đề');
    expect(AWKWARD.map((_, index) => summary.getCell(`A${index + 2}`).value)).toEqual([
      'Trường Tiểu học "Hòa Bình" <cơ sở 2> & Mầm non',
      '  khoảng trắng ở đầu và cuối  ',
      'ký tự điều khiển giữa chữ',
      '=SUM(1,2) không phải công thức',
      'nửa cặp  thay thế',
      // A cell holds at most 32,767 characters.
      'Dài '.repeat(10_000).slice(0, 32_767),
    ]);
    // Text is never a formula, whatever it starts with.
    expect(summary.getCell('A5').type).toBe(ExcelJS.ValueType.String);
    const numbers = summary.getRow(AWKWARD.length + 2);
    expect([numbers.getCell(1).value, numbers.getCell(2).value, numbers.getCell(3).value]).toEqual([0.35, 28, -1.5e-7]);
    expect(numbers.getCell(1).numFmt).toBe('0%');

    const matrix = workbook.getWorksheet("Ma trận của 'A' x")!;
    expect(matrix.rowCount).toBe(ROWS + 2);
    const last = matrix.getRow(ROWS + 2);
    expect(last.getCell(1).value).toBe(ROWS);
    expect(last.getCell(2).value).toBe(`Đơn vị số ${ROWS}`);
    expect(last.getCell(3).value).toEqual(new Date(Date.UTC(2019, 8, 1 + (ROWS % 300))));
    expect(last.getCell(3).numFmt).toBe('dd/mm/yyyy');
    expect(matrix.getRow(5).getCell(4).value).toBe('Chưa đạt');
    expect(matrix.getRow(6).getCell(4).value).toBe('Đạt');
  });

  it('keeps formats, fills, fonts, widths, heights and merges', () => {
    const matrix = workbook.getWorksheet("Ma trận của 'A' x")!;
    const title = matrix.getCell('A1');
    expect(title.font).toMatchObject({ bold: true, name: 'Times New Roman', size: 11 });
    expect(title.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE6F1' } });
    expect(title.border?.left).toMatchObject({ style: 'thin', color: { argb: 'FF8A8A8A' } });
    expect(title.alignment).toMatchObject({ horizontal: 'center', vertical: 'middle', wrapText: true });
    const failCell = matrix.getRow(5).getCell(4);
    expect(failCell.fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    expect(failCell.font).toMatchObject({ color: { argb: 'FF9C0006' } });
    expect(matrix.getRow(5).getCell(2).numFmt).toBe('@');
    expect(matrix.getColumn(2).width).toBe(30);
    expect(matrix.getRow(1).height).toBe(20);
    expect(matrix.getCell('A2').isMerged).toBe(true);
    expect(matrix.getCell('A2').master.address).toBe('A1');
  });

  it('freezes panes, filters, and prints with the header rows on every page', () => {
    const summary = workbook.getWorksheet('Tổng hợp')!;
    // Only the header row frozen: the pane below it scrolls.
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2', showGridLines: false });
    expect(summary.pageSetup).toMatchObject({ orientation: 'portrait' });
    const matrix = workbook.getWorksheet("Ma trận của 'A' x")!;
    expect(matrix.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 2 });
    // The filter spans the header row and every row below it, or it would filter nothing.
    expect(matrix.autoFilter).toBe(`A2:D${ROWS + 2}`);
    expect(matrix.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:2',
    });
    expect(matrix.pageSetup.margins).toMatchObject({ left: 0.4, top: 0.5 });
    expect(workbook.creator).toBe('Kiểm tra KLKCHC');
    expect(workbook.created).toEqual(new Date(Date.UTC(2020, 8, 1, 7, 30)));
  });

  it('names columns as spreadsheets do, and escapes text for XML', () => {
    expect([1, 26, 27, 52, 53, 702, 703].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect(escapeXml('a < b & "c" > d\u0000\ufffe')).toBe('a &lt; b &amp; &quot;c&quot; &gt; d');
    // A surrogate pair (an emoji) is kept; only a lone half is dropped.
    expect(escapeXml('😀\udc00')).toBe('😀');
  });
});

describe('sheet names', () => {
  it('refuses a name a spreadsheet would refuse the file for', async () => {
    const file = path.join(dir ?? tempDir('klkchc-xlsx-'), 'ten.xlsx');
    const writer = new XlsxWriter(file, { creator: 'x', created: new Date(), font: { name: 'Arial', size: 10 } });
    const page = {
      landscape: false,
      fitToWidth: false,
      margins: { left: 1, right: 1, top: 1, bottom: 1, header: 0, footer: 0 },
    };
    const empty = () => Promise.resolve();
    for (const name of ['', 'Quá dài: '.padEnd(32, 'x'), 'Kỳ 1/2020', 'Bảng [1]', "'Trích'", 'Hỏi?']) {
      await expect(writer.sheet(name, { widths: [], page }, empty), name).rejects.toThrow(/sheet name/);
    }
    await writer.sheet('Tổng hợp', { widths: [], page }, empty);
    await expect(writer.sheet('TỔNG HỢP', { widths: [], page }, empty)).rejects.toThrow(/sheet name/);
    await writer.abort();
  });
});
