import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/open';
import type { InspectionSort } from '../../../../shared/api/inspections';
import type {
  InspectionKind,
  InspectionPlanInfo,
  InspectionStatus,
  InspectionSummary,
  InspectionUnitInfo,
  LinkedInspection,
} from '../../../../shared/domain/inspection';
import type { PeriodKind } from '../../../../shared/domain/plan';
import type { SchoolLevel, UnitKind } from '../../../../shared/domain/unit';

export interface InspectionListQuery {
  planId: string | null;
  unitId: string | null;
  statuses: InspectionStatus[];
  kinds: InspectionKind[];
  words: string[];
  sort: InspectionSort;
  offset: number;
  limit: number;
}

interface SummaryRow {
  id: string;
  rev: string;
  plan_id: string;
  plan_title: string;
  unit_id: string;
  unit_name: string;
  unit_code: string;
  unit_kind: UnitKind;
  kind: InspectionKind;
  original_id: string | null;
  status: InspectionStatus;
  planned_date: string | null;
  inspection_date: string | null;
  updated_at: string;
  is_sample: number;
}

interface PlanInfoRow {
  id: string;
  title: string;
  issuer: string;
  team_parent_body: string;
  period_kind: PeriodKind;
  period_year: number;
  decision_number: string;
  decision_date: string | null;
  decision_signer: string;
  decision_signer_title: string;
  legal_basis: string;
  checklist_id: string;
}

interface UnitInfoRow {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  school_level: SchoolLevel | null;
  head_name: string;
  head_title: string;
  address: string;
}

const MAX_WORDS = 8;
/**
 * Across all plans, a search matching at most this many units reads their inspections through
 * the unit index (a rare word: 5 ms instead of a 160–400 ms walk of 200,000 rows); more units
 * match a common word, whose first page is found soonest by walking the sort order.
 */
const FEW_UNITS = 200;
const LIVE_PLAN = 'p.deleted_at IS NULL';

/**
 * The date an inspection sorts by: when it happened, else when it is planned, else last.
 * Written exactly as in the indexes of migration 0013 so SQLite walks the index in order.
 */
const DATE_KEY = `coalesce(i.inspection_date, i.planned_date, '9999-12-31')`;

const ORDER: Record<InspectionSort, string> = {
  // The index order (plan, date key, rowid): the first page of a plan is read straight off it.
  date: `${DATE_KEY}, i.rowid`,
  unit: 'u.sort_key, i.rowid',
  // Both descending, so the first page across plans is read straight off inspections_updated.
  updated: 'i.updated_at DESC, i.rowid DESC',
};

function toSummary(row: SummaryRow): InspectionSummary {
  return {
    id: row.id,
    rev: row.rev,
    planId: row.plan_id,
    planTitle: row.plan_title,
    unitId: row.unit_id,
    unitName: row.unit_name,
    unitCode: row.unit_code,
    unitKind: row.unit_kind,
    kind: row.kind,
    originalId: row.original_id,
    status: row.status,
    plannedDate: row.planned_date,
    inspectionDate: row.inspection_date,
    updatedAt: row.updated_at,
    isSample: row.is_sample === 1,
  };
}

/** Read-only queries for lists and for the parts of a detail that live in other tables. */
export class InspectionQueries {
  private readonly listStmts = new Map<string, Statement<Record<string, string | number>, SummaryRow>>();
  private readonly countStmts = new Map<string, Statement<Record<string, string | number>, { total: number }>>();
  private readonly unitCountStmts = new Map<number, Statement<Record<string, string | number>, { total: number }>>();
  private readonly summaryStmt: Statement<[string], SummaryRow>;
  private readonly planStmt: Statement<[string], PlanInfoRow>;
  private readonly unitStmt: Statement<[string], UnitInfoRow>;
  private readonly linkedStmt: Statement<[string], LinkedRow>;

  constructor(private readonly db: Db) {
    this.summaryStmt = db.prepare(`${SUMMARY_SELECT} WHERE i.id = ?`);
    this.planStmt = db.prepare(`
      SELECT id, title, issuer, team_parent_body, period_kind, period_year, decision_number, decision_date, decision_signer,
        decision_signer_title, legal_basis, checklist_id FROM plans WHERE id = ?`);
    this.unitStmt = db.prepare(`
      SELECT id, code, name, kind, school_level, head_name, head_title, address FROM units WHERE id = ?`);
    this.linkedStmt = db.prepare(`
      SELECT id, kind, status, planned_date, inspection_date FROM inspections
      WHERE original_id = ? AND deleted_at IS NULL ORDER BY created_at, id`);
  }

  summary(id: string): InspectionSummary | undefined {
    const row = this.summaryStmt.get(id);
    return row ? toSummary(row) : undefined;
  }

