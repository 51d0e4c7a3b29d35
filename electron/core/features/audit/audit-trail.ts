import type { Db } from '../../db/open';
import { col, defineEntity } from '../../db/columns';
import { RecordTable, type EntityRow, type TableOf } from '../../db/record-table';
import type { AuditRecord, AuditSink, Tx } from '../../db/write-path';
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITIES,
  type AuditChange,
  type AuditEntity,
  type AuditEntry,
} from '../../../../shared/domain/audit';

export type { AuditRecord } from '../../db/write-path';

/** The audit trail's column map. Office data: entries travel with the records they describe. */
export const auditEntity = defineEntity({
  table: 'audit_log',
  fields: {
    entity: col.oneOf('entity', AUDIT_ENTITIES).once(),
    entityId: col.text('entity_id').once(),
    action: col.oneOf('action', AUDIT_ACTIONS).once(),
    operator: col.text('operator').once(),
    summary: col.text('summary'),
    detail: col.text('detail'),
    changes: col.text('changes'),
    lastAt: col.text('last_at'),
  },
});

type AuditRow = EntityRow<typeof auditEntity>;

/** Longest value kept per field: the trail says what changed, the record holds the text. */
const MAX_VALUE = 500;
/** Autosaves by one operator to one record within this window merge into one entry. */
export const COALESCE_MS = 15 * 60 * 1000;

function clip(value: string): string {
  return value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE - 1)}…` : value;
}

function parseChanges(json: string): AuditChange[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? (parsed as AuditChange[]) : [];
  } catch {
    return [];
  }
}

/** Merges a later run of changes into an earlier one: first "before", last "after" per field. */
export function mergeChanges(earlier: AuditChange[], later: AuditChange[]): AuditChange[] {
  const byField = new Map(earlier.map((change) => [change.field, { ...change }]));
  for (const change of later) {
    const known = byField.get(change.field);
    if (known) known.after = change.after;
    else byField.set(change.field, { ...change });
  }
  return [...byField.values()].filter((change) => change.before !== change.after);
}

/**
 * The audit trail every write of office data goes to, inside its transaction (the write path
 * calls `record`): who (the operator named in Settings), when (the transaction's time), which
 * record, what action, which fields.
 */
export class AuditTrail implements AuditSink {
  readonly table: TableOf<typeof auditEntity>;
  private readonly latestStmt;

  constructor(
    private readonly db: Db,
    private readonly operator: () => string,
  ) {
    this.table = new RecordTable(db, auditEntity, null);
    this.latestStmt = db.prepare<[string], AuditRow>(`
      SELECT ${auditEntity.select()} FROM audit_log
      WHERE entity_id = ? AND deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1`);
  }

  operatorName(): string {
    return this.operator();
  }

  /**
   * Writes one entry. With `coalesce`, an entry of the same action on the same record by the
   * same operator in the last 15 minutes absorbs this one (a session of autosaves is one line
   * of history, not hundreds).
   */
  record(tx: Tx, entry: AuditRecord, options: { coalesce?: boolean } = {}): void {
    const now = tx.now;
    const operator = this.operator();
    const changes = (entry.changes ?? []).map((change) => ({
      field: change.field,
      before: clip(change.before),
      after: clip(change.after),
    }));
    if (options.coalesce) {
      const latest = this.latestStmt.get(entry.entityId);
      if (
        latest &&
        latest.action === entry.action &&
        latest.operator === operator &&
        now.getTime() - new Date(latest.last_at).getTime() <= COALESCE_MS
      ) {
        tx.update(this.table, latest, {
          changes: JSON.stringify(mergeChanges(parseChanges(latest.changes), changes)),
          lastAt: now.toISOString(),
        });
        return;
      }
    }
    tx.insert(this.table, {
      entity: entry.entity,
      entityId: entry.entityId,
      action: entry.action,
      operator,
      summary: clip(typeof entry.summary === 'function' ? entry.summary() : entry.summary),
      detail: clip(entry.detail ?? ''),
      changes: JSON.stringify(changes),
      lastAt: now.toISOString(),
    });
  }

  list(filter: { entityId: string | null; entity: AuditEntity | null; offset: number; limit: number }): {
    total: number;
    rows: AuditEntry[];
  } {
    const where = ['deleted_at IS NULL'];
    const params: Record<string, string | number> = { limit: filter.limit, offset: filter.offset };
    if (filter.entityId) {
      where.push('entity_id = @entityId');
      params.entityId = filter.entityId;
    }
    if (filter.entity) {
      where.push('entity = @entity');
      params.entity = filter.entity;
    }
    const clause = where.join(' AND ');
    return this.db.transaction(() => {
      const rows = this.db
        .prepare<Record<string, string | number>, AuditRow>(
          `SELECT ${auditEntity.select()} FROM audit_log WHERE ${clause}
           ORDER BY created_at DESC, id DESC LIMIT @limit OFFSET @offset`,
        )
        .all(params);
      const total =
        this.db
          .prepare<Record<string, string | number>, { total: number }>(
            `SELECT count(*) AS total FROM audit_log WHERE ${clause}`,
          )
          .get(params)?.total ?? 0;
      return {
        total,
        rows: rows.map((row) => ({
          id: row.id,
          at: row.created_at,
          lastAt: row.last_at,
          operator: row.operator,
          entity: row.entity,
          entityId: row.entity_id,
          action: row.action,
          summary: row.summary,
          detail: row.detail,
          changes: parseChanges(row.changes),
        })),
      };
    })();
  }
}
