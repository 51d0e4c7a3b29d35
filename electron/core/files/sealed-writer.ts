import { createCipheriv } from 'node:crypto';
import type fs from 'node:fs';
import { crc32 } from 'node:zlib';
import {
  CHUNK_LENGTH_BYTES,
  DEFAULT_CHUNK,
  MAC_BYTES,
  chunkAad,
  tagBytes,
  chunkNonce,
  encodeHeader,
  sha256,
  type SealedHeader,
} from './sealed-format';
import { deriveKeys, headerMac, newKdfParams, type PreparedKeys, type SealedKeys } from './sealed-keys';

/** Where sealed bytes go (a file on a USB stick, through the durable writer), in order. */
export type SealedSink = (bytes: Buffer) => Promise<void>;
/** Writes bytes at a position already passed (a reserved chunk filled in at the end). */
export type SealedPositionalSink = (bytes: Buffer, position: number) => Promise<void>;

/** A chunk whose place was kept (zeros) and whose content is sealed and written later. */
export interface ReservedChunk {
  index: number;
  position: number;
  length: number;
}

export interface SealOptions {
  /** What the payload is ("klkchc.backup"); readers check it. */
  kind: string;
  /** With a password: AES-256-GCM under a scrypt-derived key; without: CRC-32 per chunk. */
  password?: string | null;
  /** Keys for that password already being derived (prepareKeys): scrypt is not run again. */
  prepared?: PreparedKeys | null;
  chunkSize?: number;
}

/** Seals one chunk: length, body (encrypted or as is), tag. */
export function sealChunk(
  header: SealedHeader,
  digest: Buffer,
  keys: SealedKeys | null,
  index: number,
  last: boolean,
  plain: Buffer,
): Buffer[] {
  const length = Buffer.alloc(CHUNK_LENGTH_BYTES);
  length.writeUInt32BE(plain.length, 0);
  const aad = chunkAad(digest, index, last);
  if (header.cipher === 'aes-256-gcm') {
    if (!keys) throw new Error('sealed-file: encrypted chunk without keys');
    const cipher = createCipheriv('aes-256-gcm', keys.content, chunkNonce(index, last), { authTagLength: 16 });
    cipher.setAAD(aad);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return [length, body, cipher.getAuthTag()];
  }
  const tag = Buffer.alloc(4);
  tag.writeUInt32BE(crc32(plain, crc32(aad)), 0);
  return [length, plain, tag];
}

/**
 * Writes a sealed file as a stream (SEALED-FILE.md): bounded memory (one chunk), any payload
 * size. `write` adds payload bytes, `endChunk` closes the current chunk early (so a small first
 * part, such as a manifest, can be read alone), `finish` writes the last chunk, flagged as such.
 */
