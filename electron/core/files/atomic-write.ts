import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../kernel/errors';

export function fsyncDirectory(dir: string): void {
  // Windows cannot open a directory for fsync; its rename is already durable enough there.
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Flushes a file already written to disk (a copy about to be renamed into place, or timed). */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Which sentence explains a failed write (errors.WRITE_FAILED_<reason> in the catalogs). */
export type WriteFailure = 'diskFull' | 'denied' | 'gone' | 'other';

function reasonOf(error: unknown): WriteFailure {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'diskFull';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'denied';
  if (code === 'ENOENT' || code === 'EIO' || code === 'ENXIO' || code === 'ENODEV') return 'gone';
  return 'other';
}

/** A failed write of `file`, as the user reads it: the code stays WRITE_FAILED, the sentence names the cause. */
export function writeFailedError(error: unknown, file: string): AppError {
  if (error instanceof AppError) return error;
  const reason = reasonOf(error);
  const code = (error as { code?: unknown } | null)?.code;
  return new AppError('WRITE_FAILED', {
    messageKey: `errors.WRITE_FAILED_${reason}`,
    params: { file, reason, detail: typeof code === 'string' ? code : '' },
    cause: error,
  });
}

/**
 * Writes `target` durably through a temporary file beside it: `fill` writes the temp file's
 * descriptor, which is then fsynced, renamed over the target, and the folder fsynced. On any
 * failure the temp file is removed and the previous target is left as it was.
 */
function replaceDurably(target: string, fill: (fd: number, temp: string) => void): void {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = fs.openSync(temp, 'wx');
    try {
      fill(fd, temp);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
    fsyncDirectory(dir);
  } catch (error) {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // The stick may be gone; nothing more to clean.
    }
    throw writeFailedError(error, target);
  }
}

/** The SHA-256 of a file, read in 1 MB pieces. */
function sha256File(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    let read: number;
    while ((read = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0) hash.update(buffer.subarray(0, read));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * Replaces `target` with a copy of `source` durably. The source is hashed as it is copied and
 * the written copy read back and compared before the rename, so a flaky stick that stores
 * other bytes than it was given never replaces a good file.
 */
export function copyFileAtomic(source: string, target: string): void {
  replaceDurably(target, (output, temp) => {
    const expected = createHash('sha256');
    const input = fs.openSync(source, 'r');
    try {
      const buffer = Buffer.allocUnsafe(1 << 20);
      let read: number;
      while ((read = fs.readSync(input, buffer, 0, buffer.length, null)) > 0) {
        expected.update(buffer.subarray(0, read));
        let written = 0;
        while (written < read) written += fs.writeSync(output, buffer, written, read - written);
      }
    } finally {
      fs.closeSync(input);
    }
    if (sha256File(temp) !== expected.digest('hex')) {
      throw Object.assign(new Error('checksum mismatch'), { code: 'EIO' });
    }
  });
}

/** Same guarantees for bytes held in memory. */
export function writeFileAtomic(target: string, data: Uint8Array | string): void {
  replaceDurably(target, (fd) => fs.writeFileSync(fd, data));
}
