import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import type { TestCore } from '../../../support/core-harness';
import { readCentralDirectory } from '../../../../electron/core/features/unit-import/reading/zip-guard';

/** Writes bytes under the test's temp folder and registers them as a chosen file (as the Electron dialog does). */
export function choose(harness: TestCore, name: string, bytes: Uint8Array | string): string {
  const folder = path.join(harness.dir, 'chosen');
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, name);
  fs.writeFileSync(file, bytes);
  return harness.core.files.registerPath(file).fileId;
}

export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A plain one-sheet workbook from rows of values. */
export async function simpleWorkbook(rows: ExcelJS.CellValue[][], sheetName = 'Danh sách'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return workbookBytes(workbook);
}

export interface ZipPart {
  name: string;
  data: Buffer;
  /** 8 = deflate (default), 0 = stored. */
  method?: 0 | 8;
  /** Lie about the uncompressed size in the headers. */
  declaredSize?: number;
}

/** A zip file built byte by byte, so tests can make bombs and liars. */
export function zipOf(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const method = part.method ?? 8;
    const body = method === 8 ? zlib.deflateRawSync(part.data, { level: 9 }) : part.data;
    const name = Buffer.from(part.name, 'utf8');
    const size = part.declaredSize ?? part.data.length;
    const crc = zlib.crc32(part.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`;

/** The parts an .xlsx needs to be recognised, plus one worksheet. */
export function xlsxShell(sheetXml: Buffer, extra: ZipPart[] = []): ZipPart[] {
  return [
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml },
    ...extra,
  ];
}

/** A worksheet of `rows` rows written as raw XML (a million rows without exceljs' memory). */
export function sheetXmlWithRows(rows: number): Buffer {
  const chunks: string[] = ['<worksheet><sheetData>'];
  for (let index = 1; index <= rows; index += 1) {
    chunks.push(`<row r="${index}"><c r="A${index}" t="inlineStr"><is><t>Trường ${index}</t></is></c></row>`);
  }
  chunks.push('</sheetData></worksheet>');
  return Buffer.from(chunks.join(''));
}

/** The start of an OLE2 compound file holding streams with these names (UTF-16LE directory entries). */
export function ole2With(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const entries = streams.map((name) => {
    const entry = Buffer.alloc(128);
    Buffer.from(name, 'utf16le').copy(entry);
    entry.writeUInt16LE((name.length + 1) * 2, 64);
    return entry;
  });
  return Buffer.concat([header, ...entries, Buffer.alloc(1024)]);
}

/** The entries of a (valid) zip, inflated: to mutate a workbook's XML and zip it again. */
export function unzipParts(zip: Buffer): ZipPart[] {
  return readCentralDirectory(zip, 'test.zip').map((entry) => {
    const offset = entry.localHeaderOffset;
    const start = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
    const raw = zip.subarray(start, start + entry.compressedSize);
    return { name: entry.name, data: entry.method === 8 ? zlib.inflateRawSync(raw) : Buffer.from(raw) };
  });
}
