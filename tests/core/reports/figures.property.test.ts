import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeFigures, type ReportFigures } from '../../../electron/core/features/reports/report-figures';
import { countedUnits } from '../../../electron/core/features/reports/report-counts';
import { draftBody } from '../../../electron/core/features/reports/report-draft';
import { ReportQueries } from '../../../electron/core/features/reports/report-queries';
import type { Db } from '../../../electron/core/db/open';
import { foldVietnamese } from '../../../shared/text/fold';
import { createTestCore, type TestCore } from '../../support/core-harness';
import { oracle, type OracleFigures } from './support/oracle';
import { changeOffice, dayIso, randomChanges, randomOffice, writeOffice } from './support/random-office';

/**
 * Every figure of a results report, on random offices (fast-check), against the same figures
 * counted again the plain way from the raw tables (support/oracle.ts); and every number of the
 * drafted text against the units its link leads to.
 */

let h: TestCore;
let db: Db;
let queries: ReportQueries;
/** The same reads as many plans take them: one pass over every inspection, every unit. */
let manyPlanQueries: ReportQueries;
beforeAll(() => {
  h = createTestCore();
  db = h.core.db;
  queries = h.core.services.reports.queries;
  manyPlanQueries = new ReportQueries(db, 0);
});
afterAll(() => h.close());

/** Runs `work` on data written inside a savepoint that is always rolled back. */
function inScratch<T>(work: () => T): T {
  db.exec('SAVEPOINT scratch');
  try {
    return work();
  } finally {
    db.exec('ROLLBACK TO scratch; RELEASE scratch');
  }
}

/** The plain way: a unit's locked regular inspections under the plan in the period, newest first. */
function latestInspection(record: { planId: string; unitId: string }, from: string, to: string): string | undefined {
  return db
    .prepare(
      `SELECT id FROM inspections WHERE plan_id = ? AND unit_id = ? AND kind = 'regular' AND deleted_at IS NULL
         AND status IN ('finalised', 'remedied') AND inspection_date BETWEEN ? AND ?
       ORDER BY inspection_date DESC, coalesce(finalised_at, '') DESC, id DESC LIMIT 1`,
    )
    .pluck()
    .get(record.planId, record.unitId, from, to) as string | undefined;
}

function expectSame(figures: ReportFigures, expected: OracleFigures): void {
  for (const plan of figures.plans) {
    const oraclePlan = expected.plans.get(plan.id)!;
    expect(plan.scope).toBe(oraclePlan.scope.size);
    expect(plan.inspected).toBe(oraclePlan.inspected.size);
    const target = Math.ceil((oraclePlan.scope.size * plan.targetPercent) / 100 - 1e-9);
    expect(plan.targetUnits).toBe(target);
    expect(plan.percentOfTarget).toBe(target === 0 ? 0 : Math.round((100 * oraclePlan.inspected.size) / target));
    expect(new Set(plan.notInspected)).toEqual(
      new Set([...oraclePlan.scope].filter((unitId) => !oraclePlan.inspected.has(unitId))),
    );
    expect(new Map(plan.breakdown.map((item) => [item.key, { scope: item.scope, inspected: item.inspected }]))).toEqual(
      oraclePlan.byKind,
    );
  }
  expect(figures.total.scope).toBe(expected.totalScope.size);
  expect(figures.total.inspected).toBe(expected.totalInspected.size);
  expect(figures.total.notInspected).toBe(expected.totalScope.size - expected.totalInspected.size);

  expect(
    new Map(
      figures.records.map((record) => [
        `${record.planId}/${record.unitId}`,
        [record.date, record.minutesNumber, record.pass, record.fail, record.na],
      ]),
    ),
  ).toEqual(expected.records);

  const counted = figures.criteria.filter((criterion) => criterion.pass + criterion.fail + criterion.na > 0);
  expect(
    new Map(
      counted.map((criterion) => [
        criterion.lineage,
        {
          pass: criterion.pass,
          fail: criterion.fail,
          na: criterion.na,
          failing: new Set(criterion.failing.map((item) => `${item.planId}/${item.unitId}`)),
        },
      ]),
    ),
  ).toEqual(expected.criteria);
  expect(figures.withFindings).toBe(expected.withFindings);

  const texts = (list: { text: string; units: number }[]) =>
    new Map(list.map((item) => [foldVietnamese(item.text), item.units]));
  expect(texts(figures.limitations)).toEqual(expected.limitations);
  expect(texts(figures.causes)).toEqual(expected.causes);
  expect(texts(figures.requests.texts)).toEqual(expected.requestTexts);
  const { requests } = figures;
  expect({
    total: requests.total,
    remedied: requests.remedied,
    overdue: requests.overdue,
    open: requests.open,
    unitsWith: requests.unitsWith,
    unitsRemedied: requests.unitsRemedied,
    unitsOverdue: new Set(requests.unitsOverdue),
  }).toEqual(expected.requests);
  expect(new Set(figures.reinspections.planned.map((item) => item.unitId))).toEqual(expected.reinspectionsPlanned);
  expect(new Set(figures.reinspections.done.map((item) => item.unitId))).toEqual(expected.reinspectionsDone);
}

