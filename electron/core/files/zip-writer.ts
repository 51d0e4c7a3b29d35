import { once } from 'node:events';
import fs from 'node:fs';
import zlib from 'node:zlib';

/**
 * A ZIP archive written to a file as a stream, one entry after another: each entry deflated as
 * its pieces arrive, its CRC and sizes in a data descriptor after its data (so nothing is held
 * back to learn them), names in UTF-8. This is what an Office file (.xlsx) is; a workbook of
 * 200,000 inspections is hundreds of megabytes of XML that need never be in memory at once.
 *
 * Every wait also ends when the file fails (a full disk, a pulled stick): the call rejects with
 * the system's error instead of waiting for a drain that never comes. No ZIP64: an entry or
 * archive past 4 GiB is refused (an export is far below it).
 */

const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
/** Bit 3: CRC and sizes follow the data; bit 11: the name is UTF-8. */
const FLAGS = 0x0008 | 0x0800;
const DEFLATE = 8;
const VERSION = 20;
const LIMIT = 0xffffffff;

interface CentralEntry {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/** MS-DOS time and date of a moment (local time, as ZIP tools read it). */
function dosTime(date: Date): { time: number; date: number } {
  const year = Math.min(Math.max(date.getFullYear(), 1980), 2107);
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

export class ZipWriter {
  private readonly out: fs.WriteStream;
  private readonly entries: CentralEntry[] = [];
  private readonly stamp: { time: number; date: number };
  private offset = 0;
  private failure: Error | null = null;
  /** Rejects once the file fails; raced against every wait. */
  private readonly failed: Promise<never>;
  private open: ZipEntry | null = null;

  constructor(file: string, modified: Date) {
    this.out = fs.createWriteStream(file);
    this.stamp = dosTime(modified);
    this.failed = new Promise<never>((_, reject) => {
      this.out.on('error', (error) => {
        this.failure ??= error;
        reject(this.failure);
      });
    });
    // Raced where it matters; never left unhandled when nobody is waiting.
    this.failed.catch(() => undefined);
  }

  /** Throws the file's error, if writing it has failed, or if the archive grew past 4 GiB. */
  check(): void {
    if (this.failure) throw this.failure;
    if (this.offset > LIMIT) throw new Error('The archive would pass 4 GiB, more than a ZIP without ZIP64 holds.');
  }

  /** Waits for an event of a stream, or the file's failure. */
  async until(emitter: NodeJS.EventEmitter, event: string): Promise<void> {
    this.check();
    await Promise.race([once(emitter, event), this.failed]);
  }

  /** Writes bytes straight to the file (headers), waiting while its buffer is full. */
  async raw(bytes: Buffer): Promise<void> {
    this.check();
    this.counted(bytes.length);
    if (!this.out.write(bytes)) await this.until(this.out, 'drain');
  }

  /** Counts bytes written at the current offset (checked by `check`). */
  counted(length: number): void {
    this.offset += length;
  }

  /** Starts an entry; its pieces go through `write`, and `close` ends it (before the next begins). */
  async begin(name: string): Promise<ZipEntry> {
    if (this.open) throw new Error(`Entry ${this.open.name} is still open.`);
    const nameBytes = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.date, 12);
    // CRC and sizes (14–25) stay zero: the data descriptor carries them.
    header.writeUInt16LE(nameBytes.length, 26);
    const offset = this.offset;
    await this.raw(Buffer.concat([header, nameBytes]));
    this.open = new ZipEntry(this, this.out, name, (entry) => {
      this.entries.push({ name: nameBytes, crc: entry.crc, compressed: entry.compressed, size: entry.size, offset });
      this.open = null;
    });
    return this.open;
  }

  /** A whole entry at once (a small part). */
  async add(name: string, content: string | Buffer): Promise<void> {
    const entry = await this.begin(name);
    await entry.write(typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    await entry.close();
  }

  /** Writes the central directory and closes the file. */
  async finish(): Promise<void> {
    if (this.open) throw new Error(`Entry ${this.open.name} is still open.`);
    this.check();
    const start = this.offset;
    for (const entry of this.entries) {
      const header = Buffer.alloc(46);
      header.writeUInt32LE(CENTRAL_HEADER, 0);
      header.writeUInt16LE(VERSION, 4);
      header.writeUInt16LE(VERSION, 6);
      header.writeUInt16LE(FLAGS, 8);
      header.writeUInt16LE(DEFLATE, 10);
      header.writeUInt16LE(this.stamp.time, 12);
      header.writeUInt16LE(this.stamp.date, 14);
      header.writeUInt32LE(entry.crc, 16);
      header.writeUInt32LE(entry.compressed, 20);
      header.writeUInt32LE(entry.size, 24);
      header.writeUInt16LE(entry.name.length, 28);
      header.writeUInt32LE(entry.offset, 42);
      await this.raw(Buffer.concat([header, entry.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.raw(end);
    this.out.end();
    await this.until(this.out, 'close');
  }

  /**
   * Stops writing after a failure and closes the file, so the caller can remove it (Windows
   * refuses to remove a file still open).
   */
  async abort(): Promise<void> {
    this.open?.abort();
    if (this.out.closed) return;
    const closed = once(this.out, 'close').catch(() => undefined);
    this.out.destroy();
    await closed;
  }
}

/** One entry being written: its pieces are counted into the CRC and deflated to the file. */
export class ZipEntry {
  crc = 0;
  size = 0;
  compressed = 0;
  // Level 1: at 250 MB of XML the deflater is the slowest step; level 6 made the file a
  // quarter smaller for about 2 s more.
  private readonly deflate = zlib.createDeflateRaw({ level: 1 });

  constructor(
    private readonly zip: ZipWriter,
    out: fs.WriteStream,
    readonly name: string,
    private readonly closed: (entry: ZipEntry) => void,
  ) {
    this.deflate.on('data', (chunk: Buffer) => {
      this.compressed += chunk.length;
      zip.counted(chunk.length);
    });
    // The file's own backpressure pauses the deflater, which in turn holds back `write`.
    this.deflate.pipe(out, { end: false });
  }

  /** Adds a piece, waiting while the deflater's buffer is full. */
  async write(bytes: Buffer): Promise<void> {
    this.zip.check();
    this.crc = zlib.crc32(bytes, this.crc);
    this.size += bytes.length;
    if (this.size > LIMIT) throw new Error(`${this.name} would pass 4 GiB, more than a ZIP without ZIP64 holds.`);
    if (!this.deflate.write(bytes)) await this.zip.until(this.deflate, 'drain');
  }

  /** Ends the entry: the rest of its data, then its CRC and sizes. */
  async close(): Promise<void> {
    this.deflate.end();
    await this.zip.until(this.deflate, 'end');
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(DATA_DESCRIPTOR, 0);
    descriptor.writeUInt32LE(this.crc, 4);
    descriptor.writeUInt32LE(this.compressed, 8);
    descriptor.writeUInt32LE(this.size, 12);
    this.closed(this);
    await this.zip.raw(descriptor);
  }

  abort(): void {
    this.deflate.destroy();
  }
}
