import type { Migration } from './types';

/**
 * The whole district's line of the dashboard ("Toàn huyện: đã kiểm tra 49 đơn vị"), kept like
 * the per-plan summaries (0015) so the all-plans dashboard does not grow with the data: asked
 * over progress_unit it read every plan's rows (about 50 ms at 10,000 units and 100 plans).
 * LOCAL table (SYNC-RULES.md, "Exempt"): rebuilt from progress_unit and plans, never transferred.
 *
 *   progress_district  per unit: live plans that have it in scope, and of those the plans
 *                      under which it has a finalised or remedied inspection
 *
 * A unit counts once for the district however many plans hold it. A plan that is deleted (or
 * restored, received, removed) moves all of its rows' contributions at once, so the counts stay
 * exact under any order of writes, a transfer's included (a scope row may arrive before its plan).
 */
export const migration0041: Migration = {
  version: 41,
  name: 'progress_district',
  up(db) {
    db.exec(`
      CREATE TABLE progress_district (
        unit_id TEXT NOT NULL PRIMARY KEY,
        scope_plans INTEGER NOT NULL DEFAULT 0,
        done_plans INTEGER NOT NULL DEFAULT 0
      ) STRICT, WITHOUT ROWID;

      -- progress_unit → progress_district, for rows of live plans only.
      CREATE TRIGGER progress_unit_district_insert AFTER INSERT ON progress_unit
      WHEN NEW.scope_refs > 0 BEGIN
        INSERT INTO progress_district (unit_id, scope_plans, done_plans)
        SELECT NEW.unit_id, 1, NEW.done > 0 FROM plans WHERE id = NEW.plan_id AND deleted_at IS NULL
        ON CONFLICT (unit_id) DO UPDATE
          SET scope_plans = scope_plans + 1, done_plans = done_plans + excluded.done_plans;
      END;
      CREATE TRIGGER progress_unit_district_update AFTER UPDATE OF plan_id, unit_id, scope_refs, done ON progress_unit
      WHEN (OLD.scope_refs > 0) IS NOT (NEW.scope_refs > 0)
        OR (OLD.scope_refs > 0 AND OLD.done > 0) IS NOT (NEW.scope_refs > 0 AND NEW.done > 0)
        OR OLD.plan_id IS NOT NEW.plan_id OR OLD.unit_id IS NOT NEW.unit_id BEGIN
        UPDATE progress_district
          SET scope_plans = scope_plans - 1, done_plans = done_plans - (OLD.done > 0)
          WHERE OLD.scope_refs > 0 AND unit_id = OLD.unit_id
            AND EXISTS (SELECT 1 FROM plans WHERE id = OLD.plan_id AND deleted_at IS NULL);
        INSERT INTO progress_district (unit_id, scope_plans, done_plans)
        SELECT NEW.unit_id, 1, NEW.done > 0 FROM plans
        WHERE NEW.scope_refs > 0 AND id = NEW.plan_id AND deleted_at IS NULL
        ON CONFLICT (unit_id) DO UPDATE
          SET scope_plans = scope_plans + 1, done_plans = done_plans + excluded.done_plans;
      END;
      CREATE TRIGGER progress_unit_district_delete AFTER DELETE ON progress_unit
      WHEN OLD.scope_refs > 0 BEGIN
        UPDATE progress_district
          SET scope_plans = scope_plans - 1, done_plans = done_plans - (OLD.done > 0)
          WHERE unit_id = OLD.unit_id
            AND EXISTS (SELECT 1 FROM plans WHERE id = OLD.plan_id AND deleted_at IS NULL);
      END;

      -- plans: a plan that becomes live, or stops being live, brings or takes all its rows.
      CREATE TRIGGER progress_plans_district_insert AFTER INSERT ON plans
      WHEN NEW.deleted_at IS NULL BEGIN
        INSERT INTO progress_district (unit_id, scope_plans, done_plans)
        SELECT pu.unit_id, 1, pu.done > 0 FROM progress_unit AS pu
        WHERE pu.plan_id = NEW.id AND pu.scope_refs > 0
        ON CONFLICT (unit_id) DO UPDATE
          SET scope_plans = scope_plans + 1, done_plans = done_plans + excluded.done_plans;
      END;
      CREATE TRIGGER progress_plans_district_update AFTER UPDATE OF id, deleted_at ON plans
      WHEN (OLD.deleted_at IS NULL) IS NOT (NEW.deleted_at IS NULL) OR OLD.id IS NOT NEW.id BEGIN
        UPDATE progress_district
          SET scope_plans = scope_plans - 1,
              done_plans = done_plans - (SELECT pu.done > 0 FROM progress_unit AS pu
                                         WHERE pu.plan_id = OLD.id AND pu.unit_id = progress_district.unit_id)
          WHERE OLD.deleted_at IS NULL
            AND unit_id IN (SELECT pu.unit_id FROM progress_unit AS pu WHERE pu.plan_id = OLD.id AND pu.scope_refs > 0);
        INSERT INTO progress_district (unit_id, scope_plans, done_plans)
        SELECT pu.unit_id, 1, pu.done > 0 FROM progress_unit AS pu
        WHERE NEW.deleted_at IS NULL AND pu.plan_id = NEW.id AND pu.scope_refs > 0
        ON CONFLICT (unit_id) DO UPDATE
          SET scope_plans = scope_plans + 1, done_plans = done_plans + excluded.done_plans;
      END;
      CREATE TRIGGER progress_plans_district_delete AFTER DELETE ON plans
      WHEN OLD.deleted_at IS NULL BEGIN
        UPDATE progress_district
          SET scope_plans = scope_plans - 1,
              done_plans = done_plans - (SELECT pu.done > 0 FROM progress_unit AS pu
                                         WHERE pu.plan_id = OLD.id AND pu.unit_id = progress_district.unit_id)
          WHERE unit_id IN (SELECT pu.unit_id FROM progress_unit AS pu WHERE pu.plan_id = OLD.id AND pu.scope_refs > 0);
      END;

      INSERT INTO progress_district (unit_id, scope_plans, done_plans)
      SELECT pu.unit_id, count(*), sum(pu.done > 0)
      FROM progress_unit AS pu JOIN plans AS p ON p.id = pu.plan_id AND p.deleted_at IS NULL
      WHERE pu.scope_refs > 0
      GROUP BY pu.unit_id;
    `);
  },
};
