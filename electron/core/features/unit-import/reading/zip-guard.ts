import zlib from 'node:zlib';
import { IMPORT_LIMITS } from '../../../../../shared/domain/unit-import';
import { importError } from '../import-errors';

/**
 * An .xlsx is a zip. Before exceljs parses one, its central directory is read and every entry
 * inflated once through a stream that counts bytes (and the `<row>` elements of each sheet):
 * a zip bomb, an entry lying about its size, or a million-row sheet is refused there, after
 * reading at most the limits, never the whole expansion.
 */

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ONE_MB = 1024 * 1024;

function findEndOfCentralDirectory(buffer: Buffer): number {
  const earliest = Math.max(0, buffer.length - 22 - 0xffff);
  for (let offset = buffer.length - 22; offset >= earliest; offset -= 1) {
    if (buffer.readUInt32LE(offset) === EOCD_SIGNATURE) return offset;
  }
  return -1;
}

/** The entries of a zip, from its central directory. Throws a clear error for a damaged file. */
export function readCentralDirectory(buffer: Buffer, fileName: string): ZipEntry[] {
  const corrupt = () => importError('zipCorrupt', { file: fileName });
  if (buffer.length < 22) throw corrupt();
  const eocd = findEndOfCentralDirectory(buffer);
  if (eocd < 0) throw corrupt();
  const total = buffer.readUInt16LE(eocd + 10);
  const size = buffer.readUInt32LE(eocd + 12);
  const start = buffer.readUInt32LE(eocd + 16);
  if (total === 0xffff || start === 0xffffffff || size === 0xffffffff) {
    // ZIP64: only needed past 65,535 entries or 4 GB, far beyond any unit list.
    throw importError('zipTooBig', { file: fileName });
  }
  if (total > IMPORT_LIMITS.maxZipEntries) {
    throw importError('zipTooManyEntries', { file: fileName, limit: IMPORT_LIMITS.maxZipEntries });
  }
  if (start + size > eocd) throw corrupt();
  const entries: ZipEntry[] = [];
  let offset = start;
  for (let index = 0; index < total; index += 1) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== CENTRAL_SIGNATURE) throw corrupt();
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    if (offset + 46 + nameLength > buffer.length) throw corrupt();
    entries.push({
      flags: buffer.readUInt16LE(offset + 8),
      method: buffer.readUInt16LE(offset + 10),
      compressedSize: buffer.readUInt32LE(offset + 20),
      uncompressedSize: buffer.readUInt32LE(offset + 24),
      localHeaderOffset: buffer.readUInt32LE(offset + 42),
      name: buffer.toString('utf8', offset + 46, offset + 46 + nameLength),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The checks that need only the directory: counts, declared sizes, ratios, encryption. */
export function checkDeclaredLimits(entries: ZipEntry[], fileName: string): void {
  let declared = 0;
  for (const entry of entries) {
    if ((entry.flags & 0x1) !== 0) throw importError('encrypted', { file: fileName });
    if (entry.method !== 0 && entry.method !== 8) throw importError('zipCorrupt', { file: fileName });
    declared += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > ONE_MB && ratio > IMPORT_LIMITS.maxCompressionRatio) {
      throw importError('zipBomb', { file: fileName });
    }
  }
  if (declared > IMPORT_LIMITS.maxUncompressedBytes) throw importError('zipBomb', { file: fileName });
}

export function entryData(buffer: Buffer, entry: ZipEntry, fileName: string): Buffer {
  const offset = entry.localHeaderOffset;
  if (offset + 30 > buffer.length || buffer.readUInt32LE(offset) !== LOCAL_SIGNATURE) {
    throw importError('zipCorrupt', { file: fileName });
  }
  const start = offset + 30 + buffer.readUInt16LE(offset + 26) + buffer.readUInt16LE(offset + 28);
  const end = start + entry.compressedSize;
  if (end > buffer.length) throw importError('zipCorrupt', { file: fileName });
  return buffer.subarray(start, end);
}

const ROW_TAG = /<(?:[A-Za-z_][\w.-]*:)?row[\s>/]/g;

const TAIL_CHARS = 32;

function countNewTags(text: string, seen: number): number {
  let count = 0;
  ROW_TAG.lastIndex = 0;
  for (let match = ROW_TAG.exec(text); match !== null; match = ROW_TAG.exec(text)) {
    if (match.index + match[0].length > seen) count += 1;
  }
  return count;
}

function isWorksheet(name: string): boolean {
  return /^xl\/worksheets\/[^/]+\.xml$/i.test(name);
}

/**
 * Inflates one entry as a stream, counting what comes out; stops (and refuses the file) as
 * soon as the entry passes its declared size or a sheet passes the row limit.
 */
export function verifyEntry(buffer: Buffer, entry: ZipEntry, fileName: string): Promise<number> {
  const data = entryData(buffer, entry, fileName);
  const countRows = isWorksheet(entry.name);
  if (entry.method === 0) {
    if (data.length !== entry.uncompressedSize) return Promise.reject(importError('zipCorrupt', { file: fileName }));
    const rows = countRows ? countNewTags(data.toString('latin1'), 0) : 0;
    if (rows > IMPORT_LIMITS.maxSheetRowElements) {
      return Promise.reject(importError('tooManyRows', { file: fileName, limit: IMPORT_LIMITS.maxRows }));
    }
    return Promise.resolve(data.length);
  }
  return new Promise((resolve, reject) => {
    const inflater = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
    let produced = 0;
    let rows = 0;
    let tail = '';
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      inflater.destroy();
      reject(error);
    };
    inflater.on('data', (chunk: Buffer) => {
      produced += chunk.length;
      if (produced > entry.uncompressedSize) return fail(importError('zipBomb', { file: fileName }));
      if (countRows) {
        // The tail of the previous chunk is scanned again so a tag split between two chunks is
        // found; a match lying wholly inside that tail was counted the first time.
        const text = tail + chunk.toString('latin1');
        rows += countNewTags(text, tail.length);
        tail = text.slice(-TAIL_CHARS);
        if (rows > IMPORT_LIMITS.maxSheetRowElements) {
          return fail(importError('tooManyRows', { file: fileName, limit: IMPORT_LIMITS.maxRows }));
        }
      }
      return undefined;
    });
    inflater.on('error', () => fail(importError('zipCorrupt', { file: fileName })));
    inflater.on('end', () => {
      if (settled) return;
      settled = true;
      if (produced !== entry.uncompressedSize) reject(importError('zipCorrupt', { file: fileName }));
      else resolve(produced);
    });
    inflater.end(data);
  });
}

/** Every check on an .xlsx zip, before any XML is parsed. Returns the entry names. */
export async function guardXlsxZip(buffer: Buffer, fileName: string): Promise<string[]> {
  const entries = readCentralDirectory(buffer, fileName);
  checkDeclaredLimits(entries, fileName);
  const names = entries.map((entry) => entry.name);
  const lower = new Set(names.map((name) => name.toLowerCase()));
  if (!lower.has('xl/workbook.xml')) {
    if (lower.has('content.xml') && lower.has('mimetype')) throw importError('ods', { file: fileName });
    if (lower.has('word/document.xml')) throw importError('wordDocument', { file: fileName });
    throw importError('notSpreadsheet', { file: fileName });
  }
  let total = 0;
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    total += await verifyEntry(buffer, entry, fileName);
    if (total > IMPORT_LIMITS.maxUncompressedBytes) throw importError('zipBomb', { file: fileName });
  }
  return names;
}
