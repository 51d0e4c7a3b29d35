import type { Migration } from './types';

/**
 * Progress by school level ("28 trường: 6 trường mầm non, 12 trường tiểu học và 10 trường THCS"),
 * kept like progress by kind (0015) so the all-plans dashboard still reads a few rows per plan.
 * LOCAL table (SYNC-RULES.md, "Exempt"): rebuilt from progress_unit and units, never transferred.
 *
 *   progress_level  per plan and school level: schools in scope, and of those schools inspected
 *
 * A school counts under its level whatever its type: a PTDTBT THCS is a THCS. The level is read
 * from `units` when a progress_unit row changes (its scope or inspected count), and a school
 * whose level changes, or that stops being a school, moves its counts from one level to the
 * other; so the sums stay exact under any sequence of writes, like 0015's.
 */
export const migration0024: Migration = {
  version: 24,
  name: 'progress_by_level',
  up(db) {
    db.exec(`
      CREATE TABLE progress_level (
        plan_id TEXT NOT NULL,
        school_level TEXT NOT NULL,
        scope INTEGER NOT NULL DEFAULT 0,
        inspected INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (plan_id, school_level)
      ) STRICT, WITHOUT ROWID;

      -- progress_unit → progress_level (its unit_kind changes are 0015's business, not these).
      CREATE TRIGGER progress_unit_level_insert AFTER INSERT ON progress_unit BEGIN
        INSERT INTO progress_level (plan_id, school_level, scope, inspected)
        SELECT NEW.plan_id, u.school_level, NEW.scope_refs > 0, NEW.scope_refs > 0 AND NEW.done > 0
        FROM units AS u WHERE u.id = NEW.unit_id AND u.kind = 'school' AND u.school_level IS NOT NULL
        ON CONFLICT (plan_id, school_level) DO UPDATE
          SET scope = scope + excluded.scope, inspected = inspected + excluded.inspected;
      END;
      CREATE TRIGGER progress_unit_level_update AFTER UPDATE OF scope_refs, done ON progress_unit BEGIN
        UPDATE progress_level
          SET scope = scope - (OLD.scope_refs > 0), inspected = inspected - (OLD.scope_refs > 0 AND OLD.done > 0)
          WHERE plan_id = OLD.plan_id
            AND school_level = (SELECT u.school_level FROM units AS u WHERE u.id = OLD.unit_id AND u.kind = 'school');
        INSERT INTO progress_level (plan_id, school_level, scope, inspected)
        SELECT NEW.plan_id, u.school_level, NEW.scope_refs > 0, NEW.scope_refs > 0 AND NEW.done > 0
        FROM units AS u WHERE u.id = NEW.unit_id AND u.kind = 'school' AND u.school_level IS NOT NULL
        ON CONFLICT (plan_id, school_level) DO UPDATE
          SET scope = scope + excluded.scope, inspected = inspected + excluded.inspected;
      END;
      CREATE TRIGGER progress_unit_level_delete AFTER DELETE ON progress_unit BEGIN
        UPDATE progress_level
          SET scope = scope - (OLD.scope_refs > 0), inspected = inspected - (OLD.scope_refs > 0 AND OLD.done > 0)
          WHERE plan_id = OLD.plan_id
            AND school_level = (SELECT u.school_level FROM units AS u WHERE u.id = OLD.unit_id AND u.kind = 'school');
      END;

      -- units: a school that changes level, or stops or starts being a school, moves its counts.
      CREATE TRIGGER progress_units_level AFTER UPDATE OF kind, school_level ON units
      WHEN (CASE WHEN OLD.kind = 'school' THEN OLD.school_level END)
        IS NOT (CASE WHEN NEW.kind = 'school' THEN NEW.school_level END) BEGIN
        UPDATE progress_level
          SET scope = scope - (SELECT count(*) FROM progress_unit AS pu
                               WHERE pu.plan_id = progress_level.plan_id AND pu.unit_id = OLD.id
                                 AND pu.scope_refs > 0),
              inspected = inspected - (SELECT count(*) FROM progress_unit AS pu
                                       WHERE pu.plan_id = progress_level.plan_id AND pu.unit_id = OLD.id
                                         AND pu.scope_refs > 0 AND pu.done > 0)
          WHERE school_level = (CASE WHEN OLD.kind = 'school' THEN OLD.school_level END)
            AND plan_id IN (SELECT pu.plan_id FROM progress_unit AS pu WHERE pu.unit_id = OLD.id);
        INSERT INTO progress_level (plan_id, school_level, scope, inspected)
        SELECT pu.plan_id, NEW.school_level, pu.scope_refs > 0, pu.scope_refs > 0 AND pu.done > 0
        FROM progress_unit AS pu
        WHERE pu.unit_id = NEW.id AND NEW.kind = 'school' AND NEW.school_level IS NOT NULL
        ON CONFLICT (plan_id, school_level) DO UPDATE
          SET scope = scope + excluded.scope, inspected = inspected + excluded.inspected;
      END;

      -- Fill it from what progress_unit already holds.
      INSERT INTO progress_level (plan_id, school_level, scope, inspected)
      SELECT pu.plan_id, u.school_level, sum(pu.scope_refs > 0), sum(pu.scope_refs > 0 AND pu.done > 0)
      FROM progress_unit AS pu JOIN units AS u ON u.id = pu.unit_id
      WHERE u.kind = 'school' AND u.school_level IS NOT NULL
      GROUP BY pu.plan_id, u.school_level;
    `);
  },
};
