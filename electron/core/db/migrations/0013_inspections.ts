import type { Migration } from './types';

/**
 * Inspections (cuộc kiểm tra) and what each records: team present, the unit's representatives,
 * a result per criterion, requests with deadlines, and amendments made after finalising.
 * Office data (SYNC-RULES.md): team, representatives, requests and amendments carry their own ids
 * and revisions so a transfer can merge them one by one. Criterion results are owned child rows
 * (SYNC-RULES.md, "Owned child rows"): keyed by the inspection and the criterion, without sync
 * columns, changed only with a new revision of their inspection, and travelling with it.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'inspections',
  up(db) {
    db.exec(`
      CREATE TABLE inspections (
        id TEXT PRIMARY KEY NOT NULL,
        plan_id TEXT NOT NULL REFERENCES plans (id),
        unit_id TEXT NOT NULL REFERENCES units (id),
        kind TEXT NOT NULL DEFAULT 'regular' CHECK (kind IN ('regular', 'reinspection')),
        original_id TEXT REFERENCES inspections (id),
        status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'draft', 'finalised', 'remedied')),
        planned_date TEXT,
        checklist_version_id TEXT REFERENCES checklist_versions (id),
        inspection_date TEXT,
        start_time TEXT NOT NULL DEFAULT '',
        end_time TEXT NOT NULL DEFAULT '',
        place TEXT NOT NULL DEFAULT '',
        minutes_number TEXT NOT NULL DEFAULT '',
        strengths TEXT NOT NULL DEFAULT '',
        limitations TEXT NOT NULL DEFAULT '',
        causes TEXT NOT NULL DEFAULT '',
        unit_response TEXT NOT NULL DEFAULT '',
        conclusion TEXT NOT NULL DEFAULT '',
        finalised_at TEXT,
        finalised_by TEXT NOT NULL DEFAULT '',
        is_sample INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        changed_by_office TEXT NOT NULL,
        rev TEXT NOT NULL,
        rev_history TEXT NOT NULL DEFAULT '[]',
        deleted_at TEXT,
        CHECK (kind = 'regular' OR original_id IS NOT NULL)
      ) STRICT;
      -- The schedule and the list of one plan, by date (done date, else planned date, else last).
      CREATE INDEX inspections_plan_date ON inspections
        (plan_id, coalesce(inspection_date, planned_date, '9999-12-31')) WHERE deleted_at IS NULL;
      -- The list across plans, by date, optionally by status.
      CREATE INDEX inspections_date ON inspections
        (coalesce(inspection_date, planned_date, '9999-12-31')) WHERE deleted_at IS NULL;
      CREATE INDEX inspections_status_date ON inspections
        (status, coalesce(inspection_date, planned_date, '9999-12-31')) WHERE deleted_at IS NULL;
      CREATE INDEX inspections_unit ON inspections (unit_id, plan_id);
      CREATE INDEX inspections_original ON inspections (original_id) WHERE original_id IS NOT NULL;
      CREATE INDEX inspections_version ON inspections (checklist_version_id, status) WHERE deleted_at IS NULL;
      CREATE INDEX inspections_updated ON inspections (updated_at);

      CREATE TABLE inspection_team (
        id TEXT PRIMARY KEY NOT NULL,
        inspection_id TEXT NOT NULL REFERENCES inspections (id),
        official_id TEXT REFERENCES officials (id),
        name TEXT NOT NULL DEFAULT '',
        position TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL CHECK (role IN ('leader', 'deputy', 'member', 'secretary')),
        ord INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        changed_by_office TEXT NOT NULL,
        rev TEXT NOT NULL,
        rev_history TEXT NOT NULL DEFAULT '[]',
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX inspection_team_inspection ON inspection_team (inspection_id);
      CREATE INDEX inspection_team_official ON inspection_team (official_id) WHERE official_id IS NOT NULL;

      CREATE TABLE inspection_representatives (
        id TEXT PRIMARY KEY NOT NULL,
        inspection_id TEXT NOT NULL REFERENCES inspections (id),
        name TEXT NOT NULL DEFAULT '',
        position TEXT NOT NULL DEFAULT '',
        ord INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        changed_by_office TEXT NOT NULL,
        rev TEXT NOT NULL,
        rev_history TEXT NOT NULL DEFAULT '[]',
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX inspection_representatives_inspection ON inspection_representatives (inspection_id);

      -- One row per criterion the clerk has recorded (a result, a note or both); no row = not yet
      -- decided. Owned by the inspection: its rev covers these rows (no sync columns, no tombstones).
      CREATE TABLE inspection_results (
        inspection_id TEXT NOT NULL REFERENCES inspections (id),
        criterion_id TEXT NOT NULL REFERENCES checklist_criteria (id),
        result TEXT CHECK (result IS NULL OR result IN ('pass', 'fail', 'na')),
        note TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (inspection_id, criterion_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE inspection_requests (
        id TEXT PRIMARY KEY NOT NULL,
        inspection_id TEXT NOT NULL REFERENCES inspections (id),
        text TEXT NOT NULL DEFAULT '',
        due_date TEXT,
        remedied_date TEXT,
        ord INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        changed_by_office TEXT NOT NULL,
        rev TEXT NOT NULL,
        rev_history TEXT NOT NULL DEFAULT '[]',
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX inspection_requests_inspection ON inspection_requests (inspection_id);
      CREATE INDEX inspection_requests_open ON inspection_requests (due_date)
        WHERE remedied_date IS NULL AND deleted_at IS NULL;

      -- A change after finalising: the reason, who, and each field's old and new value (JSON).
      CREATE TABLE inspection_amendments (
        id TEXT PRIMARY KEY NOT NULL,
        inspection_id TEXT NOT NULL REFERENCES inspections (id),
        reason TEXT NOT NULL CHECK (length(reason) > 0),
        operator TEXT NOT NULL DEFAULT '',
        changes TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        changed_by_office TEXT NOT NULL,
        rev TEXT NOT NULL,
        rev_history TEXT NOT NULL DEFAULT '[]',
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX inspection_amendments_inspection ON inspection_amendments (inspection_id, created_at);
    `);
  },
};
