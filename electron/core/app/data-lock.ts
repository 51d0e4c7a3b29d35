import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError, explainSystemError } from '../kernel/errors';
import { ErrorCode } from '../../../shared/api/errors';
import { formatDateTime } from '../../../shared/format/date';

// One process per data folder, whatever opens it: the desktop app, browser mode, another
// Windows session, or another version of the app.
//
// Why a lock file created with O_EXCL ('wx'): creating a file that must not exist is atomic on
// NTFS, ext4, APFS and SMB shares alike, and behaves the same in Electron and in plain Node.
// Electron's single-instance lock covers neither browser mode nor another user's session, and
// SQLite's own locks last only as long as a transaction. An OS lock held by an open handle
// (LockFileEx, fcntl) would vanish with a crashed process, but Node offers none, and on Windows
// Node opens every file shareable, so an open handle proves nothing.
//
// The price is a lock left behind by a crash. It is taken over only when it provably belongs
// to no one: the recorded process is gone from this computer (process.kill(pid, 0) answers
// ESRCH on Windows as on Linux), or the pid is this very process's without it holding the lock
// (a restarted container reuses pids). A lock written on another computer (a shared folder) is
// never taken over; the message names the computer, and how to remove the file by hand.
// A process still alive under a reused pid keeps the folder locked: the message says how to
// clear it.
//
// The file name and the fields pid, hostname, mode and startedAt are fixed for good, so every
// version of the app reads every other's lock; extra fields are ignored.

export const LOCK_FILE_NAME = 'klkchc.lock';

interface LockRecord {
  app: 'kiem-tra-klkchc';
  pid: number;
  hostname: string;
  mode: string;
  startedAt: string;
  appVersion: string;
  /** Random per acquisition: release removes the file only if it is still this one. */
  token: string;
}

interface SeenLock {
  raw: string;
  record: LockRecord | null;
  ageMs: number;
}

export interface DataLock {
  file: string;
  release(): void;
}

/** A lock file that cannot be read may be one being written this instant: wait this long before calling it abandoned. */
const UNREADABLE_GRACE_MS = 5_000;
/** A takeover lasts milliseconds; a guard file older than this was left by a crash mid-takeover. */
const TAKEOVER_GUARD_STALE_MS = 10_000;
const ATTEMPTS = 20;
const PAUSE_MS = 50;

/** Lock files this process holds (file → token). */
const held = new Map<string, string>();
/** Their releases, run when the process exits without closing (one listener for all). */
const releases = new Set<() => void>();
let exitHooked = false;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function codeOf(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

function explain(error: unknown, dir: string): AppError {
  return explainSystemError(error, { file: '', dir }) ?? new AppError('READ_ONLY', { params: { dir }, cause: error });
}

function parseRecord(raw: string): LockRecord | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  const record = value as Partial<Record<keyof LockRecord, unknown>>;
  if (!Number.isInteger(record.pid) || (record.pid as number) <= 0 || typeof record.hostname !== 'string') return null;
  return {
    app: 'kiem-tra-klkchc',
    pid: record.pid as number,
    hostname: record.hostname,
    mode: typeof record.mode === 'string' ? record.mode : '',
    startedAt: typeof record.startedAt === 'string' ? record.startedAt : '',
    appVersion: typeof record.appVersion === 'string' ? record.appVersion : '',
    token: typeof record.token === 'string' ? record.token : '',
  };
}

/** The lock as it is now, or null if it vanished meanwhile. */
function readLock(file: string, dir: string): SeenLock | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return null;
    throw explain(error, dir);
  }
  try {
    const stat = fs.fstatSync(fd);
    const raw = fs.readFileSync(fd, 'utf8');
    return { raw, record: parseRecord(raw), ageMs: Date.now() - stat.mtimeMs };
  } finally {
    fs.closeSync(fd);
  }
}

/** Creates the lock file only if there is none; false when another exists. */
function tryCreate(file: string, text: string, dir: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx');
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    fs.writeSync(fd, text);
  } catch (error) {
    fs.closeSync(fd);
    // A full disk: leave no empty lock behind.
    fs.rmSync(file, { force: true });
    throw explain(error, dir);
  }
  fs.closeSync(fd);
  return true;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return codeOf(error) === 'EPERM';
  }
}

