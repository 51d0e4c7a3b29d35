import type { Clock } from '../kernel/clock';
import { AppError } from '../kernel/errors';
import type { AuditAction, AuditChange, AuditEntity } from '../../../shared/domain/audit';
import type { Content, DerivedValues, Fields, RowOf, SqlValue } from './columns';
import type { Statement } from 'better-sqlite3';
import type { Db } from './open';
import type { OwnedTable, RecordTable } from './record-table';
import { newRowMeta, nextRowMeta, REV_HISTORY_LIMIT } from './row-meta';

/** One entry of the audit trail: who (the operator, added by the sink), when, what, which fields. */
export interface AuditRecord {
  entity: AuditEntity;
  entityId: string;
  action: AuditAction;
  /**
   * The record's name at the time (unit name, plan title…), so the trail reads on its own. A
   * function is called only when a new entry is written (autosaves merging into one skip it).
   */
  summary: string | (() => string);
  detail?: string;
  changes?: AuditChange[];
}

/** Where audit entries go: the audit trail, written in the same transaction as the change. */
export interface AuditSink {
  record(tx: Tx, entry: AuditRecord, options?: { coalesce?: boolean }): void;
  operatorName(): string;
}

/** What a write says in the audit trail; the entity and id default to the written row's. */
export interface AuditNote {
  action: AuditAction;
  summary: string | (() => string);
  detail?: string;
  /** 'fields': each field this write changed, before and after; or a list of its own. */
  changes?: AuditChange[] | 'fields';
  entity?: AuditEntity;
  entityId?: string;
  /** Merge into the same operator's entry of the same action on the record in the last minutes. */
  coalesce?: boolean;
}

export interface Updated<F extends Fields, D extends DerivedValues> {
  row: RowOf<F, D>;
  /** The fields that changed, by field name, as the audit trail and amendments show them. */
  changes: AuditChange[];
  changed: boolean;
}

function shown(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === null || value === undefined ? '' : JSON.stringify(value);
}

/**
 * The one write path for office data. `run` owns the transaction (IMMEDIATE, so the revision
 * checks and the write see the same state); inside it a `Tx` checks that a record is live and
 * still at the revision an edit was based on, gives every written row its new revision
 * (row-meta.ts), writes only changed columns, and records the audit entry. Services never
 * write SQL for office data; a transfer applies other offices' rows through the same `Tx`.
 */
export class WritePath {
  private active: Tx | null = null;
  /** Caches kept from the written rows (a report's digest), brought up to date before commit. */
  private readonly beforeCommit: (() => void)[] = [];
  private readonly publishedStmt: Statement<[string], { one: number }>;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly officeId: () => string,
    private readonly audit: AuditSink | null,
  ) {
    this.publishedStmt = db.prepare('SELECT 1 AS one FROM published_revs WHERE rev = ?');
  }

  /** `refresh` runs at the end of every write transaction, inside it (its failure undoes the write). */
  keepCurrent(refresh: () => void): void {
    this.beforeCommit.push(refresh);
  }

  run<T>(work: (tx: Tx) => T): T {
    const outer = this.active;
    if (outer) {
      // A service calling another inside its transaction: one Tx, a savepoint for the inner part.
      return this.db.transaction(() => work(outer))();
    }
    return this.db
      .transaction(() => {
        const tx = new Tx(
          this.clock.now(),
          this.officeId(),
          this.audit,
          (rev) => this.publishedStmt.get(rev) !== undefined,
        );
        this.active = tx;
        try {
          const result = work(tx);
          tx.finish();
          for (const refresh of this.beforeCommit) refresh();
          return result;
        } finally {
          this.active = null;
        }
      })
      .immediate();
  }
}

export class Tx {
  /** Rows given a new revision in this transaction, as "table:id". */
  private readonly revised = new Set<string>();
  /** Parents whose owned rows were written here, and must therefore get a new revision. */
  private readonly ownedWritten = new Map<string, string>();

  constructor(
    readonly now: Date,
    readonly officeId: string,
    private readonly audit: AuditSink | null,
    /** Whether a revision has left this office (only those stay in histories). */
    private readonly published: (rev: string) => boolean,
  ) {}

  private nextMeta(current: { rev: string; rev_history: string }) {
    return nextRowMeta(this.now, this.officeId, current, this.published(current.rev));
  }

  operatorName(): string {
    return this.audit?.operatorName() ?? '';
  }

