import { createDecipheriv } from 'node:crypto';
import fs from 'node:fs';
import { crc32 } from 'node:zlib';
import {
  CHUNK_LENGTH_BYTES,
  DIGEST_BYTES,
  FORMAT_VERSION,
  MAC_BYTES,
  MAGIC,
  MAX_HEADER_JSON,
  PREAMBLE_BYTES,
  chunkAad,
  chunkNonce,
  headerSchema,
  sealedError,
  sha256,
  tagBytes,
  type SealedHeader,
} from './sealed-format';
import { deriveKeys, headerMac, sameBytes, type SealedKeys } from './sealed-keys';

/** What the header says, readable without the password. */
export interface SealedInfo {
  kind: string;
  encrypted: boolean;
  chunkSize: number;
  /** The whole file, in bytes. */
  size: number;
}

export interface SealedOpenOptions {
  password?: string | null;
  /** Keys already derived (the writer reading its own file back): no second scrypt. */
  keys?: SealedKeys | null;
  /** How the file is named in messages; its path by default. */
  name?: string;
}

interface ParsedHeader {
  header: SealedHeader;
  /** Preamble and JSON: what the MAC covers. */
  bytes: Buffer;
  mac: Buffer;
  /** SHA-256 of the header and the MAC: every chunk's AAD starts with it. */
  digest: Buffer;
  /** Where the chunks start. */
  start: number;
}

/** Reads up to `length` bytes into `buffer` from `position`; answers how many (fewer at the end of the file). */
async function readInto(
  handle: fs.promises.FileHandle,
  buffer: Buffer,
  length: number,
  position: number,
): Promise<number> {
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done;
}

async function readExactly(handle: fs.promises.FileHandle, length: number, position: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(length);
  const done = await readInto(handle, buffer, length, position);
  return done === length ? buffer : buffer.subarray(0, done);
}

/**
 * Reads and checks the header: magic, format version, the SHA-256 of the header and its MAC (so
 * a damaged header, MAC included, is named as damage, never as a wrong password), and only then
 * parses the JSON against a strict schema.
 */
async function readHeader(handle: fs.promises.FileHandle, size: number, name: string): Promise<ParsedHeader> {
  const preamble = await readExactly(handle, PREAMBLE_BYTES, 0);
  if (preamble.length < MAGIC.length || !preamble.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw sealedError('notSealed', name);
  }
  if (preamble.length < PREAMBLE_BYTES) throw sealedError('truncated', name);
  const version = preamble.readUInt16BE(MAGIC.length);
  const jsonLength = preamble.readUInt32BE(MAGIC.length + 2);
  if (version === 0 || jsonLength === 0 || jsonLength > MAX_HEADER_JSON) {
    throw sealedError(version > FORMAT_VERSION ? 'newer' : 'damaged', name);
  }
  const start = PREAMBLE_BYTES + jsonLength + MAC_BYTES + DIGEST_BYTES;
  if (start > size) throw sealedError(version > FORMAT_VERSION ? 'newer' : 'truncated', name);
  const rest = await readExactly(handle, start - PREAMBLE_BYTES, PREAMBLE_BYTES);
  const bytes = Buffer.concat([preamble, rest.subarray(0, jsonLength)]);
  const mac = rest.subarray(jsonLength, jsonLength + MAC_BYTES);
  const digest = sha256(Buffer.concat([bytes, mac]));
  if (!sameBytes(digest, rest.subarray(jsonLength + MAC_BYTES))) {
    // A later layout may change anything after the version, digest included.
    throw sealedError(version > FORMAT_VERSION ? 'newer' : 'damaged', name);
  }
  if (version > FORMAT_VERSION) throw sealedError('newer', name);
  let parsed: unknown;
  try {
    parsed = JSON.parse(rest.subarray(0, jsonLength).toString('utf8'));
  } catch (error) {
    throw sealedError('damaged', name, error);
  }
  const header = headerSchema.safeParse(parsed);
  if (!header.success) throw sealedError('damaged', name, header.error);
  return { header: header.data, bytes, mac, digest, start };
}

/** The header of a sealed file (kind, whether it needs a password), without the password. */
export async function readSealedInfo(file: string, name = file): Promise<SealedInfo> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const { header } = await readHeader(handle, size, name);
    return { kind: header.kind, encrypted: header.cipher !== 'none', chunkSize: header.chunkSize, size };
  } finally {
    await handle.close();
  }
}

/** Whether the first bytes are the container's magic (cheap sniffing before a full open). */
export function looksSealed(head: Buffer): boolean {
  return head.length >= MAGIC.length && head.subarray(0, MAGIC.length).equals(MAGIC);
}

/**
 * Reads a sealed file (SEALED-FILE.md) chunk by chunk. Every chunk is checked (its AES-GCM tag,
 * or its CRC-32) against its position and whether it is the last, before a byte of it is handed
 * out; a file that stops before its last chunk, has a chunk moved, dropped or changed, or a
 * wrong password, is refused with the problem named. Memory: one chunk.
 */
export class SealedReader {
  private closed = false;

  private constructor(
    private readonly handle: fs.promises.FileHandle,
    private readonly parsed: ParsedHeader,
    private readonly keys: SealedKeys | null,
    private readonly ownKeys: boolean,
    readonly info: SealedInfo,
    private readonly name: string,
  ) {}

