import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open';
import { tempDir } from '../../support/core-harness';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const META = `'2019-09-01T00:00:00.000Z', '2019-09-01T00:00:00.000Z', 'office', '1-0000000000000000', '[]'`;

type Db = ReturnType<typeof openDatabase>;

function addPlan(db: Db, id: string, units: string[]): void {
  const checklist = (db.prepare(`SELECT id FROM checklists LIMIT 1`).get() as { id: string }).id;
  db.prepare(
    `INSERT INTO plans (id, title, title_key, period_kind, period_year, checklist_id,
       created_at, updated_at, changed_by_office, rev, rev_history)
     VALUES (?, 'Kế hoạch', 'k', 'schoolYear', 2019, ?, ${META})`,
  ).run(id, checklist);
  for (const unit of units) addScope(db, id, unit);
}

function addScope(db: Db, planId: string, unitId: string): void {
  db.prepare(
    `INSERT INTO plan_units (id, plan_id, unit_id, created_at, updated_at, changed_by_office, rev, rev_history)
     VALUES (?, ?, ?, ${META})`,
  ).run(`s-${planId}-${unitId}`, planId, unitId);
}

function inspect(db: Db, id: string, planId: string, unitId: string, status: string): void {
  db.prepare(
    `INSERT INTO inspections (id, plan_id, unit_id, status, created_at, updated_at, changed_by_office, rev, rev_history)
     VALUES (?, ?, ?, ?, ${META})`,
  ).run(id, planId, unitId, status);
}

/** The district's line counted from the base tables, the way a person would count it. */
function countedByHand(db: Db): { scope: number; inspected: number } {
  return db
    .prepare(
      `WITH scope AS (SELECT DISTINCT s.plan_id, s.unit_id FROM plan_units AS s JOIN plans AS p ON p.id = s.plan_id
                      WHERE s.deleted_at IS NULL AND p.deleted_at IS NULL)
       SELECT count(DISTINCT unit_id) AS scope,
              count(DISTINCT CASE WHEN EXISTS (SELECT 1 FROM inspections AS i WHERE i.plan_id = scope.plan_id
                  AND i.unit_id = scope.unit_id AND i.deleted_at IS NULL AND i.status IN ('finalised', 'remedied'))
                THEN unit_id END) AS inspected
       FROM scope`,
    )
    .get() as { scope: number; inspected: number };
}

function summary(db: Db): { scope: number; inspected: number } {
  return db
    .prepare(
      `SELECT count(*) AS scope, coalesce(sum(done_plans > 0), 0) AS inspected
       FROM progress_district WHERE scope_plans > 0`,
    )
    .get() as { scope: number; inspected: number };
}

describe('migration 0041 (the whole district, per unit)', () => {
  it('fills the summary from what is there and keeps it exact through scope, inspections and plans coming and going', () => {
    const dir = tempDir('klkchc-mig41-');
    dirs.push(dir);
    const file = path.join(dir, 'm.sqlite3');
    const v40 = openDatabase(file, { targetVersion: 40 });
    const unit = v40.prepare(
      `INSERT INTO units (id, name, name_key, sort_key, search_key, kind, managing_body,
         created_at, updated_at, changed_by_office, rev, rev_history)
       VALUES (?, ?, 'k', 'k', 'k', 'commune', 'district', ${META})`,
    );
    for (const id of ['a', 'b', 'c', 'd', 'e']) unit.run(id, id);
    // a and b in both plans; a inspected under both, b under the second only; c in scope, not inspected.
    addPlan(v40, 'p1', ['a', 'b', 'c']);
    addPlan(v40, 'p2', ['a', 'b']);
    inspect(v40, 'i1', 'p1', 'a', 'finalised');
    inspect(v40, 'i2', 'p2', 'a', 'remedied');
    inspect(v40, 'i3', 'p2', 'b', 'finalised');
    inspect(v40, 'i4', 'p1', 'c', 'draft');
    // An inspection of a unit the plan does not hold counts for no one.
    inspect(v40, 'i5', 'p1', 'd', 'finalised');
    v40.close();

    const db = openDatabase(file, { targetVersion: 41 });
    expect(summary(db)).toEqual({ scope: 3, inspected: 2 });
    expect(summary(db)).toEqual(countedByHand(db));

    const steps: Array<[string, () => void]> = [
      ['c finalised', () => db.prepare(`UPDATE inspections SET status = 'finalised' WHERE id = 'i4'`).run()],
      [
        'p2 deleted',
        () => db.prepare(`UPDATE plans SET deleted_at = '2020-01-01T00:00:00.000Z' WHERE id = 'p2'`).run(),
      ],
      ['a inspection of p1 deleted', () => db.prepare(`UPDATE inspections SET deleted_at = 'x' WHERE id = 'i1'`).run()],
      ['d taken into scope', () => addScope(db, 'p1', 'd')],
      ['p2 back', () => db.prepare(`UPDATE plans SET deleted_at = NULL WHERE id = 'p2'`).run()],
      ['b out of p2', () => db.prepare(`UPDATE plan_units SET deleted_at = 'x' WHERE id = 's-p2-b'`).run()],
      ['p1 deleted', () => db.prepare(`UPDATE plans SET deleted_at = 'x' WHERE id = 'p1'`).run()],
      [
        // A transfer may bring a plan's scope and inspections before the plan itself.
        'p3 received, its rows first',
        () => {
          db.pragma('foreign_keys = OFF');
          addScope(db, 'p3', 'e');
          inspect(db, 'i6', 'p3', 'e', 'finalised');
          addPlan(db, 'p3', []);
          db.pragma('foreign_keys = ON');
        },
      ],
      ['p3 received already deleted', () => db.prepare(`UPDATE plans SET deleted_at = 'x' WHERE id = 'p3'`).run()],
      ['p1 back', () => db.prepare(`UPDATE plans SET deleted_at = NULL WHERE id = 'p1'`).run()],
    ];
    const seen: Array<[string, { scope: number; inspected: number }]> = [];
    for (const [label, step] of steps) {
      step();
      seen.push([label, summary(db)]);
      expect([label, summary(db)]).toEqual([label, countedByHand(db)]);
    }
    expect(seen.map(([, figure]) => figure)).toEqual([
      { scope: 3, inspected: 3 },
      { scope: 3, inspected: 2 },
      { scope: 3, inspected: 1 },
      { scope: 4, inspected: 2 },
      { scope: 4, inspected: 4 },
      { scope: 4, inspected: 3 },
      { scope: 1, inspected: 1 },
      { scope: 2, inspected: 2 },
      { scope: 1, inspected: 1 },
      { scope: 4, inspected: 3 },
    ]);
    db.close();
  });
});
