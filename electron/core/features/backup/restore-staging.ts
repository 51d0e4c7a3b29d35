import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate, schemaVersion } from '../../db/migrate';
import { migrations, LATEST_SCHEMA_VERSION } from '../../db/migrations';
import { runSqliteSteps, WorkerStepError } from '../../db/sqlite-worker';
import { fsyncDirectory, fsyncFile } from '../../files/atomic-write';
import { readSealedInfo } from '../../files/sealed-reader';
import { sealedError } from '../../files/sealed-format';
import { AppError, explainSystemError } from '../../kernel/errors';
import { factSteps, factsFrom, OUR_TABLES_SQL, OFFICE_ID_SQL, type DatabaseFacts } from './database-facts';
import { openBackup, unsealBackup } from './backup-file';
import { sniffFile } from './file-kind';

/** A file checked and made ready to be switched in, inside the data folder. */
export interface StagedFile {
  id: string;
  /** The staged database: same filesystem as the live one, not WAL, integrity_check ok, fsynced. */
  file: string;
  fileName: string;
  source: 'backup' | 'dataFile';
  encrypted: boolean;
  takenAt: string | null;
  appVersion: string | null;
  migratedFrom: number | null;
  facts: DatabaseFacts;
}

export type StageOutcome = { state: 'needsPassword'; fileName: string } | { state: 'ready'; staged: StagedFile };

function notBackup(file: string, what: string): AppError {
  return new AppError('backup.NOT_A_BACKUP', { messageKey: `backup.errors.notBackup.${what}`, params: { file } });
}

function damagedData(file: string, detail: string): AppError {
  return new AppError('backup.DAMAGED_DATA', { messageKey: 'backup.errors.damagedData', params: { file, detail } });
}

/** Copies a bare data file into the staging file (a stick is read once, in pieces). */
async function copyInto(source: string, target: string, signal: AbortSignal | undefined): Promise<void> {
  const input = await fs.promises.open(source, 'r');
  const output = await fs.promises.open(target, 'wx');
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      if (signal?.aborted) throw new AppError('file.CANCELLED', { messageKey: 'files.errors.cancelled' });
      const { bytesRead } = await input.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      for (let offset = 0; offset < bytesRead;) {
        offset += (await output.write(buffer, offset, bytesRead - offset)).bytesWritten;
      }
    }
    await output.sync();
  } finally {
    await input.close();
    await output.close();
  }
}

/**
 * Checks the staged copy in a worker: a database at all, one of this app's (a settings table
 * with the office id), not from a newer app, `PRAGMA integrity_check` ok (a full check: a
 * restored file must be sound throughout), and in rollback-journal mode (a bare data file copied
 * from another PC is in WAL mode: switched here, on the copy).
 */
async function checkStaged(file: string, name: string): Promise<number> {
  let results: unknown[];
  try {
    results = await runSqliteSteps([
      { op: 'open', file, readonly: false },
      { op: 'pragma', pragma: 'user_version' },
      { op: 'get', sql: OUR_TABLES_SQL },
    ]);
  } catch (error) {
    if (error instanceof WorkerStepError && /^SQLITE_(NOTADB|CORRUPT)/.test(error.code)) {
      throw damagedData(name, error.message);
    }
    throw error;
  }
  const version = Number((results[1] as { user_version?: unknown }[])[0]?.user_version ?? 0);
  if (version === 0 || Number((results[2] as { found?: unknown }).found) !== 1) throw notBackup(name, 'sqliteOther');
  if (version > LATEST_SCHEMA_VERSION) {
    throw new AppError('backup.NEWER', {
      messageKey: 'backup.errors.newer',
      params: { file: name, found: version, supported: LATEST_SCHEMA_VERSION },
    });
  }
  try {
    results = await runSqliteSteps([
      { op: 'open', file, readonly: false },
      { op: 'get', sql: OFFICE_ID_SQL },
      { op: 'pragma', pragma: 'integrity_check' },
      { op: 'pragma', pragma: 'journal_mode = DELETE' },
    ]);
  } catch (error) {
    if (error instanceof WorkerStepError && /^SQLITE_(NOTADB|CORRUPT)/.test(error.code)) {
      throw damagedData(name, error.message);
    }
    throw error;
  }
  if (Number((results[1] as { found?: unknown }).found) !== 1) throw notBackup(name, 'sqliteOther');
  const integrity = (results[2] as { integrity_check?: unknown }[]).map((row) => String(row.integrity_check));
  if (integrity.length !== 1 || integrity[0] !== 'ok') throw damagedData(name, integrity.slice(0, 3).join('; '));
  const mode = (results[3] as { journal_mode?: string }[])[0]?.journal_mode ?? '';
  if (mode !== 'delete') throw damagedData(name, `journal_mode ${mode}`);
  return version;
}

