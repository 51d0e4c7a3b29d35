import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/open';

/**
 * The report digest (migration 0042): what a results report reads of each locked regular
 * inspection, with ids as small numbers. Triggers mark the inspections a write touches
 * (report_stale); `refresh` digests the marked ones again. It runs before every write path
 * transaction commits and before a report reads, so a report never sees a stale digest, whoever
 * wrote (a service, a transfer, a migration, a test's plain SQL).
 *
 * Findings are "n" for a criterion not met and "-n" for one that does not apply, n being the
 * criterion's number in report_keys, joined by commas. Requests are folded as
 * report-queries.ts (REQUEST_SEPARATOR, FIELD_SEPARATOR) describes.
 */

/**
 * The inspections a report counts: live, regular, finalised or remedied, dated. Every join
 * below is led by the few marked inspections (CROSS JOIN fixes SQLite's order): left to choose,
 * the planner went through every finalised inspection by its status for one marked draft
 * (0.6 s for each save at 200,000 inspections).
 */
const COUNTED = `i.deleted_at IS NULL AND i.kind = 'regular' AND i.status IN ('finalised', 'remedied')
  AND i.inspection_date IS NOT NULL`;

/** The refresh, step by step (tests/core/reports/report-digest.test.ts checks their query plans). */
export const DIGEST_REFRESH_STEPS: readonly string[] = [
  // Numbers for every id the new digests name (ids met before keep theirs). The marked
  // inspections are looked up once, not once per kind of id.
  `
    WITH counted AS MATERIALIZED (
      SELECT i.id, i.plan_id, i.unit_id, i.checklist_version_id
      FROM report_stale AS s CROSS JOIN inspections AS i ON i.id = s.inspection_id WHERE ${COUNTED})
    INSERT OR IGNORE INTO report_keys (id)
    SELECT plan_id FROM counted
    UNION SELECT unit_id FROM counted
    UNION SELECT checklist_version_id FROM counted WHERE checklist_version_id IS NOT NULL
    UNION SELECT r.criterion_id FROM counted AS c
      CROSS JOIN inspection_results AS r INDEXED BY inspection_results_findings
        ON r.inspection_id = c.id AND r.result IN ('fail', 'na')`,
  `DELETE FROM report_digest WHERE inspection_id IN (SELECT inspection_id FROM report_stale)`,
  `
    INSERT INTO report_digest (inspection_id, plan_n, unit_n, version_n, inspection_date, finalised_at,
      minutes_number, limitations, causes, findings, requests)
    SELECT i.id, p.n, u.n, v.n, i.inspection_date, coalesce(i.finalised_at, ''), coalesce(i.minutes_number, ''),
      coalesce(i.limitations, ''), coalesce(i.causes, ''),
      (SELECT group_concat(CASE r.result WHEN 'fail' THEN k.n ELSE -k.n END, ',')
       FROM inspection_results AS r INDEXED BY inspection_results_findings
       CROSS JOIN report_keys AS k ON k.id = r.criterion_id
       WHERE r.inspection_id = i.id AND r.result IN ('fail', 'na')),
      (SELECT group_concat(
         coalesce(q.due_date, '') || char(31) || coalesce(q.remedied_date, '') || char(31)
           || replace(replace(q.text, char(30), ' '), char(31), ' '),
         char(30) ORDER BY q.ord, q.id)
       FROM inspection_requests AS q WHERE q.inspection_id = i.id AND q.deleted_at IS NULL)
    FROM report_stale AS s CROSS JOIN inspections AS i ON i.id = s.inspection_id
    JOIN report_keys AS p ON p.id = i.plan_id JOIN report_keys AS u ON u.id = i.unit_id
    LEFT JOIN report_keys AS v ON v.id = i.checklist_version_id
    WHERE ${COUNTED}
    -- In the digest's order: a whole rebuild (an upgrade, a large transfer) appends.
    ORDER BY p.n, u.n, i.inspection_date, coalesce(i.finalised_at, ''), i.id`,
  `DELETE FROM report_stale`,
];

export class ReportDigest {
  private readonly anyStale: Statement<[], { one: number }>;
  private readonly steps: Statement[];

  constructor(private readonly db: Db) {
    this.anyStale = db.prepare(`SELECT 1 AS one FROM report_stale LIMIT 1`);
    this.steps = DIGEST_REFRESH_STEPS.map((sql) => db.prepare(sql));
  }

  /** Digests the marked inspections again; false when none was marked (one index probe). */
  refresh(): boolean {
    if (this.anyStale.get() === undefined) return false;
    // A savepoint inside a write path transaction, a transaction of its own before a report reads.
    this.db
      .transaction(() => {
        for (const step of this.steps) step.run();
      })
      .immediate();
    return true;
  }
}
