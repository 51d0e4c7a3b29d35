import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReadyCore, type TestCore } from '../../support/core-harness';
import { AppError } from '../../../electron/core/kernel/errors';
import { readXls } from '../../../electron/core/features/unit-import/reading/xls-reader';
import type { GridCell } from '../../../electron/core/features/unit-import/reading/grid';
import { choose } from './support/files';
import { bytesToChars, encodeTcvn3, encodeVni } from './support/legacy-charts';
import { cfbBytes, xlsBytes, type XlsCell, type XlsOptions, type XlsSheet } from './support/xls-writer';

/**
 * The .xls reader against workbooks written record by record in the test (support/xls-writer.ts,
 * an independent writer checked against LibreOffice and xlrd): every kind of cell, every way a
 * string is split over CONTINUE records, and every way a file can be wrong.
 */

const sheet = (cells: XlsCell[], extra: Partial<XlsSheet> = {}): XlsSheet => ({ name: 'Danh sách', cells, ...extra });
const read = (sheets: XlsSheet[], options?: XlsOptions) => readXls(xlsBytes(sheets, options), 'thu.xls');
const cellAt = (grid: ReturnType<typeof readXls>, row: number, col: number, index = 0): GridCell | undefined =>
  grid.sheets[index]?.rows[row]?.[col];
const textAt = (grid: ReturnType<typeof readXls>, row: number, col: number, index = 0) =>
  cellAt(grid, row, col, index)?.text;

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the file was read');
}

