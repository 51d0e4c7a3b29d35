import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../kernel/errors';

/**
 * The sealed-file container's bytes (see SEALED-FILE.md): a plaintext header, an HMAC of it
 * (zeros when there is no password), the SHA-256 of both, then chunks. Shared by the writer
 * and the reader.
 */

/**
 * PNG-style magic: the high-bit first byte catches a 7-bit transfer, CR LF and LF catch line-end
 * conversion, 0x1A stops a `type` on Windows. "KLK" names the app.
 */
export const MAGIC = Buffer.from([0x89, 0x4b, 0x4c, 0x4b, 0x0d, 0x0a, 0x1a, 0x0a]);
/** The container layout; a reader refuses a higher one (the file comes from a newer app). */
export const FORMAT_VERSION = 1;
/** magic (8) + format version (u16) + header JSON length (u32). */
export const PREAMBLE_BYTES = MAGIC.length + 2 + 4;
export const MAX_HEADER_JSON = 4096;
export const DIGEST_BYTES = 32;
export const MAC_BYTES = 32;
/** Before each chunk: its body length (u32). */
export const CHUNK_LENGTH_BYTES = 4;
export const MIN_CHUNK = 4 * 1024;
export const MAX_CHUNK = 16 * 1024 * 1024;
export const DEFAULT_CHUNK = 1024 * 1024;

/** Bytes after each chunk body: AES-GCM's tag, or the plain variant's CRC-32. */
export function tagBytes(cipher: Cipher): number {
  return cipher === 'aes-256-gcm' ? 16 : 4;
}

export const CIPHERS = ['none', 'aes-256-gcm'] as const;
export type Cipher = (typeof CIPHERS)[number];

/**
 * scrypt's cost as written by this version: N = 2^16, r = 8 → 128·N·r = 64 MiB of memory
 * (memory-hard: a GPU farm guessing passwords pays for that memory per guess), about 0.3–1.5 s
 * on an office PC. The reader accepts a range, bounded so a forged header cannot make it
 * allocate gigabytes or run for minutes.
 */
export const SCRYPT_DEFAULTS = { logN: 16, r: 8, p: 1 } as const;
const SCRYPT_LIMITS = { logN: [14, 20], r: [1, 16], p: [1, 4] } as const;
/** Largest memory a header may ask for (1 GiB). */
export const SCRYPT_MAX_MEMORY = 1024 * 1024 * 1024;

const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);

export const kdfSchema = z
  .object({
    name: z.literal('scrypt'),
    logN: z.number().int().min(SCRYPT_LIMITS.logN[0]).max(SCRYPT_LIMITS.logN[1]),
    r: z.number().int().min(SCRYPT_LIMITS.r[0]).max(SCRYPT_LIMITS.r[1]),
    p: z.number().int().min(SCRYPT_LIMITS.p[0]).max(SCRYPT_LIMITS.p[1]),
    salt: base64.refine((value) => Buffer.from(value, 'base64').length >= 16),
  })
  .strict()
  .refine((kdf) => 128 * 2 ** kdf.logN * kdf.r * kdf.p <= SCRYPT_MAX_MEMORY);
export type KdfParams = z.infer<typeof kdfSchema>;

export const headerSchema = z
  .object({
    /** What the payload is, e.g. "klkchc.backup"; a reader states which kind it expects. */
    kind: z.string().regex(/^[a-z0-9.-]{1,64}$/),
    cipher: z.enum(CIPHERS),
    chunkSize: z.number().int().min(MIN_CHUNK).max(MAX_CHUNK),
    kdf: kdfSchema.nullable(),
  })
  .strict()
  .refine((header) => (header.cipher === 'none') === (header.kdf === null));
export type SealedHeader = z.infer<typeof headerSchema>;

/** The header bytes: preamble and JSON (what the MAC covers; the digest covers them and the MAC). */
export function encodeHeader(header: SealedHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  if (json.length > MAX_HEADER_JSON) throw new Error('sealed-file header too long');
  const preamble = Buffer.alloc(PREAMBLE_BYTES);
  MAGIC.copy(preamble, 0);
  preamble.writeUInt16BE(FORMAT_VERSION, MAGIC.length);
  preamble.writeUInt32BE(json.length, MAGIC.length + 2);
  return Buffer.concat([preamble, json]);
}

export function sha256(data: Buffer): Buffer {
  return createHash('sha256').update(data).digest();
}

/**
 * Associated data of chunk `index`: the header's digest (a chunk belongs to this header and
 * file), its position, and whether it is the last (so a cut file or moved chunks fail).
 */
export function chunkAad(headerDigest: Buffer, index: number, last: boolean): Buffer {
  const aad = Buffer.alloc(DIGEST_BYTES + 9);
  headerDigest.copy(aad, 0);
  aad.writeBigUInt64BE(BigInt(index), DIGEST_BYTES);
  aad[DIGEST_BYTES + 8] = last ? 1 : 0;
  return aad;
}

/** The AES-GCM nonce of chunk `index`: a counter and the last-chunk flag, never reused under one key. */
export function chunkNonce(index: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeBigUInt64BE(BigInt(index), 3);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

/** What a reader found wrong; the messages (files.errors.*) name the file and say nothing changed. */
export type SealedProblem = 'notSealed' | 'newer' | 'damaged' | 'truncated' | 'wrongPassword' | 'passwordRequired';

const CODES = {
  notSealed: 'file.NOT_SEALED',
  newer: 'file.SEALED_NEWER',
  damaged: 'file.DAMAGED',
  truncated: 'file.TRUNCATED',
  wrongPassword: 'file.WRONG_PASSWORD',
  passwordRequired: 'file.PASSWORD_REQUIRED',
} as const;

export function sealedError(problem: SealedProblem, file: string, cause?: unknown): AppError {
  return new AppError(CODES[problem], {
    messageKey: `files.errors.${problem}`,
    params: { file },
    ...(cause === undefined ? {} : { cause }),
  });
}
