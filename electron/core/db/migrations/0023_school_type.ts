import type { Migration } from './types';

/**
 * A school's type apart from its level. "Phổ thông dân tộc bán trú" was a school level
 * (`school_level = 'ethnicSemiBoarding'`), but a "Trường PTDTBT THCS" is a lower-secondary
 * school of the semi-boarding type, and counts among the THCS schools. Units get `school_type`
 * ('regular', 'ethnicSemiBoarding', 'ethnicBoarding'; NULL for a unit that is not a school):
 *
 * - a school whose level was 'ethnicSemiBoarding' becomes of that type, its level read from its
 *   name (THCS → lowerSecondary; Tiểu học, TH → primary; "TH và THCS", "TH&THCS", liên cấp →
 *   multiLevel; otherwise other);
 * - any other school is of the type its name says ("Trường PTDTNT …" → ethnicBoarding; a
 *   clerk who had to pick "THCS" for a "Trường PTDTBT THCS" gets the semi-boarding type back),
 *   else regular.
 *
 * Why the table is rebuilt: the CHECK of school_level lists the old value, and a STRICT table's
 * CHECK cannot be altered. Keeping 'ethnicSemiBoarding' allowed but unused would let a stale
 * writer (an old package, a hand edit) store a level no screen can show; the schema is the last
 * guard, so it says exactly what is allowed. SQLite's procedure (lang_altertable.html, "Making
 * other kinds of table schema changes") inside the migration's transaction, where
 * `PRAGMA foreign_keys` cannot be turned off:
 *
 * 1. `defer_foreign_keys` (allowed in a transaction, reset at commit) makes every foreign key
 *    checked at COMMIT instead of at each statement.
 * 2. The rows are copied aside to a TEMP table, `units` is dropped (its implicit DELETE counts a
 *    violation for each plan, inspection and child unit pointing at it) and created again under
 *    its own name — not built as `units_new` and renamed, since a rename would leave those
 *    violations counted — and the rows copied back, which resolves them one by one.
 * 3. Its indexes and the trigger `progress_units_kind` (dropped with the table) are made again.
 *    The list index gains school_level and school_type, so the registry's level and type
 *    filters stay inside it like the others.
 * 4. `foreign_key_check` of the tables pointing at units must find after exactly what it found
 *    before (nothing, in a sound file); a lost row would also fail the COMMIT, rolling the
 *    whole migration back.
 *
 * The revisions are not changed: every office derives the same values from the same rows.
 */

