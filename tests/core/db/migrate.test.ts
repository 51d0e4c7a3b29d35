import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open';
import { migrate, schemaVersion } from '../../../electron/core/db/migrate';
import { LATEST_SCHEMA_VERSION, migrations } from '../../../electron/core/db/migrations';
import type { Migration } from '../../../electron/core/db/migrations/types';
import { AppError } from '../../../electron/core/kernel/errors';
import { tempDir } from '../../support/core-harness';

const dirs: string[] = [];
function dbFile(): string {
  const dir = tempDir('klkchc-migrate-');
  dirs.push(dir);
  return path.join(dir, 'test.sqlite3');
}

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('migrations', () => {
  it('are numbered in increasing order', () => {
    const versions = migrations.map((migration) => migration.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(LATEST_SCHEMA_VERSION).toBe(versions.at(-1));
  });

  it('bring a new file to the latest version with WAL, synchronous=FULL and foreign keys', () => {
    const db = openDatabase(dbFile());
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('run each step in its own transaction: a failing step leaves the previous version intact', () => {
    const file = dbFile();
    const failing: Migration[] = [
      ...migrations.slice(0, 1),
      {
        version: 999,
        name: 'broken',
        up(db) {
          db.exec('CREATE TABLE half_done (x INTEGER) STRICT');
          throw new Error('boom');
        },
      },
    ];
    expect(() => openDatabase(file, { migrations: failing })).toThrow('boom');
    const db = new Database(file);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare(`SELECT name FROM sqlite_schema WHERE name = 'half_done'`).get()).toBeUndefined();
    db.close();
  });

  it('refuse a database written by a newer app, before touching it', () => {
    const file = dbFile();
    const newer = new Database(file);
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    newer.exec('CREATE TABLE future (x) ');
    newer.close();
    const before = fs.readFileSync(file);
    let caught: unknown;
    try {
      openDatabase(file);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('DB_NEWER');
    expect((caught as AppError).params).toMatchObject({
      found: LATEST_SCHEMA_VERSION + 5,
      supported: LATEST_SCHEMA_VERSION,
    });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuse a file that is not a database, leaving it unchanged', () => {
    const file = dbFile();
    fs.writeFileSync(file, 'STT,Tên đơn vị\n1,Trường Mầm non Hoa Sen\n'.repeat(100));
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code: 'DB_CORRUPT' }) as Error);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuse a truncated database', () => {
    const file = dbFile();
    const db = openDatabase(file);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, 100));
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code: 'DB_CORRUPT' }) as Error);
  });

  it('refuse a file another program holds locked, naming it, and leave it alone', () => {
    const file = dbFile();
    const other = new Database(file);
    other.exec('CREATE TABLE t (x INTEGER) STRICT');
    other.exec('BEGIN EXCLUSIVE');
    try {
      expect(() => openDatabase(file)).toThrow(
        expect.objectContaining({ code: 'DB_LOCKED', params: { file } }) as Error,
      );
    } finally {
      other.exec('ROLLBACK');
    }
    expect(schemaVersion(other)).toBe(0);
    other.close();
  });

  it('refuse out-of-order migration lists', () => {
    const db = new Database(':memory:');
    const noop = (version: number): Migration => ({ version, name: `m${version}`, up: () => undefined });
    expect(() => migrate(db, [noop(2), noop(1)], ':memory:')).toThrow(/out of order/);
    db.close();
  });
});
