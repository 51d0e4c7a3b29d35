import type { Migration } from './types';
import { uuidv7 } from '../ids';

/**
 * Local settings of this installation (office identity, language, operator). Not office data
 * that travels between offices, so it is exempt from the sync columns (SYNC-RULES.md).
 */
export const migration0001: Migration = {
  version: 1,
  name: 'settings',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      ) STRICT;
    `);
    // The office's identity is fixed once, when its database is created.
    db.prepare(`INSERT INTO settings (key, value) VALUES ('office.id', ?)`).run(uuidv7());
  },
};