describe('cells of an .xls as a person sees them', () => {
  it('strings shared and inline, in Unicode and in one byte per character', () => {
    const grid = read([
      sheet([
        { row: 0, col: 0, value: 'Tên đơn vị' },
        { row: 0, col: 1, value: 'Ghi chú', asLabel: true },
        { row: 1, col: 0, value: 'Trường Tiểu học Hiệp Hạ' },
        { row: 1, col: 1, value: 'Café Noël', asLabel: true },
        { row: 2, col: 0, value: '   ' },
      ]),
    ]);
    expect(grid.format).toBe('xls');
    expect([textAt(grid, 0, 0), textAt(grid, 0, 1), textAt(grid, 1, 0), textAt(grid, 1, 1)]).toEqual([
      'Tên đơn vị',
      'Ghi chú',
      'Trường Tiểu học Hiệp Hạ',
      'Café Noël',
    ]);
    // A cell of spaces is empty, as in the .xlsx reader.
    expect(cellAt(grid, 2, 0)).toBeUndefined();
    expect(grid.sheets[0]!.rowCount).toBe(2);
  });

  it('numbers: doubles, RK and MULRK, codes with a "000" format, no float noise', () => {
    const grid = read([
      sheet([
        { row: 0, col: 0, value: 1, asRk: true },
        { row: 0, col: 1, value: 2, asRk: true },
        { row: 0, col: 2, value: -40_000, asRk: true },
        { row: 0, col: 3, value: 1.25, asRk: true },
        { row: 1, col: 0, value: 7, numFmt: '000' },
        { row: 1, col: 1, value: 42, numFmt: '00000', asRk: true },
        { row: 1, col: 2, value: 0.1 + 0.2 },
        { row: 1, col: 3, value: 2053840123 },
      ]),
    ]);
    expect(grid.sheets[0]!.rows[0]!.map((cell) => cell?.text)).toEqual(['1', '2', '-40000', '1.25']);
    expect(grid.sheets[0]!.rows[1]!.map((cell) => cell?.text)).toEqual(['007', '00042', '0.3', '2053840123']);
    expect(cellAt(grid, 1, 3)?.numeric).toBe(true);
  });

  it('dates as dd/mm/yyyy, in the 1900 and the 1904 systems, built-in and custom formats', () => {
    const cells: XlsCell[] = [
      { row: 0, col: 0, value: 43_713, numFmt: 14 },
      { row: 0, col: 1, value: 43_713, numFmt: 'dd/mm/yyyy' },
      { row: 0, col: 2, value: 43_713.75, numFmt: 'd "tháng" m "năm" yyyy' },
      { row: 0, col: 3, value: 59, numFmt: 14 },
      { row: 0, col: 4, value: 43_713, numFmt: '0.00' },
    ];
    const grid = read([sheet(cells)]);
    expect(grid.sheets[0]!.rows[0]!.map((cell) => cell?.text)).toEqual([
      '05/09/2019',
      '05/09/2019',
      '05/09/2019',
      '28/02/1900',
      '43713',
    ]);
    const grid1904 = read([sheet([{ row: 0, col: 0, value: 36_526, numFmt: 14 }])], { date1904: true });
    expect(textAt(grid1904, 0, 0)).toBe('02/01/2004');
  });

  it('formulas by their results; booleans; errors read as empty', () => {
    const grid = read([
      sheet([
        { row: 0, col: 0, value: { formula: 'Trường Mầm non Na Dương' } },
        { row: 0, col: 1, value: { formula: 6 } },
        { row: 0, col: 2, value: { formula: true } },
        { row: 0, col: 3, value: { formula: null } },
        { row: 0, col: 4, value: false },
        { row: 0, col: 5, value: { error: 0x07 } },
        { row: 0, col: 6, value: 'sau' },
      ]),
    ]);
    expect(grid.sheets[0]!.rows[0]!.map((cell) => cell?.text)).toEqual([
      'Trường Mầm non Na Dương',
      '6',
      'TRUE',
      undefined,
      'FALSE',
      undefined,
      'sau',
    ]);
  });

  it('fonts: .VnTime and VNI-Times cells keep their clue; rich text keeps each run`s font', () => {
    const tcvn = bytesToChars(encodeTcvn3('Trường Mầm non Hoa Mai'));
    const vni = bytesToChars(encodeVni('Lương Thị Hoa'));
    const run = bytesToChars(encodeTcvn3('Tú Đoạn'));
    const grid = read([
      sheet([
        { row: 0, col: 0, value: tcvn, font: '.VnTime' },
        { row: 0, col: 1, value: vni, font: 'VNI-Times' },
        { row: 0, col: 2, value: 'UBND THỊ TRẤN', font: '.VnTimeH' },
        {
          row: 1,
          col: 0,
          value: `UBND xã ${run}`,
          runs: [
            { text: 'UBND xã ', font: 'Times New Roman' },
            { text: run, font: '.VnTime' },
          ],
        },
        {
          row: 1,
          col: 1,
          value: tcvn,
          font: '.VnTime',
          runs: [
            { text: tcvn.slice(0, 5), font: '.VnTime' },
            { text: tcvn.slice(5), font: '.VnTimeH' },
          ],
        },
      ]),
    ]);
    expect(cellAt(grid, 0, 0)).toEqual({ text: tcvn, font: 'tcvn3' });
    expect(cellAt(grid, 0, 1)).toEqual({ text: vni, font: 'vni' });
    expect(cellAt(grid, 0, 2)?.font).toBe('tcvn3-upper');
    expect(cellAt(grid, 1, 0)).toEqual({
      text: `UBND xã ${run}`,
      font: null,
      runs: [
        { text: 'UBND xã ', font: null },
        { text: run, font: 'tcvn3' },
      ],
    });
    expect(cellAt(grid, 1, 1)?.runs?.map((part) => part.font)).toEqual(['tcvn3', 'tcvn3-upper']);
  });

  it('merged cells show their value in every cell they cover; sheets keep their names and states', () => {
    const grid = read([
      sheet([{ row: 0, col: 0, value: 'Hướng dẫn' }], { name: 'Hướng dẫn' }),
      sheet(
        [
          { row: 0, col: 0, value: 'DANH SÁCH ĐƠN VỊ' },
          { row: 1, col: 0, value: 'Người đứng đầu' },
        ],
        {
          merges: [
            { r1: 0, c1: 0, r2: 0, c2: 4 },
            { r1: 1, c1: 0, r2: 2, c2: 1 },
          ],
        },
      ),
      sheet([{ row: 0, col: 0, value: 'x' }], { name: 'Ẩn', state: 'hidden' }),
      sheet([{ row: 0, col: 0, value: 'y' }], { name: 'Rất ẩn', state: 'veryHidden' }),
    ]);
    expect(grid.sheets.map((item) => [item.name, item.hidden])).toEqual([
      ['Hướng dẫn', false],
      ['Danh sách', false],
      ['Ẩn', true],
      ['Rất ẩn', true],
    ]);
    expect(grid.sheets[1]!.rows[0]!.map((cell) => cell?.text)).toEqual(Array(5).fill('DANH SÁCH ĐƠN VỊ'));
    expect(grid.sheets[1]!.rows[2]!.map((cell) => cell?.text)).toEqual(['Người đứng đầu', 'Người đứng đầu']);
    expect(grid.sheets[1]!.rowCount).toBe(3);
  });
});

