import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { checkMigratable, migrate } from './migrate';
import { migrations as allMigrations } from './migrations';
import type { Migration } from './migrations/types';
import { AppError, explainSystemError } from '../kernel/errors';

export type Db = Database.Database;

export interface OpenOptions {
  /** For migration tests: stop at this schema version. */
  targetVersion?: number;
  migrations?: readonly Migration[];
}

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

/**
 * Opens (creating if needed) the office's database and migrates it. A file that is not a
 * database, is damaged, or comes from a newer app is refused with a plain message and left
 * exactly as it was.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const dir = path.dirname(file);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new AppError('READ_ONLY', { params: { dir }, cause: error });
  }
  const location = { file, dir };
  let db: Db;
  try {
    db = new Database(file, { fileMustExist: false });
  } catch (error) {
    throw explainSystemError(error, location) ?? new AppError('DB_CORRUPT', { params: { file }, cause: error });
  }
  try {
    // Read the header before changing anything (WAL mode rewrites it): a non-database file or
    // one from a newer app fails here, untouched.
    db.pragma('schema_version', { simple: true });
    const list = options.migrations ?? allMigrations;
    checkMigratable(db, list, file);
    applyPragmas(db);
    migrate(db, list, file, options.targetVersion);
    return db;
  } catch (error) {
    db.close();
    // A damaged, locked or read-only file, or a disk full while migrating: said plainly.
    throw explainSystemError(error, location) ?? error;
  }
}
