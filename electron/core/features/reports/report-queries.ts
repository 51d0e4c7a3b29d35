import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/open';
import type { InspectionStatus } from '../../../../shared/domain/inspection';
import type { PeriodKind } from '../../../../shared/domain/plan';
import type { SchoolLevel, UnitKind } from '../../../../shared/domain/unit';
import { ReportDigest } from './report-digest';

/**
 * The reads a report is counted from: the office's tables (plans, scope, units, checklists,
 * re-inspections) and, for the locked regular inspections with their findings and requests, the
 * report digest kept beside them (report-digest.ts). Read only, apart from the digest's
 * refresh; every figure of a report, its statistics and its workbook come from these few
 * statements.
 */

export interface PlanHeadRow {
  id: string;
  title: string;
  issuer: string;
  period_kind: PeriodKind;
  period_year: number;
  decision_number: string;
  decision_date: string | null;
  decision_signer: string;
  decision_signer_title: string;
  legal_basis: string;
  target_percent: number;
  checklist_id: string;
  checklist_name: string;
  live: number;
  /** The plan's number in the report digest (null: no inspection of it was ever digested). */
  n: number | null;
}

export interface MemberRow {
  plan_id: string;
  role: string;
  position: string;
  name: string;
}

export interface UnitRow {
  id: string;
  name: string;
  kind: UnitKind;
  school_level: SchoolLevel | null;
  sort_key: string;
  /** The unit's number in the report digest (null: none of its inspections was ever digested). */
  n: number | null;
}

/**
 * The big reads come back as arrays, not objects: at 200,000 inspections, building an object
 * per row (and a string for every repeated value) was most of a report's time.
 */

/**
 * A locked regular inspection of the plans, dated in the period (a candidate record), from the
 * report digest (report-digest.ts): plan, unit and checklist version as their numbers there,
 * findings and requests folded into one string each. They come by plan, unit, then oldest to
 * newest (date, time of finalising, id): the last of a unit under a plan is its record. The
 * inspection's own id is left out (a 36-character string for each of 200,000 rows): the few
 * links that need it ask `recordInspectionId`.
 */
export type RegularRow = [
  planN: number,
  unitN: number,
  inspectionDate: string,
  versionN: number | null,
  minutesNumber: string,
  limitations: string,
  causes: string,
  findings: string | null,
  requests: string | null,
];

/**
 * A record's requests, in their order, separated by REQUEST_SEPARATOR; each is its deadline,
 * remedy date ('' for none) and text, separated by FIELD_SEPARATOR. Both are control
 * characters taken out of the text first.
 */
export const REQUEST_SEPARATOR = '\u001e';
export const FIELD_SEPARATOR = '\u001f';

/** A live re-inspection of the plans, of any date, with the date of the inspection it follows up. */
export interface ReinspectionRow {
  plan_id: string;
  unit_id: string;
  status: InspectionStatus;
  inspection_date: string | null;
  planned_date: string | null;
  original_date: string | null;
}

export interface CriterionInfoRow {
  id: string;
  lineage_id: string;
  version_id: string;
  position: number;
  text: string;
  group_title: string;
  group_position: number;
  checklist_id: string;
  checklist_name: string;
  version_no: number;
  /** The criterion's and its version's numbers in the report digest (null: never digested). */
  n: number | null;
  version_n: number | null;
}

export interface RequestRow {
  text: string;
  due_date: string | null;
  remedied_date: string | null;
}

type PlanParams = { plans: string };
type PeriodParams = PlanParams & { from: string; to: string };

/** Above this many plans, one pass over the digest beats one range of its key per plan. */
const PLAN_INDEX_LIMIT = 8;

/**
 * A few plans are read as ranges of the digest's key, many in one pass over the whole digest
 * (`+ 0` keeps the planner from one range per plan). Either way the rows come in the key's
 * order, which the ORDER BY states and SQLite meets without sorting.
 */
function regularSql(indexed: boolean): string {
  return `
    SELECT d.plan_n, d.unit_n, d.inspection_date, d.version_n, d.minutes_number,
      d.limitations, d.causes, d.findings, d.requests
    FROM report_digest AS d
    WHERE d.plan_n ${indexed ? 'IN (SELECT value FROM json_each(@plans))' : '+ 0 IN (SELECT value FROM json_each(@plans))'}
      AND d.inspection_date BETWEEN @from AND @to
    ORDER BY d.plan_n, d.unit_n, d.inspection_date, d.finalised_at, d.inspection_id`;
}