  list(query: InspectionListQuery): { total: number; rows: InspectionSummary[] } {
    const words = query.words.slice(0, MAX_WORDS);
    const where = ['i.deleted_at IS NULL', LIVE_PLAN];
    const params: Record<string, string | number> = { limit: query.limit, offset: query.offset };
    if (query.planId) {
      where.push('i.plan_id = @planId');
      params.planId = query.planId;
    }
    if (query.unitId) {
      where.push('i.unit_id = @unitId');
      params.unitId = query.unitId;
    }
    if (query.statuses.length > 0) {
      where.push('i.status IN (SELECT value FROM json_each(@statuses))');
      params.statuses = JSON.stringify(query.statuses);
    }
    if (query.kinds.length > 0) {
      where.push('i.kind IN (SELECT value FROM json_each(@kinds))');
      params.kinds = JSON.stringify(query.kinds);
    }
    words.forEach((word, index) => {
      params[`w${index}`] = word;
    });
    if (words.length > 0) {
      const matches = (alias: string) => words.map((_, index) => `instr(${alias}.search_key, @w${index}) > 0`);
      const fewUnits = !query.planId && !query.unitId && this.matchingUnits(words) <= FEW_UNITS;
      if (fewUnits) where.push(`i.unit_id IN (SELECT m.id FROM units AS m WHERE ${matches('m').join(' AND ')})`);
      else where.push(...matches('u'));
    }
    const clause = where.join(' AND ');
    const key = `${clause}|${query.sort}`;
    let listStmt = this.listStmts.get(key);
    if (!listStmt) {
      listStmt = this.db.prepare(
        `${SUMMARY_SELECT} WHERE ${clause} ORDER BY ${ORDER[query.sort]} LIMIT @limit OFFSET @offset`,
      );
      this.listStmts.set(key, listStmt);
    }
    let countStmt = this.countStmts.get(clause);
    if (!countStmt) {
      // Units are joined only to search them (every inspection has its unit: a foreign key),
      // in a fixed order (CROSS JOIN: SQLite's own choice depends on statistics an office's
      // file never has, and a wrong one cost 850 ms at the scale case). Live plans are a list
      // to look up, not a join, so the count reads the partial indexes alone.
      const byUnits = clause.includes('u.search_key');
      const from = byUnits ? 'units AS u CROSS JOIN inspections AS i ON i.unit_id = u.id' : 'inspections AS i';
      // Walking units, each unit's inspections come from its index; "+" keeps SQLite from
      // also probing that index once per live plan (426 → 73 ms for a common word).
      const livePlans = `${byUnits ? '+' : ''}i.plan_id IN (SELECT id FROM plans WHERE deleted_at IS NULL)`;
      const countClause = clause.replace(LIVE_PLAN, livePlans);
      countStmt = this.db.prepare(`SELECT count(*) AS total FROM ${from} WHERE ${countClause}`);
      this.countStmts.set(clause, countStmt);
    }
    const list = listStmt;
    const count = countStmt;
    return this.db.transaction(() => {
      const rows = list.all(params);
      const total =
        query.offset === 0 && rows.length < query.limit ? rows.length : (count.get(params)?.total ?? rows.length);
      return { total, rows: rows.map(toSummary) };
    })();
  }

  /** How many units (deleted ones too: their inspections still list) the search words match. */
  private matchingUnits(words: string[]): number {
    let statement = this.unitCountStmts.get(words.length);
    if (!statement) {
      const matches = words.map((_, index) => `instr(search_key, @w${index}) > 0`);
      statement = this.db.prepare(`SELECT count(*) AS total FROM units WHERE ${matches.join(' AND ')}`);
      this.unitCountStmts.set(words.length, statement);
    }
    return statement.get(Object.fromEntries(words.map((word, index) => [`w${index}`, word])))?.total ?? 0;
  }

  plan(id: string): InspectionPlanInfo | undefined {
    const row = this.planStmt.get(id);
    if (!row) return undefined;
    return {
      id: row.id,
      title: row.title,
      issuer: row.issuer,
      teamParentBody: row.team_parent_body,
      periodKind: row.period_kind,
      periodYear: row.period_year,
      decisionNumber: row.decision_number,
      decisionDate: row.decision_date,
      decisionSigner: row.decision_signer,
      decisionSignerTitle: row.decision_signer_title,
      legalBasis: row.legal_basis,
      checklistId: row.checklist_id,
    };
  }

  unit(id: string): InspectionUnitInfo | undefined {
    const row = this.unitStmt.get(id);
    if (!row) return undefined;
    return {
      id: row.id,
      code: row.code,
      name: row.name,
      kind: row.kind,
      schoolLevel: row.school_level,
      headName: row.head_name,
      headTitle: row.head_title,
      address: row.address,
    };
  }

  reinspectionsOf(id: string): LinkedInspection[] {
    return this.linkedStmt.all(id).map(toLinked);
  }
}

interface LinkedRow {
  id: string;
  kind: InspectionKind;
  status: InspectionStatus;
  planned_date: string | null;
  inspection_date: string | null;
}

export function toLinked(row: LinkedRow): LinkedInspection {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    plannedDate: row.planned_date,
    inspectionDate: row.inspection_date,
  };
}

const SUMMARY_SELECT = `
  SELECT i.id, i.rev, i.plan_id, p.title AS plan_title, i.unit_id, u.name AS unit_name, u.code AS unit_code,
    u.kind AS unit_kind, i.kind, i.original_id, i.status, i.planned_date, i.inspection_date, i.updated_at, i.is_sample
  FROM inspections AS i
  CROSS JOIN units AS u ON u.id = i.unit_id
  CROSS JOIN plans AS p ON p.id = i.plan_id`;
