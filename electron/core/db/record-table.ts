import type { Statement } from 'better-sqlite3';
import type { Db } from './open';
import type { Content, DerivedValues, Entity, Fields, RowOf, SqlValue } from './columns';
import type { RowMeta, RowMetaUpdate } from './row-meta';
import type { AuditEntity } from '../../../shared/domain/audit';

export type EntityFields<E> = E extends Entity<infer F, DerivedValues> ? F : never;
export type EntityRow<E> = E extends Entity<infer F, infer D> ? RowOf<F, D> : never;
export type TableOf<E> = E extends Entity<infer F, infer D> ? RecordTable<F, D> : never;
export type EntityContent<E> = E extends Entity<infer F, DerivedValues> ? Content<F> : never;

type Params = Record<string, SqlValue>;

/** The table objects made on each database: one per table, made by the table's owner. */
const owners = new WeakMap<Db, Map<string, RecordTable | OwnedTable<Record<string, SqlValue>>>>();

function claim(db: Db, table: string, holder: RecordTable | OwnedTable<Record<string, SqlValue>>): void {
  let made = owners.get(db);
  if (!made) {
    made = new Map();
    owners.set(db, made);
  }
  // A second writer of the same table would bypass its owner's rules.
  if (made.has(table)) throw new Error(`${table} already has its owner on this database`);
  made.set(table, holder);
}

