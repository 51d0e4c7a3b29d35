import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReadyCore, type TestCore } from '../../support/core-harness';
import type { TextEncodingChoice } from '../../../shared/domain/unit-import';
import { choose } from './support/files';
import { encodeTcvn3, encodeVni, encodeWindows1258 } from './support/legacy-charts';

const NAMES = ['Trường Tiểu học Đông Quan', 'UBND xã Hiệp Hạ', 'Phòng Tư pháp'];
const HEADS = ['Nguyễn Thị Hồng', 'Lương Văn Hùng', 'Đinh Quang Tuấn'];

function table(delimiter: string): string {
  return [
    ['STT', 'Tên đơn vị', 'Người đứng đầu'].join(delimiter),
    ...NAMES.map((name, i) => [String(i + 1), name, HEADS[i]].join(delimiter)),
  ].join('\r\n');
}

describe('CSV and TXT files in every encoding offices have', () => {
  let harness: TestCore;
  beforeEach(async () => {
    harness = await createReadyCore();
  });
  afterEach(() => harness.close());

  async function importFile(name: string, bytes: Uint8Array, encoding: TextEncodingChoice = 'auto') {
    const inspected = await harness.call('unitImport.inspect', { fileId: choose(harness, name, bytes) });
    expect(inspected.format).toBe('csv');
    const analyzed = await harness.call('unitImport.analyze', { sessionId: inspected.sessionId, sheet: 0, encoding });
    const request = {
      sessionId: inspected.sessionId,
      sheet: 0,
      encoding,
      header: analyzed.header,
      mapping: analyzed.columns.map((column) => column.field),
    };
    const preview = await harness.call('unitImport.preview', request);
    return { analyzed, preview, request };
  }

  it('UTF-16 tab-separated text, as Excel saves "Unicode Text"', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(table('\t'), 'utf16le')]);
    const { analyzed, preview, request } = await importFile('don vi.txt', bytes);
    expect(analyzed.detectedEncoding).toBe('utf-16le');
    expect(analyzed.delimiter).toBe('\t');
    expect(preview.rows.map((row) => [row.name, row.headName])).toEqual(NAMES.map((name, i) => [name, HEADS[i]]));
    expect((await harness.call('unitImport.apply', request)).created).toBe(3);
    expect((await harness.call('registry.list', { query: 'dong quan' })).rows[0]?.name).toBe(
      'Trường Tiểu học Đông Quan',
    );
  });

  it('Windows-1258 with commas', async () => {
    const { analyzed, preview } = await importFile('cp1258.csv', Uint8Array.from(encodeWindows1258(table(','))));
    expect(analyzed.detectedEncoding).toBe('windows-1258');
    expect(preview.rows.map((row) => row.name)).toEqual(NAMES);
  });

  it('TCVN3 bytes: converted, the original shown beside the name', async () => {
    const lower = table(',').toLowerCase();
    const { analyzed, preview } = await importFile('abc.csv', Uint8Array.from(encodeTcvn3(lower)));
    expect(analyzed.detectedEncoding).toBe('tcvn3');
    expect(analyzed.legacy).toBe('tcvn3');
    expect(preview.rows.map((row) => row.name)).toEqual(NAMES.map((name) => name.toLowerCase()));
    expect(preview.rows[0]?.originalName).toBe('tr\u00adêng tiÓu häc ®«ng quan');
  });

  it('VNI bytes: converted', async () => {
    const { analyzed, preview } = await importFile('vni.csv', Uint8Array.from(encodeVni(table(','))));
    expect(analyzed.detectedEncoding).toBe('vni');
    expect(analyzed.convertedCells).toBeGreaterThanOrEqual(6);
    expect(preview.rows.map((row) => [row.name, row.headName])).toEqual(NAMES.map((name, i) => [name, HEADS[i]]));
  });

  it('UTF-8 holding TCVN3 letters (a CSV saved from a .VnTime sheet): found cell by cell', async () => {
    const legacy = String.fromCharCode(...encodeTcvn3(table(',').toLowerCase()));
    const { analyzed, preview } = await importFile('utf8-abc.csv', Buffer.from(legacy, 'utf8'));
    expect(analyzed.detectedEncoding).toBe('utf-8');
    expect(analyzed.legacy).toBe('tcvn3');
    expect(preview.rows[1]?.name).toBe('ubnd xã hiệp hạ');
  });

  it('the user can force or refuse a conversion', async () => {
    const legacy = String.fromCharCode(...encodeTcvn3(table(',').toLowerCase()));
    const unicode = await importFile('raw.csv', Buffer.from(legacy, 'utf8'), 'unicode');
    expect(unicode.analyzed.legacy).toBe('none');
    // Read as it is, the header is not recognisable either: the wizard shows the raw text.
    expect(unicode.analyzed.detectedHeader).toBeNull();
    expect(unicode.analyzed.topRows[1]?.[1]).toBe('tr\u00adêng tiÓu häc ®«ng quan');
    expect(unicode.preview.mappingErrors[0]?.key).toBe('unitImport.errors.needName');
    const forced = await importFile('forced.csv', Buffer.from('Tröôøng,Ba', 'latin1'), 'vni');
    expect(forced.analyzed.columns[0]?.label).toBe('Trường');
  });

  it('clean UTF-8 is left exactly as it is', async () => {
    const { analyzed, preview } = await importFile('utf8.csv', Buffer.from(table(','), 'utf8'));
    expect(analyzed).toMatchObject({ detectedEncoding: 'utf-8', legacy: 'none', convertedCells: 0 });
    expect(preview.rows.map((row) => row.name)).toEqual(NAMES);
  });

  it('quoted fields with separators, quotes and line breaks', async () => {
    const text = 'Tên đơn vị,Ghi chú\r\n"Trường Tiểu học ""Hoa Sen"", cơ sở 2","Dòng 1\nDòng 2"\r\n';
    const { preview, request } = await importFile('quoted.csv', Buffer.from(text, 'utf8'));
    expect(preview.rows[0]?.name).toBe('Trường Tiểu học "Hoa Sen", cơ sở 2');
    await harness.call('unitImport.apply', request);
    expect((await harness.call('registry.list', { query: 'hoa sen' })).rows[0]?.notes).toBe('Dòng 1\nDòng 2');
  });
});
