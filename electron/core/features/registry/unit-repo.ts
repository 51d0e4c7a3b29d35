import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/open';
import type { RowMeta, RowMetaUpdate } from '../../db/row-meta';
import type { UnitSort } from '../../../../shared/api/registry';
import type { ManagingBody, UnitKind } from '../../../../shared/domain/unit';
import { UNIT_KINDS } from '../../../../shared/domain/unit';
import type { UnitContentColumns, UnitRow, UnitRowWithParent } from './unit-row';

export interface UnitQuery {
  words: string[];
  kinds: UnitKind[];
  managingBodies: ManagingBody[];
  active: 'active' | 'inactive' | 'all';
}

/** Every column of a `UnitRow`, in table order (explicit lists, SYNC-RULES.md). */
const UNIT_COLUMNS = [
  'id',
  'code',
  'code_key',
  'name',
  'name_key',
  'sort_key',
  'search_key',
  'kind',
  'school_level',
  'managing_body',
  'parent_id',
  'head_name',
  'head_title',
  'address',
  'phone',
  'active',
  'notes',
  'is_sample',
  'created_at',
  'updated_at',
  'changed_by_office',
  'rev',
  'rev_history',
  'deleted_at',
] as const satisfies readonly (keyof UnitRow)[];

/** The columns of `units AS u`, as a select list. */
export const UNIT_SELECT = UNIT_COLUMNS.map((column) => `u.${column}`).join(', ');

const SELECT_COLUMNS = `${UNIT_SELECT}, p.name AS parent_name`;

/**
 * Filters as SQL. Kinds and bodies arrive as JSON arrays (one statement serves every
 * combination); each search word is its own `instr` test so the scan stays inside the covering
 * index `units_list` (about 2 ms at 10,000 units, see tests/bench/registry.bench.ts).
 */
function filterSql(wordCount: number): string {
  const words = Array.from({ length: wordCount }, (_, index) => `AND instr(u.search_key, @w${index}) > 0`).join(' ');
  return `
  u.deleted_at IS NULL
  AND (@active = 'all' OR u.active = (CASE @active WHEN 'active' THEN 1 ELSE 0 END))
  AND (@kinds = '[]' OR u.kind IN (SELECT value FROM json_each(@kinds)))
  AND (@bodies = '[]' OR u.managing_body IN (SELECT value FROM json_each(@bodies)))
  ${words}`;
}

export const MAX_SEARCH_WORDS = 12;

const ORDER_SQL: Record<UnitSort, string> = {
  name: 'u.sort_key',
  code: "u.code_key = '', u.code_key, u.sort_key",
  kind: 'u.kind, u.sort_key',
  updated: 'u.updated_at DESC, u.sort_key',
};

type FilterParams = Record<string, string | number>;

function filterParams(query: UnitQuery): FilterParams {
  const params: FilterParams = {
    active: query.active,
    kinds: JSON.stringify(query.kinds),
    bodies: JSON.stringify(query.managingBodies),
  };
  query.words.slice(0, MAX_SEARCH_WORDS).forEach((word, index) => {
    params[`w${index}`] = word;
  });
  return params;
}

/** SQL for `units`: explicit columns, prepared once, named parameters. */
export class UnitRepo {
  private readonly listStmts = new Map<
    string,
    Statement<FilterParams & { limit: number; offset: number }, UnitRowWithParent>
  >();
  private readonly countStmts = new Map<number, Statement<FilterParams, { total: number }>>();
  private readonly byIdStmt: Statement<[string], UnitRowWithParent>;
  private readonly byCodeKeyStmt: Statement<[string], UnitRow>;
  private readonly insertStmt: Statement<RowMeta & UnitContentColumns & { is_sample: number }>;
  private readonly updateStmt: Statement<RowMetaUpdate & UnitContentColumns & { id: string; expected_rev: string }>;
  private readonly tombstoneStmt: Statement<RowMetaUpdate & { id: string; deleted_at: string; expected_rev: string }>;
  private readonly countsStmt: Statement<[], { kind: UnitKind; total: number; active: number; sample: number }>;
  private readonly parentOfStmt: Statement<[string], { parent_id: string | null }>;
  private readonly sampleStmt: Statement<[], UnitRow>;

