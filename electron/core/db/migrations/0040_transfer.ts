import type { Migration } from './types';

/**
 * Carrying data between offices (transfer packages).
 *
 * Office data (SYNC-RULES.md):
 * - `unit_links`: a unit registered separately in two offices (two ids for one school) is linked
 *   to the one kept; the link travels, so every office ends up referring to the same id.
 * - `plans.origin_office`: the office that made a plan (a received plan is marked with it);
 *   plans made before this migration are this office's own.
 *
 * Local tables (SYNC-RULES.md, "Exempt"), never transferred:
 * - `published_revs`: revisions that have left this office or came from another (in a package
 *   sent or received). Only these can be known elsewhere, so only these need to stay in a
 *   record's revision history; a run of local edits (autosaves) keeps its history short.
 * - `peer_known`: per other office, the revision of each record it is known to have (sent to
 *   it, or received from it): "send what changed since the last package" is exact, not by clock.
 * - `exchanges`: the history of packages sent and received.
 * - `known_offices`: names of the offices met in packages.
 * - `merge_conflicts`: versions that lost a merge (or collided), kept until a person decides.
 */
export const migration0040: Migration = {
  version: 40,
  name: 'transfer',
  up(db) {
    db.exec(`
      CREATE TABLE unit_links (
        id TEXT PRIMARY KEY NOT NULL,
        unit_id TEXT NOT NULL REFERENCES units (id),
        twin_id TEXT NOT NULL REFERENCES units (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        changed_by_office TEXT NOT NULL,
        rev TEXT NOT NULL,
        rev_history TEXT NOT NULL DEFAULT '[]',
        deleted_at TEXT,
        CHECK (unit_id <> twin_id)
      ) STRICT;
      -- A unit is merged into at most one other.
      CREATE UNIQUE INDEX unit_links_twin ON unit_links (twin_id) WHERE deleted_at IS NULL;
      CREATE INDEX unit_links_unit ON unit_links (unit_id);

      ALTER TABLE plans ADD COLUMN origin_office TEXT NOT NULL DEFAULT '';
      UPDATE plans SET origin_office = coalesce((SELECT value FROM settings WHERE key = 'office.id'), '');

      CREATE TABLE published_revs (
        rev TEXT PRIMARY KEY NOT NULL
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE peer_known (
        peer_office TEXT NOT NULL,
        tbl TEXT NOT NULL,
        record_id TEXT NOT NULL,
        rev TEXT NOT NULL,
        PRIMARY KEY (peer_office, tbl, record_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE exchanges (
        id TEXT PRIMARY KEY NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('sent', 'received')),
        package_id TEXT NOT NULL,
        peer_office TEXT NOT NULL,
        peer_name TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL,
        file_name TEXT NOT NULL DEFAULT '',
        scope TEXT NOT NULL DEFAULT '{}',
        counts TEXT NOT NULL DEFAULT '{}',
        operator TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX exchanges_peer ON exchanges (peer_office, at);
      CREATE INDEX exchanges_package ON exchanges (package_id, direction);

      CREATE TABLE known_offices (
        office_id TEXT PRIMARY KEY NOT NULL,
        name TEXT NOT NULL,
        parent_body TEXT NOT NULL DEFAULT '',
        last_seen TEXT NOT NULL
      ) STRICT;

      CREATE TABLE merge_conflicts (
        id TEXT PRIMARY KEY NOT NULL,
        tbl TEXT NOT NULL,
        record_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('edit', 'delete', 'number')),
        -- The version kept out of the record until a person decides, whole, as JSON.
        loser TEXT NOT NULL,
        loser_side TEXT NOT NULL CHECK (loser_side IN ('ours', 'theirs')),
        winner_rev TEXT NOT NULL,
        from_office TEXT NOT NULL,
        package_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        resolved_at TEXT,
        resolution TEXT CHECK (resolution IS NULL OR resolution IN ('ours', 'theirs', 'superseded'))
      ) STRICT;
      CREATE INDEX merge_conflicts_open ON merge_conflicts (tbl, record_id) WHERE resolved_at IS NULL;
    `);
  },
};