describe('shared strings split over CONTINUE records', () => {
  const names = Array.from({ length: 400 }, (_, index) =>
    index % 3 === 0 ? `Trường Tiểu học số ${index} – Hiệp Hạ` : `Truong so ${index} Loc Binh`,
  );
  const cells: XlsCell[] = names.map((value, row) => ({ row, col: 0, value }));

  for (const maxRecordData of [8224, 1000, 101, 50, 17]) {
    it(`records of at most ${maxRecordData} bytes: every string whole, in order`, () => {
      const grid = read([sheet(cells)], { maxRecordData });
      expect(grid.sheets[0]!.rows.map((row) => row[0]?.text)).toEqual(names);
    });
  }

  it('rich-text runs and emoji across the splits', () => {
    const tcvn = bytesToChars(encodeTcvn3('Tú Đoạn'));
    const rich: XlsCell[] = Array.from({ length: 60 }, (_, row) => ({
      row,
      col: 0,
      value: `Xã số ${row} 🙂 ${tcvn}`,
      runs: [
        { text: `Xã số ${row} 🙂 `, font: 'Times New Roman' },
        { text: tcvn, font: '.VnTime' },
      ],
    }));
    for (const maxRecordData of [8224, 23, 40]) {
      const grid = read([sheet(rich)], { maxRecordData });
      grid.sheets[0]!.rows.forEach((row, index) => {
        expect(row[0]?.runs?.map((part) => [part.text, part.font])).toEqual([
          [`Xã số ${index} 🙂 `, null],
          [tcvn, 'tcvn3'],
        ]);
      });
    }
  });

  it('any strings, any split (fast-check): read back exactly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 16, max: 300 }),
        (values, maxRecordData) => {
          const written = values.map((value, row) => ({ row, col: 0, value: `x${value}` }));
          const grid = read([sheet(written)], { maxRecordData });
          expect(grid.sheets[0]!.rows.map((row) => row[0]?.text)).toEqual(written.map((cell) => cell.value));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('.xls files that cannot be read say why, and nothing is imported', () => {
  let harness: TestCore;
  beforeAll(async () => {
    harness = await createReadyCore();
  });
  afterAll(() => harness.close());

  const plain = [sheet([{ row: 0, col: 0, value: 'Tên đơn vị' }])];

  it('a password-protected .xls (FILEPASS)', async () => {
    const failure = await harness.fail('unitImport.inspect', {
      fileId: choose(harness, 'mat khau.xls', xlsBytes(plain, { encrypted: true })),
    });
    expect(failure.code).toBe('unitImport.encrypted');
    expect(failure.message).toContain('mat khau.xls');
  });

  it('an Excel 5.0/95 workbook', async () => {
    const failure = await harness.fail('unitImport.inspect', {
      fileId: choose(
        harness,
        'cu 1997.xls',
        xlsBytes([sheet([{ row: 0, col: 0, value: 'Ten don vi' }])], { biff5: true }),
      ),
    });
    expect(failure.code).toBe('unitImport.legacyXls');
    expect(failure.message).toContain('Excel 5.0/95');
    expect(failure.message).toContain('.xlsx');
  });

  it('a Word 97–2003 document renamed .xls, and a container with no workbook', async () => {
    const word = cfbBytes([{ name: 'WordDocument', data: Buffer.alloc(5000, 1) }]);
    expect((await harness.fail('unitImport.inspect', { fileId: choose(harness, 'bao cao.xls', word) })).code).toBe(
      'unitImport.wordDocument',
    );
    const other = cfbBytes([{ name: 'Contents', data: Buffer.alloc(100, 2) }]);
    expect((await harness.fail('unitImport.inspect', { fileId: choose(harness, 'khac.xls', other) })).code).toBe(
      'unitImport.notSpreadsheet',
    );
  });

  it('a workbook with only empty sheets, and one of more rows than the limit', async () => {
    const empty = xlsBytes([sheet([])]);
    expect((await harness.fail('unitImport.inspect', { fileId: choose(harness, 'trong.xls', empty) })).code).toBe(
      'unitImport.noData',
    );
    const many = xlsBytes([
      sheet(Array.from({ length: 50_001 }, (_, row) => ({ row, col: 0, value: row, asRk: true }))),
    ]);
    const failure = await harness.fail('unitImport.inspect', { fileId: choose(harness, 'nhieu.xls', many) });
    expect(failure.code).toBe('unitImport.tooManyRows');
    expect((await harness.call('registry.counts', {})).total).toBe(0);
  });

  it('sheets whose records run into one another are not read over and over', () => {
    // Hand-made BIFF8: 2,000 sheet entries, each at its own BOF, none closed by an EOF, so each
    // would read on through all the others (2,000 × 2,000 records).
    const record = (type: number, data: Buffer) => {
      const header = Buffer.alloc(4);
      header.writeUInt16LE(type, 0);
      header.writeUInt16LE(data.length, 2);
      return Buffer.concat([header, data]);
    };
    const bof = (kind: number) => {
      const data = Buffer.alloc(16);
      data.writeUInt16LE(0x0600, 0);
      data.writeUInt16LE(kind, 2);
      return record(0x0809, data);
    };
    const label = (row: number, text: string) => {
      const data = Buffer.alloc(9 + text.length);
      data.writeUInt16LE(row, 0);
      data.writeUInt16LE(text.length, 6);
      data.write(text, 9, 'latin1');
      return record(0x0204, data);
    };
    const count = 2000;
    const sheets = Array.from({ length: count }, (_, index) => Buffer.concat([bof(0x0010), label(index, 'Truong')]));
    const boundSheet = (offset: number) => {
      const data = Buffer.alloc(8 + 3);
      data.writeUInt32LE(offset, 0);
      data[6] = 3;
      data.write('abc', 8, 'latin1');
      return record(0x0085, data);
    };
    const globalsLength = bof(0x0005).length + count * boundSheet(0).length + 4;
    let offset = globalsLength;
    const entries = sheets.map((sheetBytes) => {
      const entry = boundSheet(offset);
      offset += sheetBytes.length;
      return entry;
    });
    const stream = Buffer.concat([bof(0x0005), ...entries, record(0x000a, Buffer.alloc(0)), ...sheets]);
    const file = cfbBytes([{ name: 'Workbook', data: stream }]);
    expect(refusal(() => readXls(file, 'chong.xls')).code).toBe('unitImport.unreadable');
  });

  it('a workbook stream that is not BIFF8 at all', () => {
    const junk = cfbBytes([{ name: 'Workbook', data: Buffer.alloc(6000, 0x41) }]);
    expect(refusal(() => readXls(junk, 'rac.xls')).code).toBe('unitImport.unreadable');
  });
});