  static async open(file: string, options: SealedOpenOptions = {}): Promise<SealedReader> {
    const name = options.name ?? file;
    const handle = await fs.promises.open(file, 'r');
    try {
      const { size } = await handle.stat();
      const parsed = await readHeader(handle, size, name);
      const info: SealedInfo = {
        kind: parsed.header.kind,
        encrypted: parsed.header.cipher !== 'none',
        chunkSize: parsed.header.chunkSize,
        size,
      };
      let keys: SealedKeys | null = null;
      let ownKeys = false;
      if (info.encrypted) {
        if (options.keys) keys = options.keys;
        else if (options.password && parsed.header.kdf) {
          keys = await deriveKeys(options.password, parsed.header.kdf);
          ownKeys = true;
        } else throw sealedError('passwordRequired', name);
        // The digest matched, so the header and its MAC are as written: a MAC that does not
        // match is the password's fault.
        if (!sameBytes(headerMac(keys, parsed.bytes), parsed.mac)) {
          if (ownKeys) keys.wipe();
          throw sealedError('wrongPassword', name);
        }
      } else if (!parsed.mac.equals(Buffer.alloc(MAC_BYTES))) {
        throw sealedError('damaged', name);
      }
      return new SealedReader(handle, parsed, keys, ownKeys, info, name);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** The first chunk alone, checked (a small leading part such as a manifest). */
  async firstChunk(): Promise<Buffer> {
    for await (const chunk of this.chunks()) return chunk;
    throw sealedError('truncated', this.name);
  }

  /**
   * The payload, one checked chunk at a time, in order; throws at the first problem. One read per
   * chunk: its body, its tag and the next chunk's length. With `reuse`, every chunk is read into
   * the same buffer (no allocation per chunk for a 1 GB file): a chunk is then only valid until
   * the next one is asked for, so the caller must copy what it keeps.
   */
  async *chunks(options: { reuse?: boolean } = {}): AsyncGenerator<Buffer> {
    const { header } = this.parsed;
    const tagLength = tagBytes(header.cipher);
    const size = this.info.size;
    const frameBytes = header.chunkSize + tagLength + CHUNK_LENGTH_BYTES;
    const shared = options.reuse ? Buffer.allocUnsafe(frameBytes) : null;
    let position = this.parsed.start;
    if (position + CHUNK_LENGTH_BYTES > size) throw sealedError('truncated', this.name);
    let length = (await readExactly(this.handle, CHUNK_LENGTH_BYTES, position)).readUInt32BE(0);
    for (let index = 0; ; index += 1) {
      if (length > header.chunkSize) throw sealedError('damaged', this.name);
      const end = position + CHUNK_LENGTH_BYTES + length + tagLength;
      if (end > size) throw sealedError('truncated', this.name);
      const last = end === size;
      // The next chunk's length too, as far as the file has it.
      const wanted = length + tagLength + Math.min(CHUNK_LENGTH_BYTES, size - end);
      const frame = shared ?? Buffer.allocUnsafe(wanted);
      if ((await readInto(this.handle, frame, wanted, position + CHUNK_LENGTH_BYTES)) < wanted) {
        throw sealedError('truncated', this.name);
      }
      const body = frame.subarray(0, length);
      const tag = frame.subarray(length, length + tagLength);
      const plain = this.open(index, last, body, tag);
      if (plain === null) {
        // Cut exactly between two chunks: the chunk now at the end was not written as the last.
        if (last && this.open(index, false, body, tag) !== null) throw sealedError('truncated', this.name);
        throw sealedError('damaged', this.name);
      }
      // Read before the chunk is handed out: the caller may change a shared buffer.
      const next = size - end >= CHUNK_LENGTH_BYTES ? frame.readUInt32BE(length + tagLength) : -1;
      yield plain;
      if (last) return;
      if (next < 0) throw sealedError('truncated', this.name);
      position = end;
      length = next;
    }
  }

  /** Reads the whole payload, checking everything, and throws at the first problem (read-back of a written file). */
  async verifyAll(): Promise<number> {
    let bytes = 0;
    for await (const chunk of this.chunks({ reuse: true })) bytes += chunk.length;
    return bytes;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.ownKeys) this.keys?.wipe();
    await this.handle.close();
  }

  /** The chunk's plaintext if it checks out at this position, else null. */
  private open(index: number, last: boolean, body: Buffer, tag: Buffer): Buffer | null {
    const aad = chunkAad(this.parsed.digest, index, last);
    if (this.parsed.header.cipher === 'aes-256-gcm') {
      if (!this.keys) return null;
      const decipher = createDecipheriv('aes-256-gcm', this.keys.content, chunkNonce(index, last), {
        authTagLength: 16,
      });
      decipher.setAAD(aad);
      decipher.setAuthTag(tag);
      try {
        const plain = decipher.update(body);
        // GCM answers nothing more at the end; `final` checks the tag.
        decipher.final();
        return plain;
      } catch {
        return null;
      }
    }
    return crc32(body, crc32(aad)) === tag.readUInt32BE(0) ? body : null;
  }
}