  constructor(private readonly db: Db) {
    this.byIdStmt = db.prepare(
      `SELECT ${SELECT_COLUMNS} FROM units AS u LEFT JOIN units AS p ON p.id = u.parent_id WHERE u.id = ?`,
    );
    this.byCodeKeyStmt = db.prepare(
      `SELECT ${UNIT_SELECT} FROM units AS u WHERE u.code_key = ? AND u.code_key <> '' AND u.deleted_at IS NULL`,
    );
    this.insertStmt = db.prepare(`
      INSERT INTO units (
        id, code, code_key, name, name_key, sort_key, search_key, kind, school_level, managing_body,
        parent_id, head_name, head_title, address, phone, active, notes, is_sample,
        created_at, updated_at, changed_by_office, rev, rev_history
      ) VALUES (
        @id, @code, @code_key, @name, @name_key, @sort_key, @search_key, @kind, @school_level, @managing_body,
        @parent_id, @head_name, @head_title, @address, @phone, @active, @notes, @is_sample,
        @created_at, @updated_at, @changed_by_office, @rev, @rev_history
      )`);
    this.updateStmt = db.prepare(`
      UPDATE units SET
        code = @code, code_key = @code_key, name = @name, name_key = @name_key, sort_key = @sort_key,
        search_key = @search_key, kind = @kind, school_level = @school_level, managing_body = @managing_body,
        parent_id = @parent_id, head_name = @head_name, head_title = @head_title, address = @address,
        phone = @phone, active = @active, notes = @notes,
        updated_at = @updated_at, changed_by_office = @changed_by_office, rev = @rev, rev_history = @rev_history
      WHERE id = @id AND rev = @expected_rev AND deleted_at IS NULL`);
    this.tombstoneStmt = db.prepare(`
      UPDATE units SET deleted_at = @deleted_at, updated_at = @updated_at,
        changed_by_office = @changed_by_office, rev = @rev, rev_history = @rev_history
      WHERE id = @id AND rev = @expected_rev AND deleted_at IS NULL`);
    this.countsStmt = db.prepare(`
      SELECT kind, count(*) AS total, sum(active) AS active, sum(is_sample) AS sample
      FROM units WHERE deleted_at IS NULL GROUP BY kind`);
    this.parentOfStmt = db.prepare(`SELECT parent_id FROM units WHERE id = ? AND deleted_at IS NULL`);
    this.sampleStmt = db.prepare(
      `SELECT ${UNIT_SELECT} FROM units AS u WHERE u.is_sample = 1 AND u.deleted_at IS NULL`,
    );
  }

  /** The page's ids are chosen inside the index; only those rows are then read whole. */
  private listStatement(sort: UnitSort, wordCount: number) {
    const key = `${sort}:${wordCount}`;
    let statement = this.listStmts.get(key);
    if (!statement) {
      statement = this.db.prepare(
        `SELECT ${SELECT_COLUMNS}
         FROM (SELECT u.id FROM units AS u WHERE ${filterSql(wordCount)}
               ORDER BY ${ORDER_SQL[sort]} LIMIT @limit OFFSET @offset) AS page
         JOIN units AS u ON u.id = page.id
         LEFT JOIN units AS p ON p.id = u.parent_id
         ORDER BY ${ORDER_SQL[sort]}`,
      );
      this.listStmts.set(key, statement);
    }
    return statement;
  }

  private countStatement(wordCount: number) {
    let statement = this.countStmts.get(wordCount);
    if (!statement) {
      // Counting inside the covering index avoids reading every row (7 ms → 2 ms at 10,000 units).
      statement = this.db.prepare(
        `SELECT count(*) AS total FROM units AS u INDEXED BY units_list WHERE ${filterSql(wordCount)}`,
      );
      this.countStmts.set(wordCount, statement);
    }
    return statement;
  }

  list(query: UnitQuery, sort: UnitSort, offset: number, limit: number): { total: number; rows: UnitRowWithParent[] } {
    const params = filterParams(query);
    const wordCount = Math.min(query.words.length, MAX_SEARCH_WORDS);
    // One read transaction: the page and its count describe the same moment.
    return this.db.transaction(() => {
      const rows = this.listStatement(sort, wordCount).all({ ...params, offset, limit });
      const total =
        offset === 0 && rows.length < limit
          ? rows.length
          : (this.countStatement(wordCount).get(params)?.total ?? rows.length);
      return { total, rows };
    })();
  }

  getLive(id: string): UnitRowWithParent | undefined {
    const row = this.byIdStmt.get(id);
    return row && row.deleted_at === null ? row : undefined;
  }

  findLiveByCodeKey(key: string): UnitRow | undefined {
    return this.byCodeKeyStmt.get(key);
  }

  parentOf(id: string): string | null | undefined {
    return this.parentOfStmt.get(id)?.parent_id;
  }

  insert(meta: RowMeta, content: UnitContentColumns, isSample: boolean): void {
    this.insertStmt.run({ ...meta, ...content, is_sample: isSample ? 1 : 0 });
  }

  /** False when the row changed since `expectedRev` was read (or is gone). */
  update(id: string, expectedRev: string, meta: RowMetaUpdate, content: UnitContentColumns): boolean {
    return this.updateStmt.run({ ...meta, ...content, id, expected_rev: expectedRev }).changes === 1;
  }

  tombstone(id: string, expectedRev: string, meta: RowMetaUpdate): boolean {
    return (
      this.tombstoneStmt.run({ ...meta, id, expected_rev: expectedRev, deleted_at: meta.updated_at }).changes === 1
    );
  }

  counts(): { total: number; active: number; sample: number; byKind: Record<UnitKind, number> } {
    const byKind = Object.fromEntries(UNIT_KINDS.map((kind) => [kind, 0])) as Record<UnitKind, number>;
    let total = 0;
    let active = 0;
    let sample = 0;
    for (const row of this.countsStmt.all()) {
      byKind[row.kind] = row.total;
      total += row.total;
      active += row.active;
      sample += row.sample;
    }
    return { total, active, sample, byKind };
  }

  liveSamples(): UnitRow[] {
    return this.sampleStmt.all();
  }
}
