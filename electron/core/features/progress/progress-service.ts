import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/open';
import type { Clock } from '../../kernel/clock';
import { AppError } from '../../kernel/errors';
import { localIsoDate } from '../../../../shared/format/date';
import type { InspectionKind, InspectionStatus } from '../../../../shared/domain/inspection';
import type { PeriodKind } from '../../../../shared/domain/plan';
import {
  emptyKindProgress,
  emptyLevelProgress,
  targetUnits,
  type PlanProgress,
  type ProgressOverview,
} from '../../../../shared/domain/progress';
import { SCHOOL_LEVELS, UNIT_KINDS, type UnitKind } from '../../../../shared/domain/unit';

interface PlanHead {
  id: string;
  title: string;
  period_kind: PeriodKind;
  period_year: number;
  target_percent: number;
  is_sample: number;
  origin_office: string;
  origin_name: string | null;
}
interface KindFigure {
  plan_id: string;
  unit_kind: string;
  scope: number;
  inspected: number;
}
interface LevelFigure {
  plan_id: string;
  school_level: string;
  scope: number;
  inspected: number;
}
interface StatusFigure {
  plan_id: string;
  kind: InspectionKind;
  status: InspectionStatus;
  total: number;
}
interface RequestFigure {
  plan_id: string;
  open: number;
  overdue: number;
}

type FigureParams = { today: string; planId?: string };

/** The reads a set of figures is assembled from. */
interface FigureReads {
  heads: Statement<FigureParams, PlanHead>;
  kinds: Statement<FigureParams, KindFigure>;
  levels: Statement<FigureParams, LevelFigure>;
  statuses: Statement<FigureParams, StatusFigure>;
  requests: Statement<FigureParams, RequestFigure>;
}

interface NotInspectedRow {
  unitId: string;
  unitName: string;
  unitKind: UnitKind;
  inspectionId: string | null;
  status: InspectionStatus | null;
  plannedDate: string | null;
}
interface OverdueRow {
  inspectionId: string;
  requestId: string;
  unitName: string;
  text: string;
  dueDate: string;
}
interface ReinspectionRow {
  id: string;
  originalId: string | null;
  unitName: string;
  kind: InspectionKind;
  status: InspectionStatus;
  plannedDate: string | null;
  inspectionDate: string | null;
}

function headsSql(onePlan: boolean): string {
  // A plan received from another office is marked with that office's name.
  return `SELECT p.id, p.title, p.period_kind, p.period_year, p.target_percent, p.is_sample, p.origin_office,
      o.name AS origin_name
    FROM plans AS p LEFT JOIN known_offices AS o ON o.office_id = p.origin_office
    WHERE p.deleted_at IS NULL ${onePlan ? 'AND p.id = @planId' : ''} ORDER BY p.period_year DESC, p.title_key`;
}

/** The summary's reads, for every plan or (`onePlan`) for the plan `@planId` alone. */
function summaryReads(db: Db, onePlan: boolean): FigureReads {
  const plan = onePlan ? 'plan_id = @planId' : 'true';
  return {
    heads: db.prepare(headsSql(onePlan)),
    kinds: db.prepare(`SELECT plan_id, unit_kind, scope, inspected FROM progress_kind WHERE ${plan}`),
    levels: db.prepare(`SELECT plan_id, school_level, scope, inspected FROM progress_level WHERE ${plan}`),
    statuses: db.prepare(`SELECT plan_id, kind, status, total FROM progress_status WHERE total <> 0 AND ${plan}`),
    requests: db.prepare(`
      SELECT plan_id, sum(open) AS open, sum(CASE WHEN due_date < @today THEN open ELSE 0 END) AS overdue
      FROM progress_requests WHERE ${plan} GROUP BY plan_id`),
  };
}

/**
 * The same figures computed from the base tables, every time (the path the summary replaces;
 * kept for the benchmark's comparison, for checking the summary, and for rebuilding it).
 * NOT INDEXED: these read most rows of inspections and requests, and one pass over the table
 * costs a third of what the planner's pick (the status index, then a random lookup of each
 * row) does at 200,000 inspections.
 */
