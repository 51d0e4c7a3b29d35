import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open';
import { ReportDigest } from '../../../electron/core/features/reports/report-digest';
import { tempDir } from '../../support/core-harness';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const META = `'2019-09-01T00:00:00.000Z', '2019-09-01T00:00:00.000Z', 'office', '1-0000000000000000', '[]'`;

type Db = ReturnType<typeof openDatabase>;

function inspect(db: Db, id: string, unitId: string, status: string, date: string | null, finalisedAt: string): void {
  const version = db.prepare(`SELECT id FROM checklist_versions LIMIT 1`).pluck().get() as string;
  db.prepare(
    `INSERT INTO inspections (id, plan_id, unit_id, status, checklist_version_id, inspection_date, minutes_number,
       limitations, finalised_at, created_at, updated_at, changed_by_office, rev, rev_history)
     VALUES (?, 'p1', ?, ?, ?, ?, ?, 'Hồ sơ chưa khoa học', ?, ${META})`,
  ).run(id, unitId, status, version, date, `${id}/BB`, finalisedAt);
}

function criteria(db: Db): string[] {
  return db.prepare(`SELECT id FROM checklist_criteria ORDER BY id LIMIT 3`).pluck().all() as string[];
}

function digest(db: Db) {
  return db
    .prepare(
      `SELECT d.inspection_id AS id, p.id AS plan, u.id AS unit, d.inspection_date AS date, d.minutes_number AS minutes,
         d.findings, d.requests
       FROM report_digest AS d JOIN report_keys AS p ON p.n = d.plan_n JOIN report_keys AS u ON u.n = d.unit_n
       ORDER BY d.plan_n, d.unit_n, d.inspection_date, d.finalised_at, d.inspection_id`,
    )
    .all() as { id: string; plan: string; unit: string; date: string; minutes: string; findings: string | null }[];
}

/** A digest's findings as criterion ids, "-" before one that does not apply. */
function findingsOf(db: Db, findings: string | null): string[] {
  const idOf = db.prepare(`SELECT id FROM report_keys WHERE n = ?`).pluck();
  return (findings ?? '')
    .split(',')
    .filter((item) => item !== '')
    .map((item) => `${item.startsWith('-') ? '-' : ''}${idOf.get(Math.abs(Number(item))) as string}`)
    .sort();
}

describe('migration 0042 (the report digest)', () => {
  it('marks the locked inspections already held, digests them, and keeps marking what later writes touch', () => {
    const dir = tempDir('klkchc-mig42-');
    dirs.push(dir);
    const file = path.join(dir, 'm.sqlite3');
    const v41 = openDatabase(file, { targetVersion: 41 });
    const unit = v41.prepare(
      `INSERT INTO units (id, name, name_key, sort_key, search_key, kind, managing_body,
         created_at, updated_at, changed_by_office, rev, rev_history)
       VALUES (?, ?, 'k', 'k', 'k', 'school', 'district', ${META})`,
    );
    for (const id of ['a', 'b']) unit.run(id, id);
    const checklist = v41.prepare(`SELECT id FROM checklists LIMIT 1`).pluck().get() as string;
    v41.exec(`INSERT INTO plans (id, title, title_key, period_kind, period_year, checklist_id,
       created_at, updated_at, changed_by_office, rev, rev_history)
     VALUES ('p1', 'Kế hoạch', 'k', 'schoolYear', 2019, '${checklist}', ${META})`);
    // a: inspected twice (the later one is its record); b: a draft only.
    inspect(v41, 'i2', 'a', 'finalised', '2019-10-20', '2019-10-20T10:00:00.000Z');
    inspect(v41, 'i1', 'a', 'remedied', '2019-10-01', '2019-10-01T10:00:00.000Z');
    inspect(v41, 'i3', 'b', 'draft', '2019-10-05', '');
    const [c1, c2, c3] = criteria(v41);
    const result = v41.prepare(
      `INSERT INTO inspection_results (inspection_id, criterion_id, result, note) VALUES (?, ?, ?, '')`,
    );
    result.run('i2', c1, 'fail');
    result.run('i2', c2, 'na');
    result.run('i2', c3, 'pass');
    result.run('i3', c1, 'fail');
    v41.exec(`INSERT INTO inspection_requests (id, inspection_id, text, due_date, remedied_date, ord,
       created_at, updated_at, changed_by_office, rev, rev_history)
     VALUES ('q1', 'i2', 'Sắp xếp lại hồ sơ', '2019-12-01', NULL, 0, ${META})`);
    v41.close();

    const db = openDatabase(file, { targetVersion: 42 });
    // Every row survived; the locked inspections wait to be digested.
    expect(db.prepare(`SELECT count(*) FROM inspections`).pluck().get()).toBe(3);
    expect(db.prepare(`SELECT count(*) FROM inspection_results`).pluck().get()).toBe(4);
    expect(db.prepare(`SELECT inspection_id FROM report_stale ORDER BY 1`).pluck().all()).toEqual(['i1', 'i2']);

    const reports = new ReportDigest(db);
    expect(reports.refresh()).toBe(true);
    expect(reports.refresh()).toBe(false);
    // By plan, unit, then oldest first: the record of a unit is its last row.
    const rows = digest(db);
    expect(rows.map((row) => [row.id, row.plan, row.unit, row.date, row.minutes])).toEqual([
      ['i1', 'p1', 'a', '2019-10-01', 'i1/BB'],
      ['i2', 'p1', 'a', '2019-10-20', 'i2/BB'],
    ]);
    expect(findingsOf(db, rows[1]!.findings)).toEqual([c1, `-${c2}`].sort());
    expect(db.prepare(`SELECT requests FROM report_digest WHERE inspection_id = 'i2'`).pluck().get()).toBe(
      '2019-12-01\u001f\u001fSắp xếp lại hồ sơ',
    );

    // Writes mark only what can change a digest: a result "Đạt" saved, or a note, does not.
    db.prepare(`UPDATE inspection_results SET note = 'x' WHERE inspection_id = 'i2'`).run();
    db.prepare(`UPDATE inspection_results SET result = 'pass' WHERE inspection_id = 'i2' AND criterion_id = ?`).run(c3);
    expect(db.prepare(`SELECT count(*) FROM report_stale`).pluck().get()).toBe(0);
    db.prepare(`UPDATE inspection_results SET result = 'pass' WHERE inspection_id = 'i2' AND criterion_id = ?`).run(c1);
    db.prepare(
      `UPDATE inspections SET status = 'finalised', finalised_at = '2019-10-05T09:00:00.000Z' WHERE id = 'i3'`,
    ).run();
    db.prepare(`UPDATE inspection_requests SET remedied_date = '2019-11-02' WHERE id = 'q1'`).run();
    db.prepare(`UPDATE inspections SET deleted_at = '2019-11-03T00:00:00.000Z' WHERE id = 'i1'`).run();
    expect(db.prepare(`SELECT inspection_id FROM report_stale ORDER BY 1`).pluck().all()).toEqual(['i1', 'i2', 'i3']);
    reports.refresh();
    const after = digest(db);
    expect(after.map((row) => [row.id, row.unit])).toEqual([
      ['i2', 'a'],
      ['i3', 'b'],
    ]);
    expect(findingsOf(db, after[0]!.findings)).toEqual([`-${c2}`]);
    expect(db.prepare(`SELECT requests FROM report_digest WHERE inspection_id = 'i2'`).pluck().get()).toBe(
      '2019-12-01\u001f2019-11-02\u001fSắp xếp lại hồ sơ',
    );
    db.close();
  });
});
