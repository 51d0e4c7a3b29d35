import type { Migration } from './types';

/**
 * The audit trail: every change to office records, with the operator's name and the time.
 * Office data (it travels with the records it describes), so it carries the sync columns;
 * entries are only ever added, except that a run of autosaves of one draft by one operator
 * is merged into its latest entry (last_at, changes).
 */
export const migration0014: Migration = {
  version: 14,
  name: 'audit',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        id TEXT PRIMARY KEY NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        action TEXT NOT NULL,
        operator TEXT NOT NULL DEFAULT '',
        summary TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT '',
        changes TEXT NOT NULL DEFAULT '[]',
        last_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        changed_by_office TEXT NOT NULL,
        rev TEXT NOT NULL,
        rev_history TEXT NOT NULL DEFAULT '[]',
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX audit_log_entity ON audit_log (entity_id, created_at);
      CREATE INDEX audit_log_time ON audit_log (created_at);
    `);
  },
};