const RECOMPUTE_KIND = `
  WITH scope AS (SELECT DISTINCT plan_id, unit_id FROM plan_units WHERE deleted_at IS NULL),
       done AS (SELECT DISTINCT plan_id, unit_id FROM inspections NOT INDEXED
                WHERE deleted_at IS NULL AND status IN ('finalised', 'remedied'))
  SELECT s.plan_id, coalesce(u.kind, 'other') AS unit_kind, count(*) AS scope, count(d.unit_id) AS inspected
  FROM scope AS s LEFT JOIN units AS u ON u.id = s.unit_id
  LEFT JOIN done AS d ON d.plan_id = s.plan_id AND d.unit_id = s.unit_id
  GROUP BY s.plan_id, unit_kind`;
const RECOMPUTE_LEVEL = `
  WITH scope AS (SELECT DISTINCT plan_id, unit_id FROM plan_units WHERE deleted_at IS NULL),
       done AS (SELECT DISTINCT plan_id, unit_id FROM inspections NOT INDEXED
                WHERE deleted_at IS NULL AND status IN ('finalised', 'remedied'))
  SELECT s.plan_id, u.school_level, count(*) AS scope, count(d.unit_id) AS inspected
  FROM scope AS s JOIN units AS u ON u.id = s.unit_id AND u.kind = 'school' AND u.school_level IS NOT NULL
  LEFT JOIN done AS d ON d.plan_id = s.plan_id AND d.unit_id = s.unit_id
  GROUP BY s.plan_id, u.school_level`;
const RECOMPUTE_STATUS = `
  SELECT plan_id, kind, status, count(*) AS total FROM inspections NOT INDEXED WHERE deleted_at IS NULL
  GROUP BY plan_id, kind, status`;
const RECOMPUTE_REQUESTS = `
  SELECT i.plan_id, count(*) AS open, sum(r.due_date < @today) AS overdue
  FROM inspection_requests AS r NOT INDEXED JOIN inspections AS i ON i.id = r.inspection_id
  WHERE r.deleted_at IS NULL AND r.remedied_date IS NULL AND r.due_date IS NOT NULL
    AND i.deleted_at IS NULL AND i.status IN ('finalised', 'remedied')
  GROUP BY i.plan_id`;

const RECOMPUTE_DISTRICT = `
  WITH scope AS (SELECT DISTINCT s.plan_id, s.unit_id FROM plan_units AS s
                 JOIN plans AS p ON p.id = s.plan_id AND p.deleted_at IS NULL WHERE s.deleted_at IS NULL),
       done AS (SELECT DISTINCT plan_id, unit_id FROM inspections NOT INDEXED
                WHERE deleted_at IS NULL AND status IN ('finalised', 'remedied'))
  SELECT count(DISTINCT s.unit_id) AS scope, count(DISTINCT d.unit_id) AS inspected
  FROM scope AS s LEFT JOIN done AS d ON d.plan_id = s.plan_id AND d.unit_id = s.unit_id`;

type DistrictFigure = { scope: number; inspected: number };

/** Progress of plans, read from the summary tables of migrations 0015, 0024 and 0041. */
export class ProgressService {
  private readonly summaryAll: FigureReads;
  private readonly summaryOne: FigureReads;
  private readonly recomputed: FigureReads;
  private readonly notInspectedStmt: Statement<{ planId: string }, NotInspectedRow>;
  private readonly overdueStmt: Statement<{ planId: string; today: string }, OverdueRow>;
  private readonly reinspectionsStmt: Statement<{ planId: string }, ReinspectionRow>;

