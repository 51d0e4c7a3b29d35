import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReadyCore, type TestCore } from '../../support/core-harness';
import { IMPORT_LIMITS } from '../../../shared/domain/unit-import';
import { seededRandom } from '../../bench/measure';
import ExcelJS from 'exceljs';
import { choose, ole2With, sheetXmlWithRows, unzipParts, workbookBytes, xlsxShell, zipOf } from './support/files';
import { messyWorkbook } from './support/messy-workbook';

/**
 * Reliability tests 6 and 7 (tests/README.md) for the importer: fuzzed and hand-made bad files, zip bombs, a
 * million rows, a 200 MB file: each refused with a sentence naming the file, within 5 s, with
 * memory bounded, and the registry untouched.
 */
describe('bad files get a clear message and change nothing', () => {
  let harness: TestCore;
  let messy: Buffer;

  beforeAll(async () => {
    harness = await createReadyCore();
    messy = await messyWorkbook();
  });
  afterAll(() => harness.close());

  async function refused(name: string, bytes: Uint8Array | string) {
    const fileId = choose(harness, name, bytes);
    const started = performance.now();
    const error = await harness.fail('unitImport.inspect', { fileId });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect((await harness.call('registry.counts', {})).total).toBe(0);
    return error;
  }

  it('not a spreadsheet at all', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const error = await refused('anh.xlsx', Buffer.concat([png, Buffer.alloc(200, 7)]));
    expect(error.code).toBe('unitImport.notSpreadsheet');
    expect(error.message).toContain('"anh.xlsx"');
    expect(error.message).toContain('Chưa có gì được nhập');
  });

  it('an empty file', async () => {
    expect((await refused('trong.csv', '')).code).toBe('unitImport.empty');
  });

  it('a workbook whose sheets are all empty, and a CSV of blank lines', async () => {
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Sheet1');
    empty.addWorksheet('Sheet2').getCell('B3').value = '   ';
    const error = await refused('trong.xlsx', await workbookBytes(empty));
    expect(error.code).toBe('unitImport.noData');
    expect(error.message).toContain('"trong.xlsx"');
    expect((await refused('trang.csv', ' \r\n;;\r\n\t\r\n')).code).toBe('unitImport.noData');
  });

  it('an empty sheet beside a full one: the full one is opened, the empty one says it is empty', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Trống');
    const full = workbook.addWorksheet('Đơn vị');
    full.addRow(['Tên đơn vị']);
    full.addRow(['UBND xã Hiệp Hạ']);
    const inspected = await harness.call('unitImport.inspect', {
      fileId: choose(harness, 'hai trang.xlsx', await workbookBytes(workbook)),
    });
    expect(inspected.suggestedSheet).toBe(1);
    const analyzed = await harness.call('unitImport.analyze', { sessionId: inspected.sessionId, sheet: 0 });
    expect(analyzed).toMatchObject({ rowCount: 0, detectedHeader: null, columns: [] });
    expect((await harness.fail('unitImport.analyze', { sessionId: inspected.sessionId, sheet: 5 })).code).toBe(
      'unitImport.sheetNotFound',
    );
  });

  it('an .xls container whose header is garbage (names but no sectors)', async () => {
    const error = await refused('cu.xls', ole2With(['Root Entry', 'Workbook', 'SummaryInformation']));
    expect(error.code).toBe('unitImport.unreadable');
    expect(error.message).toContain('cu.xls');
  });

  it('a password-protected workbook (an OLE2 container with EncryptedPackage)', async () => {
    const error = await refused('mat khau.xlsx', ole2With(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']));
    expect(error.code).toBe('unitImport.encrypted');
    expect(error.message).toContain('mật khẩu');
  });

  it('an HTML table saved with an .xls name', async () => {
    const html = '<html><body><table><tr><td>Tên đơn vị</td></tr></table></body></html>';
    expect((await refused('xuat tu phan mem.xls', html)).code).toBe('unitImport.htmlTable');
  });

  it('an OpenDocument spreadsheet without a table, an OpenDocument text, and a Word document', async () => {
    const ods = zipOf([
      { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet'), method: 0 },
      { name: 'content.xml', data: Buffer.from('<office:document-content/>') },
    ]);
    expect((await refused('bang.ods', ods)).code).toMatch(/^unitImport\.(noSheets|unreadable|notSpreadsheet)$/);
    const odt = zipOf([
      { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.text'), method: 0 },
      { name: 'content.xml', data: Buffer.from('<office:document-content/>') },
    ]);
    expect((await refused('bao cao.odt', odt)).code).toBe('unitImport.wordDocument');
    // Not conforming (mimetype not first): still named for what it is.
    const odsLate = zipOf([
      { name: 'content.xml', data: Buffer.from('<office:document-content/>') },
      { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet'), method: 0 },
    ]);
    expect((await refused('lech.ods', odsLate)).code).toBe('unitImport.ods');
    const docx = zipOf([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
    ]);
    expect((await refused('van ban.xlsx', docx)).code).toBe('unitImport.wordDocument');
  });

  it('a truncated workbook (a USB stick pulled during the copy)', async () => {
    expect((await refused('dang chep.xlsx', messy.subarray(0, Math.floor(messy.length / 2)))).code).toBe(
      'unitImport.zipCorrupt',
    );
  });

  it('a zip bomb, refused from its directory before inflating', async () => {
    const bomb = zipOf(xlsxShell(Buffer.alloc(60 * 1024 * 1024, 0x20)));
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect((await refused('bom.xlsx', bomb)).code).toBe('unitImport.zipBomb');
  });

  it('an entry that lies about its size is stopped as soon as it passes it', async () => {
    const liar = zipOf(
      xlsxShell(Buffer.alloc(5 * 1024 * 1024, 0x41), []).map((part) =>
        part.name.endsWith('sheet1.xml') ? { ...part, declaredSize: 1_000 } : part,
      ),
    );
    expect((await refused('noi doi.xlsx', liar)).code).toBe('unitImport.zipBomb');
  });

  it('too many entries', async () => {
    const parts = xlsxShell(
      Buffer.from('<worksheet/>'),
      Array.from({ length: IMPORT_LIMITS.maxZipEntries }, (_, i) => ({
        name: `xl/media/image${i}.png`,
        data: Buffer.from([i % 256]),
        method: 0 as const,
      })),
    );
    expect((await refused('nhieu.xlsx', zipOf(parts))).code).toBe('unitImport.zipTooManyEntries');
  });

  it('a million-row sheet is refused while counting its rows, memory bounded', async () => {
    const zip = zipOf(xlsxShell(sheetXmlWithRows(1_000_000)));
    global.gc?.();
    const before = process.memoryUsage().rss;
    const error = await refused('trieu dong.xlsx', zip);
    expect(error.code).toBe('unitImport.tooManyRows');
    expect(error.message).toContain(`hơn ${IMPORT_LIMITS.maxRows}`);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('a million-row CSV is refused', async () => {
    const text = `Tên đơn vị\n${'Trường\n'.repeat(1_000_000)}`;
    expect((await refused('trieu dong.csv', text)).code).toBe('unitImport.tooManyRows');
  });

  it('a 200 MB file is refused by its size without being read', async () => {
    const file = path.join(harness.dir, 'chosen', 'lon.xlsx');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.closeSync(fs.openSync(file, 'w'));
    fs.truncateSync(file, 200 * 1024 * 1024);
    const { fileId } = harness.core.files.registerPath(file);
    const before = process.memoryUsage().rss;
    const started = performance.now();
    const error = await harness.fail('unitImport.inspect', { fileId });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(process.memoryUsage().rss - before).toBeLessThan(50 * 1024 * 1024);
    expect(error.code).toBe('unitImport.tooLarge');
    expect(error.message).toBe(
      'Tệp "lon.xlsx" quá lớn (200,0 MB); giới hạn cho danh sách đơn vị là 20,0 MB. Chưa có gì được nhập.',
    );
  });

  it('a file removed after it was chosen (USB pulled)', async () => {
    const fileId = choose(harness, 'rut usb.xlsx', messy);
    fs.rmSync(path.join(harness.dir, 'chosen', 'rut usb.xlsx'));
    expect((await harness.fail('unitImport.inspect', { fileId })).code).toBe('FILE_NOT_FOUND');
  });

  it('a session that is gone says to choose the file again', async () => {
    const error = await harness.fail('unitImport.analyze', { sessionId: 'khong-co', sheet: 0 });
    expect(error.code).toBe('unitImport.sessionExpired');
  });

  it('fuzzed workbooks: every one read or refused clearly, none over 5 s, nothing written', async () => {
    const random = seededRandom(2019);
    const variants: Buffer[] = [];
    // Damaged XML inside a sound zip: what exceljs itself must survive.
    const parts = unzipParts(messy);
    const xmlParts = parts.map((part, index) => (part.name.endsWith('.xml') ? index : -1)).filter((i) => i >= 0);
    for (let index = 0; index < 60; index += 1) {
      const target = xmlParts[Math.floor(random() * xmlParts.length)] ?? 0;
      const mutated = parts.map((part, partIndex) => {
        if (partIndex !== target) return part;
        const data = Buffer.from(part.data);
        const letters = index % 2 === 0;
        for (let flip = 0; flip < 1 + Math.floor(random() * 4); flip += 1) {
          const at = Math.floor(random() * data.length);
          if (letters && /[A-Za-z0-9]/.test(String.fromCharCode(data[at] ?? 0))) {
            // A different letter or digit: still well-formed XML, odd values (styles, refs, numbers).
            data[at] = 'AZaz09:-x'.charCodeAt(Math.floor(random() * 9));
          } else if (!letters) {
            data[at] = '<>/"=&x0 '.charCodeAt(Math.floor(random() * 9));
          }
        }
        return { ...part, data };
      });
      variants.push(zipOf(mutated));
    }
    // Damaged zips: flipped bytes, truncation, junk inserted.
    for (let index = 0; index < 60; index += 1) {
      const copy = Buffer.from(messy);
      const kind = index % 3;
      if (kind === 0) {
        for (let flip = 0; flip < 1 + Math.floor(random() * 8); flip += 1) {
          copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256);
        }
        variants.push(copy);
      } else if (kind === 1) {
        variants.push(copy.subarray(0, Math.floor(random() * copy.length)));
      } else {
        const at = Math.floor(random() * copy.length);
        variants.push(
          Buffer.concat([
            copy.subarray(0, at),
            Buffer.from(Array.from({ length: 64 }, () => Math.floor(random() * 256))),
            copy.subarray(at),
          ]),
        );
      }
    }
    let parsed = 0;
    for (const [index, bytes] of variants.entries()) {
      const fileId = choose(harness, `fuzz-${index}.xlsx`, bytes);
      const started = performance.now();
      const result = await harness.core.router.call('unitImport.inspect', { fileId });
      expect(performance.now() - started, `variant ${index}`).toBeLessThan(5_000);
      if (!result.ok) {
        expect(result.error.code, `variant ${index}: ${result.error.message}`).toMatch(/^unitImport\./);
        expect(result.error.message).toContain(`fuzz-${index}.xlsx`);
        continue;
      }
      const inspected = result.value as { sessionId: string; suggestedSheet: number };
      const analyzed = await harness.call('unitImport.analyze', {
        sessionId: inspected.sessionId,
        sheet: inspected.suggestedSheet,
      });
      parsed += 1;
      const mapping = analyzed.columns.map((column) => column.field);
      if (!mapping.includes('name')) continue;
      // Every non-blank row under the header is listed with its row number.
      const preview = await harness.call('unitImport.preview', {
        sessionId: inspected.sessionId,
        sheet: inspected.suggestedSheet,
        header: analyzed.header,
        mapping,
      });
      const listed = preview.rows.length + preview.blankRows;
      const headerEnd = analyzed.header.row === 0 ? 0 : analyzed.header.row - 1 + analyzed.header.lines;
      const sheetRows =
        harness.core.services.unitImport.session(inspected.sessionId).grids.get('auto')?.sheets[
          inspected.suggestedSheet
        ]?.rows.length ?? 0;
      expect(listed, `variant ${index}`).toBe(sheetRows - headerEnd);
      expect(new Set(preview.rows.map((row) => row.row)).size).toBe(preview.rows.length);
    }
    expect(parsed).toBeGreaterThan(10);
    expect((await harness.call('registry.counts', {})).total).toBe(0);
  });

  it('random bytes as CSV: read or refused, never an internal error', async () => {
    let index = 0;
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 3000 }), async (bytes) => {
        index += 1;
        const fileId = choose(harness, `random-${index}.csv`, bytes);
        const result = await harness.core.router.call('unitImport.inspect', { fileId });
        if (!result.ok) {
          expect(result.error.code).toMatch(/^unitImport\./);
          return;
        }
        const inspected = result.value as { sessionId: string };
        const analyzed = await harness.core.router.call('unitImport.analyze', {
          sessionId: inspected.sessionId,
          sheet: 0,
        });
        expect(analyzed.ok).toBe(true);
        if (!analyzed.ok) return;
        const value = analyzed.value as { header: { row: number; lines: 1 | 2 }; columns: { field: string }[] };
        const preview = await harness.core.router.call('unitImport.preview', {
          sessionId: inspected.sessionId,
          sheet: 0,
          header: value.header,
          mapping: value.columns.map((column, column_index) =>
            column_index === 0 ? 'name' : column.field === 'name' ? 'ignore' : column.field,
          ),
        });
        expect(preview.ok).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
