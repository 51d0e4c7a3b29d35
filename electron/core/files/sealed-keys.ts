import { createHmac, hkdfSync, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { SCRYPT_DEFAULTS, SCRYPT_MAX_MEMORY, type KdfParams } from './sealed-format';

/**
 * Keys of one encrypted sealed file, derived from the password and the file's own salt. Kept in
 * memory only for as long as the file is being written or read; `wipe` zeroes them. The password
 * itself is never stored, logged or kept beyond deriving these.
 */
export interface SealedKeys {
  /** AES-256-GCM key of the chunks. */
  readonly content: Buffer;
  /** HMAC-SHA256 key of the header: tells a wrong password from a damaged file. */
  readonly header: Buffer;
  wipe(): void;
}

/** New KDF parameters with a fresh random salt (one per file, so no two files share a key). */
export function newKdfParams(): KdfParams {
  return { name: 'scrypt', ...SCRYPT_DEFAULTS, salt: randomBytes(32).toString('base64') };
}

function scryptAsync(password: Buffer, salt: Buffer, params: KdfParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // Runs in libuv's thread pool: the API keeps answering while it works.
    scrypt(
      password,
      salt,
      32,
      { N: 2 ** params.logN, r: params.r, p: params.p, maxmem: SCRYPT_MAX_MEMORY + 32 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/**
 * scrypt over the password in NFC (a Vietnamese password typed on another keyboard may arrive
 * decomposed: it must still open the file), then HKDF to separate the content and header keys.
 */
export async function deriveKeys(password: string, params: KdfParams): Promise<SealedKeys> {
  const secret = Buffer.from(password.normalize('NFC'), 'utf8');
  const master = await scryptAsync(secret, Buffer.from(params.salt, 'base64'), params);
  secret.fill(0);
  const expand = (info: string) =>
    Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), Buffer.from(info, 'utf8'), 32));
  const keys = {
    content: expand('klkchc sealed-file v1 content'),
    header: expand('klkchc sealed-file v1 header'),
    wipe() {
      keys.content.fill(0);
      keys.header.fill(0);
    },
  };
  master.fill(0);
  return keys;
}

export function headerMac(keys: SealedKeys, headerBytes: Buffer): Buffer {
  return createHmac('sha256', keys.header).update(headerBytes).digest();
}

export function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A file's KDF parameters and its keys being derived (started early, beside other work). */
export interface PreparedKeys {
  kdf: KdfParams;
  keys: Promise<SealedKeys>;
}

/**
 * Starts deriving the keys of a new file now, so scrypt (0.3–1 s) runs in the thread pool while
 * something else does (a backup's snapshot). Whoever starts it wipes the keys in the end.
 */
export function prepareKeys(password: string): PreparedKeys {
  const kdf = newKdfParams();
  const keys = deriveKeys(password, kdf);
  // Handled where it is awaited; never an unhandled rejection if nobody gets that far.
  keys.catch(() => undefined);
  return { kdf, keys };
}