describe('the figures of a results report (fast-check against the raw tables)', () => {
  it('agree with a plain count of every table, whatever the office holds', () => {
    fc.assert(
      fc.property(randomOffice, (office) =>
        inScratch(() => {
          const { planIds } = writeOffice(db, office);
          const from = dayIso(office.from);
          const to = dayIso(office.from + office.length);
          const today = dayIso(office.today);
          const expected = oracle(db, planIds, from, to, today);
          const figures = computeFigures(queries, { planIds, from, to, today });
          expectSame(figures, expected);
          expectSame(computeFigures(manyPlanQueries, { planIds, from, to, today }), expected);
          // Each record's inspection, found again for its link: the newest of the unit's under the plan.
          for (const record of figures.records) {
            expect(queries.recordInspectionId(record, from, to)).toBe(latestInspection(record, from, to));
          }
        }),
      ),
      { numRuns: 80 },
    );
  });

  it('stay right as the records change after a report was counted (the digest follows every write)', () => {
    fc.assert(
      fc.property(randomOffice, randomChanges, (office, changes) =>
        inScratch(() => {
          const written = writeOffice(db, office);
          const { planIds } = written;
          const from = dayIso(office.from);
          const to = dayIso(office.from + office.length);
          const today = dayIso(office.today);
          expectSame(computeFigures(queries, { planIds, from, to, today }), oracle(db, planIds, from, to, today));
          changeOffice(db, office, written, changes);
          const expected = oracle(db, planIds, from, to, today);
          expectSame(computeFigures(queries, { planIds, from, to, today }), expected);
          expectSame(computeFigures(manyPlanQueries, { planIds, from, to, today }), expected);
        }),
      ),
      { numRuns: 60 },
    );
  });

  it('print every count of the drafted text as the number of units its link leads to', () => {
    fc.assert(
      fc.property(randomOffice, fc.boolean(), (office, withCharts) =>
        inScratch(() => {
          const { planIds } = writeOffice(db, office);
          const period = { from: dayIso(office.from), to: dayIso(office.from + office.length) };
          const today = dayIso(office.today);
          const figures = computeFigures(queries, { planIds, ...period, today });
          const body = draftBody(figures, { issuingBody: 'Phòng Giáo dục và Đào tạo', withCharts });
          const runs = body.blocks.flatMap((block) =>
            block.kind === 'paragraph' || block.kind === 'heading' ? block.runs : [],
          );
          for (const run of runs.filter((item) => item.ref !== undefined)) {
            const ref = body.refs[run.ref!]!;
            expect(run.text).toBe(String(ref.count));
            const again = computeFigures(queries, { planIds: ref.planIds, ...period, today });
            const idOf = (record: { planId: string; unitId: string }) =>
              queries.recordInspectionId(record, period.from, period.to);
            expect(countedUnits(again, ref, idOf).length, `${ref.what} ${ref.criterion ?? ''} ${ref.text ?? ''}`).toBe(
              ref.count,
            );
          }
          // Every number that counts units is a link: no bare count left in the text.
          expect(Object.keys(body.refs).length).toBe(runs.filter((item) => item.ref !== undefined).length);
        }),
      ),
      { numRuns: 60 },
    );
  });
});
