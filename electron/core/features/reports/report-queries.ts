import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/open';
import type { InspectionKind, InspectionStatus, ResultValue } from '../../../../shared/domain/inspection';
import type { PeriodKind } from '../../../../shared/domain/plan';
import type { SchoolLevel, UnitKind } from '../../../../shared/domain/unit';

/**
 * The reads a report is counted from, straight from the office's tables (plans, scope,
 * inspections, results, requests, checklists). Read only; every figure of a report, its
 * statistics and its workbook come from these few statements.
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
}

/** Live inspections of the plans: locked regular ones dated in the period, and every re-inspection. */
export interface InspectionRow {
  id: string;
  plan_id: string;
  unit_id: string;
  kind: InspectionKind;
  status: InspectionStatus;
  inspection_date: string | null;
  planned_date: string | null;
  finalised_at: string | null;
  minutes_number: string;
  checklist_version_id: string | null;
  limitations: string;
  causes: string;
}

export interface FindingRow {
  inspection_id: string;
  criterion_id: string;
  result: Exclude<ResultValue, 'pass'>;
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
}

export interface RequestRow {
  inspection_id: string;
  text: string;
  due_date: string | null;
  remedied_date: string | null;
}

type PlanParams = { plans: string };
type PeriodParams = PlanParams & { from: string; to: string };

/** Above this many records, whole-table passes beat one index lookup per record. */
const LOOKUP_LIMIT = 20_000;
/** Above this many plans, one pass over the inspections beats one index range per plan. */
const PLAN_INDEX_LIMIT = 8;

function inspectionsSql(indexed: boolean): string {
  return `
    SELECT i.id, i.plan_id, i.unit_id, i.kind, i.status, i.inspection_date, i.planned_date, i.finalised_at,
      i.minutes_number, i.checklist_version_id, i.limitations, i.causes
    FROM inspections AS i ${indexed ? '' : 'NOT INDEXED'}
    WHERE i.plan_id IN (SELECT value FROM json_each(@plans)) AND i.deleted_at IS NULL
      AND ((i.kind = 'regular' AND i.status IN ('finalised', 'remedied') AND i.inspection_date BETWEEN @from AND @to)
        OR i.kind = 'reinspection')`;
}

export class ReportQueries {
  private readonly planHeads: Statement<PlanParams, PlanHeadRow>;
  private readonly members: Statement<PlanParams, MemberRow>;
  private readonly scope: Statement<PlanParams, { plan_id: string; unit_id: string }>;
  private readonly units: Statement<PlanParams, UnitRow>;
  private readonly inspectionsIndexed: Statement<PeriodParams, InspectionRow>;
  private readonly inspectionsScan: Statement<PeriodParams, InspectionRow>;
  private readonly findingsOf: Statement<{ ids: string }, FindingRow>;
  private readonly allFindings: Statement<[], FindingRow>;
  private readonly criteria: Statement<{ versions: string }, CriterionInfoRow>;
  private readonly requestsOf: Statement<{ ids: string }, RequestRow>;
  private readonly allRequests: Statement<[], RequestRow>;
  private readonly rawAggregate: Statement<PeriodParams, { lineage_id: string; result: string; total: number }>;

