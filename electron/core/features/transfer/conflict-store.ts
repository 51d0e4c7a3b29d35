import type { Statement } from 'better-sqlite3';
import type { SqlValue } from '../../db/columns';
import type { Db } from '../../db/open';
import { uuidv7 } from '../../db/ids';

export type Row = Record<string, SqlValue>;

/** A record with its parts and owned rows, as kept when its version loses a merge. */
export interface StoredGroup {
  row: Row;
  parts: Record<string, Row[]>;
  owned: Record<string, Row[]>;
}

export interface StoredConflict {
  id: string;
  table: string;
  recordId: string;
  kind: 'edit' | 'delete' | 'number';
  loser: StoredGroup;
  loserSide: 'ours' | 'theirs';
  winnerRev: string;
  fromOffice: string;
  packageId: string;
  createdAt: string;
  resolvedAt: string | null;
  resolution: 'ours' | 'theirs' | 'superseded' | null;
}

interface ConflictRow {
  id: string;
  tbl: string;
  record_id: string;
  kind: StoredConflict['kind'];
  loser: string;
  loser_side: 'ours' | 'theirs';
  winner_rev: string;
  from_office: string;
  package_id: string;
  created_at: string;
  resolved_at: string | null;
  resolution: StoredConflict['resolution'];
}

function toConflict(row: ConflictRow): StoredConflict {
  return {
    id: row.id,
    table: row.tbl,
    recordId: row.record_id,
    kind: row.kind,
    loser: JSON.parse(row.loser) as StoredGroup,
    loserSide: row.loser_side,
    winnerRev: row.winner_rev,
    fromOffice: row.from_office,
    packageId: row.package_id,
    createdAt: row.created_at,
    resolvedAt: row.resolved_at,
    resolution: row.resolution,
  };
}

/**
 * The versions that lost a merge, or collided with ours, kept whole until a person decides (a
 * local table: each office decides its own; the decision travels as a new revision).
 */
export class ConflictStore {
  private readonly insertStmt: Statement<ConflictRow>;
  private readonly openStmt: Statement<[], ConflictRow>;
  private readonly openOfStmt: Statement<[string, string], ConflictRow>;
  private readonly byIdStmt: Statement<[string], ConflictRow>;
  private readonly knownStmt: Statement<{ tbl: string; id: string; rev: string }, { one: number }>;
  private readonly resolveStmt: Statement<{ id: string; at: string; resolution: string }>;

  constructor(db: Db) {
    this.insertStmt = db.prepare(`
      INSERT INTO merge_conflicts (id, tbl, record_id, kind, loser, loser_side, winner_rev, from_office, package_id,
        created_at, resolved_at, resolution)
      VALUES (@id, @tbl, @record_id, @kind, @loser, @loser_side, @winner_rev, @from_office, @package_id,
        @created_at, @resolved_at, @resolution)`);
    this.openStmt = db.prepare(
      `SELECT * FROM merge_conflicts WHERE resolved_at IS NULL ORDER BY created_at, id LIMIT 1000`,
    );
    this.openOfStmt = db.prepare(
      `SELECT * FROM merge_conflicts WHERE tbl = ? AND record_id = ? AND resolved_at IS NULL ORDER BY created_at`,
    );
    this.byIdStmt = db.prepare(`SELECT * FROM merge_conflicts WHERE id = ?`);
    this.knownStmt = db.prepare(`
      SELECT 1 AS one FROM merge_conflicts
      WHERE tbl = @tbl AND record_id = @id AND json_extract(loser, '$.row.rev') = @rev LIMIT 1`);
    this.resolveStmt = db.prepare(
      `UPDATE merge_conflicts SET resolved_at = @at, resolution = @resolution WHERE id = @id AND resolved_at IS NULL`,
    );
  }

  add(conflict: Omit<StoredConflict, 'id' | 'resolvedAt' | 'resolution'>): string {
    const id = uuidv7();
    this.insertStmt.run({
      id,
      tbl: conflict.table,
      record_id: conflict.recordId,
      kind: conflict.kind,
      loser: JSON.stringify(conflict.loser),
      loser_side: conflict.loserSide,
      winner_rev: conflict.winnerRev,
      from_office: conflict.fromOffice,
      package_id: conflict.packageId,
      created_at: conflict.createdAt,
      resolved_at: null,
      resolution: null,
    });
    return id;
  }

  /** This version of the record already lost a merge here (importing a package again raises nothing). */
  isKnownLoser(table: string, recordId: string, rev: string): boolean {
    return this.knownStmt.get({ tbl: table, id: recordId, rev }) !== undefined;
  }

  /** Whether any conflict waits for a person (most merges have none to look up). */
  anyOpen(): boolean {
    return this.openStmt.get() !== undefined;
  }

  open(): StoredConflict[] {
    return this.openStmt.all().map(toConflict);
  }

  openOf(table: string, recordId: string): StoredConflict[] {
    return this.openOfStmt.all(table, recordId).map(toConflict);
  }

  get(id: string): StoredConflict | undefined {
    const row = this.byIdStmt.get(id);
    return row ? toConflict(row) : undefined;
  }

  close(id: string, at: string, resolution: 'ours' | 'theirs' | 'superseded'): boolean {
    return this.resolveStmt.run({ id, at, resolution }).changes === 1;
  }
}
