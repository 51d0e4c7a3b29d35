import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/open';
import { newRowMeta, nextRowMeta, type RowMeta, type RowMetaUpdate } from '../../db/row-meta';
import type { Clock } from '../../kernel/clock';
import type { AuditAction, AuditChange, AuditEntity, AuditEntry } from '../../../../shared/domain/audit';

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

interface AuditRow {
  id: string;
  entity: AuditEntity;
  entity_id: string;
  action: AuditAction;
  operator: string;
  summary: string;
  detail: string;
  changes: string;
  last_at: string;
  created_at: string;
  rev: string;
  rev_history: string;
}

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
 * The audit trail every service writes to, inside its own transaction: who (the operator
 * named in Settings), when (the injected clock), which record, what action, which fields.
 */
export class AuditTrail {
  private readonly insertStmt: Statement<
    RowMeta & Omit<AuditRow, 'id' | 'created_at' | 'rev' | 'rev_history'> & { last_at: string }
  >;
  private readonly latestStmt: Statement<[string], AuditRow>;
  private readonly mergeStmt: Statement<RowMetaUpdate & { id: string; changes: string; last_at: string }>;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly officeId: () => string,
    private readonly operator: () => string,
  ) {
    this.insertStmt = db.prepare(`
      INSERT INTO audit_log (id, entity, entity_id, action, operator, summary, detail, changes, last_at,
        created_at, updated_at, changed_by_office, rev, rev_history)
      VALUES (@id, @entity, @entity_id, @action, @operator, @summary, @detail, @changes, @last_at,
        @created_at, @updated_at, @changed_by_office, @rev, @rev_history)`);
    this.latestStmt = db.prepare(`
      SELECT id, entity, entity_id, action, operator, summary, detail, changes, last_at, created_at, rev, rev_history
      FROM audit_log WHERE entity_id = ? AND deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1`);
    this.mergeStmt = db.prepare(`
      UPDATE audit_log SET changes = @changes, last_at = @last_at, updated_at = @updated_at,
        changed_by_office = @changed_by_office, rev = @rev, rev_history = @rev_history
      WHERE id = @id`);
  }

  operatorName(): string {
    return this.operator();
  }

  /**
   * Writes one entry. With `coalesce`, an entry of the same action on the same record by the
   * same operator in the last 15 minutes absorbs this one (a session of autosaves is one line
   * of history, not hundreds).
   */
  record(entry: AuditRecord, options: { coalesce?: boolean } = {}): void {
    const now = this.clock.now();
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
        this.mergeStmt.run({
          id: latest.id,
          changes: JSON.stringify(mergeChanges(parseChanges(latest.changes), changes)),
          last_at: now.toISOString(),
          ...nextRowMeta(now, this.officeId(), latest),
        });
        return;
      }
    }
    const meta = newRowMeta(now, this.officeId());
    this.insertStmt.run({
      ...meta,
      entity: entry.entity,
      entity_id: entry.entityId,
      action: entry.action,
      operator,
      summary: clip(typeof entry.summary === 'function' ? entry.summary() : entry.summary),
      detail: clip(entry.detail ?? ''),
      changes: JSON.stringify(changes),
      last_at: meta.created_at,
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
          `SELECT id, entity, entity_id, action, operator, summary, detail, changes, last_at, created_at, rev, rev_history
           FROM audit_log WHERE ${clause} ORDER BY created_at DESC, id DESC LIMIT @limit OFFSET @offset`,
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