/** The tables made on `db` so far, by name (tests check every office table has exactly one). */
export function tablesMadeOn(db: Db): ReadonlyMap<string, RecordTable | OwnedTable<Record<string, SqlValue>>> {
  return owners.get(db) ?? new Map();
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * The SQL of one table of office data, built from its column map: every statement names its
 * columns, is prepared once, and an UPDATE writes only the columns that changed (so triggers
 * declared `UPDATE OF` a column fire only when that column is written). Reading is open to
 * every query of the owning repository; writing happens only through the write path
 * (write-path.ts), which holds the transaction, the revision checks and the audit trail.
 */
export class RecordTable<F extends Fields = Fields, D extends DerivedValues = DerivedValues> {
  private readonly byIdStmt: Statement<[string], RowOf<F, D>>;
  private readonly insertStmt: Statement<Params>;
  private readonly putStmt: Statement<Params>;
  private readonly updates = new Map<string, Statement<Params>>();

  constructor(
    readonly db: Db,
    readonly entity: Entity<F, D>,
    /** The audit trail's name for these records ("unit"); null for parts of another record. */
    readonly auditEntity: AuditEntity | null,
  ) {
    claim(db, entity.table, this as unknown as RecordTable);
    const table = quote(entity.table);
    const columns = entity.columns.map(quote).join(', ');
    const values = entity.columns.map((name) => `@${name}`).join(', ');
    this.byIdStmt = db.prepare(`SELECT ${entity.select()} FROM ${table} WHERE id = ?`);
    this.insertStmt = db.prepare(`INSERT INTO ${table} (${columns}) VALUES (${values})`);
    const assignments = entity.columns
      .filter((name) => name !== 'id')
      .map((name) => `${quote(name)} = excluded.${quote(name)}`)
      .join(', ');
    this.putStmt = db.prepare(
      `INSERT INTO ${table} (${columns}) VALUES (${values}) ON CONFLICT (id) DO UPDATE SET ${assignments}`,
    );
  }

  get name(): string {
    return this.entity.table;
  }

  /** The row whatever its state (tombstones included). */
  get(id: string): RowOf<F, D> | undefined {
    return this.byIdStmt.get(id);
  }

  /** The row if it is live. */
  live(id: string): RowOf<F, D> | undefined {
    const row = this.byIdStmt.get(id);
    return row && row.deleted_at === null ? row : undefined;
  }

  content(row: RowOf<F, D>): Content<F> {
    return this.entity.fromRow(row);
  }

  /** @internal write-path.ts only. */
  insertRow(meta: RowMeta, content: Content<F>): RowOf<F, D> {
    const row = { ...meta, deleted_at: null, ...this.entity.toColumns(content) };
    this.insertStmt.run(row);
    return row as unknown as RowOf<F, D>;
  }

  /**
   * @internal write-path.ts only. Writes `columns` (content columns that changed) and the new
   * revision, if the row still has `expectedRev`; false when it does not (changed meanwhile).
   */
  updateRow(
    id: string,
    expectedRev: string,
    meta: RowMetaUpdate,
    columns: Record<string, SqlValue>,
    deletedAt: string | null | undefined,
  ): boolean {
    const names = Object.keys(columns).sort();
    const withTombstone = deletedAt !== undefined;
    const key = `${names.join(',')}|${withTombstone ? 'd' : ''}`;
    let statement = this.updates.get(key);
    if (!statement) {
      const sets = [
        ...names.map((name) => `${quote(name)} = @c_${name}`),
        'updated_at = @updated_at',
        'changed_by_office = @changed_by_office',
        'rev = @rev',
        'rev_history = @rev_history',
        ...(withTombstone ? ['deleted_at = @deleted_at'] : []),
      ];
      statement = this.db.prepare(
        `UPDATE ${quote(this.entity.table)} SET ${sets.join(', ')} WHERE id = @id AND rev = @expected_rev`,
      );
      this.updates.set(key, statement);
    }
    const params: Params = { ...meta, id, expected_rev: expectedRev };
    for (const name of names) params[`c_${name}`] = columns[name] ?? null;
    if (withTombstone) params.deleted_at = deletedAt;
    return statement.run(params).changes === 1;
  }

  /**
   * @internal write-path.ts only: a whole row as another office sent it (a transfer), its
   * derived columns computed here (this app's search and sort keys).
   */
  putRow(row: RowOf<F, D>): RowOf<F, D> {
    const written = { ...row, ...this.entity.toColumns(this.entity.fromRow(row)) } as RowOf<F, D>;
    this.putStmt.run(written);
    return written;
  }

  /**
   * @internal write-path.ts only: points every row's `column` at `to` instead of `from`, with no
   * new revision. Used when two records turn out to be one (twin units linked): a reference to
   * the retired one means the kept one in every office, so it is normalised, not edited.
   */
  relink(column: string, from: string, to: string): number {
    if (!this.entity.columns.includes(column)) throw new Error(`${this.name} has no column ${column}`);
    return this.db
      .prepare(`UPDATE ${quote(this.entity.table)} SET ${quote(column)} = ? WHERE ${quote(column)} = ?`)
      .run(to, from).changes;
  }
}

/**
 * Rows that are only a part of one parent record, keyed by the parent and a natural key
 * (SYNC-RULES.md, "Owned child rows"): no revision of their own; written only in a transaction
 * that gives the parent a new revision (the write path checks it).
 */
export class OwnedTable<Row extends Record<string, SqlValue>> {
  private readonly listStmt: Statement<[string], Row>;
  private readonly insertStmt: Statement<Params>;
  private readonly updateStmt: Statement<Params>;
  private readonly deleteStmt: Statement<Params>;
  private readonly deleteAllStmt: Statement<[string]>;
  private readonly columnList: string;

  constructor(
    readonly db: Db,
    readonly spec: {
      table: string;
      parent: { table: string; column: keyof Row & string };
      /** With the parent column, the primary key. */
      key: readonly (keyof Row & string)[];
      values: readonly (keyof Row & string)[];
    },
  ) {
    claim(db, spec.table, this);
    const table = quote(spec.table);
    const parent = quote(spec.parent.column);
    const all = [spec.parent.column, ...spec.key, ...spec.values];
    const keyWhere = [spec.parent.column, ...spec.key].map((name) => `${quote(name)} = @${name}`).join(' AND ');
    this.listStmt = db.prepare(
      `SELECT ${all.map(quote).join(', ')} FROM ${table} WHERE ${parent} = ? ORDER BY ${spec.key.map(quote).join(', ')}`,
    );
    this.insertStmt = db.prepare(
      `INSERT INTO ${table} (${all.map(quote).join(', ')}) VALUES (${all.map((name) => `@${name}`).join(', ')})`,
    );
    this.updateStmt = db.prepare(
      `UPDATE ${table} SET ${spec.values.map((name) => `${quote(name)} = @${name}`).join(', ')} WHERE ${keyWhere}`,
    );
    this.deleteStmt = db.prepare(`DELETE FROM ${table} WHERE ${keyWhere}`);
    this.deleteAllStmt = db.prepare(`DELETE FROM ${table} WHERE ${parent} = ?`);
    this.columnList = all.map(quote).join(', ');
  }

  get name(): string {
    return this.spec.table;
  }

  of(parentId: string): Row[] {
    return this.listStmt.all(parentId);
  }

  /** @internal write-path.ts only. */
  insertRow(row: Row): void {
    this.insertStmt.run(row);
  }

  /** @internal write-path.ts only. */
  updateRow(row: Row): void {
    this.updateStmt.run(row);
  }

  /** @internal write-path.ts only. */
  deleteRow(row: Row): void {
    this.deleteStmt.run(row);
  }

  /** @internal write-path.ts only. */
  deleteAllOf(parentId: string): void {
    this.deleteAllStmt.run(parentId);
  }

  /**
   * @internal write-path.ts only: the rows of every parent in `parentIds` replaced by those
   * `source` holds for them (a table with these columns: a staged package's). Two statements for
   * thousands of parents, where row by row would be one round trip per row.
   */
  replaceAllFrom(source: string, parentIds: readonly string[]): void {
    if (parentIds.length === 0) return;
    const table = quote(this.spec.table);
    const parents = `${quote(this.spec.parent.column)} IN (SELECT value FROM json_each(?))`;
    const ids = JSON.stringify(parentIds);
    this.db.prepare(`DELETE FROM ${table} WHERE ${parents}`).run(ids);
    this.db
      .prepare(`INSERT INTO ${table} (${this.columnList}) SELECT ${this.columnList} FROM ${source} WHERE ${parents}`)
      .run(ids);
  }
}

/** The row's sync columns as the API shows them (shared/domain/common.ts, rowMetaSchema). */
export function recordMeta(row: { id: string; created_at: string; updated_at: string; rev: string }): {
  id: string;
  createdAt: string;
  updatedAt: string;
  rev: string;
} {
  return { id: row.id, createdAt: row.created_at, updatedAt: row.updated_at, rev: row.rev };
}
