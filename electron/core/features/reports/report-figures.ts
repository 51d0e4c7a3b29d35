import { isLockedStatus } from '../../../../shared/domain/inspection';
import type { PeriodKind } from '../../../../shared/domain/plan';
import { percent, targetUnits } from '../../../../shared/domain/progress';
import { SCHOOL_LEVELS, UNIT_KINDS, type SchoolLevel, type UnitKind } from '../../../../shared/domain/unit';
import { compareText, lineReader, type RecordedLine } from './report-text';
import {
  FIELD_SEPARATOR,
  REQUEST_SEPARATOR,
  type RegularRow,
  type ReportQueries,
  type RequestRow,
  type UnitRow,
} from './report-queries';

/**
 * Every figure of a results report, counted from the office's tables for a set of plans and a
 * period. The rules, once:
 *
 * - A unit is *inspected* under a plan when it is in the plan's scope and has a finalised (or
 *   remedied) regular inspection dated in the period. Its *record* is the latest of those (a
 *   unit inspected twice counts once, with its latest findings).
 * - A criterion's Đạt / Chưa đạt / Không áp dụng are counted over the records. A finalised
 *   inspection has a result for every criterion of its checklist version (the finalise rule),
 *   so Đạt is every criterion of the version not recorded as Chưa đạt or Không áp dụng.
 *   Criteria are matched across versions by lineage.
 * - Requests are those of the records: remedied (has a remedy date), overdue (not remedied,
 *   deadline before `today`), open (the rest).
 * - Re-inspections: planned = not yet finalised, following up an inspection dated in the period
 *   (a report of the first quarter does not announce the re-inspections of May's findings);
 *   done = finalised, dated in the period.
 * - Totals over several plans count each unit once.
 */

/** A unit kind, schools split by level: the breakdown the story writes ("8 trường mầm non …"). */
export type BreakdownKey = Exclude<UnitKind, 'school'> | `school:${SchoolLevel}`;

export const BREAKDOWN_KEYS: readonly BreakdownKey[] = UNIT_KINDS.flatMap((kind): BreakdownKey[] =>
  kind === 'school' ? SCHOOL_LEVELS.map((level): BreakdownKey => `school:${level}`) : [kind],
);

export function breakdownKey(kind: UnitKind, level: SchoolLevel | null): BreakdownKey {
  return kind === 'school' ? `school:${level ?? 'other'}` : kind;
}

export interface UnitInfo {
  id: string;
  name: string;
  kind: UnitKind;
  level: SchoolLevel | null;
  sortKey: string;
}

export interface Breakdown {
  key: BreakdownKey;
  scope: number;
  inspected: number;
}

/**
 * One unit's inspection of record under a plan. Its inspection's id is not kept (200,000 ids
 * read for a few links): `ReportQueries.recordInspectionId` finds it from plan, unit and period.
 */
export interface UnitRecord {
  planId: string;
  unitId: string;
  date: string;
  /** The unit's first inspection in the period (when it first counts as inspected). */
  firstDate: string;
  minutesNumber: string;
  versionId: string | null;
  pass: number;
  fail: number;
  na: number;
  limitations: string;
  causes: string;
  /** How many requests it made. */
  requests: number;
  /** The lines of its requests, folded (lineKey), each once. */
  requestLines: string[];
  /** Whether one of its requests is remedied, whether one is overdue. */
  requestsRemedied: boolean;
  requestsOverdue: boolean;
}

export interface PlanFigures {
  id: string;
  title: string;
  issuer: string;
  periodKind: PeriodKind;
  periodYear: number;
  decisionNumber: string;
  decisionDate: string | null;
  decisionSigner: string;
  decisionSignerTitle: string;
  legalBasis: string;
  targetPercent: number;
  checklistId: string;
  checklistName: string;
  /** False when the plan was removed since (a report may still name it). */
  live: boolean;
  leader: { name: string; position: string } | null;
  teamSize: number;
  scope: number;
  inspected: number;
  targetUnits: number;
  /** inspected / targetUnits, as the story rounds it (28/81 → 35). */
  percentOfTarget: number;
  breakdown: Breakdown[];
  /** Unit ids in scope not inspected, in name order. */
  notInspected: string[];
  firstDate: string | null;
  lastDate: string | null;
}