export class SealedWriter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private index = 0;
  private finished = false;
  /** Bytes handed to the sink so far (where the next chunk starts). */
  private offset = 0;
  /** Payload bytes taken so far. */
  payloadBytes = 0;

  private constructor(
    readonly header: SealedHeader,
    private readonly digest: Buffer,
    private readonly keys: SealedKeys | null,
    private readonly sink: SealedSink,
  ) {}

  /** Derives the key (when there is a password) and writes the header. */
  static async start(options: SealOptions, sink: SealedSink): Promise<SealedWriter> {
    const encrypted = typeof options.password === 'string' && options.password.length > 0;
    const header: SealedHeader = {
      kind: options.kind,
      cipher: encrypted ? 'aes-256-gcm' : 'none',
      chunkSize: options.chunkSize ?? DEFAULT_CHUNK,
      kdf: encrypted ? (options.prepared?.kdf ?? newKdfParams()) : null,
    };
    const keys = !encrypted
      ? null
      : options.prepared
        ? await options.prepared.keys
        : header.kdf
          ? await deriveKeys(options.password ?? '', header.kdf)
          : null;
    const headerBytes = encodeHeader(header);
    const mac = keys ? headerMac(keys, headerBytes) : Buffer.alloc(MAC_BYTES);
    const digest = sha256(Buffer.concat([headerBytes, mac]));
    const head = Buffer.concat([headerBytes, mac, digest]);
    await sink(head);
    const writer = new SealedWriter(header, digest, keys, sink);
    writer.offset = head.length;
    return writer;
  }

  /** The derived keys, for reading the file back without deriving them again. */
  get sealedKeys(): SealedKeys | null {
    return this.keys;
  }

  async write(data: Buffer): Promise<void> {
    if (this.finished) throw new Error('sealed-file: write after finish');
    let offset = 0;
    while (offset < data.length) {
      // A full pending chunk is only sealed once more bytes arrive: until then it may be the last.
      if (this.pendingBytes === this.header.chunkSize) await this.emit(false);
      const take = Math.min(this.header.chunkSize - this.pendingBytes, data.length - offset);
      // Copied: the caller may reuse its buffer for the next read.
      this.pending.push(Buffer.from(data.subarray(offset, offset + take)));
      this.pendingBytes += take;
      offset += take;
    }
    this.payloadBytes += data.length;
  }

  /** Ends the current chunk here (nothing happens if it is empty). */
  async endChunk(): Promise<void> {
    if (this.pendingBytes > 0) await this.emit(false);
  }

  /**
   * Keeps the place of a chunk of exactly `length` payload bytes (written as zeros now) to be
   * sealed and written by `fillReserved` once its content is known: a manifest that names the
   * checksum of what follows it, computed meanwhile. Until it is filled the file does not pass
   * its checks. Each chunk is sealed once, so no nonce is ever used twice.
   */
  async reserveChunk(length: number): Promise<ReservedChunk> {
    if (length > this.header.chunkSize) throw new Error('sealed-file: reserved chunk larger than a chunk');
    await this.endChunk();
    const reserved = { index: this.index, position: this.offset, length };
    this.index += 1;
    const size = CHUNK_LENGTH_BYTES + length + tagBytes(this.header.cipher);
    await this.sink(Buffer.alloc(size));
    this.offset += size;
    this.payloadBytes += length;
    return reserved;
  }

  async fillReserved(reserved: ReservedChunk, plain: Buffer, writeAt: SealedPositionalSink): Promise<void> {
    if (plain.length !== reserved.length) throw new Error('sealed-file: reserved chunk filled with another length');
    const parts = sealChunk(this.header, this.digest, this.keys, reserved.index, false, plain);
    await writeAt(Buffer.concat(parts), reserved.position);
  }

  /**
   * Seals what is left of `input` (a file, read from its current position) as the rest of the
   * payload, last chunk included (`finish`). A large file (a 1 GB snapshot) goes through three
   * frames reused for every chunk — read straight in behind the length, the tag written after —
   * so nothing is allocated or copied per chunk in the plain variant, and the next chunk is read
   * while the one before it is being written. The sink must be done with a buffer when its
   * promise settles (the durable writer is). `onBytes` follows the payload bytes taken.
   */
  async writeFileAndFinish(input: fs.promises.FileHandle, onBytes?: (bytes: number) => void): Promise<void> {
    if (this.finished) throw new Error('sealed-file: write after finish');
    await this.endChunk();
    const { chunkSize } = this.header;
    const frameBytes = CHUNK_LENGTH_BYTES + chunkSize + tagBytes(this.header.cipher);
    const frames = [0, 1, 2].map(() => Buffer.allocUnsafe(frameBytes));
    const fill = async (frame: Buffer): Promise<number> => {
      let done = 0;
      while (done < chunkSize) {
        const { bytesRead } = await input.read(frame, CHUNK_LENGTH_BYTES + done, chunkSize - done, null);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return done;
    };
    let held = 0;
    let heldBytes = await fill(frames[0] as Buffer);
    let writing: Promise<void> = Promise.resolve();
    try {
      for (;;) {
        const frame = frames[held] as Buffer;
        // A chunk is known not to be the last once the next one has bytes (every chunk but the
        // last is full, so an empty read after a full chunk makes that one the last).
        const following = (held + 1) % 3;
        const nextBytes = heldBytes === chunkSize ? await fill(frames[following] as Buffer) : 0;
        const last = nextBytes === 0;
        const sealed = this.sealFrame(frame, heldBytes, last);
        this.payloadBytes += heldBytes;
        onBytes?.(this.payloadBytes);
        await writing;
        writing = this.sink(frame.subarray(0, sealed));
        this.offset += sealed;
        if (last) break;
        held = following;
        heldBytes = nextBytes;
      }
    } finally {
      // Never leaves a write running behind an error.
      await writing.catch(() => undefined);
    }
    await writing;
    this.finished = true;
  }

  /** Seals the chunk whose `length` payload bytes sit in `frame` behind the length; answers the frame's sealed size. */
  private sealFrame(frame: Buffer, length: number, last: boolean): number {
    frame.writeUInt32BE(length, 0);
    const body = frame.subarray(CHUNK_LENGTH_BYTES, CHUNK_LENGTH_BYTES + length);
    const aad = chunkAad(this.digest, this.index, last);
    let end = CHUNK_LENGTH_BYTES + length;
    if (this.header.cipher === 'aes-256-gcm') {
      if (!this.keys) throw new Error('sealed-file: encrypted chunk without keys');
      const cipher = createCipheriv('aes-256-gcm', this.keys.content, chunkNonce(this.index, last), {
        authTagLength: 16,
      });
      cipher.setAAD(aad);
      // The ciphertext replaces the plaintext in place (GCM keeps the length).
      const encrypted = cipher.update(body);
      encrypted.copy(frame, CHUNK_LENGTH_BYTES);
      cipher.final();
      end += cipher.getAuthTag().copy(frame, end);
    } else {
      end = frame.writeUInt32BE(crc32(body, crc32(aad)), end);
    }
    this.index += 1;
    return end;
  }

  /** Writes the last chunk (possibly empty) and forgets the keys. */
  async finish(): Promise<void> {
    if (this.finished) return;
    await this.emit(true);
    this.finished = true;
  }

  private async emit(last: boolean): Promise<void> {
    const plain = this.pending.length === 1 ? (this.pending[0] ?? Buffer.alloc(0)) : Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    const parts = sealChunk(this.header, this.digest, this.keys, this.index, last, plain);
    this.index += 1;
    const sealed = Buffer.concat(parts);
    await this.sink(sealed);
    this.offset += sealed.length;
  }
}