export class ReportQueries {
  private readonly planHeads: Statement<PlanParams, PlanHeadRow>;
  private readonly members: Statement<PlanParams, MemberRow>;
  private readonly scope: Statement<PlanParams, [string, string]>;
  private readonly units: Statement<PlanParams, UnitRow>;
  private readonly allUnits: Statement<[], UnitRow>;
  private readonly regularIndexed: Statement<PeriodParams, RegularRow>;
  private readonly regularScan: Statement<PeriodParams, RegularRow>;
  private readonly reinspectionRows: Statement<PlanParams, ReinspectionRow>;
  private readonly criteria: Statement<{ versions: string }, CriterionInfoRow>;
  private readonly rawAggregate: Statement<PeriodParams, { lineage_id: string; result: string; total: number }>;
  private readonly keyIds: Statement<{ ns: string }, { n: number; id: string }>;
  private readonly recordId: Statement<{ plan: string; unit: string; from: string; to: string }, { id: string }>;
  private readonly requestRowsOf: Statement<PeriodParams, [string, string, string | null]>;
  /** Kept current by the write path; refreshed by a report too, before it reads anything. */
  readonly digest: ReportDigest;

  /**
   * `planIndexLimit`: above this many plans, one pass over every inspection and the registry
   * read whole (tests set 0 to take that path with a few plans).
   */
  constructor(
    db: Db,
    private readonly planIndexLimit = PLAN_INDEX_LIMIT,
  ) {
    this.digest = new ReportDigest(db);
    this.planHeads = db.prepare(`
      SELECT p.id, p.title, p.issuer, p.period_kind, p.period_year, p.decision_number, p.decision_date,
        p.decision_signer, p.decision_signer_title, p.legal_basis, p.target_percent, p.checklist_id,
        coalesce(c.name, '') AS checklist_name, p.deleted_at IS NULL AS live,
        (SELECT k.n FROM report_keys AS k WHERE k.id = p.id) AS n
      FROM plans AS p LEFT JOIN checklists AS c ON c.id = p.checklist_id
      WHERE p.id IN (SELECT value FROM json_each(@plans))
      ORDER BY p.period_year, p.title_key, p.id`);
    this.members = db.prepare(`
      SELECT m.plan_id, m.role, m.position, o.name FROM plan_members AS m JOIN officials AS o ON o.id = m.official_id
      WHERE m.plan_id IN (SELECT value FROM json_each(@plans)) AND m.deleted_at IS NULL ORDER BY m.ord, m.id`);
    // The scope from the progress summary (migration 0015, kept by triggers): one row per plan
    // and unit, far narrower than plan_units.
    // One row per plan, its unit ids joined by commas (a UUID holds none): 200,000 ids split from
    // a hundred strings cost a tenth of 200,000 strings made one by one.
    this.scope = db
      .prepare<PlanParams, [string, string]>(
        `SELECT plan_id, group_concat(unit_id) FROM progress_unit
         WHERE plan_id IN (SELECT value FROM json_each(@plans)) AND scope_refs > 0 GROUP BY plan_id`,
      )
      .raw(true);
    this.units = db.prepare(`
      SELECT u.id, u.name, u.kind, u.school_level, u.sort_key, k.n
      FROM units AS u LEFT JOIN report_keys AS k ON k.id = u.id
      WHERE u.id IN (SELECT unit_id FROM progress_unit WHERE plan_id IN (SELECT value FROM json_each(@plans)))`);
    this.allUnits = db.prepare(`
      SELECT u.id, u.name, u.kind, u.school_level, u.sort_key, k.n
      FROM units AS u LEFT JOIN report_keys AS k ON k.id = u.id`);
    this.regularIndexed = db.prepare<PeriodParams, RegularRow>(regularSql(true)).raw(true);
    this.regularScan = db.prepare<PeriodParams, RegularRow>(regularSql(false)).raw(true);
    // Every re-inspection has the inspection it follows up (a CHECK of the table), so the few of
    // them come off that partial index instead of a pass over every inspection.
    this.reinspectionRows = db.prepare(`
      SELECT i.plan_id, i.unit_id, i.status, i.inspection_date, i.planned_date,
        (SELECT o.inspection_date FROM inspections AS o WHERE o.id = i.original_id) AS original_date
      FROM inspections AS i INDEXED BY inspections_original
      WHERE i.original_id IS NOT NULL AND i.kind = 'reinspection' AND i.deleted_at IS NULL
        AND i.plan_id IN (SELECT value FROM json_each(@plans))`);
    this.criteria = db.prepare(`
      SELECT c.id, c.lineage_id, c.version_id, c.position, c.text, g.title AS group_title, g.position AS group_position,
        v.checklist_id, coalesce(l.name, '') AS checklist_name, v.version_no,
        (SELECT k.n FROM report_keys AS k WHERE k.id = c.id) AS n,
        (SELECT k.n FROM report_keys AS k WHERE k.id = c.version_id) AS version_n
      FROM checklist_criteria AS c JOIN checklist_groups AS g ON g.id = c.group_id
      JOIN checklist_versions AS v ON v.id = c.version_id LEFT JOIN checklists AS l ON l.id = v.checklist_id
      WHERE c.version_id IN (SELECT value FROM json_each(@versions)) AND c.deleted_at IS NULL AND g.deleted_at IS NULL
      ORDER BY g.position, c.position`);
    this.keyIds = db.prepare(`SELECT n, id FROM report_keys WHERE n IN (SELECT value FROM json_each(@ns))`);
    this.requestRowsOf = db
      .prepare<PeriodParams, [string, string, string | null]>(
        `SELECT p.id, u.id, d.requests FROM report_digest AS d
         JOIN report_keys AS p ON p.n = d.plan_n JOIN report_keys AS u ON u.n = d.unit_n
         WHERE d.plan_n IN (SELECT k.n FROM report_keys AS k WHERE k.id IN (SELECT value FROM json_each(@plans)))
           AND d.inspection_date BETWEEN @from AND @to
         ORDER BY d.plan_n, d.unit_n, d.inspection_date, d.finalised_at, d.inspection_id`,
      )
      .raw(true);
    // The last of the unit's rows under the plan in the period: a range of the digest's key, read backwards.
    this.recordId = db.prepare(`
      SELECT d.inspection_id AS id FROM report_digest AS d
      WHERE d.plan_n = (SELECT k.n FROM report_keys AS k WHERE k.id = @plan)
        AND d.unit_n = (SELECT k.n FROM report_keys AS k WHERE k.id = @unit)
        AND d.inspection_date BETWEEN @from AND @to
      ORDER BY d.inspection_date DESC, d.finalised_at DESC, d.inspection_id DESC LIMIT 1`);
    // The plain aggregate a report's criteria figures amount to (every locked regular
    // inspection dated in the period, all its results): measured beside the draft.
    this.rawAggregate = db.prepare(`
      SELECT c.lineage_id, r.result, count(*) AS total
      FROM inspections AS i NOT INDEXED JOIN inspection_results AS r ON r.inspection_id = i.id
      JOIN checklist_criteria AS c ON c.id = r.criterion_id
      WHERE i.plan_id IN (SELECT value FROM json_each(@plans)) AND i.deleted_at IS NULL AND i.kind = 'regular'
        AND i.status IN ('finalised', 'remedied') AND i.inspection_date BETWEEN @from AND @to
      GROUP BY c.lineage_id, r.result`);
  }