export interface CriterionFigure {
  /** The lineage id: the same criterion in every version of its checklist. */
  lineage: string;
  checklistId: string;
  checklistName: string;
  groupTitle: string;
  groupPosition: number;
  position: number;
  /** "2.3": group and place in the newest version used. */
  number: string;
  text: string;
  pass: number;
  fail: number;
  na: number;
  /** The records (of `records`, the same objects) that did not meet it, by name then plan. */
  failing: UnitRecord[];
  /** The records where it did not apply. */
  notApplicable: UnitRecord[];
}

export interface TextFigure {
  text: string;
  /** Records whose minutes hold this line. */
  units: number;
}

export interface RequestFigures {
  total: number;
  remedied: number;
  overdue: number;
  open: number;
  /** Units (records) with requests, with a remedied one, with an overdue one. */
  unitsWith: number;
  unitsRemedied: number;
  unitsOverdue: string[];
  texts: TextFigure[];
}

export interface ReinspectionFigures {
  planned: { unitId: string; planId: string; date: string | null }[];
  done: { unitId: string; planId: string; date: string | null }[];
}

export interface ReportFigures {
  from: string;
  to: string;
  today: string;
  plans: PlanFigures[];
  units: Map<string, UnitInfo>;
  /** Over every plan, each unit once. */
  total: { scope: number; inspected: number; notInspected: number; breakdown: Breakdown[] };
  records: UnitRecord[];
  /** Records with at least one criterion not met. */
  withFindings: number;
  criteria: CriterionFigure[];
  limitations: TextFigure[];
  causes: TextFigure[];
  requests: RequestFigures;
  reinspections: ReinspectionFigures;
  /** The criteria (lineages) of each checklist version used. */
  versionLineages: Map<string, Set<string>>;
}

/** A criterion's figure while it is counted. */
type WorkingCriterion = CriterionFigure & { versionNo: number; failingOrder: number[]; notApplicableOrder: number[] };

/** Plain code-unit order: ISO dates, ids and collation sort keys (shared/text/collate.ts). */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The record becomes the row's inspection (the first of its unit, or a newer one). */
function takeRow(record: UnitRecord, row: RegularRow, date: string, share: (text: string) => string): void {
  record.date = date;
  record.minutesNumber = row[4];
  record.limitations = share(row[5]);
  record.causes = share(row[6]);
}

/**
 * Each finding of a digest's list ("12,-7": criterion 12 not met, 7 not applicable), read
 * digit by digit: 400,000 of them at scale, no string made for any.
 */
function forEachFinding(findings: string | null, visit: (criterionN: number, fail: boolean) => void): void {
  if (findings === null) return;
  let value = 0;
  let negative = false;
  let digits = false;
  for (let index = 0; index <= findings.length; index += 1) {
    const code = index < findings.length ? findings.charCodeAt(index) : COMMA;
    if (code === COMMA) {
      if (digits) visit(value, !negative);
      value = 0;
      negative = false;
      digits = false;
    } else if (code === MINUS) {
      negative = true;
    } else {
      value = value * 10 + (code - ZERO);
      digits = true;
    }
  }
}

/** The lines of a record without requests (one array for all of them). */
const NO_LINES: string[] = [];

const COMMA = 44;
const MINUS = 45;
const ZERO = 48;

function emptyBreakdown(): Map<BreakdownKey, Breakdown> {
  return new Map(BREAKDOWN_KEYS.map((key) => [key, { key, scope: 0, inspected: 0 }]));
}

function countTexts(counts: Map<string, TextFigure>): TextFigure[] {
  return [...counts.values()].sort((a, b) => b.units - a.units || compareText(a.text, b.text));
}

function addLines(counts: Map<string, TextFigure>, lines: RecordedLine[]): void {
  const seen = new Set<string>();
  for (const { line, key } of lines) {
    if (seen.has(key)) continue;
    seen.add(key);
    const known = counts.get(key);
    if (known) known.units += 1;
    else counts.set(key, { text: line, units: 1 });
  }
}