  private readonly districtStmt: Statement<[], DistrictFigure>;
  private readonly districtRecomputed: Statement<[], DistrictFigure>;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    // Across every plan, of every office: a unit in two plans, or inspected under two, counts
    // once. Read from the per-unit summary (migration 0041): one row per unit, not per plan.
    this.districtStmt = db.prepare(`
      SELECT count(*) AS scope, coalesce(sum(done_plans > 0), 0) AS inspected
      FROM progress_district WHERE scope_plans > 0`);
    this.districtRecomputed = db.prepare(RECOMPUTE_DISTRICT);
    this.summaryAll = summaryReads(db, false);
    this.summaryOne = summaryReads(db, true);
    this.recomputed = {
      heads: this.summaryAll.heads,
      kinds: db.prepare(RECOMPUTE_KIND),
      levels: db.prepare(RECOMPUTE_LEVEL),
      statuses: db.prepare(RECOMPUTE_STATUS),
      requests: db.prepare(RECOMPUTE_REQUESTS),
    };
    // A unit's first regular inspection: what it is waiting for, and when.
    this.notInspectedStmt = db.prepare(`
      SELECT pu.unit_id AS unitId, u.name AS unitName, u.kind AS unitKind,
        i.id AS inspectionId, i.status, i.planned_date AS plannedDate
      FROM progress_unit AS pu JOIN units AS u ON u.id = pu.unit_id
      LEFT JOIN inspections AS i ON i.id = (
        SELECT f.id FROM inspections AS f WHERE f.plan_id = pu.plan_id AND f.unit_id = pu.unit_id
          AND f.deleted_at IS NULL AND f.kind = 'regular' ORDER BY f.created_at LIMIT 1)
      WHERE pu.plan_id = @planId AND pu.scope_refs > 0 AND pu.done = 0
      ORDER BY coalesce(i.planned_date, '9999-12-31'), u.sort_key`);
    this.overdueStmt = db.prepare(`
      SELECT i.id AS inspectionId, r.id AS requestId, u.name AS unitName, r.text, r.due_date AS dueDate
      FROM inspection_requests AS r JOIN inspections AS i ON i.id = r.inspection_id
      JOIN units AS u ON u.id = i.unit_id
      WHERE i.plan_id = @planId AND i.deleted_at IS NULL AND i.status IN ('finalised', 'remedied')
        AND r.deleted_at IS NULL AND r.remedied_date IS NULL AND r.due_date < @today
      ORDER BY r.due_date, u.sort_key LIMIT 500`);
    this.reinspectionsStmt = db.prepare(`
      SELECT i.id, i.original_id AS originalId, u.name AS unitName, i.kind, i.status,
        i.planned_date AS plannedDate, i.inspection_date AS inspectionDate
      FROM inspections AS i JOIN units AS u ON u.id = i.unit_id
      WHERE i.plan_id = @planId AND i.deleted_at IS NULL AND i.kind = 'reinspection'
      ORDER BY coalesce(i.inspection_date, i.planned_date, '9999-12-31'), u.sort_key`);
  }

  today(): string {
    return localIsoDate(this.clock.now());
  }

  /** Every plan's figures from the summary: a few hundred rows whatever the data size. */
  overview(): ProgressOverview {
    const today = this.today();
    return this.db.transaction(() => ({
      today,
      plans: this.read(this.summaryAll, { today }),
      district: this.districtStmt.get() ?? { scope: 0, inspected: 0 },
    }))();
  }

  /** The same answer computed from the base tables (grows with the number of inspections). */
  overviewRecomputed(): ProgressOverview {
    const today = this.today();
    return {
      today,
      plans: this.read(this.recomputed, { today }),
      district: this.districtRecomputed.get() ?? { scope: 0, inspected: 0 },
    };
  }

  /** One plan in detail: its figures, who is not yet inspected, overdue requests, re-inspections. */
  plan(planId: string) {
    const today = this.today();
    return this.db.transaction(() => {
      const progress = this.read(this.summaryOne, { today, planId })[0];
      if (!progress) throw new AppError('NOT_FOUND');
      return {
        today,
        progress,
        notInspected: this.notInspectedStmt.all({ planId }),
        overdue: this.overdueStmt.all({ planId, today }),
        reinspections: this.reinspectionsStmt.all({ planId }),
      };
    })();
  }

  /** The reads in one transaction, so the figures agree with each other. */
  private read(reads: FigureReads, params: FigureParams): PlanProgress[] {
    return this.db.transaction(() =>
      assemble(
        reads.heads.all(params),
        reads.kinds.all(params),
        reads.levels.all(params),
        reads.statuses.all(params),
        reads.requests.all(params),
      ),
    )();
  }

  /** Rebuilds the summary from the base tables (after a restore or if it is ever doubted). */
  rebuild(): void {
    this.db
      .transaction(() => {
        this.db.exec(`
          DELETE FROM progress_unit;
          DELETE FROM progress_district;
          DELETE FROM progress_kind;
          DELETE FROM progress_level;
          DELETE FROM progress_status;
          DELETE FROM progress_requests;
          INSERT INTO progress_unit (plan_id, unit_id, unit_kind, scope_refs, done)
          SELECT x.plan_id, x.unit_id, coalesce((SELECT kind FROM units WHERE id = x.unit_id), 'other'),
                 sum(x.scope_refs), sum(x.done)
          FROM (
            SELECT plan_id, unit_id, 1 AS scope_refs, 0 AS done FROM plan_units WHERE deleted_at IS NULL
            UNION ALL
            SELECT plan_id, unit_id, 0, 1 FROM inspections
            WHERE deleted_at IS NULL AND status IN ('finalised', 'remedied')
          ) AS x
          GROUP BY x.plan_id, x.unit_id;
          INSERT INTO progress_status (plan_id, kind, status, total)
          SELECT plan_id, kind, status, count(*) FROM inspections WHERE deleted_at IS NULL
          GROUP BY plan_id, kind, status;
          INSERT INTO progress_requests (plan_id, due_date, open)
          SELECT i.plan_id, r.due_date, count(*) FROM inspection_requests AS r
          JOIN inspections AS i ON i.id = r.inspection_id
          WHERE r.deleted_at IS NULL AND r.remedied_date IS NULL AND r.due_date IS NOT NULL
            AND i.deleted_at IS NULL AND i.status IN ('finalised', 'remedied')
          GROUP BY i.plan_id, r.due_date;
        `);
      })
      .immediate();
  }
}

