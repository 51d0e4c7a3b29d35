import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReadyCore, type TestCore } from '../../support/core-harness';
import { readXls } from '../../../electron/core/features/unit-import/reading/xls-reader';
import { readXlsx } from '../../../electron/core/features/unit-import/reading/xlsx-reader';
import { choose } from './support/files';
import { messyWorkbook } from './support/messy-workbook';
import { expectImportRefusal, gridCells, importMessyList } from './support/workbook-checks';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const messyXls = () => fs.readFileSync(path.join(FIXTURES, 'messy-libreoffice.xls'));
const schoolsXls = () => fs.readFileSync(path.join(FIXTURES, 'truong-300-libreoffice.xls'));

describe('an Excel 97–2003 workbook saved by LibreOffice', () => {
  it('reads cell for cell as the same workbook saved as .xlsx', async () => {
    const fromXlsx = await readXlsx(await messyWorkbook(), 'messy.xlsx');
    const fromXls = readXls(messyXls(), 'messy.xls');
    expect(fromXls.format).toBe('xls');
    expect(fromXls.sheets.map((sheet) => [sheet.name, sheet.hidden, sheet.rowCount])).toEqual(
      fromXlsx.sheets.map((sheet) => [sheet.name, sheet.hidden, sheet.rowCount]),
    );
    expect(gridCells(fromXls)).toEqual(gridCells(fromXlsx));
  });

  it('reads shared strings carried over many CONTINUE records, some split inside a string', () => {
    const grid = readXls(schoolsXls(), 'truong.xls');
    const sheet = grid.sheets[0]!;
    expect(sheet.name).toBe('Trường học');
    expect(sheet.rowCount).toBe(301);
    for (let n = 1; n <= 300; n += 1) {
      const row = sheet.rows[n]!;
      expect(row.map((cell) => cell?.text)).toEqual([
        String(n),
        `T${String(n).padStart(4, '0')}`,
        `Trường Tiểu học số ${n} xã Hiệp Hạ – điểm Nà Sla, Bản Chắt`,
        `Nguyễn Thị Hằng ${n}`,
        `0205 3${String(n).padStart(6, '0')}`,
      ]);
    }
  });
});

describe('importing an .xls through the wizard', () => {
  let harness: TestCore;
  beforeEach(async () => {
    harness = await createReadyCore();
  });
  afterEach(() => harness.close());

  it('the messy list: sheets, header, TCVN3/VNI text converted, units previewed and imported once', async () => {
    await importMessyList(harness, 'Danh sach don vi 2019.xls', messyXls(), 'xls');
  });

  it('300 schools with their codes and phones', async () => {
    const inspected = await harness.call('unitImport.inspect', { fileId: choose(harness, 'truong.xls', schoolsXls()) });
    const analyzed = await harness.call('unitImport.analyze', { sessionId: inspected.sessionId, sheet: 0 });
    const result = await harness.call('unitImport.apply', {
      sessionId: inspected.sessionId,
      sheet: 0,
      header: analyzed.header,
      mapping: analyzed.columns.map((column) => column.field),
    });
    expect(result).toMatchObject({ created: 300, errors: 0 });
    const unit = (await harness.call('registry.list', { query: 'so 217' })).rows[0];
    expect(unit).toMatchObject({ code: 'T0217', kind: 'school', schoolLevel: 'primary', phone: '0205 3000217' });
  });

  it('a copy cut short on the way (pulled USB stick) is refused by name, and nothing changes', async () => {
    const bytes = schoolsXls();
    for (const length of [600, Math.floor(bytes.length / 2), bytes.length - 700]) {
      const failure = await harness.fail('unitImport.inspect', {
        fileId: choose(harness, `cat ${length}.xls`, bytes.subarray(0, length)),
      });
      expect(failure.code, `cut at ${length}`).toMatch(/^unitImport\.(truncated|unreadable)$/);
      expect(failure.message).toContain(`cat ${length}.xls`);
    }
    expect((await harness.call('registry.counts', {})).total).toBe(0);
  });

  it('a damaged header is "unreadable", not a crash', async () => {
    const bytes = Buffer.from(messyXls());
    bytes.writeUInt16LE(7, 0x1e); // an impossible sector size
    const failure = await harness.fail('unitImport.inspect', { fileId: choose(harness, 'hong.xls', bytes) });
    expect(failure.code).toBe('unitImport.unreadable');
    expect(failure.message).toBe(
      'Không đọc được bảng tính "hong.xls" (tệp có thể bị hỏng). Hãy mở trong Excel và lưu lại rồi thử lại. Chưa có gì được nhập.',
    );
  });
});

describe('damaged .xls files never crash or hang the reader (fast-check)', () => {
  function readsOrRefuses(bytes: Buffer): void {
    try {
      readXls(bytes, 'fuzz.xls');
    } catch (error) {
      expectImportRefusal(error);
    }
  }

  it('random bytes overwritten anywhere in a real file', () => {
    const original = messyXls();
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat({ max: original.length - 1 }), byte: fc.nat({ max: 255 }) }), {
          minLength: 1,
          maxLength: 40,
        }),
        (edits) => {
          const bytes = Buffer.from(original);
          for (const { at, byte } of edits) bytes[at] = byte;
          readsOrRefuses(bytes);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('random bytes overwritten inside the workbook stream (records and strings)', () => {
    const original = schoolsXls();
    // The workbook stream starts after the header, the FAT and the directory: well past 2 KB.
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.integer({ min: 2048, max: original.length - 1 }), byte: fc.nat({ max: 255 }) }), {
          minLength: 1,
          maxLength: 60,
        }),
        (edits) => {
          const bytes = Buffer.from(original);
          for (const { at, byte } of edits) bytes[at] = byte;
          readsOrRefuses(bytes);
        },
      ),
      { numRuns: 150 },
    );
  });
});
