import type Database from 'better-sqlite3';
import type { Migration } from './migrations/types';
import { AppError } from '../kernel/errors';

export function schemaVersion(db: Database.Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/**
 * Throws unless `all` can bring this database up to date: the list is in order, and the file
 * was not written by a newer app (Signal's rule). Only reads; returns the file's version.
 */
export function checkMigratable(db: Database.Database, all: readonly Migration[], file: string): number {
  for (let index = 1; index < all.length; index += 1) {
    const previous = all[index - 1];
    const current = all[index];
    if (previous && current && current.version <= previous.version) {
      throw new Error(`Migrations out of order: ${previous.version} then ${current.version}`);
    }
  }
  const latest = all.at(-1)?.version ?? 0;
  const found = schemaVersion(db);
  if (found > latest) {
    throw new AppError('DB_NEWER', { params: { file, found, supported: latest } });
  }
  return found;
}

/**
 * Brings a database up to the newest schema: each migration in its own transaction together
 * with its `user_version`, so a crash leaves the file at one version or the next, never between.
 * A database written by a newer app is refused before anything is touched.
 */
export function migrate(db: Database.Database, all: readonly Migration[], file: string, target?: number): number[] {
  const found = checkMigratable(db, all, file);
  const applied: number[] = [];
  for (const migration of all) {
    if (migration.version <= found) continue;
    if (target !== undefined && migration.version > target) break;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
    applied.push(migration.version);
  }
  return applied;
}