export function computeFigures(
  queries: ReportQueries,
  request: { planIds: readonly string[]; from: string; to: string; today: string },
): ReportFigures {
  const { from, to, today } = request;
  // First, so that the numbers the reads below carry name the digest as it now stands.
  queries.digest.refresh();
  const heads = queries.heads(request.planIds);
  const planIds = heads.map((head) => head.id);
  const units = new Map<string, UnitInfo>();
  // The digest names plans, units, versions and criteria by numbers (report-digest.ts).
  const unitOfN = new Map<number, string>();
  for (const row of queries.unitRows(planIds)) {
    units.set(row.id, toUnit(row));
    if (row.n !== null) unitOfN.set(row.n, row.id);
  }
  // Each unit's line of the breakdown, worked out once (plans' scopes hold 200,000 entries at scale).
  const keyOfUnit = new Map([...units.values()].map((unit) => [unit.id, breakdownKey(unit.kind, unit.level)]));
  const keyOf = (unitId: string): BreakdownKey => keyOfUnit.get(unitId) ?? 'other';
  // Name order as a number per unit, ranked once: sorting 300,000 failing entries by looking up
  // two sort keys per comparison took most of a second. Sort keys order by plain comparison
  // (shared/text/collate.ts); a unit not found sorts first (an empty key), as before.
  const rank = new Map<string, number>();
  [...units.values()]
    .sort((a, b) => compareKeys(a.sortKey, b.sortKey) || compareKeys(a.id, b.id))
    .forEach((unit, index) => rank.set(unit.id, index));
  const byName = (a: string, b: string) => (rank.get(a) ?? -1) - (rank.get(b) ?? -1) || compareKeys(a, b);
  // The same order for a long list: each id's rank looked up once, the places sorted.
  const sortedByName = (unitIds: string[]): string[] => {
    const ranks = Float64Array.from(unitIds, (id) => rank.get(id) ?? -1);
    const places = Uint32Array.from(unitIds.keys()).sort(
      (a, b) => ranks[a]! - ranks[b]! || compareKeys(unitIds[a]!, unitIds[b]!),
    );
    return Array.from(places, (place) => unitIds[place]!);
  };

  const scopeOf = queries.scopeOf(planIds);
  // Each unit held by its registry's id string, so the 200,000 strings just read die young.
  const scope = new Map<string, Set<string>>(
    planIds.map((id) => [id, new Set((scopeOf.get(id) ?? []).map((unitId) => units.get(unitId)?.id ?? unitId))]),
  );

  const planOfN = new Map<number, string>();
  for (const head of heads) if (head.n !== null) planOfN.set(head.n, head.id);
  const unitIdOf = (n: number): string => {
    let id = unitOfN.get(n);
    if (id === undefined) {
      // A unit the registry does not hold (its inspection refers to it all the same).
      id = queries.idsOf([n]).get(n) ?? '';
      unitOfN.set(n, id);
    }
    return id;
  };

  // The record of each unit under each plan (its latest inspection), and its first inspection in
  // the period. The rows come by plan, unit, then oldest first (report-queries.ts): a unit's
  // first row gives its first date, its last row the record. Rows are read one at a time and
  // none is kept: a record holds the plan's and unit's own id strings and one string per
  // repeated date or text, so the rest of a row dies young (the garbage collector copies what
  // survives, most of a second at scale when every row was kept).
  const read = lineReader();
  const records: UnitRecord[] = [];
  // Per record (by its place in `records`): its version's digest number and its findings.
  const versionNs: (number | null)[] = [];
  const findingsOf: (string | null)[] = [];
  const shared = new Map<string, string>();
  const share = (text: string): string => {
    const known = shared.get(text);
    if (known !== undefined) return known;
    shared.set(text, text);
    return text;
  };
  let planN = -1;
  let unitN = -1;
  let current: UnitRecord | null = null;
  // The requests of the record being read, counted once its unit's rows are over (so that no
  // record keeps its requests' text: 20 MB at scale the garbage collector would copy).
  let currentRequests: string | null = null;
  const requestCounter = new RequestCounter(today, read);
  for (const row of queries.regular([...planOfN.keys()], from, to)) {
    const date = share(row[2]);
    if (row[0] === planN && row[1] === unitN) {
      if (current) {
        takeRow(current, row, date, share);
        versionNs[records.length - 1] = row[3];
        findingsOf[records.length - 1] = row[7];
        currentRequests = row[8];
      }
      continue;
    }
    if (current) requestCounter.count(current, currentRequests);
    planN = row[0];
    unitN = row[1];
    const planId = planOfN.get(planN);
    const unitId = unitIdOf(unitN);
    if (planId === undefined || !scope.get(planId)?.has(unitId)) {
      current = null;
      currentRequests = null;
      continue;
    }
    current = {
      planId,
      unitId,
      date,
      firstDate: date,
      minutesNumber: '',
      versionId: null,
      pass: 0,
      fail: 0,
      na: 0,
      limitations: '',
      causes: '',
      requests: 0,
      requestLines: NO_LINES,
      requestsRemedied: false,
      requestsOverdue: false,
    };
    takeRow(current, row, date, share);
    records.push(current);
    versionNs.push(row[3]);
    findingsOf.push(row[7]);
    currentRequests = row[8];
  }
  if (current) requestCounter.count(current, currentRequests);
  const reinspections: ReinspectionFigures = { planned: [], done: [] };
  for (const row of queries.reinspections(planIds)) {
    const entry = { unitId: row.unit_id, planId: row.plan_id, date: row.inspection_date ?? row.planned_date };
    if (!isLockedStatus(row.status)) {
      if (row.original_date !== null && row.original_date >= from && row.original_date <= to) {
        reinspections.planned.push(entry);
      }
    } else if (row.inspection_date !== null && row.inspection_date >= from && row.inspection_date <= to) {
      reinspections.done.push(entry);
    }
  }
  const byDateThenName = (a: { date: string | null; unitId: string }, b: { date: string | null; unitId: string }) =>
    compareKeys(a.date ?? '9999', b.date ?? '9999') || byName(a.unitId, b.unitId);
  reinspections.planned.sort(byDateThenName);
  reinspections.done.sort(byDateThenName);

  const versionOfN = queries.idsOf([...new Set(versionNs.filter((n): n is number => n !== null))]);
  records.forEach((record, index) => {
    const versionN = versionNs[index] ?? null;
    record.versionId = versionN === null ? null : (versionOfN.get(versionN) ?? null);
  });

  // Criteria of the versions used, matched by lineage (the newest version's wording).
  const versionIds = [...versionOfN.values()];
  const criteriaRows = queries.criteriaOf(versionIds);
  const byVersion = new Map<string, string[]>();
  const lineageOf = new Map<string, string>();
  // Each figure with its version, and the order (name, then plan) of each entry of its lists.
  const criteria = new Map<string, WorkingCriterion>();
  for (const row of criteriaRows) {
    const list = byVersion.get(row.version_id) ?? [];
    list.push(row.id);
    byVersion.set(row.version_id, list);
    lineageOf.set(row.id, row.lineage_id);
    const known = criteria.get(row.lineage_id);
    if (!known || row.version_no > known.versionNo) {
      criteria.set(row.lineage_id, {
        lineage: row.lineage_id,
        checklistId: row.checklist_id,
        checklistName: row.checklist_name,
        groupTitle: row.group_title,
        groupPosition: row.group_position,
        position: row.position,
        number: '',
        text: row.text,
        pass: 0,
        fail: 0,
        na: 0,
        failing: [],
        notApplicable: [],
        versionNo: row.version_no,
        failingOrder: [],
        notApplicableOrder: [],
      });
    }
  }
  numberCriteria(criteriaRows, criteria);

  // Đạt is counted per version, not per record: each criterion of a version is met by every
  // record of that version, less the records that found it not met or not applicable. Each
  // record's findings are counted into it and into their criterion, one look-up per finding
  // (its criterion's version and figure, by the criterion's digest number).
  const criterionOf = new Map<number, { versionN: number | null; figure: WorkingCriterion | undefined }>();
  for (const row of criteriaRows) {
    if (row.n !== null) criterionOf.set(row.n, { versionN: row.version_n, figure: criteria.get(row.lineage_id) });
  }
  const planOrder = new Map(planIds.map((id, index) => [id, index]));
  const recordsOfVersion = new Map<string, number>();
  let withFindings = 0;
  records.forEach((record, index) => {
    const versionN = versionNs[index] ?? null;
    const version = record.versionId;
    if (version) recordsOfVersion.set(version, (recordsOfVersion.get(version) ?? 0) + 1);
    let notPassInVersion = 0;
    // The record's place in a criterion's lists (by name, then plan), worked out at its first finding.
    let order = -1;
    forEachFinding(findingsOf[index] ?? null, (criterionN, fail) => {
      const criterion = criterionOf.get(criterionN);
      const inVersion = versionN !== null && criterion?.versionN === versionN;
      if (inVersion) notPassInVersion += 1;
      if (fail) record.fail += 1;
      else record.na += 1;
      const figure = criterion?.figure;
      if (!figure) return;
      if (inVersion) figure.pass -= 1;
      if (order < 0) {
        order = ((rank.get(record.unitId) ?? -1) + 1) * (planIds.length + 1) + (planOrder.get(record.planId) ?? 0);
      }
      if (fail) {
        figure.fail += 1;
        figure.failing.push(record);
        figure.failingOrder.push(order);
      } else {
        figure.na += 1;
        figure.notApplicable.push(record);
        figure.notApplicableOrder.push(order);
      }
    });
    const size = version ? (byVersion.get(version)?.length ?? 0) : 0;
    record.pass = size - notPassInVersion;
    if (record.fail > 0) withFindings += 1;
  });
  for (const [version, count] of recordsOfVersion) {
    for (const criterionId of byVersion.get(version) ?? []) {
      const figure = criteria.get(lineageOf.get(criterionId) ?? '');
      if (figure) figure.pass += count;
    }
  }
  // By plan, date, then name: one number per record (plan, date and name ranks), sorted as
  // indices; the unit's id breaks a tie only between units the registry does not hold.
  const dateRank = new Map<string, number>();
  [...new Set(records.map((record) => record.date))]
    .sort(compareKeys)
    .forEach((date, index) => dateRank.set(date, index));
  const sortKeys = new Float64Array(records.length);
  records.forEach((record, index) => {
    const plan = planOrder.get(record.planId) ?? 0;
    const date = dateRank.get(record.date) ?? 0;
    sortKeys[index] = (plan * dateRank.size + date) * (rank.size + 1) + (rank.get(record.unitId) ?? -1) + 1;
  });
  const sorted = Uint32Array.from(records.keys()).sort(
    (a, b) => sortKeys[a]! - sortKeys[b]! || compareKeys(records[a]!.unitId, records[b]!.unitId),
  );
  const unsorted = [...records];
  sorted.forEach((from, index) => (records[index] = unsorted[from]!));

  const limitations = new Map<string, TextFigure>();
  const causes = new Map<string, TextFigure>();
  for (const record of records) {
    addLines(limitations, read(record.limitations));
    addLines(causes, read(record.causes));
  }

  const requests = requestCounter.figures(sortedByName);

  // Per plan, then each unit once over every plan.
  const inspectedUnits = new Map<string, Set<string>>(planIds.map((id) => [id, new Set<string>()]));
  const recordsOfPlan = new Map<string, UnitRecord[]>(planIds.map((id) => [id, []]));
  for (const record of records) {
    inspectedUnits.get(record.planId)?.add(record.unitId);
    recordsOfPlan.get(record.planId)?.push(record);
  }
  const team = new Map<string, { name: string; position: string; role: string }[]>();
  for (const member of queries.team(planIds)) {
    const list = team.get(member.plan_id) ?? [];
    list.push(member);
    team.set(member.plan_id, list);
  }
  const plans = heads.map((head): PlanFigures => {
    const inScope = scope.get(head.id) ?? new Set<string>();
    const done = inspectedUnits.get(head.id) ?? new Set<string>();
    const breakdown = emptyBreakdown();
    for (const unitId of inScope) {
      const entry = breakdown.get(keyOf(unitId));
      if (!entry) continue;
      entry.scope += 1;
      if (done.has(unitId)) entry.inspected += 1;
    }
    const planRecords = recordsOfPlan.get(head.id) ?? [];
    const members = team.get(head.id) ?? [];
    const leader = members.find((member) => member.role === 'leader');
    const target = targetUnits(inScope.size, head.target_percent);
    return {
      id: head.id,
      title: head.title,
      issuer: head.issuer,
      periodKind: head.period_kind,
      periodYear: head.period_year,
      decisionNumber: head.decision_number,
      decisionDate: head.decision_date,
      decisionSigner: head.decision_signer,
      decisionSignerTitle: head.decision_signer_title,
      legalBasis: head.legal_basis,
      targetPercent: head.target_percent,
      checklistId: head.checklist_id,
      checklistName: head.checklist_name,
      live: head.live === 1,
      leader: leader ? { name: leader.name, position: leader.position } : null,
      teamSize: members.length,
      scope: inScope.size,
      inspected: done.size,
      targetUnits: target,
      percentOfTarget: percent(done.size, target),
      breakdown: [...breakdown.values()].filter((entry) => entry.scope > 0 || entry.inspected > 0),
      notInspected: sortedByName([...inScope].filter((unitId) => !done.has(unitId))),
      firstDate: planRecords.reduce<string | null>((min, r) => (min === null || r.date < min ? r.date : min), null),
      lastDate: planRecords.reduce<string | null>((max, r) => (max === null || r.date > max ? r.date : max), null),
    };
  });

  const allScope = new Set<string>();
  const allInspected = new Set<string>();
  for (const set of scope.values()) for (const unitId of set) allScope.add(unitId);
  for (const set of inspectedUnits.values()) for (const unitId of set) allInspected.add(unitId);
  const totalBreakdown = emptyBreakdown();
  for (const unitId of allScope) {
    const entry = totalBreakdown.get(keyOf(unitId));
    if (!entry) continue;
    entry.scope += 1;
    if (allInspected.has(unitId)) entry.inspected += 1;
  }

  // Findings arrive in no useful order: by name, then by the plans' order, each entry's place
  // worked out once per record (a comparison looking up two names each time took most of a
  // second at scale), the list's index breaking ties so the sort is stable.
  const byUnitThenPlan = <T>(list: T[], order: number[]): T[] => {
    const keys = new Float64Array(list.length);
    order.forEach((place, index) => (keys[index] = place * list.length + index));
    keys.sort();
    return Array.from(keys, (key) => list[key % list.length]!);
  };
  const criteriaList = [...criteria.values()].map(
    ({ versionNo: _versionNo, failingOrder, notApplicableOrder, ...figure }): CriterionFigure => ({
      ...figure,
      failing: byUnitThenPlan(figure.failing, failingOrder),
      notApplicable: byUnitThenPlan(figure.notApplicable, notApplicableOrder),
    }),
  );
  const versionLineages = new Map<string, Set<string>>();
  for (const [versionId, ids] of byVersion) {
    versionLineages.set(versionId, new Set(ids.map((id) => lineageOf.get(id) ?? id)));
  }
  return {
    from,
    to,
    today,
    plans,
    units,
    total: {
      scope: allScope.size,
      inspected: allInspected.size,
      notInspected: allScope.size - allInspected.size,
      breakdown: [...totalBreakdown.values()].filter((entry) => entry.scope > 0 || entry.inspected > 0),
    },
    records,
    withFindings,
    criteria: criteriaList,
    limitations: countTexts(limitations),
    causes: countTexts(causes),
    requests,
    reinspections,
    versionLineages,
  };
}