  constructor(db: Db) {
    this.planHeads = db.prepare(`
      SELECT p.id, p.title, p.issuer, p.period_kind, p.period_year, p.decision_number, p.decision_date,
        p.decision_signer, p.decision_signer_title, p.legal_basis, p.target_percent, p.checklist_id,
        coalesce(c.name, '') AS checklist_name, p.deleted_at IS NULL AS live
      FROM plans AS p LEFT JOIN checklists AS c ON c.id = p.checklist_id
      WHERE p.id IN (SELECT value FROM json_each(@plans))
      ORDER BY p.period_year, p.title_key, p.id`);
    this.members = db.prepare(`
      SELECT m.plan_id, m.role, m.position, o.name FROM plan_members AS m JOIN officials AS o ON o.id = m.official_id
      WHERE m.plan_id IN (SELECT value FROM json_each(@plans)) AND m.deleted_at IS NULL ORDER BY m.ord, m.id`);
    // The scope from the progress summary (migration 0015, kept by triggers): one row per plan
    // and unit, far narrower than plan_units.
    this.scope = db.prepare(`
      SELECT plan_id, unit_id FROM progress_unit
      WHERE plan_id IN (SELECT value FROM json_each(@plans)) AND scope_refs > 0`);
    this.units = db.prepare(`
      SELECT u.id, u.name, u.kind, u.school_level, u.sort_key FROM units AS u
      WHERE u.id IN (SELECT unit_id FROM progress_unit WHERE plan_id IN (SELECT value FROM json_each(@plans)))`);
    this.inspectionsIndexed = db.prepare(inspectionsSql(true));
    this.inspectionsScan = db.prepare(inspectionsSql(false));
    this.findingsOf = db.prepare(`
      SELECT r.inspection_id, r.criterion_id, r.result FROM json_each(@ids) AS j
      JOIN inspection_results AS r INDEXED BY inspection_results_findings ON r.inspection_id = j.value
      WHERE r.result IN ('fail', 'na')`);
    this.allFindings = db.prepare(`
      SELECT inspection_id, criterion_id, result FROM inspection_results INDEXED BY inspection_results_findings
      WHERE result IN ('fail', 'na')`);
    this.criteria = db.prepare(`
      SELECT c.id, c.lineage_id, c.version_id, c.position, c.text, g.title AS group_title, g.position AS group_position,
        v.checklist_id, coalesce(l.name, '') AS checklist_name, v.version_no
      FROM checklist_criteria AS c JOIN checklist_groups AS g ON g.id = c.group_id
      JOIN checklist_versions AS v ON v.id = c.version_id LEFT JOIN checklists AS l ON l.id = v.checklist_id
      WHERE c.version_id IN (SELECT value FROM json_each(@versions)) AND c.deleted_at IS NULL AND g.deleted_at IS NULL
      ORDER BY g.position, c.position`);
    this.requestsOf = db.prepare(`
      SELECT r.inspection_id, r.text, r.due_date, r.remedied_date FROM json_each(@ids) AS j
      JOIN inspection_requests AS r ON r.inspection_id = j.value WHERE r.deleted_at IS NULL ORDER BY r.ord, r.id`);
    this.allRequests = db.prepare(`
      SELECT inspection_id, text, due_date, remedied_date FROM inspection_requests NOT INDEXED
      WHERE deleted_at IS NULL ORDER BY inspection_id, ord, id`);
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

  scopeRows(planIds: readonly string[]): { plan_id: string; unit_id: string }[] {
    return this.scope.all({ plans: JSON.stringify(planIds) });
  }

  unitRows(planIds: readonly string[]): UnitRow[] {
    return this.units.all({ plans: JSON.stringify(planIds) });
  }

  inspections(planIds: readonly string[], from: string, to: string): InspectionRow[] {
    const params = { plans: JSON.stringify(planIds), from, to };
    return (planIds.length > PLAN_INDEX_LIMIT ? this.inspectionsScan : this.inspectionsIndexed).all(params);
  }

  /** The fail and n/a results of these inspections (what is neither is "Đạt"). */
  findings(inspectionIds: readonly string[]): FindingRow[] {
    if (inspectionIds.length <= LOOKUP_LIMIT) return this.findingsOf.all({ ids: JSON.stringify(inspectionIds) });
    const wanted = new Set(inspectionIds);
    return this.allFindings.all().filter((row) => wanted.has(row.inspection_id));
  }

  criteriaOf(versionIds: readonly string[]): CriterionInfoRow[] {
    return this.criteria.all({ versions: JSON.stringify(versionIds) });
  }

  requests(inspectionIds: readonly string[]): RequestRow[] {
    if (inspectionIds.length <= LOOKUP_LIMIT) return this.requestsOf.all({ ids: JSON.stringify(inspectionIds) });
    const wanted = new Set(inspectionIds);
    return this.allRequests.all().filter((row) => wanted.has(row.inspection_id));
  }

  /** The raw aggregate (benchmark comparison only). */
  aggregate(planIds: readonly string[], from: string, to: string) {
    return this.rawAggregate.all({ plans: JSON.stringify(planIds), from, to });
  }
}
