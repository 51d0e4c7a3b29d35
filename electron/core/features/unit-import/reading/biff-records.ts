/**
 * The record layer of a BIFF8 workbook stream (MS-XLS 2.1.4): records of [type, length, data]
 * of at most 8,224 bytes, a long record carried on in CONTINUE records. Strings (MS-XLS
 * 2.5.293–2.5.294) are one byte per character ("compressed", U+0000–U+00FF) or UTF-16LE; when
 * a string's characters run into a CONTINUE record, that record starts with a fresh option
 * byte saying which of the two the rest uses. Reads past the data end in `BiffError`.
 */

export const RECORD = {
  bof: 0x0809,
  eof: 0x000a,
  continue: 0x003c,
  filePass: 0x002f,
  dateMode: 0x0022,
  font: 0x0031,
  format: 0x041e,
  xf: 0x00e0,
  boundSheet: 0x0085,
  sst: 0x00fc,
  labelSst: 0x00fd,
  label: 0x0204,
  rString: 0x00d6,
  number: 0x0203,
  rk: 0x027e,
  mulRk: 0x00bd,
  formula: 0x0006,
  string: 0x0207,
  boolErr: 0x0205,
  mergeCells: 0x00e5,
} as const;

export class BiffError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BiffError';
  }
}

export interface BiffRecord {
  type: number;
  /** Where the record's header starts in the stream (BOUNDSHEET8 points at these). */
  offset: number;
  data: Buffer;
  /** The data of the CONTINUE records that follow it. */
  continues: Buffer[];
}

/**
 * Every record from `start` on, with its CONTINUE records gathered. A record cut short by the
 * end of the stream ends the walk (a truncated file reads as far as it goes).
 */
export function* records(stream: Buffer, start: number): Generator<BiffRecord> {
  let offset = start;
  let pending: BiffRecord | null = null;
  while (offset + 4 <= stream.length) {
    const type = stream.readUInt16LE(offset);
    const length = stream.readUInt16LE(offset + 2);
    const end = offset + 4 + length;
    if (end > stream.length) break;
    const data = stream.subarray(offset + 4, end);
    if (type === RECORD.continue && pending) {
      pending.continues.push(data);
    } else {
      if (pending) yield pending;
      pending = { type, offset, data, continues: [] };
    }
    offset = end;
  }
  if (pending) yield pending;
}

/** Reads through a record and its CONTINUE records as one run of bytes, except inside strings. */
export class RecordCursor {
  private readonly segments: Buffer[];
  private segment = 0;
  private position = 0;

  constructor(record: BiffRecord, skip = 0) {
    this.segments = [record.data, ...record.continues];
    this.skip(skip);
  }

  private current(): Buffer {
    let buffer = this.segments[this.segment];
    while (buffer && this.position >= buffer.length && this.segment < this.segments.length - 1) {
      this.segment += 1;
      this.position = 0;
      buffer = this.segments[this.segment];
    }
    if (!buffer || this.position >= buffer.length) throw new BiffError('read past the end of a record');
    return buffer;
  }

  get atEnd(): boolean {
    for (let index = this.segment; index < this.segments.length; index += 1) {
      const length = this.segments[index]!.length;
      if ((index === this.segment ? this.position : 0) < length) return false;
    }
    return true;
  }

  u8(): number {
    const buffer = this.current();
    const value = buffer[this.position]!;
    this.position += 1;
    return value;
  }

  u16(): number {
    return this.u8() | (this.u8() << 8);
  }

  u32(): number {
    return (this.u16() + this.u16() * 0x10000) >>> 0;
  }

  f64(): number {
    const bytes = Buffer.alloc(8);
    for (let index = 0; index < 8; index += 1) bytes[index] = this.u8();
    return bytes.readDoubleLE(0);
  }

  skip(count: number): void {
    let left = count;
    while (left > 0) {
      const buffer = this.current();
      const step = Math.min(left, buffer.length - this.position);
      this.position += step;
      left -= step;
    }
  }

  /** `count` characters, one or two bytes each; a CONTINUE record in between restates the width. */
  chars(count: number, highByte: boolean): string {
    const parts: string[] = [];
    let left = count;
    let wide = highByte;
    while (left > 0) {
      let buffer = this.segments[this.segment]!;
      if (this.position >= buffer.length) {
        if (this.segment >= this.segments.length - 1) throw new BiffError('string runs past the end of a record');
        this.segment += 1;
        this.position = 0;
        buffer = this.segments[this.segment]!;
        wide = ((buffer[0] ?? 0) & 0x01) === 1;
        this.position = 1;
      }
      const width = wide ? 2 : 1;
      const available = Math.floor((buffer.length - this.position) / width);
      if (available === 0) {
        if (this.position < buffer.length) throw new BiffError('half a character at the end of a record');
        continue;
      }
      const take = Math.min(left, available);
      const slice = buffer.subarray(this.position, this.position + take * width);
      parts.push(wide ? slice.toString('utf16le') : slice.toString('latin1'));
      this.position += take * width;
      left -= take;
    }
    return parts.join('');
  }

  /** An XLUnicodeString: 16-bit length, option byte, characters. */
  unicodeString(): string {
    const count = this.u16();
    const flags = this.u8();
    return this.chars(count, (flags & 0x01) === 1);
  }

  /** A ShortXLUnicodeString: 8-bit length (sheet and font names). */
  shortUnicodeString(): string {
    const count = this.u8();
    const flags = this.u8();
    return this.chars(count, (flags & 0x01) === 1);
  }
}

/** A rich-text run: from character `start` on, the text uses font `font` (an index as in XF). */
export interface FormatRun {
  start: number;
  font: number;
}

export interface RichString {
  text: string;
  runs: FormatRun[];
}

/** An XLUnicodeRichExtendedString (the shared strings table): text, its runs, phonetic data skipped. */
export function richString(cursor: RecordCursor): RichString {
  const count = cursor.u16();
  const flags = cursor.u8();
  const runCount = flags & 0x08 ? cursor.u16() : 0;
  const extraBytes = flags & 0x04 ? cursor.u32() : 0;
  const text = cursor.chars(count, (flags & 0x01) === 1);
  const runs: FormatRun[] = [];
  for (let index = 0; index < runCount; index += 1) runs.push({ start: cursor.u16(), font: cursor.u16() });
  cursor.skip(extraBytes);
  return { text, runs };
}

/** An RK number (MS-XLS 2.5.217): a 30-bit integer or the top of a double, maybe ×100. */
export function rkNumber(rk: number): number {
  let value: number;
  if (rk & 0x02) {
    value = (rk | 0) >> 2;
  } else {
    const bytes = Buffer.alloc(8);
    bytes.writeUInt32LE((rk & 0xfffffffc) >>> 0, 4);
    value = bytes.readDoubleLE(0);
  }
  return rk & 0x01 ? value / 100 : value;
}
