import type { Migration } from './types';

/**
 * Progress summaries for the dashboard. LOCAL tables (SYNC-RULES.md, "Exempt"): caches that
 * can be rebuilt from plan_units, inspections and inspection_requests, never transferred.
 *
 * Why triggers: the all-plans dashboard must not grow with the number of inspections
 * (tests/bench/README.md), and every writer — the services, a transfer import, a restore — must keep
 * the summary right in its own transaction without knowing about it. Each trigger removes a
 * row's old contribution and adds its new one, so any sequence of writes keeps the sums exact.
 *
 *   progress_unit     per plan and unit: live scope rows, live finalised/remedied inspections
 *   progress_kind     per plan and unit kind: units in scope, and of those units inspected
 *                     (a unit inspected twice counts once) — fed by progress_unit's triggers
 *   progress_status   per plan, inspection kind and status: live inspections
 *   progress_requests per plan and deadline: open requests of finalised inspections
 *
 * Draft saves do not touch these: the inspection triggers fire only on the columns that
 * change a contribution (status, deleted_at, plan_id, unit_id, kind).
 */
export const migration0015: Migration = {
  version: 15,
  name: 'progress summaries',
  up(db) {
    db.exec(`
      CREATE TABLE progress_unit (
        plan_id TEXT NOT NULL,
        unit_id TEXT NOT NULL,
        unit_kind TEXT NOT NULL,
        scope_refs INTEGER NOT NULL DEFAULT 0,
        done INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (plan_id, unit_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX progress_unit_unit ON progress_unit (unit_id);

      CREATE TABLE progress_kind (
        plan_id TEXT NOT NULL,
        unit_kind TEXT NOT NULL,
        scope INTEGER NOT NULL DEFAULT 0,
        inspected INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (plan_id, unit_kind)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE progress_status (
        plan_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        status TEXT NOT NULL,
        total INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (plan_id, kind, status)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE progress_requests (
        plan_id TEXT NOT NULL,
        due_date TEXT NOT NULL,
        open INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (plan_id, due_date)
      ) STRICT, WITHOUT ROWID;

      -- progress_unit → progress_kind
      CREATE TRIGGER progress_unit_insert AFTER INSERT ON progress_unit BEGIN
        INSERT INTO progress_kind (plan_id, unit_kind, scope, inspected)
        VALUES (NEW.plan_id, NEW.unit_kind, NEW.scope_refs > 0, NEW.scope_refs > 0 AND NEW.done > 0)
        ON CONFLICT (plan_id, unit_kind) DO UPDATE
          SET scope = scope + excluded.scope, inspected = inspected + excluded.inspected;
      END;
      CREATE TRIGGER progress_unit_update AFTER UPDATE ON progress_unit BEGIN
        UPDATE progress_kind
          SET scope = scope - (OLD.scope_refs > 0), inspected = inspected - (OLD.scope_refs > 0 AND OLD.done > 0)
          WHERE plan_id = OLD.plan_id AND unit_kind = OLD.unit_kind;
        INSERT INTO progress_kind (plan_id, unit_kind, scope, inspected)
        VALUES (NEW.plan_id, NEW.unit_kind, NEW.scope_refs > 0, NEW.scope_refs > 0 AND NEW.done > 0)
        ON CONFLICT (plan_id, unit_kind) DO UPDATE
          SET scope = scope + excluded.scope, inspected = inspected + excluded.inspected;
      END;
      CREATE TRIGGER progress_unit_delete AFTER DELETE ON progress_unit BEGIN
        UPDATE progress_kind
          SET scope = scope - (OLD.scope_refs > 0), inspected = inspected - (OLD.scope_refs > 0 AND OLD.done > 0)
          WHERE plan_id = OLD.plan_id AND unit_kind = OLD.unit_kind;
      END;

      -- units: a unit that changes kind moves between the columns of the breakdown.
      CREATE TRIGGER progress_units_kind AFTER UPDATE OF kind ON units WHEN OLD.kind IS NOT NEW.kind BEGIN
        UPDATE progress_unit SET unit_kind = NEW.kind WHERE unit_id = NEW.id;
      END;

      -- plan_units → progress_unit.scope_refs
      CREATE TRIGGER progress_plan_units_insert AFTER INSERT ON plan_units WHEN NEW.deleted_at IS NULL BEGIN
        INSERT INTO progress_unit (plan_id, unit_id, unit_kind, scope_refs, done)
        VALUES (NEW.plan_id, NEW.unit_id, coalesce((SELECT kind FROM units WHERE id = NEW.unit_id), 'other'), 1, 0)
        ON CONFLICT (plan_id, unit_id) DO UPDATE SET scope_refs = scope_refs + 1;
      END;
      CREATE TRIGGER progress_plan_units_update AFTER UPDATE OF plan_id, unit_id, deleted_at ON plan_units BEGIN
        UPDATE progress_unit SET scope_refs = scope_refs - 1
          WHERE OLD.deleted_at IS NULL AND plan_id = OLD.plan_id AND unit_id = OLD.unit_id;
        INSERT INTO progress_unit (plan_id, unit_id, unit_kind, scope_refs, done)
        SELECT NEW.plan_id, NEW.unit_id, coalesce((SELECT kind FROM units WHERE id = NEW.unit_id), 'other'), 1, 0
        WHERE NEW.deleted_at IS NULL
        ON CONFLICT (plan_id, unit_id) DO UPDATE SET scope_refs = scope_refs + 1;
      END;
      CREATE TRIGGER progress_plan_units_delete AFTER DELETE ON plan_units WHEN OLD.deleted_at IS NULL BEGIN
        UPDATE progress_unit SET scope_refs = scope_refs - 1 WHERE plan_id = OLD.plan_id AND unit_id = OLD.unit_id;
      END;

      -- inspections → progress_status, progress_unit.done, progress_requests
      CREATE TRIGGER progress_inspections_insert AFTER INSERT ON inspections WHEN NEW.deleted_at IS NULL BEGIN
        INSERT INTO progress_status (plan_id, kind, status, total) VALUES (NEW.plan_id, NEW.kind, NEW.status, 1)
        ON CONFLICT (plan_id, kind, status) DO UPDATE SET total = total + 1;
        INSERT INTO progress_unit (plan_id, unit_id, unit_kind, scope_refs, done)
        SELECT NEW.plan_id, NEW.unit_id, coalesce((SELECT kind FROM units WHERE id = NEW.unit_id), 'other'), 0, 1
        WHERE NEW.status IN ('finalised', 'remedied')
        ON CONFLICT (plan_id, unit_id) DO UPDATE SET done = done + 1;
        INSERT INTO progress_requests (plan_id, due_date, open)
        SELECT NEW.plan_id, r.due_date, count(*) FROM inspection_requests AS r
        WHERE r.inspection_id = NEW.id AND r.deleted_at IS NULL AND r.remedied_date IS NULL
          AND r.due_date IS NOT NULL AND NEW.status IN ('finalised', 'remedied')
        GROUP BY r.due_date
        ON CONFLICT (plan_id, due_date) DO UPDATE SET open = open + excluded.open;
      END;
      CREATE TRIGGER progress_inspections_update
      AFTER UPDATE OF plan_id, unit_id, kind, status, deleted_at ON inspections BEGIN
        UPDATE progress_status SET total = total - 1
          WHERE OLD.deleted_at IS NULL AND plan_id = OLD.plan_id AND kind = OLD.kind AND status = OLD.status;
        INSERT INTO progress_status (plan_id, kind, status, total)
        SELECT NEW.plan_id, NEW.kind, NEW.status, 1 WHERE NEW.deleted_at IS NULL
        ON CONFLICT (plan_id, kind, status) DO UPDATE SET total = total + 1;
        UPDATE progress_unit SET done = done - 1
          WHERE OLD.deleted_at IS NULL AND OLD.status IN ('finalised', 'remedied')
            AND plan_id = OLD.plan_id AND unit_id = OLD.unit_id;
        INSERT INTO progress_unit (plan_id, unit_id, unit_kind, scope_refs, done)
        SELECT NEW.plan_id, NEW.unit_id, coalesce((SELECT kind FROM units WHERE id = NEW.unit_id), 'other'), 0, 1
        WHERE NEW.deleted_at IS NULL AND NEW.status IN ('finalised', 'remedied')
        ON CONFLICT (plan_id, unit_id) DO UPDATE SET done = done + 1;
        INSERT INTO progress_requests (plan_id, due_date, open)
        SELECT OLD.plan_id, r.due_date, -count(*) FROM inspection_requests AS r
        WHERE r.inspection_id = OLD.id AND r.deleted_at IS NULL AND r.remedied_date IS NULL
          AND r.due_date IS NOT NULL AND OLD.deleted_at IS NULL AND OLD.status IN ('finalised', 'remedied')
        GROUP BY r.due_date
        ON CONFLICT (plan_id, due_date) DO UPDATE SET open = open + excluded.open;
        INSERT INTO progress_requests (plan_id, due_date, open)
        SELECT NEW.plan_id, r.due_date, count(*) FROM inspection_requests AS r
        WHERE r.inspection_id = NEW.id AND r.deleted_at IS NULL AND r.remedied_date IS NULL
          AND r.due_date IS NOT NULL AND NEW.deleted_at IS NULL AND NEW.status IN ('finalised', 'remedied')
        GROUP BY r.due_date
        ON CONFLICT (plan_id, due_date) DO UPDATE SET open = open + excluded.open;
      END;
      CREATE TRIGGER progress_inspections_delete AFTER DELETE ON inspections WHEN OLD.deleted_at IS NULL BEGIN
        UPDATE progress_status SET total = total - 1
          WHERE plan_id = OLD.plan_id AND kind = OLD.kind AND status = OLD.status;
        UPDATE progress_unit SET done = done - 1
          WHERE OLD.status IN ('finalised', 'remedied') AND plan_id = OLD.plan_id AND unit_id = OLD.unit_id;
        INSERT INTO progress_requests (plan_id, due_date, open)
        SELECT OLD.plan_id, r.due_date, -count(*) FROM inspection_requests AS r
        WHERE r.inspection_id = OLD.id AND r.deleted_at IS NULL AND r.remedied_date IS NULL
          AND r.due_date IS NOT NULL AND OLD.status IN ('finalised', 'remedied')
        GROUP BY r.due_date
        ON CONFLICT (plan_id, due_date) DO UPDATE SET open = open + excluded.open;
      END;

      -- inspection_requests → progress_requests (only while the inspection is finalised)
      CREATE TRIGGER progress_requests_insert AFTER INSERT ON inspection_requests
      WHEN NEW.deleted_at IS NULL AND NEW.remedied_date IS NULL AND NEW.due_date IS NOT NULL BEGIN
        INSERT INTO progress_requests (plan_id, due_date, open)
        SELECT i.plan_id, NEW.due_date, 1 FROM inspections AS i
        WHERE i.id = NEW.inspection_id AND i.deleted_at IS NULL AND i.status IN ('finalised', 'remedied')
        ON CONFLICT (plan_id, due_date) DO UPDATE SET open = open + 1;
      END;
      CREATE TRIGGER progress_requests_update
      AFTER UPDATE OF inspection_id, due_date, remedied_date, deleted_at ON inspection_requests BEGIN
        UPDATE progress_requests SET open = open - 1
          WHERE OLD.deleted_at IS NULL AND OLD.remedied_date IS NULL AND OLD.due_date IS NOT NULL
            AND due_date = OLD.due_date
            AND plan_id = (SELECT i.plan_id FROM inspections AS i WHERE i.id = OLD.inspection_id
                             AND i.deleted_at IS NULL AND i.status IN ('finalised', 'remedied'));
        INSERT INTO progress_requests (plan_id, due_date, open)
        SELECT i.plan_id, NEW.due_date, 1 FROM inspections AS i
        WHERE i.id = NEW.inspection_id AND i.deleted_at IS NULL AND i.status IN ('finalised', 'remedied')
          AND NEW.deleted_at IS NULL AND NEW.remedied_date IS NULL AND NEW.due_date IS NOT NULL
        ON CONFLICT (plan_id, due_date) DO UPDATE SET open = open + 1;
      END;
      CREATE TRIGGER progress_requests_delete AFTER DELETE ON inspection_requests
      WHEN OLD.deleted_at IS NULL AND OLD.remedied_date IS NULL AND OLD.due_date IS NOT NULL BEGIN
        UPDATE progress_requests SET open = open - 1
          WHERE due_date = OLD.due_date
            AND plan_id = (SELECT i.plan_id FROM inspections AS i WHERE i.id = OLD.inspection_id
                             AND i.deleted_at IS NULL AND i.status IN ('finalised', 'remedied'));
      END;
    `);

    // Fill the summaries from whatever the tables already hold (progress_kind follows from
    // progress_unit through its trigger).
    db.exec(`
      INSERT INTO progress_unit (plan_id, unit_id, unit_kind, scope_refs, done)
      SELECT x.plan_id, x.unit_id, coalesce((SELECT kind FROM units WHERE id = x.unit_id), 'other'),
             sum(x.scope_refs), sum(x.done)
      FROM (
        SELECT plan_id, unit_id, 1 AS scope_refs, 0 AS done FROM plan_units WHERE deleted_at IS NULL
        UNION ALL
        SELECT plan_id, unit_id, 0, 1 FROM inspections
        WHERE deleted_at IS NULL AND status IN ('finalised', 'remedied')
      ) AS x
      GROUP BY x.plan_id, x.unit_id;

      INSERT INTO progress_status (plan_id, kind, status, total)
      SELECT plan_id, kind, status, count(*) FROM inspections WHERE deleted_at IS NULL
      GROUP BY plan_id, kind, status;

      INSERT INTO progress_requests (plan_id, due_date, open)
      SELECT i.plan_id, r.due_date, count(*) FROM inspection_requests AS r
      JOIN inspections AS i ON i.id = r.inspection_id
      WHERE r.deleted_at IS NULL AND r.remedied_date IS NULL AND r.due_date IS NOT NULL
        AND i.deleted_at IS NULL AND i.status IN ('finalised', 'remedied')
      GROUP BY i.plan_id, r.due_date;
    `);
  },
};
