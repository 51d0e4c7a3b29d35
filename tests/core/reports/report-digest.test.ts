import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../electron/core/kernel/clock';
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
});
