import type { Statement } from 'better-sqlite3';
import type { Db } from './open';

/** One column that points at a table, with its "is a live row using this id?" query prepared once. */
interface Reference {
  table: string;
  column: string;
  live: Statement<[string], unknown>;
}

const cache = new WeakMap<Db, Map<string, Reference[]>>();

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Every column in the schema that points at `table` (read from the foreign keys). */
function referencesTo(db: Db, table: string): Reference[] {
  let perDb = cache.get(db);
  if (!perDb) {
    perDb = new Map();
    cache.set(db, perDb);
  }
  const known = perDb.get(table);
  if (known) return known;
  const tables = db
    .prepare<[], { name: string }>(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .all();
  const found: Reference[] = [];
  for (const { name } of tables) {
    const keys = db.pragma(`foreign_key_list(${quoteIdent(name)})`) as { table: string; from: string }[];
    const columns = db.pragma(`table_info(${quoteIdent(name)})`) as { name: string }[];
    const liveOnly = columns.some((column) => column.name === 'deleted_at') ? ' AND deleted_at IS NULL' : '';
    for (const key of keys) {
      if (key.table !== table) continue;
      const live = db.prepare<[string], unknown>(
        `SELECT 1 FROM ${quoteIdent(name)} WHERE ${quoteIdent(key.from)} = ?${liveOnly} LIMIT 1`,
      );
      found.push({ table: name, column: key.from, live });
    }
  }
  perDb.set(table, found);
  return found;
}

/**
 * Whether any live row anywhere refers to `id` in `table`. Generic over the schema, so a
 * feature that adds a table referring to units is covered without touching this code.
 */
export function isReferenced(db: Db, table: string, id: string): boolean {
  return referencesTo(db, table).some((reference) => reference.live.get(id) !== undefined);
}