function toUnit(row: UnitRow): UnitInfo {
  return { id: row.id, name: row.name, kind: row.kind, level: row.school_level, sortKey: row.sort_key };
}

/** "2.3": the group's place among its version's groups, and the criterion's within the group. */
function numberCriteria(
  rows: { lineage_id: string; version_id: string; group_position: number; position: number; version_no: number }[],
  criteria: Map<string, WorkingCriterion>,
): void {
  const groupsOfVersion = new Map<string, number[]>();
  const criteriaOfGroup = new Map<string, number[]>();
  for (const row of rows) {
    const groups = groupsOfVersion.get(row.version_id) ?? [];
    if (!groups.includes(row.group_position)) groups.push(row.group_position);
    groupsOfVersion.set(row.version_id, groups);
    const key = `${row.version_id}\n${row.group_position}`;
    const list = criteriaOfGroup.get(key) ?? [];
    list.push(row.position);
    criteriaOfGroup.set(key, list);
  }
  for (const row of rows) {
    const figure = criteria.get(row.lineage_id);
    if (!figure || figure.versionNo !== row.version_no) continue;
    const groups = [...(groupsOfVersion.get(row.version_id) ?? [])].sort((a, b) => a - b);
    const places = [...(criteriaOfGroup.get(`${row.version_id}\n${row.group_position}`) ?? [])].sort((a, b) => a - b);
    figure.number = `${groups.indexOf(row.group_position) + 1}.${places.indexOf(row.position) + 1}`;
  }
}

