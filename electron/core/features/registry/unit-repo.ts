import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/open';
import { RecordTable, recordMeta, type TableOf } from '../../db/record-table';
import type { UnitSort } from '../../../../shared/api/registry';
import type { ManagingBody, SchoolLevel, SchoolType, UnitKind } from '../../../../shared/domain/unit';
import { SCHOOL_LEVELS, SCHOOL_TYPES, UNIT_KINDS } from '../../../../shared/domain/unit';
import type { Unit } from '../../../../shared/domain/unit';
import { unitEntity, type UnitRow } from './unit-entity';

export type UnitRowWithParent = UnitRow & { parent_name: string | null };

export function toUnit(row: UnitRowWithParent): Unit {
  return { ...recordMeta(row), ...unitEntity.fromRow(row), parentName: row.parent_name };
}

export interface UnitQuery {
  words: string[];
  kinds: UnitKind[];
  managingBodies: ManagingBody[];
  schoolLevels: SchoolLevel[];
  schoolTypes: SchoolType[];
  active: 'active' | 'inactive' | 'all';
}

/** The columns of `units AS u`, as a select list. */
export const UNIT_SELECT = unitEntity.select('u');

const SELECT_COLUMNS = `${UNIT_SELECT}, p.name AS parent_name`;

/**
 * Filters as SQL. Kinds, bodies, levels and types arrive as JSON arrays (one statement serves every
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
  AND (@levels = '[]' OR u.school_level IN (SELECT value FROM json_each(@levels)))
  AND (@types = '[]' OR u.school_type IN (SELECT value FROM json_each(@types)))
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
    levels: JSON.stringify(query.schoolLevels),
    types: JSON.stringify(query.schoolTypes),
  };
  query.words.slice(0, MAX_SEARCH_WORDS).forEach((word, index) => {
    params[`w${index}`] = word;
  });
  return params;
}

/**
 * The registry's repository: the only writer of `units` (through the write path, with its
 * RecordTable) and its list, search and count queries.
 */
export class UnitRepo {
  readonly units: TableOf<typeof unitEntity>;
  private readonly listStmts = new Map<
    string,
    Statement<FilterParams & { limit: number; offset: number }, UnitRowWithParent>
  >();
  private readonly countStmts = new Map<number, Statement<FilterParams, { total: number }>>();
  private readonly byIdStmt: Statement<[string], UnitRowWithParent>;
  private readonly byCodeKeyStmt: Statement<[string], UnitRow>;
  private readonly byNameKeyStmt: Statement<{ key: string; kind: string; self: string; code: string }, UnitRow>;
  private readonly countsStmt: Statement<
    [],
    {
      kind: UnitKind;
      school_level: SchoolLevel | null;
      school_type: SchoolType | null;
      total: number;
      active: number;
      sample: number;
    }
  >;
  private readonly parentOfStmt: Statement<[string], { parent_id: string | null }>;
  private readonly sampleStmt: Statement<[], UnitRow>;

  private readonly rederiveStmt: Statement<{ id: string; search_key: string; sort_key: string }>;

  constructor(private readonly db: Db) {
    this.units = new RecordTable(db, unitEntity, 'unit');
    this.byIdStmt = db.prepare(
      `SELECT ${SELECT_COLUMNS} FROM units AS u LEFT JOIN units AS p ON p.id = u.parent_id WHERE u.id = ?`,
    );
    this.byCodeKeyStmt = db.prepare(
      `SELECT ${UNIT_SELECT} FROM units AS u WHERE u.code_key = ? AND u.code_key <> '' AND u.deleted_at IS NULL`,
    );
    this.byNameKeyStmt = db.prepare(
      `SELECT ${UNIT_SELECT} FROM units AS u
       WHERE u.name_key = @key AND u.kind = @kind AND u.id <> @self AND u.deleted_at IS NULL
         AND (@code = '' OR u.code_key = '') LIMIT 1`,
    );
    this.rederiveStmt = db.prepare('UPDATE units SET search_key = @search_key, sort_key = @sort_key WHERE id = @id');
    this.countsStmt = db.prepare(`
      SELECT kind, school_level, school_type, count(*) AS total, sum(active) AS active, sum(is_sample) AS sample
      FROM units WHERE deleted_at IS NULL GROUP BY kind, school_level, school_type`);
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

  /**
   * Another live unit (active or not) of `kind` whose name folds to `key`, that a code does not
   * tell apart from this one (either has none).
   */
  findNamesake(key: string, kind: string, codeKey: string, selfId: string | null): UnitRow | undefined {
    return this.byNameKeyStmt.get({ key, kind, self: selfId ?? '', code: codeKey });
  }

  parentOf(id: string): string | null | undefined {
    return this.parentOfStmt.get(id)?.parent_id;
  }

  /**
   * Search and sort keys are computed by code, not SQL; when their format changes every stored
   * key is recomputed. They are local caches of the name, not office data: no new revision.
   */
  rederiveKeys(): number {
    const rows = this.db.prepare<[], UnitRow>(`SELECT ${unitEntity.select()} FROM units`).all();
    for (const row of rows) {
      const keys = unitEntity.toColumns(unitEntity.fromRow(row));
      this.rederiveStmt.run({ id: row.id, search_key: String(keys.search_key), sort_key: String(keys.sort_key) });
    }
    return rows.length;
  }

  counts(): {
    total: number;
    active: number;
    sample: number;
    byKind: Record<UnitKind, number>;
    bySchoolLevel: Record<SchoolLevel, number>;
    bySchoolType: Record<SchoolType, number>;
  } {
    const zeros = <K extends string>(keys: readonly K[]) =>
      Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
    const byKind = zeros(UNIT_KINDS);
    const bySchoolLevel = zeros(SCHOOL_LEVELS);
    const bySchoolType = zeros(SCHOOL_TYPES);
    let total = 0;
    let active = 0;
    let sample = 0;
    for (const row of this.countsStmt.all()) {
      byKind[row.kind] += row.total;
      if (row.kind === 'school' && row.school_level) bySchoolLevel[row.school_level] += row.total;
      if (row.kind === 'school' && row.school_type) bySchoolType[row.school_type] += row.total;
      total += row.total;
      active += row.active;
      sample += row.sample;
    }
    return { total, active, sample, byKind, bySchoolLevel, bySchoolType };
  }

  liveSamples(): UnitRow[] {
    return this.sampleStmt.all();
  }
}
