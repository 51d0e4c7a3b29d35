import fs from 'node:fs';
import { once } from 'node:events';
import { createGunzip, createGzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import type { SqlValue } from '../../db/columns';
import { AppError } from '../../kernel/errors';
import {
  PACKAGE_LIMITS,
  endLineSchema,
  packageHeaderSchema,
  tableLineSchema,
  type PackageHeader,
} from './transfer-format';

/** One table of a package being written: its columns and its rows, in that order. */
export interface TableSource {
  table: string;
  columns: readonly string[];
  rows: Iterable<SqlValue[]>;
}

/** Characters of lines handed to gzip at once. */
const BATCH = 256 * 1024;

/**
 * Writes a package payload (see transfer-format.ts) to `file`: gzip of newline-separated JSON.
 * Answers the number of rows written.
 */
export async function writePayload(
  file: string,
  header: PackageHeader,
  tables: Iterable<TableSource>,
): Promise<number> {
  const gzip = createGzip({ level: 6 });
  const out = fs.createWriteStream(file, { flags: 'wx' });
  gzip.pipe(out);
  const closed = once(out, 'close');
  const failed = new Promise<never>((_, reject) => {
    out.once('error', reject);
    gzip.once('error', reject);
  });
  // Lines are gathered into pieces of about BATCH characters: gzip and the stream then work on
  // a few hundred pieces instead of one call per row.
  let batch = '';
  const flush = async () => {
    const piece = batch;
    batch = '';
    if (piece !== '' && !gzip.write(piece)) await Promise.race([once(gzip, 'drain'), failed]);
  };
  const write = async (line: string) => {
    batch += `${line}\n`;
    if (batch.length >= BATCH) await flush();
  };
  let rows = 0;
  await write(JSON.stringify(header));
  for (const source of tables) {
    await write(JSON.stringify({ table: source.table, columns: source.columns }));
    for (const row of source.rows) {
      await write(JSON.stringify(row));
      rows += 1;
    }
  }
  await write(JSON.stringify({ end: true, rows }));
  await flush();
  gzip.end();
  await Promise.race([closed, failed]);
  return rows;
}

export type PayloadEntry = { kind: 'table'; table: string; columns: string[] } | { kind: 'row'; values: unknown[] };

/** A damaged package; `reason` is for the log, the sentence says what a person can do. */
function broken(reason: 'truncated' | 'notPackage' | 'damaged', cause?: unknown): AppError {
  const key = reason === 'damaged' ? 'broken' : reason;
  return new AppError('transfer.broken', { messageKey: `transfer.errors.${key}`, cause });
}

/**
 * Lines of a stream, each at most `maxBytes`, as strings (a longer one is a broken package); a
 * chunk's lines at a time, so a package of a million rows is not a million awaits.
 */
async function* lines(stream: Readable, maxBytes: number, maxTotal: number): AsyncGenerator<string[]> {
  let pending: Buffer | null = null;
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxTotal) throw broken('damaged');
    const data: Buffer = pending ? Buffer.concat([pending, chunk]) : chunk;
    // Split on the bytes (a newline byte is never inside a letter of two or three bytes) and
    // decode each line alone: a line of ids and numbers then stays a one-byte string, which
    // JSON.parse reads twice as fast as a slice of a chunk holding one Vietnamese letter.
    const batch: string[] = [];
    let start = 0;
    for (let at = data.indexOf(10); at >= 0; at = data.indexOf(10, start)) {
      batch.push(data.toString('utf8', start, at));
      start = at + 1;
    }
    pending = start < data.length ? data.subarray(start) : null;
    if (batch.length > 0) yield batch;
    if (pending && pending.length > maxBytes) throw broken('damaged');
  }
  if (pending) yield [pending.toString('utf8')];
}

/** zlib says the bytes are not gzip at all (rather than cut short). */
function isGzipError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR' ? code === 'Z_DATA_ERROR' : false;
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch (error) {
    throw broken('notPackage', error);
  }
}

/**
 * Reads a package payload: its header, then its tables and rows as they come, bounded in line
 * length, total size and row count; the end line must come last and count every row (a cut-short
 * package is refused). Values are checked by the caller against the table's columns.
 */
export async function readPayload(
  file: string,
  onHeader: (header: PackageHeader) => void,
  onEntry: (entry: PayloadEntry) => void,
): Promise<{ rows: number }> {
  const source = fs.createReadStream(file);
  const gunzip = createGunzip({ chunkSize: 256 * 1024 });
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  let header: PackageHeader | null = null;
  let rows = 0;
  let ended = false;
  let inTable = false;
  try {
    for await (const batch of lines(gunzip, PACKAGE_LIMITS.maxLineBytes, PACKAGE_LIMITS.maxUnpackedBytes)) {
      for (const line of batch) {
        if (ended) throw broken('damaged');
        const value = parseJson(line);
        if (header === null) {
          const parsed = packageHeaderSchema.safeParse(value);
          if (!parsed.success) throw broken('notPackage');
          header = parsed.data;
          onHeader(header);
          continue;
        }
        if (Array.isArray(value)) {
          if (!inTable) throw broken('damaged');
          rows += 1;
          if (rows > PACKAGE_LIMITS.rows) throw broken('damaged');
          onEntry({ kind: 'row', values: value });
          continue;
        }
        const end = endLineSchema.safeParse(value);
        if (end.success) {
          if (end.data.rows !== rows) throw broken('truncated');
          ended = true;
          continue;
        }
        const table = tableLineSchema.safeParse(value);
        if (!table.success) throw broken('damaged');
        inTable = true;
        onEntry({ kind: 'table', table: table.data.table, columns: table.data.columns });
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw broken(isGzipError(error) ? 'notPackage' : 'truncated', error);
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  if (header === null) throw broken('notPackage');
  if (!ended) throw broken('truncated');
  return { rows };
}