  heads(planIds: readonly string[]): PlanHeadRow[] {
    return this.planHeads.all({ plans: JSON.stringify(planIds) });
  }

  team(planIds: readonly string[]): MemberRow[] {
    return this.members.all({ plans: JSON.stringify(planIds) });
  }

  /** Each plan's units in scope. */
  scopeOf(planIds: readonly string[]): Map<string, string[]> {
    const scope = new Map<string, string[]>();
    for (const [planId, unitIds] of this.scope.all({ plans: JSON.stringify(planIds) })) {
      scope.set(planId, unitIds.split(','));
    }
    return scope;
  }

  /**
   * The units of the plans' scopes and inspections. For many plans, every unit: the registry is
   * read whole in a tenth of the time it takes to gather 200,000 scope entries, and the figures
   * only look units up.
   */
  unitRows(planIds: readonly string[]): UnitRow[] {
    if (planIds.length > this.planIndexLimit) return this.allUnits.all();
    return this.units.all({ plans: JSON.stringify(planIds) });
  }

  /**
   * Candidate records of the plans (by their digest numbers), one at a time (each is turned into
   * a record or dropped as it comes).
   */
  regular(planNs: readonly number[], from: string, to: string): IterableIterator<RegularRow> {
    const params = { plans: JSON.stringify(planNs), from, to };
    return (planNs.length > this.planIndexLimit ? this.regularScan : this.regularIndexed).iterate(params);
  }

  /**
   * Each unit's requests under each plan (RegularRow's requests), from its newest inspection of
   * the period: the requests of the records, for the workbook that lists them one by one.
   */
  requestsByUnit(planIds: readonly string[], from: string, to: string): Map<string, Map<string, string | null>> {
    const byPlan = new Map<string, Map<string, string | null>>();
    // Oldest first: a unit's newest inspection is read last and stays.
    for (const [planId, unitId, requests] of this.requestRowsOf.iterate({ plans: JSON.stringify(planIds), from, to })) {
      let ofPlan = byPlan.get(planId);
      if (!ofPlan) {
        ofPlan = new Map();
        byPlan.set(planId, ofPlan);
      }
      ofPlan.set(unitId, requests);
    }
    return byPlan;
  }

  /** The inspection a unit's record under a plan is, in the period the figures were counted for. */
  recordInspectionId(record: { planId: string; unitId: string }, from: string, to: string): string | null {
    return this.recordId.get({ plan: record.planId, unit: record.unitId, from, to })?.id ?? null;
  }

  /** The ids behind digest numbers. */
  idsOf(ns: readonly number[]): Map<number, string> {
    return new Map(this.keyIds.all({ ns: JSON.stringify(ns) }).map((row) => [row.n, row.id]));
  }

  reinspections(planIds: readonly string[]): ReinspectionRow[] {
    return this.reinspectionRows.all({ plans: JSON.stringify(planIds) });
  }

  criteriaOf(versionIds: readonly string[]): CriterionInfoRow[] {
    return this.criteria.all({ versions: JSON.stringify(versionIds) });
  }

  /** The raw aggregate (benchmark comparison only). */
  aggregate(planIds: readonly string[], from: string, to: string) {
    return this.rawAggregate.all({ plans: JSON.stringify(planIds), from, to });
  }
}
