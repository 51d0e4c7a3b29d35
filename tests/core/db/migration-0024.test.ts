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

describe('migration 0024 (progress by school level)', () => {
  it('fills the summary from the scope and inspections already there, and keeps it up to date', () => {
    const dir = tempDir('klkchc-mig24-');
    dirs.push(dir);
    const file = path.join(dir, 'm.sqlite3');
    const v23 = openDatabase(file, { targetVersion: 23 });
    const unit = v23.prepare(
      `INSERT INTO units (id, name, name_key, sort_key, search_key, kind, school_level, school_type, managing_body,
         created_at, updated_at, changed_by_office, rev, rev_history)
       VALUES (@id, @id, 'k', 'k', 'k', @kind, @level, @type, 'education', ${META})`,
    );
    unit.run({ id: 'thcs', kind: 'school', level: 'lowerSecondary', type: 'regular' });
    unit.run({ id: 'bt-thcs', kind: 'school', level: 'lowerSecondary', type: 'ethnicSemiBoarding' });
    unit.run({ id: 'th', kind: 'school', level: 'primary', type: 'regular' });
    unit.run({ id: 'xa', kind: 'commune', level: null, type: null });
    const checklist = (v23.prepare(`SELECT id FROM checklists LIMIT 1`).get() as { id: string }).id;
    v23
      .prepare(
        `INSERT INTO plans (id, title, title_key, period_kind, period_year, checklist_id,
           created_at, updated_at, changed_by_office, rev, rev_history)
         VALUES ('p1', 'Kế hoạch', 'k', 'schoolYear', 2019, ?, ${META})`,
      )
      .run(checklist);
    for (const id of ['thcs', 'bt-thcs', 'th', 'xa']) {
      v23
        .prepare(
          `INSERT INTO plan_units (id, plan_id, unit_id, created_at, updated_at, changed_by_office, rev, rev_history)
           VALUES (?, 'p1', ?, ${META})`,
        )
        .run(`s-${id}`, id);
    }
    const inspect = v23.prepare(
      `INSERT INTO inspections (id, plan_id, unit_id, status, created_at, updated_at, changed_by_office, rev, rev_history)
       VALUES (?, 'p1', ?, ?, ${META})`,
    );
    inspect.run('i1', 'thcs', 'finalised');
    inspect.run('i2', 'bt-thcs', 'remedied');
    inspect.run('i3', 'th', 'draft');
    inspect.run('i4', 'xa', 'finalised');
    v23.close();

    const db = openDatabase(file, { targetVersion: 24 });
    const levels = () =>
      db
        .prepare(`SELECT school_level, scope, inspected FROM progress_level WHERE scope > 0 ORDER BY school_level`)
        .all();
    expect(levels()).toEqual([
      { school_level: 'lowerSecondary', scope: 2, inspected: 2 },
      { school_level: 'primary', scope: 1, inspected: 0 },
    ]);
    db.prepare(`UPDATE inspections SET status = 'finalised' WHERE id = 'i3'`).run();
    db.prepare(`UPDATE units SET school_level = 'multiLevel' WHERE id = 'bt-thcs'`).run();
    expect(levels()).toEqual([
      { school_level: 'lowerSecondary', scope: 1, inspected: 1 },
      { school_level: 'multiLevel', scope: 1, inspected: 1 },
      { school_level: 'primary', scope: 1, inspected: 1 },
    ]);
    db.close();
  });
});
