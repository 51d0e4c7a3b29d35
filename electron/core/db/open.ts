import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { checkMigratable, migrate } from './migrate';
import { migrations as allMigrations } from './migrations';
import type { Migration } from './migrations/types';
import { quickCheck } from './quick-check';
import { AppError, explainSystemError, type DataLocation } from '../kernel/errors';
import { CommonError } from '../../../shared/api/errors';

export type Db = Database.Database;

export interface OpenOptions {
  /** For migration tests: stop at this schema version. */
  targetVersion?: number;
  migrations?: readonly Migration[];
}

export interface CheckedOpenOptions extends OpenOptions {
  /**
   * Files up to this many bytes (and any file about to be migrated) get `PRAGMA quick_check`
   * before anything writes to them; larger ones are checked later, in the background.
   */
  syncCheckLimitBytes: number;
}

/** What the check at open found. */
export type OpenCheck =
  | { state: 'ok' }
  /** quick_check failed: the connection refuses writes (query_only) and nothing was migrated. */
  | { state: 'damaged'; detail: string }
  /** Too large to check during start-up: the caller checks it in the background. */
  | { state: 'deferred' };

/** The connection settings every handle uses (WAL with synchronous=FULL: every commit is on disk before it is answered). */
function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('temp_store = MEMORY');
  // Keep the WAL from growing without bound under a long session of edits.
  db.pragma('journal_size_limit = 67108864');
}

/** A damaged file is only read: no journal-mode switch (it rewrites the header), every write refused. */
function applyReadOnlyPragmas(db: Db): void {
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('temp_store = MEMORY');
  db.pragma('query_only = ON');
}

/**
 * At start-up "the disk is full" and "the disk failed" mean the data file could not be opened:
 * said so, naming it (also when the error was already explained by a step that did not know it).
 */
export function explainAtOpen(error: unknown, location: DataLocation): AppError | null {
  const known = explainSystemError(error, location);
  const params = { ...known?.params, ...location };
  if (known?.code === CommonError.diskFull && known.messageKey !== 'errors.DISK_FULL_open') {
    return new AppError('DISK_FULL', { messageKey: 'errors.DISK_FULL_open', params, cause: error });
  }
  if (known?.code === CommonError.diskIo && known.messageKey !== 'errors.DISK_IO_open') {
    return new AppError('DISK_IO', { messageKey: 'errors.DISK_IO_open', params, cause: error });
  }
  return known;
}

function errorCode(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

/**
 * Makes sure the data folder exists, creating it if needed; a file where the folder should be
 * (or above it) is named as such rather than reported as a permission problem. `file` is the
 * database file, named if the disk is full.
 */
export function prepareDataDir(dir: string, file: string): void {
  const location = { file, dir };
  let existing = dir;
  for (;;) {
    let stat: fs.Stats | null = null;
    try {
      stat = fs.statSync(existing);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') {
        throw explainAtOpen(error, location) ?? new AppError('READ_ONLY', { params: { dir }, cause: error });
      }
    }
    if (stat) {
      if (!stat.isDirectory()) throw new AppError('DATA_DIR_NOT_FOLDER', { params: { dir: existing } });
      break;
    }
    const parent = path.dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw explainAtOpen(error, location) ?? new AppError('READ_ONLY', { params: { dir }, cause: error });
  }
}

/**
 * What is at the database path before SQLite sees it. SQLite would take an empty file for a new
 * database and set it up: an empty file is far more likely a copy that was cut short, so it is
 * refused and left alone.
 */
function checkDataFile(file: string, location: DataLocation): 'missing' | 'present' {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 'missing';
    throw explainAtOpen(error, location) ?? error;
  }
  if (stat.isDirectory()) throw new AppError('DB_IS_FOLDER', { params: { file } });
  if (stat.size === 0) throw new AppError('DB_EMPTY', { params: { file } });
  return 'present';
}

/** A database this call created and could not finish (a full disk): removed, so no empty file is left to be refused next time. */
function removeUnfinished(file: string): void {
  try {
    if (fs.statSync(file).size !== 0) return;
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
  } catch {
    // Nothing there, or the disk is gone: nothing to tidy.
  }
}

function open(file: string, options: OpenOptions, syncCheckLimitBytes: number | null): { db: Db; check: OpenCheck } {
  const dir = path.dirname(file);
  const location = { file, dir };
  prepareDataDir(dir, file);
  const existed = checkDataFile(file, location) === 'present';
  let db: Db;
  try {
    db = new Database(file, { fileMustExist: existed });
  } catch (error) {
    if (!existed) removeUnfinished(file);
    throw explainAtOpen(error, location) ?? new AppError('DB_CORRUPT', { params: { file }, cause: error });
  }
  try {
    // Read the header before changing anything (WAL mode rewrites it): a non-database file or
    // one from a newer app fails here, untouched.
    db.pragma('schema_version', { simple: true });
    const list = options.migrations ?? allMigrations;
    const found = checkMigratable(db, list, file);
    let check: OpenCheck = { state: 'ok' };
    if (existed && syncCheckLimitBytes !== null) {
      const pending = list.some(
        (migration) =>
          migration.version > found &&
          (options.targetVersion === undefined || migration.version <= options.targetVersion),
      );
      // A migration writes all over the file: check first, whatever its size.
      if (pending || fs.statSync(file).size <= syncCheckLimitBytes) {
        const damage = quickCheck(db);
        if (damage !== null) {
          applyReadOnlyPragmas(db);
          return { db, check: { state: 'damaged', detail: damage } };
        }
      } else {
        check = { state: 'deferred' };
      }
    }
    applyPragmas(db);
    migrate(db, list, file, options.targetVersion);
    return { db, check };
  } catch (error) {
    db.close();
    if (!existed) removeUnfinished(file);
    // A damaged, locked or read-only file, or a disk full while migrating: said plainly.
    throw explainAtOpen(error, location) ?? error;
  }
}

/**
 * Opens (creating if needed) the office's database and migrates it. A file that is not a
 * database, is empty, is a folder, or comes from a newer app is refused with a plain message
 * and left exactly as it was. No integrity check (see openCheckedDatabase).
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  return open(file, options, null).db;
}

/**
 * openDatabase, plus `PRAGMA quick_check` before anything is written when the file is small
 * enough to check during start-up (or is about to be migrated). A damaged file is not refused:
 * it opens for reading only, so the office can still see its data while it restores a backup.
 */
export function openCheckedDatabase(file: string, options: CheckedOpenOptions): { db: Db; check: OpenCheck } {
  return open(file, options, options.syncCheckLimitBytes);
}