/** A record's requests as `RegularRow` carries them, one row each, in their order. */
export function requestRows(requests: string): RequestRow[] {
  return requests.split(REQUEST_SEPARATOR).map((request) => {
    const [due = '', remedied = '', text = ''] = request.split(FIELD_SEPARATOR);
    return { text, due_date: due || null, remedied_date: remedied || null };
  });
}

/** Whether `text`'s characters from `start` to `end` order before `other` (no string cut out). */
function before(text: string, start: number, end: number, other: string): boolean {
  const length = Math.min(end - start, other.length);
  for (let index = 0; index < length; index += 1) {
    const difference = text.charCodeAt(start + index) - other.charCodeAt(index);
    if (difference !== 0) return difference < 0;
  }
  return end - start < other.length;
}

/** The requests of the records, counted one record at a time (as each is settled). */
class RequestCounter {
  private readonly totals = { total: 0, remedied: 0, overdue: 0, open: 0, unitsWith: 0, unitsRemedied: 0 };
  private readonly overdueUnits = new Set<string>();
  private readonly texts = new Map<string, TextFigure>();
  /** One array per distinct list of lines (records repeat the same requests): fewer to keep. */
  private readonly lineLists = new Map<string, string[]>();

  constructor(
    private readonly today: string,
    private readonly read: (text: string) => RecordedLine[],
  ) {}

