import type { Migration } from './types';

/**
 * What a results report reads of each inspection, kept ready. LOCAL tables (SYNC-RULES.md,
 * "Exempt"): caches rebuilt from inspections, their results and requests; never transferred.
 *
 * Why: drafting the report of every plan at 200,000 inspections read each one with two
 * correlated subqueries (its findings, its requests) and four 36-character ids, about a second
 * of SQLite and string making before any figure was counted (tests/bench/README.md).
 *
 *   report_keys    a small number for each plan, unit, checklist version and criterion id a
 *                  digest names; explicit INTEGER PRIMARY KEY, so VACUUM (and with it a backup
 *                  restored) never renumbers it; never shrinks (an id never names another thing)
 *   report_digest  one row per live, locked (finalised or remedied), dated regular inspection:
 *                  plan, unit and version as numbers, the texts a report counts, findings as
 *                  criterion numbers (negative: Không áp dụng), requests folded into one string;
 *                  ordered by plan, unit and date, so a report needs no map to find each unit's
 *                  latest inspection
 *   report_stale   inspections whose digest is to be refreshed
 *
 * Why marks and not sums: a digest row is the result of a whole inspection (its findings,
 * its requests in order), so triggers only mark the inspection a written row belongs to, one
 * insert each (ON CONFLICT DO NOTHING: an OR IGNORE inside a trigger would give way to the
 * conflict rule of the statement that fired it, a transfer's upsert). The marked ones are
 * refreshed in the write's own transaction (WritePath, before commit), at start-up (this
 * migration's own marks) and by a report before it reads (any writer outside the write path).
 * Only writes that can change a digest mark: draft saves of results "Đạt" or of notes do not.
 */
export const migration0042: Migration = {
  version: 42,
  name: 'report_digest',
  up(db) {
    db.exec(`
      CREATE TABLE report_keys (
        n INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE
      ) STRICT;

      -- Kept in the order a report reads it: by plan, unit, then oldest to newest (date, time of
      -- finalising, id), so the last row of a unit under a plan is its inspection of record.
      CREATE TABLE report_digest (
        plan_n INTEGER NOT NULL,
        unit_n INTEGER NOT NULL,
        inspection_date TEXT NOT NULL,
        finalised_at TEXT NOT NULL,
        inspection_id TEXT NOT NULL UNIQUE,
        version_n INTEGER,
        minutes_number TEXT NOT NULL,
        limitations TEXT NOT NULL,
        causes TEXT NOT NULL,
        findings TEXT,
        requests TEXT,
        PRIMARY KEY (plan_n, unit_n, inspection_date, finalised_at, inspection_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE report_stale (
        inspection_id TEXT NOT NULL PRIMARY KEY
      ) STRICT, WITHOUT ROWID;

      CREATE TRIGGER report_stale_inspections_insert AFTER INSERT ON inspections BEGIN
        INSERT INTO report_stale (inspection_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
      END;
      CREATE TRIGGER report_stale_inspections_update
      AFTER UPDATE OF id, plan_id, unit_id, kind, status, deleted_at, inspection_date, finalised_at,
        minutes_number, checklist_version_id, limitations, causes ON inspections BEGIN
        INSERT INTO report_stale (inspection_id) VALUES (OLD.id) ON CONFLICT DO NOTHING;
        INSERT INTO report_stale (inspection_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
      END;
      CREATE TRIGGER report_stale_inspections_delete AFTER DELETE ON inspections BEGIN
        INSERT INTO report_stale (inspection_id) VALUES (OLD.id) ON CONFLICT DO NOTHING;
      END;

      CREATE TRIGGER report_stale_results_insert AFTER INSERT ON inspection_results
      WHEN NEW.result IN ('fail', 'na') BEGIN
        INSERT INTO report_stale (inspection_id) VALUES (NEW.inspection_id) ON CONFLICT DO NOTHING;
      END;
      CREATE TRIGGER report_stale_results_update AFTER UPDATE OF inspection_id, criterion_id, result ON inspection_results
      WHEN OLD.result IN ('fail', 'na') OR NEW.result IN ('fail', 'na') BEGIN
        INSERT INTO report_stale (inspection_id) VALUES (OLD.inspection_id) ON CONFLICT DO NOTHING;
        INSERT INTO report_stale (inspection_id) VALUES (NEW.inspection_id) ON CONFLICT DO NOTHING;
      END;
      CREATE TRIGGER report_stale_results_delete AFTER DELETE ON inspection_results
      WHEN OLD.result IN ('fail', 'na') BEGIN
        INSERT INTO report_stale (inspection_id) VALUES (OLD.inspection_id) ON CONFLICT DO NOTHING;
      END;

      CREATE TRIGGER report_stale_requests_insert AFTER INSERT ON inspection_requests BEGIN
        INSERT INTO report_stale (inspection_id) VALUES (NEW.inspection_id) ON CONFLICT DO NOTHING;
      END;
      CREATE TRIGGER report_stale_requests_update
      AFTER UPDATE OF id, inspection_id, text, due_date, remedied_date, ord, deleted_at ON inspection_requests BEGIN
        INSERT INTO report_stale (inspection_id) VALUES (OLD.inspection_id) ON CONFLICT DO NOTHING;
        INSERT INTO report_stale (inspection_id) VALUES (NEW.inspection_id) ON CONFLICT DO NOTHING;
      END;
      CREATE TRIGGER report_stale_requests_delete AFTER DELETE ON inspection_requests BEGIN
        INSERT INTO report_stale (inspection_id) VALUES (OLD.inspection_id) ON CONFLICT DO NOTHING;
      END;

      -- Every locked regular inspection already held: digested at the first write or report.
      INSERT INTO report_stale (inspection_id)
      SELECT id FROM inspections
      WHERE deleted_at IS NULL AND kind = 'regular' AND status IN ('finalised', 'remedied');
    `);
  },
};
