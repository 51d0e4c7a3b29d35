import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../kernel/errors';
import { fsyncDirectory, writeFailedError } from './atomic-write';

/**
 * Writing a new file to removable media (a USB stick, a network share), where the file is often
 * the office's only copy and the stick may be pulled or full at any moment:
 *
 * 1. bytes go to a temporary file beside the target, named so nobody (person or app) takes it
 *    for a finished file: `.<name>.<host>.<pid>.<random>.partial`;
 * 2. it is flushed (fsync) and closed, renamed to its name, and the folder flushed;
 * 3. the file is read back and checked (`verify`) before anyone is told it is safe; a file that
 *    reads back wrong is removed.
 *
 * Nothing else in the folder is touched: a failure leaves every earlier file as it was. A
 * temporary left by a pulled stick or a killed process is removed the next time a write goes to
 * that folder (`removeStalePartials`).
 *
 * The read-back may be answered from the operating system's cache rather than the medium
 * itself: Node has no portable way to bypass it (no O_DIRECT / FILE_FLAG_NO_BUFFERING with
 * aligned buffers). What it does prove is that the bytes the system accepted, flushed and now
 * reads back are the right ones; the file's own checks catch damage that happens later.
 */

const HOST_TAG = createHash('sha256').update(os.hostname()).digest('hex').slice(0, 8);
const PARTIAL = /^\..+\.([0-9a-f]{8})\.(\d+)\.[0-9a-f]{8}\.partial$/;
/** Another computer's temporary (a shared network folder) is only removed once this old. */
const FOREIGN_STALE_MS = 60 * 60 * 1000;

/** Temporaries this process is writing now: never removed as stale. */
const active = new Set<string>();

export function isPartialName(name: string): boolean {
  return PARTIAL.test(name);
}

function partialPath(target: string): string {
  const name = `.${path.basename(target)}.${HOST_TAG}.${process.pid}.${randomBytes(4).toString('hex')}.partial`;
  return path.join(path.dirname(target), name);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === 'EPERM';
  }
}

/**
 * Removes the temporaries our writes left in `dir` (a stick pulled mid-write, a process killed):
 * this computer's once their process has ended, another computer's after an hour. Returns how
 * many were removed; a folder that cannot be read is left alone.
 */
export function removeStalePartials(dir: string, now = Date.now()): number {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const match = PARTIAL.exec(name);
    if (!match) continue;
    const full = path.join(dir, name);
    if (active.has(full)) continue;
    try {
      const ours = match[1] === HOST_TAG;
      const pid = Number(match[2]);
      const stale = ours
        ? pid === process.pid || !processAlive(pid)
        : now - fs.statSync(full).mtimeMs > FOREIGN_STALE_MS;
      if (!stale) continue;
      fs.rmSync(full, { force: true });
      removed += 1;
    } catch {
      // Gone meanwhile, or the stick is read-only: nothing to do.
    }
  }
  return removed;
}

/**
 * A name in `dir` that no file has yet: `stem.ext`, else `stem_2.ext`, `stem_3.ext` … (the
 * underscore sorts after the dot, so copies list after the first).
 */
export function freeFileName(dir: string, stem: string, extension: string): string {
  for (let copy = 1; ; copy += 1) {
    const name = copy === 1 ? `${stem}${extension}` : `${stem}_${copy}${extension}`;
    if (!fs.existsSync(path.join(dir, name))) return name;
  }
}

/** Where `fill` puts the bytes; a write that the disk takes only in part is finished or fails. */
export interface DurableOutput {
  write(bytes: Buffer): Promise<void>;
  /** Overwrites bytes already written (a part filled in at the end); does not move the end. */
  writeAt(bytes: Buffer, position: number): Promise<void>;
  /** Bytes written so far. */
  readonly written: number;
}

export interface WriteNewFileOptions {
  /** Reads the written file back and throws if it is not what was meant (then it is removed). */
  verify: (file: string) => Promise<void>;
  signal?: AbortSignal | undefined;
}

function cancelled(): AppError {
  return new AppError('file.CANCELLED', { messageKey: 'files.errors.cancelled' });
}

/**
 * Creates `target` (which must not exist) as described above and returns its size. On failure
 * or cancel, the temporary is removed (if the medium still answers) and the error names the
 * file and the cause (disk full, stick gone, no permission); an earlier file is never touched.
 */
export async function writeNewFile(
  target: string,
  fill: (output: DurableOutput) => Promise<void>,
  options: WriteNewFileOptions,
): Promise<{ size: number }> {
  const dir = path.dirname(target);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new AppError('file.FOLDER_NOT_FOUND', { messageKey: 'files.errors.folderNotFound', params: { folder: dir } });
  }
  removeStalePartials(dir);
  const temp = partialPath(target);
  active.add(temp);
  let renamed = false;
  try {
    const handle = await fs.promises.open(temp, 'wx');
    let written = 0;
    try {
      const output: DurableOutput = {
        async write(bytes: Buffer) {
          if (options.signal?.aborted) throw cancelled();
          // A nearly full disk may take part of a buffer: the rest follows, or ENOSPC.
          for (let offset = 0; offset < bytes.length;) {
            const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
            offset += bytesWritten;
          }
          written += bytes.length;
        },
        async writeAt(bytes: Buffer, position: number) {
          if (position + bytes.length > written) throw new Error('writeAt past the end');
          for (let offset = 0; offset < bytes.length;) {
            const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset, position + offset);
            offset += bytesWritten;
          }
        },
        get written() {
          return written;
        },
      };
      await fill(output);
      if (options.signal?.aborted) throw cancelled();
      await handle.sync();
    } finally {
      await handle.close();
    }
    // Never over an existing file: a backup already there is someone's good copy.
    if (fs.existsSync(target)) throw Object.assign(new Error('target exists'), { code: 'EEXIST' });
    fs.renameSync(temp, target);
    renamed = true;
    fsyncDirectory(dir);
    await options.verify(target);
    return { size: written };
  } catch (error) {
    try {
      fs.rmSync(renamed ? target : temp, { force: true });
      if (renamed) fsyncDirectory(dir);
    } catch {
      // The stick is gone: the temporary is removed next time this folder is written to.
    }
    if (error instanceof AppError) throw error;
    throw writeFailedError(error, target);
  } finally {
    active.delete(temp);
  }
}

/**
 * Copies `source` to a new file `target` durably, then reads the copy back and compares its
 * SHA-256 with the one computed while copying. Reports progress in bytes.
 */
export async function copyFileVerified(
  source: string,
  target: string,
  options: { signal?: AbortSignal | undefined; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ size: number }> {
  const total = fs.statSync(source).size;
  const expected = createHash('sha256');
  return writeNewFile(
    target,
    async (output) => {
      const input = await fs.promises.open(source, 'r');
      try {
        const buffer = Buffer.allocUnsafe(1 << 20);
        for (;;) {
          const { bytesRead } = await input.read(buffer, 0, buffer.length, null);
          if (bytesRead === 0) break;
          const piece = buffer.subarray(0, bytesRead);
          expected.update(piece);
          await output.write(piece);
          options.onProgress?.(output.written, total);
        }
      } finally {
        await input.close();
      }
    },
    {
      signal: options.signal,
      async verify(file) {
        if ((await sha256OfFile(file)) !== expected.digest('hex')) throw verifyFailed(file);
      },
    },
  );
}

export function verifyFailed(file: string): AppError {
  return new AppError('file.VERIFY_FAILED', { messageKey: 'files.errors.verifyFailed', params: { file } });
}

/** SHA-256 of a file, read in 1 MiB pieces without blocking the thread. */
export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}
