import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cfbNameOrder, rkOf, xlsBytes, type XlsCell, type XlsSheet } from './support/xls-writer';

// The test writer's self-test. Without LibreOffice it reads its own output back by the book
// (compound file, records, SST pieces); with LibreOffice (not on CI) it has files converted and
// checks that what comes back is what was written.

const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const FREESECT = 0xffffffff;
const NOSTREAM = 0xffffffff;

// ---------------------------------------------------------------------------------------------
// A small compound-file reader, written from [MS-CFB] for this test

interface DirEntry {
  id: number;
  name: string;
  type: number;
  black: boolean;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

interface Cfb {
  fat: number[];
  miniFat: number[];
  entries: DirEntry[];
  /** Where each stream's bytes came from. */
  inMiniStream(entry: DirEntry): boolean;
  stream(name: string): Buffer;
}

function u32s(buffer: Buffer): number[] {
  return Array.from({ length: buffer.length / 4 }, (_, i) => buffer.readUInt32LE(i * 4));
}

function readCfb(file: Buffer): Cfb {
  const sector = (i: number): Buffer => file.subarray(512 * (i + 1), 512 * (i + 2));
  const fatSectors = u32s(file.subarray(76, 512)).slice(0, file.readUInt32LE(44));
  const fat = fatSectors.flatMap((i) => u32s(sector(i)));
  const chainOf = (table: number[], start: number): number[] => {
    const chain: number[] = [];
    for (let at = start; at !== ENDOFCHAIN; at = table[at]!) {
      if (chain.length > table.length || at >= table.length) throw new Error('broken chain');
      chain.push(at);
    }
    return chain;
  };
  const regular = (start: number, size: number): Buffer =>
    Buffer.concat(chainOf(fat, start).map(sector)).subarray(0, size);

  const directory = Buffer.concat(chainOf(fat, file.readUInt32LE(48)).map(sector));
  const entries = Array.from({ length: directory.length / 128 }, (_, id): DirEntry => {
    const entry = directory.subarray(id * 128, (id + 1) * 128);
    const nameBytes = entry.readUInt16LE(64);
    return {
      id,
      name: entry.toString('utf16le', 0, Math.max(0, nameBytes - 2)),
      type: entry[66]!,
      black: entry[67] === 1,
      left: entry.readUInt32LE(68),
      right: entry.readUInt32LE(72),
      child: entry.readUInt32LE(76),
      start: entry.readUInt32LE(116),
      size: entry.readUInt32LE(120),
    };
  });
  const root = entries[0]!;
  const miniStream = root.start === ENDOFCHAIN ? Buffer.alloc(0) : regular(root.start, root.size);
  const miniFatStart = file.readUInt32LE(60);
  const miniFat = miniFatStart === ENDOFCHAIN ? [] : chainOf(fat, miniFatStart).flatMap((i) => u32s(sector(i)));
  const cutoff = file.readUInt32LE(56);
  const inMiniStream = (entry: DirEntry): boolean => entry.size < cutoff;
  return {
    fat,
    miniFat,
    entries,
    inMiniStream,
    stream: (name) => {
      const entry = entries.find((candidate) => candidate.type === 2 && candidate.name === name);
      if (!entry) throw new Error(`no stream ${name}`);
      if (!inMiniStream(entry)) return regular(entry.start, entry.size);
      const pieces = chainOf(miniFat, entry.start).map((i) => miniStream.subarray(i * 64, (i + 1) * 64));
      return Buffer.concat(pieces).subarray(0, entry.size);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// BIFF records and the SST, read from [MS-XLS] for this test

interface BiffRecord {
  type: number;
  offset: number;
  data: Buffer;
}

function biffRecords(stream: Buffer): BiffRecord[] {
  const records: BiffRecord[] = [];
  for (let offset = 0; offset < stream.length;) {
    const size = stream.readUInt16LE(offset + 2);
    records.push({ type: stream.readUInt16LE(offset), offset, data: stream.subarray(offset + 4, offset + 4 + size) });
    offset += 4 + size;
  }
  return records;
}

interface SstRead {
  total: number;
  strings: { text: string; runs: [number, number][] }[];
  /** CONTINUE records that began inside a string's characters (with a fresh option byte). */
  splitInCharacters: number;
  /** CONTINUE records that began with a string's formatting runs. */
  splitBeforeRuns: number;
}

function readSst(records: BiffRecord[]): SstRead {
  const first = records.findIndex((record) => record.type === 0x00fc);
  const chunks = [records[first]!.data];
  for (let i = first + 1; records[i]?.type === 0x003c; i++) chunks.push(records[i]!.data);
  let chunk = 0;
  let at = 0;
  const left = (): number => chunks[chunk]!.length - at;
  const take = (size: number): Buffer => {
    if (left() < size) throw new Error(`a ${size}-byte field split across records`);
    at += size;
    return chunks[chunk]!.subarray(at - size, at);
  };
  const nextRecord = (): void => {
    chunk++;
    at = 0;
  };
  const head = take(8);
  const result: SstRead = { total: head.readUInt32LE(0), strings: [], splitInCharacters: 0, splitBeforeRuns: 0 };
  for (let n = head.readUInt32LE(4); n > 0; n--) {
    if (left() === 0) nextRecord();
    const cch = take(2).readUInt16LE(0);
    const flags = take(1)[0]!;
    const cRun = flags & 0x08 ? take(2).readUInt16LE(0) : 0;
    if (flags & 0x04) throw new Error('phonetic data is not written');
    let high = (flags & 0x01) !== 0;
    let text = '';
    while (text.length < cch) {
      if (left() === 0) {
        nextRecord();
        high = (take(1)[0]! & 0x01) !== 0;
        result.splitInCharacters++;
      }
      const count = Math.min(cch - text.length, Math.floor(left() / (high ? 2 : 1)));
      if (count === 0) throw new Error('a character split across records');
      text += take(count * (high ? 2 : 1)).toString(high ? 'utf16le' : 'latin1');
    }
    const runs: [number, number][] = [];
    for (let r = 0; r < cRun; r++) {
      if (left() === 0) {
        nextRecord();
        if (r === 0) result.splitBeforeRuns++;
      }
      const run = take(4);
      runs.push([run.readUInt16LE(0), run.readUInt16LE(2)]);
    }
    result.strings.push({ text, runs });
  }
  return result;
}

/** The number an RK value stands for ([MS-XLS] 2.5.217). */
function rkValue(rk: number): number {
  let value: number;
  if (rk & 0b10) value = rk >> 2;
  else {
    const double = Buffer.alloc(8);
    double.writeUInt32LE((rk & ~0b11) >>> 0, 4);
    value = double.readDoubleLE(0);
  }
  return rk & 0b01 ? value / 100 : value;
}

// ---------------------------------------------------------------------------------------------
// Fixtures

const LONG_TEXT =
  'Trường Trung học cơ sở Nguyễn Bỉnh Khiêm, xã Ea Kly, huyện Krông Pắc, tỉnh Đắk Lắk — ' +
  'đơn vị được kiểm tra kỷ luật, kỷ cương hành chính năm 2024';

/** The joined text is 37 compressed characters: at maxRecordData 50 they end the SST record exactly. */
const RUNS_AT_BOUNDARY: XlsCell = {
  row: 0,
  col: 0,
  value: 'Tr\xadêng THCS Nguyên Trãi - .VnTime ABC',
  runs: [
    { text: 'Tr\xadêng THCS Nguyên Trãi', font: '.VnTime' },
    { text: ' - .VnTime ABC', font: 'Times New Roman' },
  ],
};

function mainSheet(): XlsSheet {
  return {
    name: 'Danh sách',
    cells: [
      { row: 0, col: 0, value: 'STT' },
      { row: 0, col: 1, value: 'Mã đơn vị' },
      { row: 0, col: 2, value: 'Tên đơn vị' },
      { row: 0, col: 3, value: 'Ghi chú' },
      { row: 1, col: 0, value: 1, asRk: true },
      { row: 1, col: 1, value: 'Café crème' },
      { row: 1, col: 2, value: 'Trường THCS Nguyễn Du' },
      { row: 1, col: 3, value: { formula: 'Đã kiểm tra' } },
      { row: 2, col: 0, value: 2, asRk: true },
      { row: 2, col: 1, value: 3, asRk: true },
      { row: 2, col: 2, value: 1.25, asRk: true },
      { row: 2, col: 3, value: -40000, asRk: true },
      { row: 3, col: 0, value: -5, asRk: true },
      { row: 3, col: 1, value: 3.14159 },
      { row: 3, col: 2, value: 123456789.5 },
      { row: 3, col: 3, value: { formula: 42 } },
      { row: 3, col: 4, value: { formula: null } },
      { row: 4, col: 0, value: true },
      { row: 4, col: 1, value: { error: 0x07 } },
      { row: 4, col: 2, value: 'Café', asLabel: true },
      { row: 4, col: 3, value: 'Nguyễn Văn A', asLabel: true },
      { row: 5, col: 0, value: 7, numFmt: '000' },
      { row: 5, col: 1, value: 45000, numFmt: 'dd/mm/yyyy' },
      { row: 5, col: 2, value: 'Phòng GD&ĐT', font: 'VNI-Times' },
      { ...RUNS_AT_BOUNDARY, row: 5, col: 3 },
      { row: 6, col: 0, value: LONG_TEXT },
      { row: 7, col: 0, value: 'Báo cáo tổng hợp' },
      { row: 40, col: 2, value: 'Café crème' }, // the same string again: a second block, one SST entry
    ],
    merges: [{ r1: 7, c1: 0, r2: 8, c2: 3 }],
  };
}

function book(): XlsSheet[] {
  return [
    mainSheet(),
    { name: 'Ẩn', state: 'hidden', cells: [{ row: 0, col: 0, value: 'Bí mật' }] },
    { name: 'Rất ẩn', state: 'veryHidden', cells: [{ row: 0, col: 0, value: 'Rất bí mật' }] },
  ];
}

/** The main sheet's first rows as text (the boolean is checked on its own). */
const EXPECTED_ROWS: string[][] = [
  ['STT', 'Mã đơn vị', 'Tên đơn vị', 'Ghi chú', ''],
  ['1', 'Café crème', 'Trường THCS Nguyễn Du', 'Đã kiểm tra', ''],
  ['2', '3', '1.25', '-40000', ''],
  ['-5', '3.14159', '123456789.5', '42', ''],
  ['(boolean)', '#DIV/0!', 'Café', 'Nguyễn Văn A', ''],
];

// ---------------------------------------------------------------------------------------------

describe('the test .xls writer, read back by the book', () => {
  it('writes a version 3 compound file header', () => {
    const file = xlsBytes(book());
    expect(file.subarray(0, 8)).toEqual(Buffer.from('d0cf11e0a1b11ae1', 'hex'));
    expect(file.readUInt16LE(24)).toBe(0x003e);
    expect(file.readUInt16LE(26)).toBe(0x0003);
    expect(file.readUInt16LE(28)).toBe(0xfffe);
    expect(file.readUInt16LE(30)).toBe(9);
    expect(file.readUInt16LE(32)).toBe(6);
    expect(file.readUInt32LE(40)).toBe(0); // directory sector count: 0 in version 3
    expect(file.readUInt32LE(56)).toBe(4096);
    expect(file.readUInt32LE(68)).toBe(ENDOFCHAIN); // no DIFAT sectors
    expect((file.length - 512) % 512).toBe(0);
    const cfb = readCfb(file);
    const fatSectors = file.readUInt32LE(44);
    const declared = u32s(file.subarray(76, 512));
    expect(declared.slice(fatSectors).every((entry) => entry === FREESECT)).toBe(true);
    for (const at of declared.slice(0, fatSectors)) expect(cfb.fat[at]).toBe(FATSECT);
    expect(cfb.fat.length).toBeGreaterThanOrEqual((file.length - 512) / 512);
  });

  it('puts a small Workbook stream in the mini stream, with the root entry holding the mini stream', () => {
    const file = xlsBytes(book());
    const cfb = readCfb(file);
    const [root, ...streams] = cfb.entries.filter((entry) => entry.type !== 0);
    expect(root).toMatchObject({ name: 'Root Entry', type: 5 });
    expect(streams.map((entry) => [entry.name, entry.type])).toEqual([['Workbook', 2]]);
    const workbook = streams[0]!;
    expect(workbook.size).toBeLessThan(4096);
    expect(cfb.inMiniStream(workbook)).toBe(true);
    expect(root!.size).toBe(Math.ceil(workbook.size / 64) * 64);
    expect(cfb.miniFat.length).toBeGreaterThan(0);
    const bof = cfb.stream('Workbook');
    expect([bof.readUInt16LE(0), bof.readUInt16LE(4), bof.readUInt16LE(6)]).toEqual([0x0809, 0x0600, 0x0005]);
  });

  it('puts large streams in regular sectors, over several FAT sectors and directory sectors', () => {
    const cells: XlsCell[] = [];
    for (let row = 0; row < 3000; row++) {
      cells.push({ row, col: 0, value: `Đơn vị số ${row}` }, { row, col: 1, value: row * 1.5 });
    }
    const extraStreams = [
      { name: '\u0005SummaryInformation', data: Buffer.alloc(300, 1) },
      { name: '\u0005DocumentSummaryInformation', data: Buffer.alloc(5000, 2) },
      ...Array.from({ length: 6 }, (_, i) => ({ name: `Extra ${i}`, data: Buffer.alloc(100 + i * 1500, 3 + i) })),
    ];
    const file = xlsBytes([{ name: 'Lớn', cells }], { extraStreams });
    const cfb = readCfb(file);
    expect(file.readUInt32LE(44)).toBeGreaterThan(1);
    expect(cfb.entries.length / 4).toBeGreaterThan(1);
    const workbook = cfb.entries.find((entry) => entry.name === 'Workbook')!;
    expect(cfb.inMiniStream(workbook)).toBe(false);
    const stream = cfb.stream('Workbook');
    expect(stream.length).toBe(workbook.size);
    const records = biffRecords(stream);
    expect(records.at(-1)!.type).toBe(0x000a);
    expect(readSst(records).strings).toHaveLength(3000);
    for (const { name, data } of extraStreams) expect(cfb.stream(name)).toEqual(data);
  });

  it('links the directory as a red-black tree in [MS-CFB] name order', () => {
    for (let count = 1; count <= 20; count++) {
      const names = Array.from({ length: count }, (_, i) =>
        i % 3 === 0 ? `s${i}` : `Stream-${String.fromCharCode(90 - i)}`,
      );
      const file = xlsBytes([{ name: 'A', cells: [] }], {
        extraStreams: names.map((name) => ({ name, data: Buffer.from(name) })),
      });
      const cfb = readCfb(file);
      const root = cfb.entries[0]!;
      const byId = (id: number): DirEntry => cfb.entries[id]!;
      const inOrder: string[] = [];
      const blackHeights = new Set<number>();
      const walk = (id: number, blacks: number, parentRed: boolean): void => {
        if (id === NOSTREAM) {
          blackHeights.add(blacks);
          return;
        }
        const node = byId(id);
        expect(parentRed && !node.black).toBe(false);
        walk(node.left, blacks + (node.black ? 1 : 0), !node.black);
        inOrder.push(node.name);
        walk(node.right, blacks + (node.black ? 1 : 0), !node.black);
      };
      expect(byId(root.child).black).toBe(true);
      walk(root.child, 0, false);
      expect(blackHeights.size).toBe(1);
      expect(inOrder).toEqual(['Workbook', ...names].sort(cfbNameOrder));
    }
  });

  it('writes the globals: BOF, FILEPASS when asked, CODEPAGE, DATEMODE, ≥ 5 fonts, ≥ 16 XFs, sheets at their BOF', () => {
    const file = xlsBytes(book(), { encrypted: true, date1904: true });
    const stream = readCfb(file).stream('Workbook');
    const records = biffRecords(stream);
    expect(records.slice(0, 3).map((record) => record.type)).toEqual([0x0809, 0x002f, 0x0042]);
    expect(records[1]!.data.readUInt16LE(0)).toBe(1); // RC4
    expect(records[2]!.data.readUInt16LE(0)).toBe(1200);
    expect(records.find((record) => record.type === 0x0022)!.data.readUInt16LE(0)).toBe(1);
    const fonts = records.filter((record) => record.type === 0x0031);
    expect(fonts.length).toBeGreaterThanOrEqual(5);
    const fontName = (data: Buffer): string => data.toString(data[15] ? 'utf16le' : 'latin1', 16);
    expect(fonts.map((record) => fontName(record.data))).toEqual(
      expect.arrayContaining(['Arial', '.VnTime', 'VNI-Times', 'Times New Roman']),
    );
    expect(records.filter((record) => record.type === 0x00e0).length).toBeGreaterThanOrEqual(17);
    const formats = records.filter((record) => record.type === 0x041e).map((record) => record.data.readUInt16LE(0));
    expect(Math.min(...formats)).toBeGreaterThanOrEqual(164);

    const sheets = records.filter((record) => record.type === 0x0085);
    expect(sheets.map((record) => [record.data[4], record.data[5]])).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
    ]);
    for (const sheet of sheets) {
      const at = sheet.data.readUInt32LE(0);
      expect([stream.readUInt16LE(at), stream.readUInt16LE(at + 4), stream.readUInt16LE(at + 6)]).toEqual([
        0x0809, 0x0600, 0x0010,
      ]);
    }
  });

  it('writes each kind of cell record', () => {
    const records = biffRecords(readCfb(xlsBytes(book())).stream('Workbook'));
    const types = new Set(records.map((record) => record.type));
    for (const type of [0x00fd, 0x0204, 0x0203, 0x027e, 0x00bd, 0x0006, 0x0207, 0x0205, 0x00e5, 0x0208, 0x00d7]) {
      expect(types.has(type), `record 0x${type.toString(16)}`).toBe(true);
    }
    const mulRk = records.find((record) => record.type === 0x00bd)!.data;
    const values = [0, 1, 2, 3].map((i) => rkValue(mulRk.readUInt32LE(6 + i * 6)));
    expect([mulRk.readUInt16LE(0), mulRk.readUInt16LE(2), mulRk.readUInt16LE(mulRk.length - 2)]).toEqual([2, 0, 3]);
    expect(values).toEqual([2, 3, 1.25, -40000]);
    const formulaString = records.findIndex(
      (record) => record.type === 0x0006 && record.data.readUInt16LE(12) === 0xffff,
    );
    expect(records[formulaString]!.data[6]).toBe(0); // string result…
    expect(records[formulaString + 1]!.type).toBe(0x0207); // …given by the STRING record that follows
  });

  it('encodes RK values exactly or not at all', () => {
    for (const value of [0, 1, -5, 536870911, -536870912, 1.25, -0.07, 123456.78, 0.5, 1024.75, 2 ** 40]) {
      const rk = rkOf(value);
      expect(rk, String(value)).toBeDefined();
      expect(rkValue(rk!)).toBe(value);
    }
    for (const value of [1 / 3, Math.PI, 123456789.123, 2 ** 40 + 0.1]) expect(rkOf(value)).toBeUndefined();
  });

  it('splits the SST over CONTINUE records: inside characters with a fresh option byte, and before the runs', () => {
    const sheets = book();
    const whole = readSst(biffRecords(readCfb(xlsBytes(sheets)).stream('Workbook')));
    const records = biffRecords(readCfb(xlsBytes(sheets, { maxRecordData: 50 })).stream('Workbook'));
    const split = readSst(records);
    expect(split.strings).toEqual(whole.strings);
    expect(split.total).toBe(whole.total);
    expect(whole.strings.map((entry) => entry.text)).toContain(LONG_TEXT);
    expect(whole.strings.filter((entry) => entry.text === 'Café crème')).toHaveLength(1);
    expect(split.splitInCharacters).toBeGreaterThan(3);
    for (const record of records.filter((r) => r.type === 0x00fc || r.type === 0x003c)) {
      expect(record.data.length).toBeLessThanOrEqual(50);
    }

    // The 37 characters end the SST record exactly: the runs open the CONTINUE, with no option byte.
    const boundary = readSst(
      biffRecords(
        readCfb(xlsBytes([{ name: 'A', cells: [RUNS_AT_BOUNDARY] }], { maxRecordData: 50 })).stream('Workbook'),
      ),
    );
    expect(boundary.splitBeforeRuns).toBe(1);
    expect(boundary.strings).toEqual([
      {
        text: RUNS_AT_BOUNDARY.value,
        runs: [
          [0, 6],
          [23, 7],
        ],
      },
    ]);
  });

  it('writes a BIFF5 Book stream when asked', () => {
    const file = xlsBytes([{ name: 'Sheet1', cells: [{ row: 0, col: 0, value: 'Café €' }] }], { biff5: true });
    const cfb = readCfb(file);
    expect(cfb.entries.filter((entry) => entry.type === 2).map((entry) => entry.name)).toEqual(['Book']);
    const book5 = cfb.stream('Book');
    expect([book5.readUInt16LE(0), book5.readUInt16LE(4), book5.readUInt16LE(6)]).toEqual([0x0809, 0x0500, 0x0005]);
    expect(() => xlsBytes([{ name: 'A', cells: [{ row: 0, col: 0, value: 'Cũ' }] }], { biff5: true })).toThrow(/1252/);
  });

  it('refuses what it cannot write honestly', () => {
    expect(() => xlsBytes([])).toThrow();
    expect(() =>
      xlsBytes([
        {
          name: 'A',
          cells: [
            { row: 0, col: 0, value: 1 },
            { row: 0, col: 0, value: 2 },
          ],
        },
      ]),
    ).toThrow(/two cells/);
    expect(() =>
      xlsBytes([{ name: 'A', cells: [{ row: 0, col: 0, value: 'ab', runs: [{ text: 'a', font: 'X' }] }] }]),
    ).toThrow(/runs/);
    expect(() =>
      xlsBytes([{ name: 'A', cells: [{ row: 0, col: 0, value: 'a'.repeat(9000), asLabel: true }] }]),
    ).toThrow(/8224/);
    expect(() => xlsBytes([{ name: 'A', cells: [{ row: 0, col: 0, value: { error: 3 } }] }])).toThrow(/error code/);
  });
});

// ---------------------------------------------------------------------------------------------
// LibreOffice as an independent reader (skipped where it is not installed, as on CI)

function findSoffice(): string | undefined {
  const dirs = (process.env['PATH'] ?? '').split(path.delimiter).filter(Boolean);
  return [...dirs, '/usr/bin', '/usr/local/bin', '/opt/libreoffice/program']
    .map((dir) => path.join(dir, 'soffice'))
    .find((candidate) => fs.existsSync(candidate));
}

/** RFC 4180 rows (LibreOffice quotes fields with commas, quotes or line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n') {
      rows.push([...row, field.replace(/\r$/, '')]);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe('the test .xls writer, read by LibreOffice', () => {
  const soffice = findSoffice();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xls-writer-'));
  const files = {
    plain: xlsBytes(book()),
    split: xlsBytes(book(), { maxRecordData: 50 }),
    big: xlsBytes(
      [
        {
          name: 'Lớn',
          cells: Array.from({ length: 2000 }, (_, row): XlsCell => ({ row, col: 0, value: `Đơn vị ${row}` })),
        },
      ],
      { maxRecordData: 100 },
    ),
    old: xlsBytes(
      [
        {
          name: 'Sheet1',
          cells: [
            { row: 0, col: 0, value: 'Café €' },
            { row: 0, col: 1, value: 12.5 },
          ],
        },
      ],
      {
        biff5: true,
      },
    ),
    dates1904: xlsBytes([{ name: 'A', cells: [{ row: 0, col: 0, value: 36526, numFmt: 'yyyy-mm-dd' }] }], {
      date1904: true,
    }),
  };
  const csv = (file: keyof typeof files, sheet: string, first: boolean): string[][] | undefined => {
    const perSheet = path.join(dir, 'csv', `${file}-${sheet}.csv`);
    const single = path.join(dir, 'csv', `${file}.csv`);
    // Versions without the all-sheets option write the first sheet only, under the file's name.
    const chosen = fs.existsSync(perSheet) ? perSheet : first && fs.existsSync(single) ? single : undefined;
    return chosen === undefined ? undefined : parseCsv(fs.readFileSync(chosen, 'utf8'));
  };
  const fods = (file: keyof typeof files): string => fs.readFileSync(path.join(dir, 'fods', `${file}.fods`), 'utf8');

  beforeAll(() => {
    if (!soffice) return;
    const names = Object.entries(files).map(([name, bytes]) => {
      fs.writeFileSync(path.join(dir, `${name}.xls`), bytes);
      return `${name}.xls`;
    });
    const run = (convertTo: string, outdir: string, inputs: string[]): void => {
      execFileSync(
        soffice,
        [
          `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
          '--headless',
          '--convert-to',
          convertTo,
          '--outdir',
          path.join(dir, outdir),
          ...inputs,
        ],
        { cwd: dir, stdio: 'ignore', timeout: 120_000 },
      );
    };
    run('csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', 'csv', names);
    run('fods', 'fods', ['plain.xls', 'split.xls', 'dates1904.xls']);
  }, 180_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads back Unicode and Latin-1 strings, numbers, RK and MULRK, formula results, booleans and errors', () => {
    if (!soffice) return;
    for (const file of ['plain', 'split'] as const) {
      const rows = csv(file, 'Danh sách', true)!;
      // LibreOffice exports a BOOLERR TRUE by its value, 1, or as TRUE depending on the version.
      expect(['1', 'TRUE']).toContain(rows[4]![0]);
      rows[4]![0] = '(boolean)';
      expect(rows.slice(0, 5).map((row) => row.slice(0, 5))).toEqual(EXPECTED_ROWS);
      expect(rows[5]![0]).toBe('7');
      expect(rows[5]![2]).toBe('Phòng GD&ĐT');
      expect(rows[5]![3]).toBe(RUNS_AT_BOUNDARY.value);
      expect(rows[6]![0]).toBe(LONG_TEXT);
      expect(rows[7]![0]).toBe('Báo cáo tổng hợp');
      expect(rows[40]![2]).toBe('Café crème');
    }
  });

  it('reads every string of a long SST split every 100 bytes', () => {
    if (!soffice) return;
    const rows = csv('big', 'Lớn', true)!;
    expect(rows.slice(0, 2000).map((row) => row[0])).toEqual(Array.from({ length: 2000 }, (_, row) => `Đơn vị ${row}`));
  });

  it('reads the hidden and very hidden sheets as hidden', () => {
    if (!soffice) return;
    for (const file of ['plain', 'split'] as const) {
      const content = fods(file);
      const display = (sheet: string): string | undefined => {
        const style = new RegExp(`<table:table table:name="${sheet}" table:style-name="([^"]+)"`).exec(content)?.[1];
        return new RegExp(`style:name="${style}"[^>]*>\\s*<style:table-properties[^>]*table:display="(\\w+)"`).exec(
          content,
        )?.[1];
      };
      expect([display('Danh sách'), display('Ẩn'), display('Rất ẩn')]).toEqual(['true', 'false', 'false']);
      const hidden = csv(file, 'Ẩn', false);
      if (hidden) expect(hidden[0]![0]).toBe('Bí mật');
    }
  });

  it('reads the merge, the rich-text fonts, the number formats and the dates', () => {
    if (!soffice) return;
    for (const file of ['plain', 'split'] as const) {
      const content = fods(file);
      expect(content).toMatch(/table:number-columns-spanned="4" table:number-rows-spanned="2"/);
      const richCell =
        /<text:p><text:span text:style-name="(T\d+)">([^<]*)<\/text:span><text:span text:style-name="(T\d+)">([^<]*)<\/text:span><\/text:p>/.exec(
          content,
        );
      expect(richCell?.[2]).toBe(RUNS_AT_BOUNDARY.runs![0]!.text);
      expect(richCell?.[4]).toBe(RUNS_AT_BOUNDARY.runs![1]!.text);
      const fontOf = (style: string | undefined): string | undefined =>
        new RegExp(
          `style:name="${style}" style:family="text">\\s*<style:text-properties[^>]*?style:font-name="([^"]+)"`,
        ).exec(content)?.[1];
      expect([fontOf(richCell?.[1]), fontOf(richCell?.[3])]).toEqual(['.VnTime', 'Times New Roman']);
      expect(content).toMatch(/office:date-value="2023-03-15"/);
      expect(content).toMatch(/number:min-integer-digits="3"/);
      expect(content).toMatch(/style:font-name="VNI-Times"/);
    }
    expect(fods('dates1904')).toMatch(/office:date-value="2004-01-02"/);
  });

  it('reads the BIFF5 file', () => {
    if (!soffice) return;
    expect(csv('old', 'Sheet1', true)![0]).toEqual(['Café €', '12.5']);
  });
});
