import type { Migration } from './types';

/**
 * Inspection plans (kế hoạch kiểm tra), their scope (the units to inspect) and their team.
 * Office data (SYNC-RULES.md).
 */
export const migration0012: Migration = {
  version: 12,
  name: 'plans',
  up(db) {
    db.exec(`
      CREATE TABLE plans (
        id TEXT PRIMARY KEY NOT NULL,
        title TEXT NOT NULL CHECK (length(title) > 0),
        title_key TEXT NOT NULL,
        issuer TEXT NOT NULL DEFAULT '',
        period_kind TEXT NOT NULL CHECK (period_kind IN ('calendarYear', 'schoolYear')),
        period_year INTEGER NOT NULL CHECK (period_year BETWEEN 2000 AND 2100),
        decision_number TEXT NOT NULL DEFAULT '',
        decision_date TEXT,
        decision_signer TEXT NOT NULL DEFAULT '',
        decision_signer_title TEXT NOT NULL DEFAULT '',
        legal_basis TEXT NOT NULL DEFAULT '',
        target_percent INTEGER NOT NULL DEFAULT 100 CHECK (target_percent BETWEEN 1 AND 100),
        checklist_id TEXT NOT NULL REFERENCES checklists (id),
        notes TEXT NOT NULL DEFAULT '',
        is_sample INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        changed_by_office TEXT NOT NULL,
        rev TEXT NOT NULL,
        rev_history TEXT NOT NULL DEFAULT '[]',
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX plans_period ON plans (period_year DESC, title_key) WHERE deleted_at IS NULL;
      CREATE INDEX plans_checklist ON plans (checklist_id);
      CREATE INDEX plans_updated ON plans (updated_at);

      -- The scope: one live row per unit a plan covers. Not unique in the schema because two
      -- offices may each add the same unit before exchanging data; the service adds a unit
      -- once, readers count distinct units.
      CREATE TABLE plan_units (
        id TEXT PRIMARY KEY NOT NULL,
        plan_id TEXT NOT NULL REFERENCES plans (id),
        unit_id TEXT NOT NULL REFERENCES units (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        changed_by_office TEXT NOT NULL,
        rev TEXT NOT NULL,
        rev_history TEXT NOT NULL DEFAULT '[]',
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX plan_units_plan ON plan_units (plan_id, unit_id) WHERE deleted_at IS NULL;
      CREATE INDEX plan_units_unit ON plan_units (unit_id);

      -- The team (đoàn kiểm tra), in order; the position is copied from the official and
      -- editable per plan, so a later promotion does not rewrite old minutes.
      CREATE TABLE plan_members (
        id TEXT PRIMARY KEY NOT NULL,
        plan_id TEXT NOT NULL REFERENCES plans (id),
        official_id TEXT NOT NULL REFERENCES officials (id),
        role TEXT NOT NULL CHECK (role IN ('leader', 'deputy', 'member', 'secretary')),
        position TEXT NOT NULL DEFAULT '',
        ord INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        changed_by_office TEXT NOT NULL,
        rev TEXT NOT NULL,
        rev_history TEXT NOT NULL DEFAULT '[]',
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX plan_members_plan ON plan_members (plan_id, ord) WHERE deleted_at IS NULL;
      CREATE INDEX plan_members_official ON plan_members (official_id);
    `);
  },
};