  /**
   * The live row `id`, checked against the revision the caller's change was based on: NOT_FOUND
   * when it is gone, CONFLICT when someone changed it since (a stale edit never silently wins).
   */
  live<F extends Fields, D extends DerivedValues>(
    table: RecordTable<F, D>,
    id: string,
    expectedRev?: string,
  ): RowOf<F, D> {
    const row = table.live(id);
    if (!row) throw new AppError('NOT_FOUND');
    if (expectedRev !== undefined && row.rev !== expectedRev) throw new AppError('CONFLICT');
    return row;
  }

  insert<F extends Fields, D extends DerivedValues>(
    table: RecordTable<F, D>,
    content: Content<F>,
    options: { id?: string; audit?: AuditNote } = {},
  ): RowOf<F, D> {
    const meta = newRowMeta(this.now, this.officeId, options.id);
    const row = table.insertRow(meta, content);
    this.revised.add(`${table.name}:${meta.id}`);
    if (options.audit) this.note(table.auditEntity, meta.id, options.audit, []);
    return row;
  }

  /**
   * Writes the fields of `patch` that differ from `current` with one new revision. Nothing
   * differs: nothing is written (no new revision), and `changed` is false.
   */
  update<F extends Fields, D extends DerivedValues>(
    table: RecordTable<F, D>,
    current: RowOf<F, D>,
    patch: Partial<Content<F>>,
    options: { audit?: AuditNote; revive?: boolean } = {},
  ): Updated<F, D> {
    const before = table.content(current);
    const after = { ...before, ...patch } as Content<F>;
    const next = table.entity.toColumns(after);
    const currentValues = current as unknown as Record<string, SqlValue>;
    const columns: Record<string, SqlValue> = {};
    for (const name of table.entity.updatable) {
      if (currentValues[name] !== next[name]) columns[name] = next[name] ?? null;
    }
    for (const [field, column] of Object.entries(table.entity.fields)) {
      if (column.insertOnly && column.toSql(before[field]) !== column.toSql(after[field])) {
        throw new Error(`${table.name}.${column.name} is set when the row is made and never changed`);
      }
    }
    const revive = options.revive === true && current.deleted_at !== null;
    const changes: AuditChange[] = [];
    for (const field of Object.keys(table.entity.fields)) {
      if (shown(before[field]) !== shown(after[field])) {
        changes.push({ field, before: shown(before[field]), after: shown(after[field]) });
      }
    }
    if (Object.keys(columns).length === 0 && !revive) return { row: current, changes: [], changed: false };
    const meta = this.nextMeta(current);
    if (!table.updateRow(current.id, current.rev, meta, columns, revive ? null : undefined)) {
      throw new AppError('CONFLICT');
    }
    this.revised.add(`${table.name}:${current.id}`);
    const row = { ...current, ...columns, ...meta, ...(revive ? { deleted_at: null } : {}) } as RowOf<F, D>;
    if (options.audit) this.note(table.auditEntity, current.id, options.audit, changes);
    return { row, changes, changed: true };
  }

  /** A new revision without a change of its own columns: its owned rows or parts changed. */
  touch<F extends Fields, D extends DerivedValues>(table: RecordTable<F, D>, current: RowOf<F, D>): RowOf<F, D> {
    const meta = this.nextMeta(current);
    if (!table.updateRow(current.id, current.rev, meta, {}, undefined)) throw new AppError('CONFLICT');
    this.revised.add(`${table.name}:${current.id}`);
    return { ...current, ...meta };
  }

  /** Deleted records stay as tombstones with a new revision, so the deletion travels. */
  tombstone<F extends Fields, D extends DerivedValues>(
    table: RecordTable<F, D>,
    current: RowOf<F, D>,
    options: { audit?: AuditNote } = {},
  ): RowOf<F, D> {
    if (current.deleted_at !== null) return current;
    const meta = this.nextMeta(current);
    if (!table.updateRow(current.id, current.rev, meta, {}, meta.updated_at)) throw new AppError('CONFLICT');
    this.revised.add(`${table.name}:${current.id}`);
    if (options.audit) this.note(table.auditEntity, current.id, options.audit, []);
    return { ...current, ...meta, deleted_at: meta.updated_at };
  }

  /**
   * A row exactly as another office sent it (a transfer package): its revision and history as
   * they are there. The merge has decided that this version wins; nothing else is checked here.
   */
  putRemote<F extends Fields, D extends DerivedValues>(table: RecordTable<F, D>, row: RowOf<F, D>): RowOf<F, D> {
    const written = table.putRow(row);
    this.revised.add(`${table.name}:${row.id}`);
    return written;
  }

