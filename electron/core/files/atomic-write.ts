import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../app/errors';

function fsyncDirectory(dir: string): void {
  // Windows cannot open a directory for fsync; its rename is already durable enough there.
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

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

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOSPC') return 'ổ đĩa đã đầy';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'không có quyền ghi';
  if (code === 'ENOENT' || code === 'EIO' || code === 'ENXIO') return 'ổ đĩa không còn truy cập được (USB bị rút?)';
  return typeof code === 'string' ? code : 'lỗi ghi';
}

/**
 * Replaces `target` with a copy of `source` durably: write a temporary file beside it, fsync,
 * verify its checksum, rename over the target, fsync the folder. A full disk or a pulled USB
 * stick leaves the previous file intact and no partial file under the target's name.
 */
export function copyFileAtomic(source: string, target: string): void {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const expected = sha256File(source);
    const input = fs.openSync(source, 'r');
    const output = fs.openSync(temp, 'wx');
    try {
      const buffer = Buffer.allocUnsafe(1 << 20);
      let read: number;
      while ((read = fs.readSync(input, buffer, 0, buffer.length, null)) > 0) {
        let written = 0;
        while (written < read) written += fs.writeSync(output, buffer, written, read - written);
      }
      fs.fsyncSync(output);
    } finally {
      fs.closeSync(input);
      fs.closeSync(output);
    }
    if (sha256File(temp) !== expected) throw Object.assign(new Error('checksum mismatch'), { code: 'EIO' });
    fs.renameSync(temp, target);
    fsyncDirectory(dir);
  } catch (error) {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // The stick may be gone; nothing more to clean.
    }
    throw new AppError('WRITE_FAILED', { params: { file: target, reason: reasonOf(error) }, cause: error });
  }
}

/** Same guarantees for bytes held in memory. */
export function writeFileAtomic(target: string, data: Uint8Array | string): void {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = fs.openSync(temp, 'wx');
    try {
      fs.writeFileSync(fd, data);
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
      // ignore: see copyFileAtomic
    }
    throw new AppError('WRITE_FAILED', { params: { file: target, reason: reasonOf(error) }, cause: error });
  }
}
