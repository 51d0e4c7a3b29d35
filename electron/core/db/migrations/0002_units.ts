import type { Migration } from './types';

/** The unit registry (danh mục đơn vị). */
export const migration0002: Migration = {
  version: 2,
  name: 'units',
  up(db) {
    db.exec(`
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
          ('preschool', 'primary', 'lowerSecondary', 'multiLevel', 'ethnicSemiBoarding', 'other')),
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

      -- A code, when given, names one live unit (compared without case or diacritics).
      CREATE UNIQUE INDEX units_code_key ON units (code_key) WHERE code_key <> '' AND deleted_at IS NULL;
      -- Covers the registry list: order, filters and search run inside the index alone.
      CREATE INDEX units_list ON units (sort_key, active, kind, managing_body, search_key) WHERE deleted_at IS NULL;
      CREATE INDEX units_name_kind ON units (name_key, kind) WHERE deleted_at IS NULL;
      CREATE INDEX units_parent ON units (parent_id) WHERE parent_id IS NOT NULL;
      CREATE INDEX units_updated ON units (updated_at);
    `);
  },
};
