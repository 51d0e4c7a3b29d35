import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { fsyncDirectory, fsyncFile } from '../../files/atomic-write';
import { removeStalePartials } from '../../files/removable-write';
import { AppError } from '../../kernel/errors';

/** Where a backup feature keeps things in the data folder. */
export interface BackupPaths {
  dataDir: string;
  databaseFile: string;
  /** Automatic backups and the state file. */
  backupsDir: string;
  /** Files checked and waiting to be restored. */
  restoreDir: string;
  /** Snapshots being written (removed when done, or at the next start). */
  snapshotsDir: string;
}

export function backupPaths(dataDir: string, databaseFile: string): BackupPaths {
  return {
    dataDir,
    databaseFile,
    backupsDir: path.join(dataDir, 'backups'),
    restoreDir: path.join(dataDir, 'restore'),
    snapshotsDir: path.join(dataDir, 'tmp', 'snapshots'),
  };
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

function switchFailed(file: string, cause: unknown): AppError {
  return new AppError('backup.SWITCH_FAILED', { messageKey: 'backup.errors.switchFailed', params: { file }, cause });
}

/**
 * Puts the staged database in place of the live one. Runs on closed files, inside the core
 * holder's `reopen` (no connection open; the old database closed with its WAL folded in), in an
 * order where a crash at any moment leaves either the whole old database or the whole new one:
 *
 * 1. the old database's -wal must be empty (folded in by the close); if SQLite could not fold
 *    it, it is folded here, and if it still holds anything the restore stops, nothing changed;
 * 2. the old -wal and -shm are removed and the folder flushed: the old file is now whole alone
 *    (a crash here starts the app on it);
 * 3. the staged file (fsynced, not WAL) is renamed over klkchc.sqlite3 — one atomic step — and
 *    the folder flushed. No -wal of the old file can be paired with the new one: there is none.
 *
 * A staged file that was never switched in is removed at the next start (recoverBackupFolders).
 */
export function switchDatabase(paths: BackupPaths, staged: string): void {
  const db = paths.databaseFile;
  const wal = `${db}-wal`;
  const shm = `${db}-shm`;
  try {
    if (sizeOf(wal) > 0) {
      const folding = new Database(db, { fileMustExist: true });
      try {
        folding.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        folding.close();
      }
      if (sizeOf(wal) > 0) throw new Error('the data file still has changes in its -wal');
    }
    fs.rmSync(wal, { force: true });
    fs.rmSync(shm, { force: true });
    fsyncDirectory(paths.dataDir);
    fs.renameSync(staged, db);
    fsyncDirectory(paths.dataDir);
  } catch (error) {
    throw switchFailed(db, error);
  }
}

/**
 * Keeps a copy of a damaged data file in the backups folder before a restore replaces it
 * (closed, its WAL folded in): SQLite cannot copy it, and technical support may still rescue
 * something from it. Named `<stem>_hong.sqlite3`: listed nowhere as a backup.
 */
export function keepDamagedFile(paths: BackupPaths, stem: string): string {
  fs.mkdirSync(paths.backupsDir, { recursive: true });
  let name = `${stem}_hong.sqlite3`;
  for (let copy = 2; fs.existsSync(path.join(paths.backupsDir, name)); copy += 1) name = `${stem}_hong_${copy}.sqlite3`;
  const target = path.join(paths.backupsDir, name);
  fs.copyFileSync(paths.databaseFile, target);
  fsyncFile(target);
  fsyncDirectory(paths.backupsDir);
  return name;
}

/**
 * At start-up, before the database is opened: what an interrupted backup or restore left. Files
 * staged for a restore that never happened, snapshots of a backup that never finished, our own
 * temporaries among the automatic backups. The database itself needs nothing: the switch above
 * leaves it whole, old or new.
 */
export function recoverBackupFolders(paths: BackupPaths): void {
  for (const dir of [paths.restoreDir, paths.snapshotsDir]) {
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // A file still open elsewhere (Windows): tried again next time.
    }
  }
  removeStalePartials(paths.backupsDir);
}
