import type Database from 'better-sqlite3';

/** One step of the schema. Written once, never edited after it has shipped. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}
