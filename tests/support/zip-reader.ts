import zlib from 'node:zlib';
import { expect } from 'vitest';

/**
 * A ZIP archive read by the book (end record, central directory, local headers, data
 * descriptors), every offset, size and CRC checked on the way: the tests' independent reader
 * of what the app's ZIP writer makes. Deflated entries only, as the writer makes them.
 */

export interface ReadEntry {
  name: string;
  flags: number;
  content: Buffer;
}

export function readZip(bytes: Buffer): ReadEntry[] {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBeGreaterThan(0);
  expect(end + 22).toBe(bytes.length);
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  expect(at + bytes.readUInt32LE(end + 12)).toBe(end);
  const entries: ReadEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    expect(bytes.readUInt32LE(at)).toBe(0x02014b50);
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const crc = bytes.readUInt32LE(at + 16);
    const compressed = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    const offset = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + nameLength + extra + comment;
    // The local header names the same entry; its data follows, then the data descriptor.
    expect(bytes.readUInt32LE(offset)).toBe(0x04034b50);
    const localName = bytes.readUInt16LE(offset + 26);
    const localExtra = bytes.readUInt16LE(offset + 28);
    expect(bytes.subarray(offset + 30, offset + 30 + localName).toString('utf8')).toBe(name);
    const dataStart = offset + 30 + localName + localExtra;
    expect(method).toBe(8);
    const content = zlib.inflateRawSync(bytes.subarray(dataStart, dataStart + compressed));
    expect(content.length).toBe(size);
    expect(zlib.crc32(content)).toBe(crc);
    const descriptor = dataStart + compressed;
    expect(bytes.readUInt32LE(descriptor)).toBe(0x08074b50);
    expect([bytes.readUInt32LE(descriptor + 4), bytes.readUInt32LE(descriptor + 8)]).toEqual([crc, compressed]);
    expect(bytes.readUInt32LE(descriptor + 12)).toBe(size);
    entries.push({ name, flags, content });
  }
  return entries;
}