function assemble(
  heads: PlanHead[],
  kinds: KindFigure[],
  levels: LevelFigure[],
  statuses: StatusFigure[],
  requests: RequestFigure[],
): PlanProgress[] {
  const byPlan = new Map<string, PlanProgress>();
  for (const head of heads) {
    byPlan.set(head.id, {
      planId: head.id,
      title: head.title,
      periodKind: head.period_kind,
      periodYear: head.period_year,
      targetPercent: head.target_percent,
      isSample: head.is_sample === 1,
      originOffice: head.origin_office,
      originName: head.origin_name ?? '',
      scope: 0,
      inspected: 0,
      targetUnits: 0,
      byKind: emptyKindProgress(),
      bySchoolLevel: emptyLevelProgress(),
      planned: 0,
      drafts: 0,
      finalised: 0,
      reinspectionsPlanned: 0,
      reinspectionsDone: 0,
      overdueRequests: 0,
      openRequests: 0,
    });
  }
  const kindOf = (value: string): UnitKind =>
    (UNIT_KINDS as readonly string[]).includes(value) ? (value as UnitKind) : 'other';
  for (const figure of kinds) {
    const plan = byPlan.get(figure.plan_id);
    if (!plan || (figure.scope === 0 && figure.inspected === 0)) continue;
    const kind = plan.byKind[kindOf(figure.unit_kind)];
    kind.scope += figure.scope;
    kind.inspected += figure.inspected;
    plan.scope += figure.scope;
    plan.inspected += figure.inspected;
  }
  for (const figure of levels) {
    const plan = byPlan.get(figure.plan_id);
    const level = SCHOOL_LEVELS.find((known) => known === figure.school_level);
    if (!plan || !level) continue;
    plan.bySchoolLevel[level].scope += figure.scope;
    plan.bySchoolLevel[level].inspected += figure.inspected;
  }
  for (const figure of statuses) {
    const plan = byPlan.get(figure.plan_id);
    if (!plan) continue;
    const done = figure.status === 'finalised' || figure.status === 'remedied';
    if (figure.kind === 'reinspection') {
      if (done) plan.reinspectionsDone += figure.total;
      else plan.reinspectionsPlanned += figure.total;
    } else if (figure.status === 'planned') plan.planned += figure.total;
    else if (figure.status === 'draft') plan.drafts += figure.total;
    else plan.finalised += figure.total;
  }
  for (const figure of requests) {
    const plan = byPlan.get(figure.plan_id);
    if (!plan) continue;
    plan.openRequests += figure.open;
    plan.overdueRequests += figure.overdue ?? 0;
  }
  for (const plan of byPlan.values()) plan.targetUnits = targetUnits(plan.scope, plan.targetPercent);
  return [...byPlan.values()];
}