  /** A record's requests as `RegularRow` carries them (null: none). */
  count(record: UnitRecord, requests: string | null): void {
    if (requests === null) return;
    const { totals, today } = this;
    totals.unitsWith += 1;
    // A record's few lines in an array: a Set for each of 120,000 records cost more than it saved.
    const seen: string[] = [];
    // Read in place (185,000 requests at scale): only each text is cut out, to count its lines.
    for (let start = 0; start <= requests.length;) {
      let end = requests.indexOf(REQUEST_SEPARATOR, start);
      if (end < 0) end = requests.length;
      let dueEnd = requests.indexOf(FIELD_SEPARATOR, start);
      if (dueEnd < 0 || dueEnd > end) dueEnd = end;
      let remediedEnd = dueEnd < end ? requests.indexOf(FIELD_SEPARATOR, dueEnd + 1) : end;
      if (remediedEnd < 0 || remediedEnd > end) remediedEnd = end;
      const text = remediedEnd < end ? requests.slice(remediedEnd + 1, end) : '';
      totals.total += 1;
      record.requests += 1;
      if (remediedEnd > dueEnd + 1) {
        totals.remedied += 1;
        record.requestsRemedied = true;
      } else if (dueEnd > start && before(requests, start, dueEnd, today)) {
        totals.overdue += 1;
        this.overdueUnits.add(record.unitId);
        record.requestsOverdue = true;
      } else {
        totals.open += 1;
      }
      start = end + 1;
      for (const { line, key } of this.read(text)) {
        if (seen.includes(key)) continue;
        seen.push(key);
        const known = this.texts.get(key);
        if (known) known.units += 1;
        else this.texts.set(key, { text: line, units: 1 });
      }
    }
    record.requestLines = this.shareLines(seen);
    if (record.requestsRemedied) totals.unitsRemedied += 1;
  }

  private shareLines(lines: string[]): string[] {
    if (lines.length === 0) return NO_LINES;
    const key = lines.join('\n');
    const known = this.lineLists.get(key);
    if (known) return known;
    this.lineLists.set(key, lines);
    return lines;
  }

  figures(sortedByName: (unitIds: string[]) => string[]): RequestFigures {
    return {
      ...this.totals,
      unitsOverdue: sortedByName([...this.overdueUnits]),
      texts: countTexts(this.texts),
    };
  }
}
