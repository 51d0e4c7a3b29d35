import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/open';
import { col, defineEntity } from '../../db/columns';
import { RecordTable, type EntityRow, type TableOf } from '../../db/record-table';
import { REPORT_STATUSES } from '../../../../shared/domain/report';

/**
 * Column maps of a report and its amendments. The text (`body`) and the appendix are JSON
 * documents validated by the shared schema (shared/domain/report.ts) whenever they are read or
 * written; the plans a report covers are a JSON list of ids.
 */
export const reportEntity = defineEntity({
  table: 'reports',
  fields: {
    status: col.oneOf('status', REPORT_STATUSES),
    title: col.text('title'),
    number: col.text('number'),
    reportDate: col.optionalText('report_date'),
    place: col.text('place'),
    parentBody: col.text('parent_body'),
    issuingBody: col.text('issuing_body'),
    periodFrom: col.text('period_from'),
    periodTo: col.text('period_to'),
    asOf: col.text('as_of'),
    planIds: col.text('plan_ids'),
    withCharts: col.flag('with_charts'),
    signerTitle: col.text('signer_title'),
    signerName: col.text('signer_name'),
    recipients: col.text('recipients'),
    body: col.text('body'),
    appendix: col.text('appendix'),
    finalisedAt: col.optionalText('finalised_at'),
    finalisedBy: col.text('finalised_by'),
  },
});

export const reportAmendmentEntity = defineEntity({
  table: 'report_amendments',
  fields: {
    reportId: col.text('report_id').once(),
    reason: col.text('reason').once(),
    operator: col.text('operator').once(),
    changes: col.text('changes').once(),
  },
});

export type ReportRow = EntityRow<typeof reportEntity>;
export type ReportAmendmentRow = EntityRow<typeof reportAmendmentEntity>;

/** A report in the list: no text, no appendix. */
export interface ReportListRow {
  id: string;
  rev: string;
  status: ReportRow['status'];
  title: string;
  number: string;
  period_from: string;
  period_to: string;
  plan_ids: string;
  updated_at: string;
}

/** The reports' repository: the only writer of `reports` and `report_amendments` (through the write path). */
export class ReportRepo {
  readonly reports: TableOf<typeof reportEntity>;
  readonly amendments: TableOf<typeof reportAmendmentEntity>;
  readonly list: Statement<[], ReportListRow>;
  readonly amendmentsOf: Statement<[string], ReportAmendmentRow>;
  readonly planTitles: Statement<{ plans: string }, { id: string; title: string; live: number }>;

  constructor(db: Db) {
    this.reports = new RecordTable(db, reportEntity, 'report');
    this.amendments = new RecordTable(db, reportAmendmentEntity, null);
    this.list = db.prepare(`
      SELECT id, rev, status, title, number, period_from, period_to, plan_ids, updated_at FROM reports
      WHERE deleted_at IS NULL ORDER BY updated_at DESC, id`);
    this.amendmentsOf = db.prepare(`
      SELECT ${reportAmendmentEntity.select()} FROM report_amendments
      WHERE report_id = ? AND deleted_at IS NULL ORDER BY created_at, id`);
    this.planTitles = db.prepare(`
      SELECT id, title, deleted_at IS NULL AS live FROM plans WHERE id IN (SELECT value FROM json_each(@plans))`);
  }
}
