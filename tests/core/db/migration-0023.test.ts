import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/core/db/open';
import { tempDir } from '../../support/core-harness';

/**
 * Migration 0023 rebuilds `units` (a STRICT table's CHECK cannot be altered) to take the
 * semi-boarding "level" apart into a level and a type, on a database whose plans, scope rows,
 * inspections and child units point at the units being rebuilt.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function file(): string {
  const dir = tempDir('klkchc-mig23-');
  dirs.push(dir);
  return path.join(dir, 'm.sqlite3');
}

const META = `'2019-09-01T00:00:00.000Z', '2019-09-02T00:00:00.000Z', 'office-a', '4-00000000000000ab', '["3-00000000000000ab"]'`;

/** Real names of a district's schools, with the level the old model made a clerk pick. */
const OLD_UNITS: [id: string, name: string, kind: string, level: string | null][] = [
  ['bt-thcs', 'Trường PTDTBT THCS Mẫu Sơn', 'school', 'ethnicSemiBoarding'],
  ['bt-th', 'Trường PTDTBT Tiểu học Hữu Lân', 'school', 'ethnicSemiBoarding'],
  ['bt-th-thcs', 'Trường PTDTBT TH&THCS Xuân Lễ', 'school', 'ethnicSemiBoarding'],
  ['bt-lien-cap', 'Trường PTDTBT Tiểu học và THCS Khuất Xá', 'school', 'ethnicSemiBoarding'],
  ['bt-spelled', 'Trường Phổ thông dân tộc bán trú Trung học cơ sở Tam Gia', 'school', 'ethnicSemiBoarding'],
  ['bt-bare', 'Trường PTDTBT Mẫu Sơn', 'school', 'ethnicSemiBoarding'],
  ['bt-picked-thcs', 'Trường PTDTBT THCS Tú Đoạn', 'school', 'lowerSecondary'],
  ['nt', 'Trường PTDTNT THCS và THPT Lộc Bình', 'school', 'other'],
  ['thcs', 'Trường THCS thị trấn Lộc Bình', 'school', 'lowerSecondary'],
  ['th-thcs', 'Trường TH và THCS Lục Thôn', 'school', 'multiLevel'],
  ['mn', 'Trường Mầm non Hoa Sen', 'school', 'preschool'],
  ['xa', 'UBND xã Hiệp Hạ', 'commune', null],
  ['phong', 'Phòng Giáo dục và Đào tạo', 'department', null],
];

const EXPECTED: Record<string, [level: string | null, type: string | null]> = {
  'bt-thcs': ['lowerSecondary', 'ethnicSemiBoarding'],
  'bt-th': ['primary', 'ethnicSemiBoarding'],
  'bt-th-thcs': ['multiLevel', 'ethnicSemiBoarding'],
  'bt-lien-cap': ['multiLevel', 'ethnicSemiBoarding'],
  'bt-spelled': ['lowerSecondary', 'ethnicSemiBoarding'],
  'bt-bare': ['other', 'ethnicSemiBoarding'],
  'bt-picked-thcs': ['lowerSecondary', 'ethnicSemiBoarding'],
  nt: ['other', 'ethnicBoarding'],
  thcs: ['lowerSecondary', 'regular'],
  'th-thcs': ['multiLevel', 'regular'],
  mn: ['preschool', 'regular'],
  xa: [null, null],
  phong: [null, null],
  gone: ['lowerSecondary', 'ethnicSemiBoarding'],
};

/** A v22 database as a district keeps it: units (one a child, one deleted), a plan, its scope, inspections. */
function oldDatabase(target: string): void {
  const db = openDatabase(target, { targetVersion: 22 });
  const unit = db.prepare(
    `INSERT INTO units (id, code, code_key, name, name_key, sort_key, search_key, kind, school_level, managing_body,
       parent_id, head_name, created_at, updated_at, changed_by_office, rev, rev_history, deleted_at)
     VALUES (@id, @code, @code, @name, lower(@name), @name, lower(@name), @kind, @level, 'education', @parent,
       'Hiệu trưởng', ${META}, @deleted)`,
  );
  // The parent (Phòng GD&ĐT) first: the others are its children.
  for (const [id, name, kind, level] of [...OLD_UNITS].reverse()) {
    unit.run({ id, code: `M-${id}`, name, kind, level, parent: id === 'phong' ? null : 'phong', deleted: null });
  }
  unit.run({
    id: 'gone',
    code: '',
    name: 'Trường PTDTBT THCS Nhượng Bạn',
    kind: 'school',
    level: 'ethnicSemiBoarding',
    parent: null,
    deleted: '2019-12-01T00:00:00.000Z',
  });
  const checklist = (db.prepare(`SELECT id FROM checklists ORDER BY name LIMIT 1`).get() as { id: string }).id;
  db.prepare(
    `INSERT INTO plans (id, title, title_key, issuer, period_kind, period_year, checklist_id,
       created_at, updated_at, changed_by_office, rev, rev_history)
     VALUES ('p1', 'Kiểm tra KLKCHC năm học 2019–2020', 'k', 'Phòng GD&ĐT', 'schoolYear', 2019, ?, ${META})`,
  ).run(checklist);
  const scope = db.prepare(
    `INSERT INTO plan_units (id, plan_id, unit_id, created_at, updated_at, changed_by_office, rev, rev_history)
     VALUES (@id, 'p1', @unit, ${META})`,
  );
  const inspection = db.prepare(
    `INSERT INTO inspections (id, plan_id, unit_id, status, created_at, updated_at, changed_by_office, rev, rev_history)
     VALUES (@id, 'p1', @unit, @status, ${META})`,
  );
  for (const [id, , kind] of OLD_UNITS) {
    if (kind !== 'school') continue;
    scope.run({ id: `s-${id}`, unit: id });
    inspection.run({ id: `i-${id}`, unit: id, status: id.startsWith('bt-') ? 'finalised' : 'planned' });
  }
  db.close();
}

