import type { Db } from '../../../../electron/core/db/open';
import { foldVietnamese } from '../../../../shared/text/fold';
import { FINDINGS } from './random-office';

/**
 * A report's figures computed again, the plain way, straight from the tables: every row read,
 * nothing borrowed from the code under test (no summary table, no index of findings, Đạt
 * counted from the rows that say "pass"). Written to be obviously right rather than fast.
 */

export interface OracleFigures {
  plans: Map<
    string,
    { scope: Set<string>; inspected: Set<string>; byKind: Map<string, { scope: number; inspected: number }> }
  >;
  totalScope: Set<string>;
  totalInspected: Set<string>;
  /** lineage → counts and the failing "plan/unit" keys. */
  criteria: Map<string, { pass: number; fail: number; na: number; failing: Set<string> }>;
  withFindings: number;
  /** Canonical finding (folded) → records holding it. */
  limitations: Map<string, number>;
  causes: Map<string, number>;
  requestTexts: Map<string, number>;
  requests: {
    total: number;
    remedied: number;
    overdue: number;
    open: number;
    unitsWith: number;
    unitsRemedied: number;
    unitsOverdue: Set<string>;
  };
  reinspectionsPlanned: Set<string>;
  reinspectionsDone: Set<string>;
  /** "plan/unit" → [date, minutes, pass, fail, na]. */
  records: Map<string, [string, string, number, number, number]>;
}

interface Inspection {
  id: string;
  plan_id: string;
  unit_id: string;
  kind: string;
  status: string;
  original_id: string | null;
  inspection_date: string | null;
  finalised_at: string | null;
  minutes_number: string;
  limitations: string;
  causes: string;
}

/** Which canonical findings a text holds (every spelling of a finding is known to the generator). */
function findingsIn(text: string): Set<string> {
  const found = new Set<string>();
  for (const line of text.split('\n')) {
    for (const variants of FINDINGS) {
      if ((variants as readonly string[]).includes(line)) found.add(foldVietnamese(variants[0]));
    }
  }
  return found;
}