/** An older schema is brought up to date on the copy (never on the file the user chose). */
function migrateCopy(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    migrate(db, migrations, file);
    if (schemaVersion(db) !== LATEST_SCHEMA_VERSION) throw new Error('migration did not reach the latest schema');
  } finally {
    db.close();
  }
}

/**
 * Makes a chosen file ready to restore, without touching the live database: a sealed backup is
 * opened (its password checked), every chunk checked and the database written into the data
 * folder's restore/ folder, its size and SHA-256 compared with the manifest; a bare data file
 * (klkchc.sqlite3 copied by hand) is copied there. Either copy is then checked (checkStaged),
 * migrated if older, its facts read, and flushed. Any refusal removes the copy and names the
 * problem: empty, another kind of file, damaged, cut short, a wrong password, a newer app.
 */
export async function stageRestore(
  source: string,
  fileName: string,
  password: string | null,
  restoreDir: string,
  signal?: AbortSignal,
): Promise<StageOutcome> {
  let kind;
  try {
    kind = sniffFile(source);
  } catch (error) {
    throw new AppError('FILE_NOT_FOUND', { cause: error });
  }
  if (kind === 'empty') {
    throw new AppError('backup.EMPTY_FILE', { messageKey: 'backup.errors.emptyFile', params: { file: fileName } });
  }
  if (kind !== 'sealed' && kind !== 'sqlite') throw notBackup(fileName, kind);
  if (kind === 'sealed') {
    const info = await readSealedInfo(source, fileName);
    if (info.encrypted && !password) return { state: 'needsPassword', fileName };
  }
  fs.mkdirSync(restoreDir, { recursive: true });
  const id = randomBytes(12).toString('base64url');
  const file = path.join(restoreDir, `incoming-${id}.sqlite3`);
  try {
    let encrypted = false;
    let takenAt: string | null = null;
    let appVersion: string | null = null;
    if (kind === 'sealed') {
      const reader = await openBackup(source, password, fileName);
      encrypted = reader.info.encrypted;
      try {
        const manifest = await unsealBackup(reader, file, fileName, { signal });
        takenAt = manifest.createdAt;
        appVersion = manifest.appVersion;
      } finally {
        await reader.close();
      }
    } else {
      await copyInto(source, file, signal);
      takenAt = fs.statSync(source).mtime.toISOString();
    }
    const version = await checkStaged(file, fileName);
    const migratedFrom = version < LATEST_SCHEMA_VERSION ? version : null;
    if (migratedFrom !== null) migrateCopy(file);
    const facts = factsFrom(await runSqliteSteps([{ op: 'open', file, readonly: true }, ...factSteps()]), 1);
    // Flushed now, so the switch is a rename of a file already on disk.
    fsyncFile(file);
    fsyncDirectory(restoreDir);
    return {
      state: 'ready',
      staged: {
        id,
        file,
        fileName,
        source: kind === 'sealed' ? 'backup' : 'dataFile',
        encrypted,
        takenAt,
        appVersion,
        migratedFrom,
        facts,
      },
    };
  } catch (error) {
    removeStaged(file);
    if (error instanceof AppError) throw error;
    const known = explainSystemError(error, { file: fileName, dir: restoreDir });
    if (known && known.code === 'DB_CORRUPT') throw sealedError('damaged', fileName, error);
    throw known ?? error;
  }
}

/** Removes a staged file and anything SQLite left beside it. */
export function removeStaged(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) {
    try {
      fs.rmSync(`${file}${suffix}`, { force: true });
    } catch {
      // Removed at the next start (restore-switch.ts, recoverBackupFolders).
    }
  }
}
