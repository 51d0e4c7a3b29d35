import type { Migration } from './types';

/** The reusable list of officials (cán bộ) who serve on inspection teams. Office data (SYNC-RULES.md). */
export const migration0010: Migration = {
  version: 10,
  name: 'officials',
  up(db) {
    db.exec(`
      CREATE TABLE officials (
        id TEXT PRIMARY KEY NOT NULL,
        name TEXT NOT NULL CHECK (length(name) > 0),
        name_key TEXT NOT NULL,
        sort_key TEXT NOT NULL,
        position TEXT NOT NULL DEFAULT '',
        organization TEXT NOT NULL DEFAULT '',
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

      -- People are listed by given name, as Vietnamese lists are (sort_key starts with it).
      CREATE INDEX officials_list ON officials (sort_key) WHERE deleted_at IS NULL;
      CREATE INDEX officials_updated ON officials (updated_at);
    `);
  },
};
