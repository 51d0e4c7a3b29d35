import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SealedReader, readSealedInfo } from '../../../electron/core/files/sealed-reader';
import { SealedWriter } from '../../../electron/core/files/sealed-writer';
import type { SealedKeys } from '../../../electron/core/files/sealed-keys';
import { AppError } from '../../../electron/core/kernel/errors';
import { FileError } from '../../../shared/api/files';
import { translate } from '../../../shared/i18n/translate';
import { tempDir } from '../../support/core-harness';

const CHUNK = 4096;
const KIND = 'klkchc.test';
const PASSWORD = 'Mật khẩu đủ dài 2026';

let dir: string;
beforeAll(() => {
  dir = tempDir('klkchc-sealed-');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function payload(bytes: number, seed = 1): Buffer {
  const data = Buffer.alloc(bytes);
  let state = seed;
  for (let index = 0; index < bytes; index += 1) {
    state = (state * 1103515245 + 12345) >>> 0;
    data[index] = state >>> 24;
  }
  return data;
}

/** Seals `parts` (each followed by a chunk end when asked) into a file; returns its bytes and keys. */
async function seal(
  name: string,
  parts: { data: Buffer; endChunk?: boolean }[],
  password: string | null,
): Promise<{ file: string; bytes: Buffer; keys: SealedKeys | null }> {
  const file = path.join(dir, name);
  const pieces: Buffer[] = [];
  const writer = await SealedWriter.start({ kind: KIND, password, chunkSize: CHUNK }, async (bytes) => {
    pieces.push(Buffer.from(bytes));
    return Promise.resolve();
  });
  for (const part of parts) {
    // Written in odd slices, as a stream arrives.
    for (let offset = 0; offset < part.data.length; offset += 1000)
      await writer.write(part.data.subarray(offset, offset + 1000));
    if (part.endChunk) await writer.endChunk();
  }
  await writer.finish();
  const bytes = Buffer.concat(pieces);
  fs.writeFileSync(file, bytes);
  return { file, bytes, keys: writer.sealedKeys };
}

/** Reads everything a reader hands out, and the error that stopped it (if any). */
async function readAll(
  file: string,
  options: { password?: string | null; keys?: SealedKeys | null },
): Promise<{ chunks: Buffer[]; error: AppError | null }> {
  const chunks: Buffer[] = [];
  let reader: SealedReader | null = null;
  try {
    reader = await SealedReader.open(file, options);
    for await (const chunk of reader.chunks()) chunks.push(Buffer.from(chunk));
    return { chunks, error: null };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { chunks, error };
  } finally {
    await reader?.close();
  }
}

function isPrefix(prefix: Buffer, whole: Buffer): boolean {
  return prefix.length <= whole.length && whole.subarray(0, prefix.length).equals(prefix);
}

describe('sealed files: round trip', () => {
  it.each([0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 5 * CHUNK + 17])('gives back %i bytes exactly, plain', async (size) => {
    const data = payload(size, size + 3);
    const { file } = await seal(`plain-${size}.bin`, [{ data }], null);
    const read = await readAll(file, {});
    expect(read.error).toBeNull();
    expect(Buffer.concat(read.chunks).equals(data)).toBe(true);
    expect(await readSealedInfo(file)).toMatchObject({ kind: KIND, encrypted: false, chunkSize: CHUNK });
  });

  it('encrypts with a password: no plaintext on disk, same bytes back, and a decomposed (NFD) password opens it', async () => {
    const text = Buffer.from('Trường Tiểu học Hiệp Hạ — kết luận kiểm tra. '.repeat(300), 'utf8');
    const { file, bytes } = await seal('secret.bin', [{ data: text }], PASSWORD);
    expect(bytes.includes(Buffer.from('Hiệp Hạ', 'utf8'))).toBe(false);
    const info = await readSealedInfo(file);
    expect(info).toMatchObject({ encrypted: true, kind: KIND });
    const read = await readAll(file, { password: PASSWORD.normalize('NFD') });
    expect(read.error).toBeNull();
    expect(Buffer.concat(read.chunks).equals(text)).toBe(true);
    // The header names the memory-hard KDF with at least 64 MiB of memory, and a 32-byte salt.
    const header = JSON.parse(bytes.subarray(14, 14 + bytes.readUInt32BE(10)).toString('utf8')) as {
      kdf: { name: string; logN: number; r: number; salt: string };
      cipher: string;
    };
    expect(header.cipher).toBe('aes-256-gcm');
    expect(header.kdf.name).toBe('scrypt');
    expect(128 * 2 ** header.kdf.logN * header.kdf.r).toBeGreaterThanOrEqual(64 * 1024 * 1024);
    expect(Buffer.from(header.kdf.salt, 'base64')).toHaveLength(32);
  });

  it('keeps a small first part in a chunk of its own, readable alone', async () => {
    const manifest = Buffer.from('{"office":"Phòng GD&ĐT"}', 'utf8');
    const { file } = await seal('parts.bin', [{ data: manifest, endChunk: true }, { data: payload(3 * CHUNK) }], null);
    const reader = await SealedReader.open(file);
    try {
      expect((await reader.firstChunk()).equals(manifest)).toBe(true);
    } finally {
      await reader.close();
    }
  });

  it('a chunk kept in reserve is sealed at the end; unfilled, the file fails its check', async () => {
    for (const password of [null, PASSWORD]) {
      const pieces: Buffer[] = [];
      const writer = await SealedWriter.start({ kind: KIND, password, chunkSize: CHUNK }, (bytes) => {
        pieces.push(Buffer.from(bytes));
        return Promise.resolve();
      });
      const reserved = await writer.reserveChunk(10);
      await writer.write(payload(2 * CHUNK + 5));
      await writer.finish();
      const unfilled = path.join(dir, 'unfilled.bin');
      fs.writeFileSync(unfilled, Buffer.concat(pieces));
      const keys = writer.sealedKeys;
      expect((await readAll(unfilled, { keys })).error?.code).toBe(FileError.damaged);
      const bytes = Buffer.concat(pieces);
      await writer.fillReserved(reserved, Buffer.from('manifest!!'), (sealed, position) => {
        sealed.copy(bytes, position);
        return Promise.resolve();
      });
      const filled = path.join(dir, 'filled.bin');
      fs.writeFileSync(filled, bytes);
      const read = await readAll(filled, { keys });
      expect(read.error).toBeNull();
      expect(
        Buffer.concat(read.chunks).equals(Buffer.concat([Buffer.from('manifest!!'), payload(2 * CHUNK + 5)])),
      ).toBe(true);
    }
  });

  it('names a wrong password and a missing one, and says nothing was changed', async () => {
    const { file } = await seal('locked.bin', [{ data: payload(100) }], PASSWORD);
    const wrong = await readAll(file, { password: 'mat khau sai' });
    expect(wrong.error?.code).toBe(FileError.wrongPassword);
    expect(wrong.chunks).toEqual([]);
    expect(translate('vi', wrong.error!.messageKey, wrong.error!.params)).toBe(
      `Sai mật khẩu của tệp ${file}. Hãy nhập lại (phân biệt chữ hoa, chữ thường). Chưa có gì bị thay đổi.`,
    );
    const missing = await readAll(file, {});
    expect(missing.error?.code).toBe(FileError.passwordRequired);
  });

  it('says a file is not sealed, or comes from a newer format', async () => {
    const other = path.join(dir, 'bien-ban.docx');
    fs.writeFileSync(other, Buffer.from('PK\u0003\u0004 a zip, not ours'));
    expect((await readAll(other, {})).error?.code).toBe(FileError.notSealed);
    const { bytes } = await seal('v1.bin', [{ data: payload(10) }], null);
    const newer = Buffer.from(bytes);
    newer.writeUInt16BE(2, 8);
    const newerFile = path.join(dir, 'v2.bin');
    fs.writeFileSync(newerFile, newer);
    expect((await readAll(newerFile, {})).error?.code).toBe(FileError.sealedNewer);
  });
});

/**
 * Reliability test 16 (tests/README.md), and the damage half of test 5: any flipped byte, any cut,
 * a dropped, repeated or reordered chunk fails its check, and no byte of a chunk that failed (nor
 * of any later one) is ever handed out.
 */
describe('sealed files: damage is found before anything is handed out', () => {
  const data = payload(6 * CHUNK + 123, 7);
  let plain: { file: string; bytes: Buffer };
  let locked: { file: string; bytes: Buffer; keys: SealedKeys | null };

  beforeAll(async () => {
    plain = await seal('damage-plain.bin', [{ data: Buffer.from('manifest'), endChunk: true }, { data }], null);
    locked = await seal('damage-locked.bin', [{ data: Buffer.from('manifest'), endChunk: true }, { data }], PASSWORD);
  });

  const whole = () => Buffer.concat([Buffer.from('manifest'), data]);
  const REFUSED = [FileError.damaged, FileError.truncated, FileError.notSealed, FileError.sealedNewer];

  for (const variant of ['plain', 'encrypted'] as const) {
    it(`${variant}: one flipped byte anywhere is refused`, async () => {
      const source = variant === 'plain' ? plain : locked;
      const target = path.join(dir, `flipped-${variant}.bin`);
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: source.bytes.length - 1 }),
          fc.integer({ min: 1, max: 255 }),
          async (offset, mask) => {
            const bytes = Buffer.from(source.bytes);
            bytes[offset] = (bytes[offset] ?? 0) ^ mask;
            fs.writeFileSync(target, bytes);
            const read = await readAll(target, { keys: source === locked ? locked.keys : null });
            expect(read.error, `byte ${offset} ^ ${mask}`).not.toBeNull();
            expect(REFUSED).toContain(read.error?.code);
            expect(isPrefix(Buffer.concat(read.chunks), whole())).toBe(true);
          },
        ),
        { numRuns: 300 },
      );
    });

    it(`${variant}: a file cut anywhere is refused`, async () => {
      const source = variant === 'plain' ? plain : locked;
      const target = path.join(dir, `cut-${variant}.bin`);
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: source.bytes.length - 1 }), async (length) => {
          fs.writeFileSync(target, source.bytes.subarray(0, length));
          const read = await readAll(target, { keys: source === locked ? locked.keys : null });
          expect(read.error, `cut at ${length}`).not.toBeNull();
          expect(REFUSED).toContain(read.error?.code);
          expect(isPrefix(Buffer.concat(read.chunks), whole())).toBe(true);
        }),
        { numRuns: 200 },
      );
    });
  }

  /** The chunk frames of a sealed file (header length from its preamble). */
  function frames(bytes: Buffer, tagLength: number): { head: Buffer; chunks: Buffer[] } {
    const start = 14 + bytes.readUInt32BE(10) + 64;
    const chunks: Buffer[] = [];
    let position = start;
    while (position < bytes.length) {
      const end = position + 4 + bytes.readUInt32BE(position) + tagLength;
      chunks.push(bytes.subarray(position, end));
      position = end;
    }
    return { head: bytes.subarray(0, start), chunks };
  }

  it.each([
    ['dropped', (chunks: Buffer[]) => [...chunks.slice(0, 2), ...chunks.slice(3)]],
    ['swapped', (chunks: Buffer[]) => [chunks[0]!, chunks[2]!, chunks[1]!, ...chunks.slice(3)]],
    ['repeated', (chunks: Buffer[]) => [...chunks.slice(0, 3), chunks[2]!, ...chunks.slice(3)]],
    ['last dropped', (chunks: Buffer[]) => chunks.slice(0, -1)],
    ['appended', (chunks: Buffer[]) => [...chunks, chunks[1]!]],
  ])('a %s chunk fails, plain and encrypted', async (_label, edit) => {
    for (const [source, tagLength] of [
      [plain, 4],
      [locked, 16],
    ] as const) {
      const { head, chunks } = frames(source.bytes, tagLength);
      const target = path.join(dir, 'edited.bin');
      fs.writeFileSync(target, Buffer.concat([head, ...edit(chunks)]));
      const read = await readAll(target, { keys: source === locked ? locked.keys : null });
      expect(read.error).not.toBeNull();
      expect([FileError.damaged, FileError.truncated]).toContain(read.error?.code);
      expect(isPrefix(Buffer.concat(read.chunks), whole())).toBe(true);
    }
  });

  it('a damaged header is damage, never taken for a wrong password', async () => {
    for (const offset of [9, 12, 20, 40, 14 + locked.bytes.readUInt32BE(10) + 5]) {
      const bytes = Buffer.from(locked.bytes);
      bytes[offset] = (bytes[offset] ?? 0) ^ 0x20;
      const target = path.join(dir, 'header.bin');
      fs.writeFileSync(target, bytes);
      const read = await readAll(target, { password: PASSWORD });
      expect([FileError.damaged, FileError.truncated, FileError.sealedNewer]).toContain(read.error?.code);
      expect(read.chunks).toEqual([]);
    }
  });
});
