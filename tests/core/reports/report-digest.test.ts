import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../electron/core/kernel/clock';
import { DIGEST_REFRESH_STEPS } from '../../../electron/core/features/reports/report-digest';
import { createReadyCore, type TestCore } from '../../support/core-harness';
import { addUnit, finaliseFor, makePlan } from '../plans/planning-fixtures';

/**
 * The report digest (migration 0042) as the app's own writes keep it: every write path
 * transaction digests what it touched before it commits, so nothing is left marked; a failed
 * refresh undoes the write with it.
 */

describe("a results report's digest", () => {
  let h: TestCore;
  beforeEach(async () => {
    h = await createReadyCore({ clock: fixedClock('2019-11-20T08:00:00Z', 1000) });
  });
  afterEach(() => h.close());

  const count = (sql: string) => (h.core.db.prepare(sql).get() as { n: number }).n;
  const digestOf = (id: string) =>
    h.core.db
      .prepare<
        [string],
        { inspection_date: string; findings: string | null; requests: string | null; limitations: string }
      >(`SELECT inspection_date, findings, requests, limitations FROM report_digest WHERE inspection_id = ?`)
      .get(id);

  it('is brought up to date by each write, before it commits', async () => {
    const unitId = await addUnit(h, 'Trường Tiểu học Hiệp Hạ');
    const { planId } = await makePlan(h, [unitId]);
    const id = await finaliseFor(h, planId, unitId, { date: '2019-10-15' });
    expect(count(`SELECT count(*) AS n FROM report_stale`)).toBe(0);
    const digest = digestOf(id);
    expect(digest?.inspection_date).toBe('2019-10-15');
    // The first criterion not met (a positive number), one request with its deadline.
    expect(digest?.findings).toMatch(/^\d+$/);
    expect(digest?.requests).toBe('2019-11-15\u001f\u001fNiêm yết đầy đủ bộ thủ tục.');
    expect(digest?.limitations).toBe('Việc niêm yết thủ tục chưa đầy đủ.');

    // A remedy recorded (a write path write) is in the digest at once.
    const detail = await h.call('inspections.get', { id });
    const requestId = detail.content.requests[0]!.id;
    await h.call('inspections.setRemedied', { id, rev: detail.rev, requestId, remediedDate: '2019-11-10' });
    expect(count(`SELECT count(*) AS n FROM report_stale`)).toBe(0);
    expect(digestOf(id)?.requests).toBe('2019-11-15\u001f2019-11-10\u001fNiêm yết đầy đủ bộ thủ tục.');
  });

  it('undoes the write when the digest cannot be refreshed', async () => {
    const unitId = await addUnit(h, 'Trường Tiểu học Hiệp Hạ');
    const { planId } = await makePlan(h, [unitId]);
    const inspections = () => count(`SELECT count(*) AS n FROM inspections WHERE status = 'finalised'`);
    // A digest that cannot be written (as a full disk would refuse it).
    h.core.db.exec(
      `CREATE TRIGGER refuse_digest BEFORE INSERT ON report_digest BEGIN SELECT RAISE(ABORT, 'full'); END`,
    );
    await expect(finaliseFor(h, planId, unitId)).rejects.toThrow();
    expect(inspections()).toBe(0);
    expect(count(`SELECT count(*) AS n FROM report_stale`)).toBe(0);
    h.core.db.exec(`DROP TRIGGER refuse_digest`);
    await finaliseFor(h, planId, unitId);
    expect(inspections()).toBe(1);
    expect(count(`SELECT count(*) AS n FROM report_digest`)).toBe(1);
  });

  it('is refreshed from the marked inspections alone, never by a pass over all of them', () => {
    // One marked draft among 200,000 finalised inspections took 0.6 s a save when the planner
    // chose to go through every finalised inspection by its status: each step must be led by
    // the marks, every other table searched by key. The planner weighs tables by their size, so
    // this office is made to look large (statistics of 200,000 inspections, 4 million results).
    const db = h.core.db;
    db.exec('ANALYZE');
    const large = { inspections: 200_000, inspection_results: 4_000_000 } as const;
    const insert = db.prepare(`INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)`);
    for (const [table, rows] of Object.entries(large)) {
      db.prepare(`DELETE FROM sqlite_stat1 WHERE tbl = ?`).run(table);
      const indexes = db.prepare(`PRAGMA index_list(${table})`).all() as { name: string; unique: number }[];
      for (const index of indexes) {
        const columns = (db.prepare(`PRAGMA index_info(${index.name})`).all() as { name: string }[]).map((c) => c.name);
        // Rows per value of each leading part of the index: one per id, twenty per inspection.
        const perValue = columns.map((column, at) =>
          (index.unique === 1 && at === columns.length - 1) || column === 'id'
            ? 1
            : column === 'inspection_id'
              ? 20
              : 1000,
        );
        insert.run(table, index.name, [rows, ...perValue].join(' '));
      }
    }
    db.exec('ANALYZE sqlite_schema');
    for (const sql of DIGEST_REFRESH_STEPS) {
      const plan = db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all()
        .map((row) => (row as { detail: string }).detail);
      // Full passes only over the marks; any other table is looked up by its key (an
      // inspection by id, its results and requests by the inspection's id).
      const scans = plan.filter((detail) => detail.startsWith('SCAN '));
      expect(
        scans.every((detail) => /^SCAN (s|c|counted|report_stale)\b/.test(detail)),
        plan.join('\n'),
      ).toBe(true);
      const searches = plan.filter((detail) => detail.startsWith('SEARCH '));
      expect(
        searches.every((detail) => /\((id|inspection_id)=\?/.test(detail)),
        plan.join('\n'),
      ).toBe(true);
    }
  });
});