  /**
   * A new revision that descends from `current` and from `alsoFrom` (the versions a person chose
   * between when resolving a conflict), so every office holding either sees it as newer.
   */
  resolve<F extends Fields, D extends DerivedValues>(
    table: RecordTable<F, D>,
    current: RowOf<F, D>,
    content: Content<F>,
    alsoFrom: readonly string[],
    options: { audit?: AuditNote; deleted?: boolean } = {},
  ): RowOf<F, D> {
    const meta = nextRowMeta(this.now, this.officeId, current, true);
    const history = JSON.parse(meta.rev_history) as string[];
    const merged = [history[0] ?? current.rev, ...alsoFrom, ...history.slice(1)].filter(
      (rev, index, all) => all.indexOf(rev) === index,
    );
    const row = {
      ...current,
      ...table.entity.toColumns(content),
      ...meta,
      rev_history: JSON.stringify(merged.slice(0, REV_HISTORY_LIMIT)),
      deleted_at: options.deleted ? (current.deleted_at ?? meta.updated_at) : null,
    } as RowOf<F, D>;
    table.putRow(row);
    this.revised.add(`${table.name}:${current.id}`);
    if (options.audit) this.note(table.auditEntity, current.id, options.audit, []);
    return row;
  }

  /** Every reference in `column` of `table` to `from` now names `to` (no new revision; see RecordTable.relink). */
  relink(table: RecordTable, column: string, from: string, to: string): number {
    return table.relink(column, from, to);
  }

  /** Replaces the owned rows of a parent by another office's set (the parent's row is being put too). */
  putOwnedRemote<Row extends Record<string, SqlValue>>(table: OwnedTable<Row>, parentId: string, rows: Row[]): void {
    const writer = this.owned(table, parentId);
    writer.deleteAll();
    for (const row of rows) writer.insert(row);
  }

  /**
   * Replaces the owned rows of many parents at once by another office's, read from `source` (a
   * staged package's table of the same columns); each parent is being put in this transaction.
   */
  putOwnedRemoteFrom<Row extends Record<string, SqlValue>>(
    table: OwnedTable<Row>,
    parentIds: readonly string[],
    source: string,
  ): void {
    for (const parentId of parentIds) this.ownedWritten.set(`${table.spec.parent.table}:${parentId}`, table.name);
    table.replaceAllFrom(source, parentIds);
  }

  /**
   * Writes the owned rows of one parent record. The parent must get a new revision in this
   * transaction (update or touch); `finish` refuses the transaction otherwise.
   */
  owned<Row extends Record<string, SqlValue>>(table: OwnedTable<Row>, parentId: string): OwnedWriter<Row> {
    const parentKey = `${table.spec.parent.table}:${parentId}`;
    const mark = () => this.ownedWritten.set(parentKey, table.name);
    return {
      insert: (row) => {
        mark();
        table.insertRow(row);
      },
      update: (row) => {
        mark();
        table.updateRow(row);
      },
      delete: (row) => {
        mark();
        table.deleteRow(row);
      },
      deleteAll: () => {
        mark();
        table.deleteAllOf(parentId);
      },
    };
  }

  /** An audit entry of its own (a change spanning several records, a scope change). */
  record(entry: AuditRecord, options: { coalesce?: boolean } = {}): void {
    this.audit?.record(this, entry, options);
  }

  /** @internal WritePath only: the rule of owned rows holds for everything written. */
  finish(): void {
    for (const [parent, owned] of this.ownedWritten) {
      if (!this.revised.has(parent)) throw new Error(`${owned} written without a new revision of ${parent}`);
    }
  }

  private note(tableEntity: AuditEntity | null, id: string, note: AuditNote, fieldChanges: AuditChange[]): void {
    const entity = note.entity ?? tableEntity;
    if (!entity || !this.audit) return;
    const changes = note.changes === 'fields' ? fieldChanges : (note.changes ?? []);
    const entry: AuditRecord = { entity, entityId: note.entityId ?? id, action: note.action, summary: note.summary };
    if (note.detail !== undefined) entry.detail = note.detail;
    if (changes.length > 0) entry.changes = changes;
    this.audit.record(this, entry, { coalesce: note.coalesce ?? false });
  }
}

export interface OwnedWriter<Row> {
  insert(row: Row): void;
  update(row: Row): void;
  delete(row: Row): void;
  deleteAll(): void;
}
