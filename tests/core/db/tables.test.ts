import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { META_COLUMNS } from '../../../electron/core/db/columns';
import { OwnedTable, RecordTable, tablesMadeOn } from '../../../electron/core/db/record-table';
import { TABLES, officeTablesInOrder, tableInfo, type TableInfo } from '../../../electron/core/db/tables';
import type { Db } from '../../../electron/core/db/open';
import { createTestCore, type TestCore } from '../../support/core-harness';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

interface ColumnInfo {
  name: string;
  type: string;
  pk: number;
}

function schemaTables(db: Db): string[] {
  return db
    .prepare<[], { name: string }>(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
    .all()
    .map((row) => row.name);
}

function columnsOf(db: Db, table: string): ColumnInfo[] {
  return db.pragma(`table_info(${table})`) as ColumnInfo[];
}

function sqlOf(db: Db, table: string): string {
  return db.prepare<[string], { sql: string }>(`SELECT sql FROM sqlite_schema WHERE name = ?`).get(table)?.sql ?? '';
}

/** Partial unique indexes of a table, each as its list of columns. */
function uniqueIndexes(db: Db, table: string): string[][] {
  const indexes = db.pragma(`index_list(${table})`) as { name: string; unique: number; origin: string }[];
  return indexes
    .filter((index) => index.unique === 1 && index.origin === 'c')
    .map((index) => (db.pragma(`index_info(${index.name})`) as { name: string }[]).map((column) => column.name));
}

const entries = Object.entries(TABLES) as [string, TableInfo][];

describe('the table registry (db/tables.ts) against the live schema', () => {
  let h: TestCore;
  let db: Db;
  beforeAll(() => {
    h = createTestCore();
    db = h.core.db;
  });
  afterAll(() => h.close());

  it('lists every table of the schema, and nothing else', () => {
    expect(Object.keys(TABLES).sort()).toEqual(schemaTables(db));
  });

  it('gives office tables the sync columns, STRICT; owned and local tables none of them', () => {
    for (const [name, info] of entries) {
      const columns = columnsOf(db, name).map((column) => column.name);
      const sql = sqlOf(db, name);
      expect(sql, name).toMatch(/STRICT/);
      if (info.kind === 'office') {
        expect(columns, name).toEqual(expect.arrayContaining([...META_COLUMNS]));
        const id = columnsOf(db, name).find((column) => column.name === 'id');
        expect(id?.pk, `${name}.id is its primary key`).toBe(1);
      } else {
        // Local tables may note revisions (what another office has), never carry their own.
        for (const meta of ['rev_history', 'deleted_at', 'changed_by_office']) {
          expect(columns, `${name} has no ${meta}`).not.toContain(meta);
        }
      }
    }
  });

  it('keys owned rows by their parent and natural key, WITHOUT ROWID, pointing at the parent', () => {
    for (const [name, info] of entries.filter(([, info]) => info.kind === 'owned')) {
      expect(info.parent, name).toBeDefined();
      const primary = columnsOf(db, name)
        .filter((column) => column.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((column) => column.name);
      expect(primary, name).toEqual([info.parent!.column, ...(info.key ?? [])]);
      expect(sqlOf(db, name), name).toMatch(/WITHOUT ROWID/);
    }
  });

  it('names parents that the schema really points at', () => {
    for (const [name, info] of entries.filter(([, info]) => info.parent)) {
      const keys = db.pragma(`foreign_key_list(${name})`) as { table: string; from: string }[];
      expect(keys, name).toContainEqual(
        expect.objectContaining({ table: info.parent!.table, from: info.parent!.column }),
      );
    }
  });

  it('lists exactly the unique indexes of the schema', () => {
    for (const [name, info] of entries) {
      const listed = (info.unique ?? []).map((columns) => [...columns].join(','));
      const found = uniqueIndexes(db, name).map((columns) => columns.join(','));
      expect(found.sort(), name).toEqual(listed.sort());
    }
  });

  it('has, for every office table, exactly one column map covering exactly its columns, derived ones as listed', () => {
    const made = tablesMadeOn(db);
    for (const [name, info] of entries.filter(([, info]) => info.kind !== 'local')) {
      const holder = made.get(name);
      expect(holder, `${name} has an owner on a running core`).toBeDefined();
      const columns = columnsOf(db, name).map((column) => column.name);
      if (info.kind === 'owned') {
        expect(holder).toBeInstanceOf(OwnedTable);
        const spec = (holder as OwnedTable<Record<string, string>>).spec;
        expect([spec.parent.column, ...spec.key, ...spec.values].sort(), name).toEqual([...columns].sort());
        continue;
      }
      expect(holder).toBeInstanceOf(RecordTable);
      const entity = (holder as RecordTable).entity;
      expect([...entity.columns].sort(), name).toEqual([...columns].sort());
      expect(Object.keys(entity.derived).sort(), `${name} derived`).toEqual(Object.keys(info.derived ?? {}).sort());
    }
  });

  it('orders office tables so every table comes after those it refers to', () => {
    const references = (table: string) =>
      (db.pragma(`foreign_key_list(${table})`) as { table: string }[]).map((key) => key.table);
    const order = officeTablesInOrder(references);
    expect(order.sort()).toEqual(
      entries
        .filter(([, info]) => info.kind !== 'local')
        .map(([name]) => name)
        .sort(),
    );
    const ordered = officeTablesInOrder(references);
    for (const table of ordered) {
      for (const target of references(table)) {
        if (target === table || tableInfo(target)?.kind === 'local') continue;
        expect(ordered.indexOf(target), `${target} before ${table}`).toBeLessThan(ordered.indexOf(table));
      }
    }
  });
});

/** Every SQL write in the core's sources, as [file, table, the statement up to its WHERE]. */
function sqlWrites(): [string, string, string][] {
  const found: [string, string, string][] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) {
        const text = fs.readFileSync(full, 'utf8');
        for (const match of text.matchAll(/\b(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+([a-z_]+)\b/g)) {
          const rest = text.slice(match.index, match.index + 400);
          const statement = rest.slice(0, rest.search(/\bWHERE\b|`|'\)/) + 1 || undefined);
          found.push([path.relative(ROOT, full).replaceAll('\\', '/'), match[1]!, statement]);
        }
      }
    }
  };
  walk(path.join(ROOT, 'electron', 'core'));
  return found;
}

describe('one write path', () => {
  it('writes office data only through the write path, and local tables only from their owner', () => {
    const strays: string[] = [];
    for (const [file, table, statement] of sqlWrites()) {
      if (file.startsWith('electron/core/db/migrations/')) continue; // the schema's history, and its triggers
      const info = tableInfo(table);
      if (!info) continue; // a word in a comment, or a statement built from a table name (record-table.ts)
      const inOwner = file.startsWith(`electron/core/features/${info.owner}/`);
      let allowed = inOwner;
      if (info.kind !== 'local') {
        // Office data: its owner may only refresh derived columns (caches of the content, no revision).
        const assigned = [...statement.matchAll(/(\w+)\s*=\s*@/g)].map((match) => match[1]!);
        const derived = Object.keys(info.derived ?? {});
        allowed =
          inOwner && /^UPDATE/.test(statement) && assigned.length > 0 && assigned.every((c) => derived.includes(c));
      }
      if (!allowed) strays.push(`${file}: ${statement.replace(/\s+/g, ' ')}`);
    }
    expect(strays).toEqual([]);
  });

  it('refuses a second owner of a table on one database', () => {
    const h = createTestCore();
    try {
      const units = tablesMadeOn(h.core.db).get('units') as RecordTable;
      expect(() => new RecordTable(h.core.db, units.entity, 'unit')).toThrow(/already has its owner/);
    } finally {
      h.close();
    }
  });
});
