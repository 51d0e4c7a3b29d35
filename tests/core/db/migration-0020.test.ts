import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open';
import { tempDir } from '../../support/core-harness';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const META = `'2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'office', '1-a'`;

describe('migration 0020 (minutes numbers)', () => {
  it('adds the numbers table on top of existing inspections, keeping them, with the sync columns', () => {
    const dir = tempDir('klkchc-mig20-');
    dirs.push(dir);
    const file = path.join(dir, 'm.sqlite3');
    const before = openDatabase(file, { targetVersion: 15 });
    // The smallest plan and inspection the earlier schema accepts (its own required columns).
    const unitColumns = `id, name, name_key, sort_key, search_key, kind, managing_body, created_at, updated_at, changed_by_office, rev`;
    before.exec(
      `INSERT INTO units (${unitColumns}) VALUES ('u1', 'Trường A', 'truong a', 'k', 's', 'school', 'education', ${META})`,
    );
    const checklist = before.prepare(`SELECT id FROM checklists LIMIT 1`).get() as { id: string } | undefined;
    expect(checklist).toBeDefined();
    const planColumns = (before.pragma('table_info(plans)') as { name: string; notnull: number; dflt_value: unknown }[])
      .filter((column) => column.notnull === 1 && column.dflt_value === null)
      .map((column) => column.name);
    const planValues: Record<string, string | number> = {
      id: 'p1',
      title: 'Kế hoạch',
      title_key: 'ke hoach',
      issuer: 'Phòng GD&ĐT',
      period_kind: 'calendarYear',
      period_year: 2020,
      target_percent: 100,
      checklist_id: checklist!.id,
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
      changed_by_office: 'office',
      rev: '1-a',
    };
    for (const column of planColumns) planValues[column] ??= 'x';
    before
      .prepare(`INSERT INTO plans (${planColumns.join(', ')}) VALUES (${planColumns.map((c) => `@${c}`).join(', ')})`)
      .run(Object.fromEntries(planColumns.map((column) => [column, planValues[column]])));
    before.exec(
      `INSERT INTO inspections (id, plan_id, unit_id, created_at, updated_at, changed_by_office, rev) VALUES ('i1', 'p1', 'u1', ${META})`,
    );
    before.close();

    const db = openDatabase(file);
    expect(db.prepare(`SELECT id FROM inspections`).all()).toEqual([{ id: 'i1' }]);
    const columns = (db.pragma('table_info(minutes_numbers)') as { name: string }[]).map((column) => column.name);
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
    const insert = db.prepare(
      `INSERT INTO minutes_numbers (id, inspection_id, plan_id, year, number, released_at, created_at, updated_at, changed_by_office, rev)
       VALUES (@id, 'i1', 'p1', 2020, @number, @released, ${META})`,
    );
    insert.run({ id: 'n1', number: 5, released: '2026-01-02T00:00:00.000Z' });
    // A released number still holds its place: it can never be given again.
    expect(() => insert.run({ id: 'n2', number: 5, released: null })).toThrow(/UNIQUE/);
    insert.run({ id: 'n3', number: 6, released: null });
    // One current number per inspection.
    expect(() => insert.run({ id: 'n4', number: 7, released: null })).toThrow(/UNIQUE/);
    expect(() => insert.run({ id: 'n5', number: 0, released: null })).toThrow(/CHECK/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
