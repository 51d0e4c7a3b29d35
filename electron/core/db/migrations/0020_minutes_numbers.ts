import type { Migration } from './types';

/**
 * Numbers given to inspection minutes ("Số: 05/BB-ĐKT"), counted per plan and year. Office
 * data (SYNC-RULES.md). A row is never deleted and keeps its number even after the minutes are
 * given another one (`released_at`) or the inspection is deleted, so a number once given is
 * never given again: the next number is one more than the largest ever given.
 */
export const migration0020: Migration = {
  version: 20,
  name: 'minutes_numbers',
  up(db) {
    db.exec(`
      CREATE TABLE minutes_numbers (
        id TEXT PRIMARY KEY NOT NULL,
        inspection_id TEXT NOT NULL REFERENCES inspections (id),
        plan_id TEXT NOT NULL REFERENCES plans (id),
        year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
        number INTEGER NOT NULL CHECK (number BETWEEN 1 AND 9999),
        released_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        changed_by_office TEXT NOT NULL,
        rev TEXT NOT NULL,
        rev_history TEXT NOT NULL DEFAULT '[]',
        deleted_at TEXT
      ) STRICT;

      -- A number names one minutes of a plan and year, for ever (released rows keep theirs).
      CREATE UNIQUE INDEX minutes_numbers_taken ON minutes_numbers (plan_id, year, number) WHERE deleted_at IS NULL;
      -- An inspection's minutes have at most one current number.
      CREATE UNIQUE INDEX minutes_numbers_current ON minutes_numbers (inspection_id)
        WHERE released_at IS NULL AND deleted_at IS NULL;
    `);
  },
};
