import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open';
import { tempDir } from '../../support/core-harness';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const AT = '2026-01-01T00:00:00.000Z';
const META = `'${AT}', '${AT}', 'office', '1-a'`;

/** A database at version 21 holding a plan, a finalised inspection and its results. */
function before(file: string): number {
  const db = openDatabase(file, { targetVersion: 21 });
  db.exec(`INSERT INTO units (id, name, name_key, sort_key, search_key, kind, managing_body, created_at, updated_at, changed_by_office, rev)
    VALUES ('u1', 'Trường A', 'truong a', 'k', 's', 'school', 'education', ${META})`);
  const version = db
    .prepare<[], { id: string; checklist_id: string }>(`SELECT id, checklist_id FROM checklist_versions LIMIT 1`)
    .get()!;
  const criteria = db
    .prepare<[string], { id: string }>(`SELECT id FROM checklist_criteria WHERE version_id = ? ORDER BY id`)
    .all(version.id);
  db.exec(`INSERT INTO plans (id, title, title_key, period_kind, period_year, checklist_id, created_at, updated_at, changed_by_office, rev)
    VALUES ('p1', 'Kế hoạch', 'ke hoach', 'calendarYear', 2019, '${version.checklist_id}', ${META})`);
  db.exec(`INSERT INTO inspections (id, plan_id, unit_id, status, checklist_version_id, inspection_date, created_at, updated_at, changed_by_office, rev)
    VALUES ('i1', 'p1', 'u1', 'finalised', '${version.id}', '2019-05-02', ${META})`);
  const insert = db.prepare(
    `INSERT INTO inspection_results (inspection_id, criterion_id, result, note) VALUES ('i1', ?, ?, '')`,
  );
  criteria.forEach((criterion, index) => insert.run(criterion.id, index === 0 ? 'fail' : index === 1 ? 'na' : 'pass'));
  db.close();
  return criteria.length;
}

describe('migrations 0030 (reports) and 0031 (the index of results that are not Đạt)', () => {
  it('adds the reports with the sync columns, keeping the inspections and their results', () => {
    const dir = tempDir('klkchc-mig30-');
    dirs.push(dir);
    const file = path.join(dir, 'm.sqlite3');
    const results = before(file);
    expect(results).toBeGreaterThan(2);
    const db = openDatabase(file, { targetVersion: 31 });
    expect(db.pragma('user_version', { simple: true })).toBe(31);
    expect(db.prepare(`SELECT count(*) AS n FROM inspection_results WHERE inspection_id = 'i1'`).get()).toEqual({
      n: results,
    });
    for (const table of ['reports', 'report_amendments']) {
      const columns = (db.pragma(`table_info(${table})`) as { name: string }[]).map((column) => column.name);
      expect(columns).toEqual(
        expect.arrayContaining([
          'id',
          'created_at',
          'updated_at',
          'changed_by_office',
          'rev',
          'rev_history',
          'deleted_at',
        ]),
      );
    }
    const insert = db.prepare(
      `INSERT INTO reports (id, status, period_from, period_to, as_of, created_at, updated_at, changed_by_office, rev)
       VALUES (@id, @status, @from, @to, '2026-01-01', ${META})`,
    );
    insert.run({ id: 'r1', status: 'draft', from: '2019-01-01', to: '2019-12-31' });
    const report = db.prepare(`SELECT body, appendix, plan_ids, with_charts FROM reports WHERE id = 'r1'`).get();
    expect(report).toEqual({
      body: '{"blocks":[],"refs":{}}',
      appendix: '{"plans":[],"rows":[]}',
      plan_ids: '[]',
      with_charts: 0,
    });
    // A period that ends before it starts, or a status the app does not know, is refused.
    expect(() => insert.run({ id: 'r2', status: 'draft', from: '2020-01-01', to: '2019-12-31' })).toThrow(/CHECK/);
    expect(() => insert.run({ id: 'r3', status: 'sent', from: '2019-01-01', to: '2019-12-31' })).toThrow(/CHECK/);
    const amend = db.prepare(
      `INSERT INTO report_amendments (id, report_id, reason, created_at, updated_at, changed_by_office, rev)
       VALUES (@id, @report, @reason, ${META})`,
    );
    amend.run({ id: 'a1', report: 'r1', reason: 'Sửa số liệu' });
    expect(() => amend.run({ id: 'a2', report: 'r1', reason: '' })).toThrow(/CHECK/);
    expect(() => amend.run({ id: 'a3', report: 'khong-co', reason: 'x' })).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('indexes only the results that are not Đạt, and the report reads them from it', () => {
    const dir = tempDir('klkchc-mig31-');
    dirs.push(dir);
    const file = path.join(dir, 'm.sqlite3');
    before(file);
    const db = openDatabase(file, { targetVersion: 31 });
    const sql = db
      .prepare<[], { sql: string }>(`SELECT sql FROM sqlite_schema WHERE name = 'inspection_results_findings'`)
      .get();
    expect(sql?.sql).toMatch(/WHERE result IN \('fail', 'na'\)/);
    const rows = db
      .prepare(
        `SELECT inspection_id, result FROM inspection_results INDEXED BY inspection_results_findings
         WHERE result IN ('fail', 'na') ORDER BY result`,
      )
      .all();
    expect(rows).toEqual([
      { inspection_id: 'i1', result: 'fail' },
      { inspection_id: 'i1', result: 'na' },
    ]);
    const plan = db
      .prepare<[], { detail: string }>(
        `EXPLAIN QUERY PLAN SELECT criterion_id FROM inspection_results WHERE inspection_id = 'i1' AND result IN ('fail', 'na')`,
      )
      .all()
      .map((row) => row.detail)
      .join(' | ');
    expect(plan).toMatch(/inspection_results_findings/);
    db.close();
  });
});