function fold(text: string): string {
  return ` ${text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/&/g, ' va ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
}

/** The level a PTDTBT school's name says (the rule of this migration, frozen with it). */
function levelOf(name: string): string {
  const w = fold(name);
  if (
    / (lien cap|(tieu hoc|th) (va )?(trung hoc co so|thcs)|(trung hoc co so|thcs) (va )?(trung hoc pho thong|thpt)) /.test(
      w,
    )
  ) {
    return 'multiLevel';
  }
  if (/ (trung hoc co so|thcs) /.test(w)) return 'lowerSecondary';
  if (/ (tieu hoc|th) /.test(w)) return 'primary';
  if (/ (mam non|mau giao|mn|mg) /.test(w)) return 'preschool';
  return 'other';
}

/** The type a school's name says, if any. */
function typeOf(name: string): string | null {
  const w = fold(name);
  if (/ (ptdtbt|pt dtbt|dtbt|pho thong dan toc ban tru|dan toc ban tru) /.test(w)) return 'ethnicSemiBoarding';
  if (/ (ptdtnt|pt dtnt|dtnt|pho thong dan toc noi tru|dan toc noi tru) /.test(w)) return 'ethnicBoarding';
  return null;
}

interface OldUnit {
  row: number;
  name: string;
  kind: string;
  school_level: string | null;
}

/** The tables whose foreign keys point at units, and units itself (parent_id). */
function foreignKeyProblems(db: Parameters<Migration['up']>[0]): string {
  return JSON.stringify(
    ['units', 'plan_units', 'inspections'].map((table) => db.pragma(`foreign_key_check(${table})`)),
  );
}

export const migration0023: Migration = {
  version: 23,
  name: 'school_type',
  up(db) {
    const problemsBefore = foreignKeyProblems(db);
    db.pragma('defer_foreign_keys = ON');
    db.exec(`
      CREATE TEMP TABLE units_before_0023 AS SELECT * FROM units;
      DROP TABLE units;
      CREATE TABLE units (
        id TEXT PRIMARY KEY NOT NULL,
        code TEXT NOT NULL DEFAULT '',
        code_key TEXT NOT NULL DEFAULT '',
        name TEXT NOT NULL CHECK (length(name) > 0),
        name_key TEXT NOT NULL,
        sort_key TEXT NOT NULL,
        search_key TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('department', 'commune', 'school', 'publicService', 'other')),
        school_level TEXT CHECK (school_level IS NULL OR school_level IN
          ('preschool', 'primary', 'lowerSecondary', 'multiLevel', 'other')),
        school_type TEXT CHECK (school_type IS NULL OR school_type IN
          ('regular', 'ethnicSemiBoarding', 'ethnicBoarding')),
        managing_body TEXT NOT NULL CHECK (managing_body IN ('district', 'education', 'other')),
        parent_id TEXT REFERENCES units (id),
        head_name TEXT NOT NULL DEFAULT '',
        head_title TEXT NOT NULL DEFAULT '',
        address TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        notes TEXT NOT NULL DEFAULT '',
        is_sample INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        changed_by_office TEXT NOT NULL,
        rev TEXT NOT NULL,
        rev_history TEXT NOT NULL DEFAULT '[]',
        deleted_at TEXT
      ) STRICT;
    `);

    const insert = db.prepare<{ row: number; level: string | null; type: string | null }>(`
      INSERT INTO units (id, code, code_key, name, name_key, sort_key, search_key, kind, school_level, school_type,
        managing_body, parent_id, head_name, head_title, address, phone, active, notes, is_sample,
        created_at, updated_at, changed_by_office, rev, rev_history, deleted_at)
      SELECT id, code, code_key, name, name_key, sort_key, search_key, kind, @level, @type,
        managing_body, parent_id, head_name, head_title, address, phone, active, notes, is_sample,
        created_at, updated_at, changed_by_office, rev, rev_history, deleted_at
      FROM temp.units_before_0023 WHERE rowid = @row`);
    const old = db
      .prepare<[], OldUnit>(`SELECT rowid AS row, name, kind, school_level FROM temp.units_before_0023 ORDER BY rowid`)
      .all();
    for (const unit of old) {
      const school = unit.kind === 'school';
      const semiBoarding = unit.school_level === 'ethnicSemiBoarding';
      insert.run({
        row: unit.row,
        level: semiBoarding ? (school ? levelOf(unit.name) : null) : unit.school_level,
        type: school ? (semiBoarding ? 'ethnicSemiBoarding' : (typeOf(unit.name) ?? 'regular')) : null,
      });
    }

    db.exec(`
      DROP TABLE temp.units_before_0023;

      -- The indexes of 0002, the list index widened by the level and the type.
      CREATE UNIQUE INDEX units_code_key ON units (code_key) WHERE code_key <> '' AND deleted_at IS NULL;
      CREATE INDEX units_list ON units
        (sort_key, active, kind, managing_body, school_level, school_type, search_key) WHERE deleted_at IS NULL;
      CREATE INDEX units_name_kind ON units (name_key, kind) WHERE deleted_at IS NULL;
      CREATE INDEX units_parent ON units (parent_id) WHERE parent_id IS NOT NULL;
      CREATE INDEX units_updated ON units (updated_at);

      -- The trigger of 0015: a unit that changes kind moves between the columns of the breakdown.
      CREATE TRIGGER progress_units_kind AFTER UPDATE OF kind ON units WHEN OLD.kind IS NOT NEW.kind BEGIN
        UPDATE progress_unit SET unit_kind = NEW.kind WHERE unit_id = NEW.id;
      END;
    `);

    const problemsAfter = foreignKeyProblems(db);
    if (problemsAfter !== problemsBefore) {
      throw new Error(`Rebuilding units changed the foreign key check: ${problemsBefore} → ${problemsAfter}`);
    }
  },
};
