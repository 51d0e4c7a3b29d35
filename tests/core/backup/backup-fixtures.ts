import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { SealedReader } from '../../../electron/core/files/sealed-reader';
import { unsealBackup, writeBackupFile } from '../../../electron/core/features/backup/backup-file';
import type { BackupJob, BackupManifest } from '../../../shared/domain/backup';
import { sha256OfFile } from '../../../electron/core/files/removable-write';
import { ApiFailure, tempDir, type TestCore } from '../../support/core-harness';

export const PASSWORD = 'Lộc Bình 2026!';

export function folder(cleanups: (() => void)[], prefix = 'klkchc-backup-'): string {
  const dir = tempDir(prefix);
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Starts "Sao lưu ngay" and waits for its job to end. */
export async function backUp(h: TestCore, target: string, password: string | null = null): Promise<BackupJob> {
  const job = await h.call('backup.start', { folder: target, password });
  return h.core.services.backup.settle(job.jobId);
}

export async function backUpFile(h: TestCore, target: string, password: string | null = null): Promise<string> {
  const done = await backUp(h, target, password);
  expect(done.error).toBe('');
  expect(done.state).toBe('done');
  return done.result!.path;
}

/**
 * Everything the database holds, as one digest: every row of every table, in a fixed order. Two
 * files with the same digest hold the same data; the live one before and after a refused
 * restore must have it unchanged.
 */
export function contentDigest(db: Database.Database): string {
  const hash = createHash('sha256');
  const tables = db
    .prepare<[], { name: string }>(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
    .all();
  for (const { name } of tables) {
    hash.update(`\n#${name}\n`);
    // Sorted in JavaScript: some tables have no rowid.
    const rows = db
      .prepare(`SELECT * FROM "${name}"`)
      .all()
      .map((row) => JSON.stringify(row))
      .sort();
    for (const row of rows) hash.update(row);
  }
  return hash.digest('hex');
}

export function fileDigest(file: string): string {
  return contentDigest(new Database(file, { readonly: true, fileMustExist: true }));
}

/** The database inside a backup file, written to `target`; with the manifest. */
export async function extract(file: string, target: string, password: string | null = null): Promise<BackupManifest> {
  const reader = await SealedReader.open(file, { password });
  try {
    return await unsealBackup(reader, target, file);
  } finally {
    await reader.close();
  }
}

/** A backup whose database was changed by `edit` (then sealed again, its manifest made to match). */
export async function resealed(
  source: string,
  target: string,
  edit: (db: Database.Database) => void,
  work: string,
): Promise<void> {
  const inner = path.join(work, `inner-${Date.now()}.sqlite3`);
  const manifest = await extract(source, inner);
  const db = new Database(inner);
  edit(db);
  db.close();
  const { size } = fs.statSync(inner);
  const checksum = Promise.resolve({ bytes: size, sha256: await sha256OfFile(inner) });
  await writeBackupFile(target, inner, (database) => ({ ...manifest, database }), checksum, { password: null });
  fs.rmSync(inner, { force: true });
}

/** The error a call answered, expected to fail. */
export async function refusal(work: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await work;
  } catch (error) {
    if (error instanceof ApiFailure) return error.error;
    throw error;
  }
  throw new Error('expected the call to be refused');
}
