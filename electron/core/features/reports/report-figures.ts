import { isLockedStatus } from '../../../../shared/domain/inspection';
import type { PeriodKind } from '../../../../shared/domain/plan';
import { percent, targetUnits } from '../../../../shared/domain/progress';
import { SCHOOL_LEVELS, UNIT_KINDS, type SchoolLevel, type UnitKind } from '../../../../shared/domain/unit';
import { compareText, lineReader, type RecordedLine } from './report-text';
import {
  FIELD_SEPARATOR,
  FINDING_SEPARATOR,
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

/** One unit's inspection of record under a plan. */
export interface UnitRecord {
  inspectionId: string;
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
  /**
   * Per record (inspection id): its requests' lines (folded), whether one is remedied, one
   * overdue, and the requests themselves as read (`requestRows` unfolds them).
   */
  byRecord: Map<string, { keys: string[]; remedied: boolean; overdue: boolean; requests: string }>;
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

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Newest first: by date, then the time it was finalised, then id (a stable tie-break). */
function newer(row: RegularRow, record: UnitRecord, recordFinalisedAt: string): boolean {
  const byDate = compareKeys(row[3], record.date);
  if (byDate !== 0) return byDate > 0;
  const byFinalised = compareKeys(row[4] ?? '', recordFinalisedAt);
  if (byFinalised !== 0) return byFinalised > 0;
  return row[0] > record.inspectionId;
}

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
  const heads = queries.heads(request.planIds);
  const planIds = heads.map((head) => head.id);
  const units = new Map<string, UnitInfo>();
  for (const row of queries.unitRows(planIds)) units.set(row.id, toUnit(row));
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

  const scopeOf = queries.scopeOf(planIds);
  const scope = new Map<string, Set<string>>(planIds.map((id) => [id, new Set(scopeOf.get(id))]));

  // The record of each unit under each plan (its latest inspection), and its first inspection in
  // the period; per plan, then unit (no key strings built for 200,000 rows). Rows are read one at
  // a time; only a record's own row is kept, for its findings and requests.
  const latest = new Map<string, Map<string, UnitRecord>>();
  // The row each record was made from: its finalising time (a tie-break), findings and requests.
  const rowOf = new Map<UnitRecord, RegularRow>();
  for (const row of queries.regular(planIds, from, to)) {
    const [id, planId, unitId, date, , minutesNumber, versionId, rowLimitations, rowCauses] = row;
    if (!scope.get(planId)?.has(unitId)) continue;
    let ofPlan = latest.get(planId);
    if (!ofPlan) {
      ofPlan = new Map();
      latest.set(planId, ofPlan);
    }
    const known = ofPlan.get(unitId);
    if (!known) {
      const record: UnitRecord = {
        inspectionId: id,
        planId,
        unitId,
        date,
        firstDate: date,
        minutesNumber,
        versionId,
        pass: 0,
        fail: 0,
        na: 0,
        limitations: rowLimitations,
        causes: rowCauses,
      };
      ofPlan.set(unitId, record);
      rowOf.set(record, row);
      continue;
    }
    if (date < known.firstDate) known.firstDate = date;
    if (newer(row, known, rowOf.get(known)?.[4] ?? '')) {
      known.inspectionId = id;
      known.date = date;
      known.minutesNumber = minutesNumber;
      known.versionId = versionId;
      known.limitations = rowLimitations;
      known.causes = rowCauses;
      rowOf.set(known, row);
    }
  }
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

  const records: UnitRecord[] = [];
  for (const ofPlan of latest.values()) for (const record of ofPlan.values()) records.push(record);

  // Criteria of the versions used, matched by lineage (the newest version's wording).
  const versionIds = [...new Set(records.map((record) => record.versionId).filter((id): id is string => !!id))];
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
  // (its criterion's version and figure).
  const criterionOf = new Map(
    criteriaRows.map((row) => [row.id, { version: row.version_id, figure: criteria.get(row.lineage_id) }]),
  );
  const planOrder = new Map(planIds.map((id, index) => [id, index]));
  const recordsOfVersion = new Map<string, number>();
  let withFindings = 0;
  for (const record of records) {
    const version = record.versionId;
    if (version) recordsOfVersion.set(version, (recordsOfVersion.get(version) ?? 0) + 1);
    let notPassInVersion = 0;
    // The record's place in a criterion's lists (by name, then plan), worked out at its first finding.
    let order = -1;
    const findings = rowOf.get(record)?.[9];
    for (const finding of findings ? findings.split(FINDING_SEPARATOR) : []) {
      const fail = finding.endsWith('1');
      const criterion = criterionOf.get(finding.slice(0, -1));
      const inVersion = version !== null && criterion?.version === version;
      if (inVersion) notPassInVersion += 1;
      if (fail) record.fail += 1;
      else record.na += 1;
      const figure = criterion?.figure;
      if (!figure) continue;
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
    }
    const size = version ? (byVersion.get(version)?.length ?? 0) : 0;
    record.pass = size - notPassInVersion;
    if (record.fail > 0) withFindings += 1;
  }
  for (const [version, count] of recordsOfVersion) {
    for (const criterionId of byVersion.get(version) ?? []) {
      const figure = criteria.get(lineageOf.get(criterionId) ?? '');
      if (figure) figure.pass += count;
    }
  }
  // By plan, date, then name: each record's plan and name looked up once, not per comparison.
  const sortable = records.map((record) => ({
    record,
    plan: planOrder.get(record.planId) ?? 0,
    name: rank.get(record.unitId) ?? -1,
  }));
  sortable.sort(
    (a, b) =>
      a.plan - b.plan ||
      compareKeys(a.record.date, b.record.date) ||
      a.name - b.name ||
      compareKeys(a.record.unitId, b.record.unitId),
  );
  sortable.forEach((entry, index) => (records[index] = entry.record));

  const limitations = new Map<string, TextFigure>();
  const causes = new Map<string, TextFigure>();
  const read = lineReader();
  for (const record of records) {
    addLines(limitations, read(record.limitations));
    addLines(causes, read(record.causes));
  }

  const requests = requestFigures(records, (record) => rowOf.get(record)?.[10] ?? null, today, byName, read);

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
      notInspected: [...inScope].filter((unitId) => !done.has(unitId)).sort(byName),
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
export function requestRows(inspectionId: string, requests: string): RequestRow[] {
  return requests.split(REQUEST_SEPARATOR).map((request) => {
    const [due = '', remedied = '', text = ''] = request.split(FIELD_SEPARATOR);
    return { inspection_id: inspectionId, text, due_date: due || null, remedied_date: remedied || null };
  });
}

function requestFigures(
  records: UnitRecord[],
  requestsOf: (record: UnitRecord) => string | null,
  today: string,
  byName: (a: string, b: string) => number,
  read: (text: string) => RecordedLine[],
): RequestFigures {
  const figures: RequestFigures = {
    total: 0,
    remedied: 0,
    overdue: 0,
    open: 0,
    unitsWith: 0,
    unitsRemedied: 0,
    unitsOverdue: [],
    texts: [],
    byRecord: new Map(),
  };
  const overdueUnits = new Set<string>();
  const texts = new Map<string, TextFigure>();
  for (const record of records) {
    const requests = requestsOf(record);
    if (requests === null) continue;
    // A record's few lines in an array: a Set for each of 120,000 records cost more than it saved.
    const entry = { keys: [] as string[], remedied: false, overdue: false, requests };
    figures.byRecord.set(record.inspectionId, entry);
    for (const request of requests.split(REQUEST_SEPARATOR)) {
      const [due = '', remedied = '', text = ''] = request.split(FIELD_SEPARATOR);
      figures.total += 1;
      if (remedied !== '') {
        figures.remedied += 1;
        entry.remedied = true;
      } else if (due !== '' && due < today) {
        figures.overdue += 1;
        overdueUnits.add(record.unitId);
        entry.overdue = true;
      } else {
        figures.open += 1;
      }
      const seen = entry.keys;
      for (const { line, key } of read(text)) {
        if (seen.includes(key)) continue;
        seen.push(key);
        const known = texts.get(key);
        if (known) known.units += 1;
        else texts.set(key, { text: line, units: 1 });
      }
    }
  }
  figures.unitsWith = figures.byRecord.size;
  for (const entry of figures.byRecord.values()) if (entry.remedied) figures.unitsRemedied += 1;
  figures.unitsOverdue = [...overdueUnits].sort(byName);
  figures.texts = countTexts(texts);
  return figures;
}
