import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/core/db/open';
import { tempDir } from '../../support/core-harness';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function file(): string {
  const dir = tempDir('klkchc-mig-plans-');
  dirs.push(dir);
  return path.join(dir, 'm.sqlite3');
}

const META = `'2019-09-01T00:00:00.000Z', '2019-09-01T00:00:00.000Z', 'office', '1-0000000000000000', '[]'`;
const SYNC_COLUMNS = ['id', 'created_at', 'updated_at', 'changed_by_office', 'rev', 'rev_history', 'deleted_at'];

function columns(db: Db, table: string): string[] {
  return (db.pragma(`table_info(${table})`) as { name: string }[]).map((column) => column.name);
}

function insertUnit(db: Db, id: string, kind: string): void {
  db.prepare(
    `INSERT INTO units (id, name, name_key, sort_key, search_key, kind, managing_body,
       created_at, updated_at, changed_by_office, rev, rev_history)
     VALUES (?, ?, 'k', 'k', 'k', ?, 'district', ${META})`,
  ).run(id, `Đơn vị ${id}`, kind);
}

describe('migration 0010 (officials)', () => {
  it('adds officials with the sync columns; units survive', () => {
    const target = file();
    const v2 = openDatabase(target, { targetVersion: 2 });
    insertUnit(v2, 'u1', 'school');
    v2.close();
    const db = openDatabase(target, { targetVersion: 10 });
    expect(columns(db, 'officials')).toEqual(expect.arrayContaining([...SYNC_COLUMNS, 'name', 'position']));
    db.prepare(
      `INSERT INTO officials (id, name, name_key, sort_key, created_at, updated_at, changed_by_office, rev, rev_history)
       VALUES ('o1', 'Nguyễn Văn An', 'nguyen van an', 'k', ${META})`,
    ).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO officials (id, name, name_key, sort_key, created_at, updated_at, changed_by_office, rev, rev_history)
           VALUES ('o2', '', '', 'k', ${META})`,
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(db.prepare(`SELECT count(*) AS n FROM units`).get()).toEqual({ n: 1 });
    db.close();
  });
});

describe('migration 0011 (checklists)', () => {
  it('creates the versioned tables and the two default checklists, identical in every database', () => {
    const first = file();
    openDatabase(first, { targetVersion: 10 }).close();
    const a = openDatabase(first, { targetVersion: 11 });
    const b = openDatabase(file(), { targetVersion: 11 });
    const dump = (db: Db) =>
      db
        .prepare(
          `SELECT c.id, c.name, v.id AS version_id, g.title, k.id AS criterion, k.lineage_id, k.text, k.rev
           FROM checklists c JOIN checklist_versions v ON v.checklist_id = c.id
           JOIN checklist_groups g ON g.version_id = v.id JOIN checklist_criteria k ON k.group_id = g.id
           ORDER BY c.name, g.position, k.position`,
        )
        .all() as { criterion: string; lineage_id: string; text: string }[];
    const rows = dump(a);
    expect(rows).toHaveLength(32);
    expect(dump(b)).toEqual(rows);
    expect(rows.every((row) => row.criterion === row.lineage_id)).toBe(true);
    expect(rows.every((row) => row.text === row.text.normalize('NFC'))).toBe(true);
    for (const table of ['checklists', 'checklist_versions', 'checklist_groups', 'checklist_criteria']) {
      expect(columns(a, table)).toEqual(expect.arrayContaining(SYNC_COLUMNS));
    }
    a.close();
    b.close();
  });
});

describe('migrations 0012–0013 (plans, inspections)', () => {
  it('adds plans, scope, team and inspections referring to existing units, officials and checklists', () => {
    const target = file();
    const v11 = openDatabase(target, { targetVersion: 11 });
    insertUnit(v11, 'u1', 'school');
    v11.close();
    const db = openDatabase(target, { targetVersion: 13 });
    const checklist = (db.prepare(`SELECT id FROM checklists ORDER BY name LIMIT 1`).get() as { id: string }).id;
    db.prepare(
      `INSERT INTO plans (id, title, title_key, period_kind, period_year, checklist_id,
         created_at, updated_at, changed_by_office, rev, rev_history)
       VALUES ('p1', 'Kế hoạch', 'ke hoach', 'schoolYear', 2019, ?, ${META})`,
    ).run(checklist);
    db.prepare(
      `INSERT INTO plan_units (id, plan_id, unit_id, created_at, updated_at, changed_by_office, rev, rev_history)
       VALUES ('s1', 'p1', 'u1', ${META})`,
    ).run();
    db.prepare(
      `INSERT INTO inspections (id, plan_id, unit_id, created_at, updated_at, changed_by_office, rev, rev_history)
       VALUES ('i1', 'p1', 'u1', ${META})`,
    ).run();
    expect(db.prepare(`SELECT status, kind FROM inspections`).get()).toEqual({ status: 'planned', kind: 'regular' });
    // Foreign keys hold: no inspection of an unknown unit; a re-inspection needs its original.
    expect(() =>
      db
        .prepare(
          `INSERT INTO inspections (id, plan_id, unit_id, created_at, updated_at, changed_by_office, rev, rev_history)
           VALUES ('i2', 'p1', 'nobody', ${META})`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO inspections (id, plan_id, unit_id, kind, created_at, updated_at, changed_by_office, rev, rev_history)
           VALUES ('i3', 'p1', 'u1', 'reinspection', ${META})`,
        )
        .run(),
    ).toThrow(/CHECK/);
    for (const table of ['plans', 'plan_units', 'plan_members', 'inspections', 'inspection_requests']) {
      expect(columns(db, table)).toEqual(expect.arrayContaining(SYNC_COLUMNS));
    }

    // Criterion results are owned by their inspection: keyed by it and the criterion, no row id,
    // no sync columns, no index beside the key.
    expect(columns(db, 'inspection_results')).toEqual(['inspection_id', 'criterion_id', 'result', 'note']);
    const key = (db.pragma(`table_info(inspection_results)`) as { name: string; pk: number }[])
      .filter((column) => column.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((column) => column.name);
    expect(key).toEqual(['inspection_id', 'criterion_id']);
    expect(db.pragma(`index_list(inspection_results)`)).toEqual([
      expect.objectContaining({ name: 'sqlite_autoindex_inspection_results_1', origin: 'pk' }),
    ]);
    expect(
      (db.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'inspection_results'`).get() as { sql: string }).sql,
    ).toMatch(/\)\s*STRICT,\s*WITHOUT ROWID$/);
    const criterion = (db.prepare(`SELECT id FROM checklist_criteria LIMIT 1`).get() as { id: string }).id;
    const addResult = db.prepare(
      `INSERT INTO inspection_results (inspection_id, criterion_id, result, note) VALUES (?, ?, ?, ?)`,
    );
    addResult.run('i1', criterion, 'fail', 'Chưa niêm yết');
    expect(() => addResult.run('i1', criterion, 'pass', '')).toThrow(/UNIQUE/);
    expect(() => addResult.run('i1', 'no-criterion', 'pass', '')).toThrow(/FOREIGN KEY/);
    expect(() => addResult.run('nobody', criterion, 'pass', '')).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(`UPDATE inspection_results SET result = 'maybe'`).run()).toThrow(/CHECK/);
    expect(db.prepare(`SELECT inspection_id, criterion_id, result, note FROM inspection_results`).all()).toEqual([
      { inspection_id: 'i1', criterion_id: criterion, result: 'fail', note: 'Chưa niêm yết' },
    ]);
    db.close();
  });
});

describe('migration 0014 (audit)', () => {
  it('adds the audit log beside existing data', () => {
    const target = file();
    const v13 = openDatabase(target, { targetVersion: 13 });
    insertUnit(v13, 'u1', 'commune');
    v13.close();
    const db = openDatabase(target, { targetVersion: 14 });
    expect(columns(db, 'audit_log')).toEqual(
      expect.arrayContaining([...SYNC_COLUMNS, 'entity', 'operator', 'changes']),
    );
    expect(db.prepare(`SELECT count(*) AS n FROM units`).get()).toEqual({ n: 1 });
    db.close();
  });
});

describe('migration 0015 (progress summaries)', () => {
  it('fills the summary from existing plans and inspections, then keeps it with triggers', () => {
    const target = file();
    const db14 = openDatabase(target, { targetVersion: 14 });
    insertUnit(db14, 'u1', 'school');
    insertUnit(db14, 'u2', 'commune');
    const checklist = (db14.prepare(`SELECT id FROM checklists LIMIT 1`).get() as { id: string }).id;
    db14
      .prepare(
        `INSERT INTO plans (id, title, title_key, period_kind, period_year, checklist_id,
           created_at, updated_at, changed_by_office, rev, rev_history)
         VALUES ('p1', 'Kế hoạch', 'ke hoach', 'calendarYear', 2019, ?, ${META})`,
      )
      .run(checklist);
    for (const [id, unit] of [
      ['s1', 'u1'],
      ['s2', 'u2'],
    ]) {
      db14
        .prepare(
          `INSERT INTO plan_units (id, plan_id, unit_id, created_at, updated_at, changed_by_office, rev, rev_history)
           VALUES (?, 'p1', ?, ${META})`,
        )
        .run(id, unit);
    }
    for (const [id, status] of [
      ['i1', 'finalised'],
      ['i2', 'remedied'],
    ]) {
      db14
        .prepare(
          `INSERT INTO inspections (id, plan_id, unit_id, status, created_at, updated_at, changed_by_office, rev, rev_history)
           VALUES (?, 'p1', 'u1', ?, ${META})`,
        )
        .run(id, status);
    }
    db14
      .prepare(
        `INSERT INTO inspection_requests (id, inspection_id, text, due_date, created_at, updated_at, changed_by_office, rev, rev_history)
         VALUES ('r1', 'i1', 'x', '2019-12-01', ${META})`,
      )
      .run();
    db14.close();

    const db = openDatabase(target, { targetVersion: 15 });
    const kinds = () => db.prepare(`SELECT unit_kind, scope, inspected FROM progress_kind ORDER BY unit_kind`).all();
    expect(kinds()).toEqual([
      { unit_kind: 'commune', scope: 1, inspected: 0 },
      { unit_kind: 'school', scope: 1, inspected: 1 },
    ]);
    expect(db.prepare(`SELECT due_date, open FROM progress_requests`).all()).toEqual([
      { due_date: '2019-12-01', open: 1 },
    ]);
    db.prepare(`UPDATE inspections SET status = 'finalised' WHERE id = 'i2'`).run();
    db.prepare(`UPDATE units SET kind = 'department' WHERE id = 'u2'`).run();
    db.prepare(
      `INSERT INTO inspections (id, plan_id, unit_id, status, created_at, updated_at, changed_by_office, rev, rev_history)
       VALUES ('i3', 'p1', 'u2', 'finalised', ${META})`,
    ).run();
    expect(kinds()).toEqual([
      { unit_kind: 'commune', scope: 0, inspected: 0 },
      { unit_kind: 'department', scope: 1, inspected: 1 },
      { unit_kind: 'school', scope: 1, inspected: 1 },
    ]);
    db.prepare(`UPDATE inspection_requests SET remedied_date = '2019-11-20' WHERE id = 'r1'`).run();
    expect(db.prepare(`SELECT sum(open) AS open FROM progress_requests`).get()).toEqual({ open: 0 });
    db.close();
  });
});