function schemaOf(db: Db, sql: string): Record<string, string> {
  return Object.fromEntries(
    db
      .prepare<[], { name: string; sql: string }>(sql)
      .all()
      .map((row) => [row.name, row.sql.replace(/\s+/g, ' ')]),
  );
}
const UNITS_INDEXES = `SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'units' AND sql IS NOT NULL`;
const TRIGGERS = `SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'`;

describe('migration 0023 (school type apart from the level)', () => {
  it('reads level and type from the old rows, keeping every other value, revision and reference', () => {
    const target = file();
    oldDatabase(target);
    const v22 = openDatabase(target, { targetVersion: 22 });
    const before = v22.prepare<[], Record<string, unknown>>(`SELECT * FROM units ORDER BY id`).all();
    const indexesBefore = schemaOf(v22, UNITS_INDEXES);
    const triggersBefore = schemaOf(v22, TRIGGERS);
    const progressBefore = v22.prepare(`SELECT * FROM progress_unit ORDER BY unit_id`).all();
    v22.close();

    const db = openDatabase(target, { targetVersion: 23 });
    expect(db.pragma('user_version', { simple: true })).toBe(23);
    const after = db.prepare<[], Record<string, unknown>>(`SELECT * FROM units ORDER BY id`).all();
    expect(Object.fromEntries(after.map((row) => [String(row.id), [row.school_level, row.school_type]]))).toEqual(
      EXPECTED,
    );
    // Everything else is as it was: names, keys, parents, tombstones, revisions, timestamps.
    const rest = (row: Record<string, unknown>) => {
      const { school_level: _level, school_type: _type, ...others } = row;
      return others;
    };
    expect(after.map(rest)).toEqual(before.map(rest));

    // The same indexes (the list one widened by level and type) and the same triggers.
    const indexesAfter = schemaOf(db, UNITS_INDEXES);
    expect(Object.keys(indexesAfter).sort()).toEqual(Object.keys(indexesBefore).sort());
    for (const name of Object.keys(indexesBefore).filter((index) => index !== 'units_list')) {
      expect(indexesAfter[name], name).toBe(indexesBefore[name]);
    }
    expect(indexesAfter.units_list).toContain(
      '(sort_key, active, kind, managing_body, school_level, school_type, search_key)',
    );
    expect(schemaOf(db, TRIGGERS)).toEqual(triggersBefore);

    // References hold and are still enforced; the deferral ended with the migration.
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('defer_foreign_keys', { simple: true })).toBe(0);
    expect(db.prepare(`SELECT count(*) AS n FROM inspections AS i JOIN units AS u ON u.id = i.unit_id`).get()).toEqual({
      n: 11,
    });
    expect(() =>
      db
        .prepare(
          `INSERT INTO inspections (id, plan_id, unit_id, created_at, updated_at, changed_by_office, rev, rev_history)
           VALUES ('i-x', 'p1', 'nobody', ${META})`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(`DELETE FROM units WHERE id = 'phong'`).run()).toThrow(/FOREIGN KEY/);

    // The old level is refused now, and so is an unknown type.
    expect(() => db.prepare(`UPDATE units SET school_level = 'ethnicSemiBoarding' WHERE id = 'mn'`).run()).toThrow(
      /CHECK/,
    );
    expect(() => db.prepare(`UPDATE units SET school_type = 'boarding' WHERE id = 'mn'`).run()).toThrow(/CHECK/);

    // The progress summary is untouched, and the rebuilt table's trigger still keeps it right.
    expect(db.prepare(`SELECT * FROM progress_unit ORDER BY unit_id`).all()).toEqual(progressBefore);
    db.prepare(`UPDATE units SET kind = 'other', school_level = NULL, school_type = NULL WHERE id = 'bt-thcs'`).run();
    expect(db.prepare(`SELECT unit_kind FROM progress_unit WHERE unit_id = 'bt-thcs'`).get()).toEqual({
      unit_kind: 'other',
    });
    db.close();
  });

  it('leaves a reference that was already broken as it was, instead of refusing to open the file', () => {
    const target = file();
    oldDatabase(target);
    const broken = openDatabase(target, { targetVersion: 22 });
    broken.pragma('foreign_keys = OFF');
    broken.prepare(`UPDATE units SET parent_id = 'lost-parent' WHERE id = 'mn'`).run();
    broken.close();

    const db = openDatabase(target, { targetVersion: 23 });
    expect(db.pragma('user_version', { simple: true })).toBe(23);
    expect(db.pragma('foreign_key_check')).toEqual([expect.objectContaining({ table: 'units', parent: 'units' })]);
    expect(db.prepare(`SELECT parent_id FROM units WHERE id = 'mn'`).get()).toEqual({ parent_id: 'lost-parent' });
    db.close();
  });
});
