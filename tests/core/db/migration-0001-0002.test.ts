import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open';
import { tempDir } from '../../support/core-harness';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function file(): string {
  const dir = tempDir('klkchc-mig-');
  dirs.push(dir);
  return path.join(dir, 'm.sqlite3');
}

describe('migration 0001 (settings)', () => {
  it('creates the settings table and gives the office a UUID that later migrations keep', () => {
    const target = file();
    const v1 = openDatabase(target, { targetVersion: 1 });
    const officeId = (v1.prepare(`SELECT value FROM settings WHERE key = 'office.id'`).get() as { value: string })
      .value;
    expect(officeId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    v1.prepare(`INSERT INTO settings (key, value) VALUES ('office.name', 'Phòng GD&ĐT huyện Lộc Bình')`).run();
    v1.close();
    const latest = openDatabase(target);
    expect(latest.prepare(`SELECT value FROM settings WHERE key = 'office.id'`).get()).toEqual({ value: officeId });
    expect(latest.prepare(`SELECT value FROM settings WHERE key = 'office.name'`).get()).toEqual({
      value: 'Phòng GD&ĐT huyện Lộc Bình',
    });
    latest.close();
  });
});

describe('migration 0002 (units)', () => {
  it('adds the units table with the sync columns, on top of existing settings', () => {
    const target = file();
    openDatabase(target, { targetVersion: 1 }).close();
    const db = openDatabase(target, { targetVersion: 2 });
    const columns = (db.pragma('table_info(units)') as { name: string }[]).map((column) => column.name);
    for (const required of [
      'id',
      'created_at',
      'updated_at',
      'changed_by_office',
      'rev',
      'rev_history',
      'deleted_at',
    ]) {
      expect(columns).toContain(required);
    }
    const insert = db.prepare(`
      INSERT INTO units (id, code, code_key, name, name_key, sort_key, search_key, kind, managing_body,
        created_at, updated_at, changed_by_office, rev)
      VALUES (@id, @code, @code, 'Trường A', 'truong a', 'k', 's', 'school', 'education', 't', 't', 'o', '1-a')`);
    insert.run({ id: 'a', code: 'th01' });
    // A live code is unique; a tombstoned one may be reused.
    expect(() => insert.run({ id: 'b', code: 'th01' })).toThrow(/UNIQUE/);
    db.prepare(`UPDATE units SET deleted_at = 't2' WHERE id = 'a'`).run();
    expect(() => insert.run({ id: 'c', code: 'th01' })).not.toThrow();
    // STRICT and CHECK constraints hold.
    expect(() =>
      db
        .prepare(
          `INSERT INTO units (id, name, name_key, sort_key, search_key, kind, managing_body, created_at, updated_at, changed_by_office, rev)
                  VALUES ('d', 'X', 'x', 'x', 'x', 'castle', 'district', 't', 't', 'o', '1-a')`,
        )
        .run(),
    ).toThrow(/CHECK/);
    db.close();
    const raw = new Database(target, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(2);
    raw.close();
  });
});