export function oracle(db: Db, planIds: string[], from: string, to: string, today: string): OracleFigures {
  const units = new Map(
    db
      .prepare<[], { id: string; kind: string; school_level: string | null }>(
        `SELECT id, kind, school_level FROM units`,
      )
      .all()
      .map((unit) => [unit.id, unit]),
  );
  const kindOf = (unitId: string) => {
    const unit = units.get(unitId);
    return unit?.kind === 'school' ? `school:${unit.school_level ?? 'other'}` : (unit?.kind ?? 'other');
  };
  const lineage = new Map(
    db
      .prepare<[], { id: string; lineage_id: string }>(`SELECT id, lineage_id FROM checklist_criteria`)
      .all()
      .map((row) => [row.id, row.lineage_id]),
  );
  const figures: OracleFigures = {
    plans: new Map(),
    totalScope: new Set(),
    totalInspected: new Set(),
    criteria: new Map(),
    withFindings: 0,
    limitations: new Map(),
    causes: new Map(),
    requestTexts: new Map(),
    requests: { total: 0, remedied: 0, overdue: 0, open: 0, unitsWith: 0, unitsRemedied: 0, unitsOverdue: new Set() },
    reinspectionsPlanned: new Set(),
    reinspectionsDone: new Set(),
    records: new Map(),
  };
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const planId of planIds) {
    const scope = new Set(
      db
        .prepare<[string], { unit_id: string }>(
          `SELECT unit_id FROM plan_units WHERE plan_id = ? AND deleted_at IS NULL`,
        )
        .all(planId)
        .map((row) => row.unit_id),
    );
    const all = db
      .prepare<[string], Inspection>(`SELECT * FROM inspections WHERE plan_id = ? AND deleted_at IS NULL`)
      .all(planId);
    for (const row of all.filter((item) => item.kind === 'reinspection')) {
      if (row.status === 'planned' || row.status === 'draft') {
        const original = db
          .prepare<[string | null], { inspection_date: string | null }>(
            `SELECT inspection_date FROM inspections WHERE id = ?`,
          )
          .get(row.original_id);
        const date = original?.inspection_date ?? null;
        if (date !== null && date >= from && date <= to) figures.reinspectionsPlanned.add(row.unit_id);
      } else if (row.inspection_date !== null && row.inspection_date >= from && row.inspection_date <= to) {
        figures.reinspectionsDone.add(row.unit_id);
      }
    }
    const inspected = new Set<string>();
    for (const unitId of scope) {
      const candidates = all
        .filter(
          (row) =>
            row.unit_id === unitId &&
            row.kind === 'regular' &&
            (row.status === 'finalised' || row.status === 'remedied') &&
            row.inspection_date !== null &&
            row.inspection_date >= from &&
            row.inspection_date <= to,
        )
        .sort((a, b) =>
          a.inspection_date !== b.inspection_date
            ? (b.inspection_date ?? '').localeCompare(a.inspection_date ?? '')
            : a.finalised_at !== b.finalised_at
              ? (b.finalised_at ?? '').localeCompare(a.finalised_at ?? '')
              : b.id.localeCompare(a.id),
        );
      const record = candidates[0];
      if (!record) continue;
      inspected.add(unitId);
      const key = `${planId}/${unitId}`;
      const results = db
        .prepare<[string], { criterion_id: string; result: string | null }>(
          `SELECT criterion_id, result FROM inspection_results WHERE inspection_id = ?`,
        )
        .all(record.id);
      const counts = { pass: 0, fail: 0, na: 0 };
      for (const result of results) {
        if (result.result !== 'pass' && result.result !== 'fail' && result.result !== 'na') continue;
        counts[result.result] += 1;
        const criterion = lineage.get(result.criterion_id) ?? '';
        const entry = figures.criteria.get(criterion) ?? { pass: 0, fail: 0, na: 0, failing: new Set<string>() };
        entry[result.result] += 1;
        if (result.result === 'fail') entry.failing.add(key);
        figures.criteria.set(criterion, entry);
      }
      if (counts.fail > 0) figures.withFindings += 1;
      figures.records.set(key, [
        record.inspection_date ?? '',
        record.minutes_number,
        counts.pass,
        counts.fail,
        counts.na,
      ]);
      for (const finding of findingsIn(record.limitations)) bump(figures.limitations, finding);
      for (const finding of findingsIn(record.causes)) bump(figures.causes, finding);
      const requests = db
        .prepare<[string], { text: string; due_date: string | null; remedied_date: string | null }>(
          `SELECT text, due_date, remedied_date FROM inspection_requests WHERE inspection_id = ? AND deleted_at IS NULL`,
        )
        .all(record.id);
      if (requests.length > 0) figures.requests.unitsWith += 1;
      if (requests.some((request) => request.remedied_date !== null)) figures.requests.unitsRemedied += 1;
      const texts = new Set<string>();
      for (const request of requests) {
        figures.requests.total += 1;
        if (request.remedied_date !== null) figures.requests.remedied += 1;
        else if (request.due_date !== null && request.due_date < today) {
          figures.requests.overdue += 1;
          figures.requests.unitsOverdue.add(unitId);
        } else figures.requests.open += 1;
        for (const finding of findingsIn(request.text)) texts.add(finding);
      }
      for (const finding of texts) bump(figures.requestTexts, finding);
    }
    const byKind = new Map<string, { scope: number; inspected: number }>();
    for (const unitId of scope) {
      const entry = byKind.get(kindOf(unitId)) ?? { scope: 0, inspected: 0 };
      entry.scope += 1;
      if (inspected.has(unitId)) entry.inspected += 1;
      byKind.set(kindOf(unitId), entry);
      figures.totalScope.add(unitId);
    }
    for (const unitId of inspected) figures.totalInspected.add(unitId);
    figures.plans.set(planId, { scope, inspected, byKind });
  }
  return figures;
}