function isAbandoned(record: LockRecord, file: string): boolean {
  if (record.hostname.toLowerCase() !== os.hostname().toLowerCase()) return false;
  if (record.pid === process.pid) return !held.has(file);
  return !processAlive(record.pid);
}

/**
 * Removes an abandoned lock, provided it is still the one that was judged abandoned. Takeovers
 * are serialised through a guard file, so two processes recovering at once cannot remove each
 * other's fresh lock (only a takeover ever removes another process's lock).
 */
function removeAbandoned(file: string, judged: string, dir: string): void {
  const guard = `${file}.takeover`;
  let fd: number;
  try {
    fd = fs.openSync(guard, 'wx');
  } catch (error) {
    if (codeOf(error) !== 'EEXIST') throw explain(error, dir);
    const stat = fs.statSync(guard, { throwIfNoEntry: false });
    if (stat && Date.now() - stat.mtimeMs > TAKEOVER_GUARD_STALE_MS) fs.rmSync(guard, { force: true });
    else sleep(PAUSE_MS);
    return;
  }
  fs.closeSync(fd);
  try {
    if (readLock(file, dir)?.raw === judged) fs.rmSync(file, { force: true });
  } finally {
    fs.rmSync(guard, { force: true });
  }
}

function inUse(dir: string, file: string, record: LockRecord | null): AppError {
  if (record === null) {
    return new AppError(ErrorCode.dataInUse, {
      messageKey: 'errors.DATA_IN_USE_unknown',
      params: { dir, lockFile: file },
    });
  }
  const kind = record.mode === 'browser' || record.mode === 'electron' ? record.mode : 'other';
  return new AppError(ErrorCode.dataInUse, {
    messageKey: `errors.DATA_IN_USE_${kind}`,
    params: {
      dir,
      lockFile: file,
      pid: record.pid,
      host: record.hostname,
      since: formatDateTime(record.startedAt) || record.startedAt,
    },
  });
}

/**
 * Takes the data folder for this process, or throws DATA_IN_USE naming the process that has it.
 * The folder must exist. Released by `release()`, or when the process exits.
 */
export function acquireDataLock(dataDir: string, owner: { mode: string; appVersion: string }): DataLock {
  const file = path.join(dataDir, LOCK_FILE_NAME);
  const token = randomBytes(8).toString('hex');
  const record: LockRecord = {
    app: 'kiem-tra-klkchc',
    pid: process.pid,
    hostname: os.hostname(),
    mode: owner.mode,
    startedAt: new Date().toISOString(),
    appVersion: owner.appVersion,
    token,
  };
  const text = `${JSON.stringify(record, null, 2)}\n`;
  let last: SeenLock | null = null;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    try {
      if (tryCreate(file, text, dataDir)) return holdLock(file, token, dataDir);
    } catch (error) {
      // Windows refuses to create a file whose previous self is still being deleted: try again.
      const transient = process.platform === 'win32' && ['EPERM', 'EACCES', 'EBUSY'].includes(String(codeOf(error)));
      if (error instanceof AppError || !transient || attempt >= 5) throw explain(error, dataDir);
      sleep(PAUSE_MS);
      continue;
    }
    const seen = readLock(file, dataDir);
    if (seen === null) continue;
    last = seen;
    if (seen.record === null) {
      if (seen.ageMs < UNREADABLE_GRACE_MS) sleep(PAUSE_MS);
      else removeAbandoned(file, seen.raw, dataDir);
      continue;
    }
    if (!isAbandoned(seen.record, file)) throw inUse(dataDir, file, seen.record);
    removeAbandoned(file, seen.raw, dataDir);
  }
  throw inUse(dataDir, file, last?.record ?? null);
}

function holdLock(file: string, token: string, dir: string): DataLock {
  held.set(file, token);
  const release = () => {
    if (held.get(file) !== token) return;
    held.delete(file);
    releases.delete(release);
    try {
      // Someone may have removed it by hand and another process taken the folder since.
      if (readLock(file, dir)?.record?.token === token) fs.rmSync(file, { force: true });
    } catch {
      // The folder is gone (a removed USB stick): nothing left to release.
    }
  };
  releases.add(release);
  if (!exitHooked) {
    exitHooked = true;
    process.on('exit', () => {
      for (const pending of [...releases]) pending();
    });
  }
  return { file, release };
}
