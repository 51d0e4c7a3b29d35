import type { Clock } from '../../kernel/clock';
import { AppError } from '../../kernel/errors';
import type { WritePath } from '../../db/write-path';
import type { Db } from '../../db/open';
import { recordMeta } from '../../db/record-table';
import { localIsoDate } from '../../../../shared/format/date';
import {
  reportAppendixSchema,
  reportBodySchema,
  type Report,
  type ReportAppendix,
  type ReportBody,
  type ReportChange,
  type ReportFields,
  type ReportSummary,
} from '../../../../shared/domain/report';
import { ReportError } from '../../../../shared/api/reports';
import type { SettingsService } from '../settings/settings-service';
import { bodyChanges, fieldChanges, tidyBody } from './report-changes';
import { closingSentence, draftAppendix, draftBody, draftTitle } from './report-draft';
import { computeFigures, type ReportFigures } from './report-figures';
import { ReportQueries } from './report-queries';
import { ReportRepo, type ReportRow } from './report-repo';
import { CLOSING_BLOCK } from './report-layout';

export interface ReportScope {
  planIds: string[];
  from: string;
  to: string;
}

/** Where the office's own names come from (the minutes' document settings: place, parent body). */
export interface DocumentNames {
  parentBody(): string;
  placeName(): string;
}

function parseIds(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The issuing body as the header prints it under its parent: "Phòng Giáo dục và Đào tạo" under
 * "UBND huyện Lộc Bình", without repeating "huyện Lộc Bình".
 */
export function headerName(officeName: string, parentBody: string): string {
  const place = /\b(huyện|quận|thị xã|thành phố|tỉnh)\s+.+$/iu.exec(parentBody.trim())?.[0];
  if (!place) return officeName.trim();
  const name = officeName.trim();
  return name.toLocaleLowerCase('vi-VN').endsWith(` ${place.toLocaleLowerCase('vi-VN')}`)
    ? name.slice(0, name.length - place.length - 1).trim()
    : name;
}

/** The signer's title a report of this body usually carries. */
export function defaultSignerTitle(issuingBody: string): string {
  const body = issuingBody.trim().toLocaleLowerCase('vi-VN');
  if (body.startsWith('phòng')) return 'TRƯỞNG PHÒNG';
  if (body.startsWith('ubnd') || body.startsWith('ủy ban') || body.startsWith('uỷ ban')) {
    return 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH';
  }
  if (body.startsWith('thanh tra')) return 'CHÁNH THANH TRA';
  return 'THỦ TRƯỞNG CƠ QUAN';
}

/**
 * Results reports as office records: drafted from the figures, edited by the clerk, finalised,
 * amended with a reason. Every write goes through the write path (one transaction, the
 * revision the editor saw, an audit entry).
 */
export class ReportService {
  readonly repo: ReportRepo;
  readonly queries: ReportQueries;

  constructor(
    db: Db,
    private readonly clock: Clock,
    private readonly writes: WritePath,
    private readonly settings: SettingsService,
    private readonly names: DocumentNames,
  ) {
    this.repo = new ReportRepo(db);
    this.queries = new ReportQueries(db);
    // Each write digests the inspections it touched, so a report finds the digest ready.
    writes.keepCurrent(() => this.queries.digest.refresh());
  }

  now(): Date {
    return this.clock.now();
  }

  today(): string {
    return localIsoDate(this.clock.now());
  }

  figures(scope: ReportScope, today = this.today()): ReportFigures {
    const figures = computeFigures(this.queries, { ...scope, today });
    if (figures.plans.length === 0) throw new AppError(ReportError.noPlans, { messageKey: 'reports.errors.noPlans' });
    return figures;
  }

  list(): ReportSummary[] {
    const rows = this.repo.list.all();
    const titles = new Map<string, string>();
    const ids = [...new Set(rows.flatMap((row) => parseIds(row.plan_ids)))];
    for (const plan of this.repo.planTitles.all({ plans: JSON.stringify(ids) })) titles.set(plan.id, plan.title);
    return rows.map((row) => ({
      id: row.id,
      rev: row.rev,
      status: row.status,
      title: row.title,
      number: row.number,
      periodFrom: row.period_from,
      periodTo: row.period_to,
      planIds: parseIds(row.plan_ids),
      planTitles: parseIds(row.plan_ids).map((id) => titles.get(id) ?? ''),
      updatedAt: row.updated_at,
    }));
  }

  get(id: string): Report {
    const row = this.repo.reports.live(id);
    if (!row) throw new AppError('NOT_FOUND');
    return this.toReport(row);
  }

  /** The row's text, fields and appendix, checked against the shared schema. */
  read(row: ReportRow): { fields: ReportFields; body: ReportBody; appendix: ReportAppendix } {
    const appendix = reportAppendixSchema.safeParse(JSON.parse(row.appendix));
    // A text another office's app wrote in a shape this one does not know is never shown half.
    if (!appendix.success) throw new AppError('INTERNAL');
    return { ...this.readText(row), appendix: appendix.data };
  }

  /** The row's fields and text (the body checked against the shared schema), without the appendix. */
  private readText(row: ReportRow): { fields: ReportFields; body: ReportBody } {
    const body = reportBodySchema.safeParse(JSON.parse(row.body));
    if (!body.success) throw new AppError('INTERNAL');
    return { fields: fieldsOf(row), body: body.data };
  }

  draft(scope: ReportScope & { withCharts: boolean }): Report {
    const today = this.today();
    const figures = this.figures(scope, today);
    const office = this.settings.get().office;
    const parentBody = this.names.parentBody();
    const officeName = office?.name ?? '';
    const issuingBody = headerName(officeName, parentBody);
    const title = draftTitle(figures);
    const fields: ReportFields = {
      title,
      number: '',
      reportDate: today,
      place: this.names.placeName(),
      parentBody,
      issuingBody,
      signerTitle: defaultSignerTitle(issuingBody),
      signerName: '',
      recipients: parentBody ? `${parentBody} (b/c)` : '',
      withCharts: scope.withCharts,
    };
    const body = this.draftText(figures, fields, officeName);
    return this.writes.run((tx) => {
      const row = tx.insert(
        this.repo.reports,
        {
          ...contentOf(fields),
          status: 'draft',
          periodFrom: figures.from,
          periodTo: figures.to,
          asOf: today,
          planIds: JSON.stringify(figures.plans.map((plan) => plan.id)),
          body: JSON.stringify(body),
          appendix: JSON.stringify(draftAppendix(figures)),
          finalisedAt: null,
          finalisedBy: '',
        },
        { audit: { action: 'create', summary: title } },
      );
      return this.toReport(row, figures.records.length);
    });
  }

  /** The text drafted again from today's figures; the fields the clerk typed stay. */
  redraft(id: string, rev: string, scope: ReportScope & { withCharts: boolean }): Report {
    const today = this.today();
    const figures = this.figures(scope, today);
    return this.writes.run((tx) => {
      const current = tx.live(this.repo.reports, id, rev);
      if (current.status !== 'draft') throw locked();
      const fields = fieldsOf(current);
      // A subject line the clerk did not change follows the new period.
      const title =
        fields.title === draftTitle({ from: current.period_from, to: current.period_to })
          ? draftTitle(figures)
          : fields.title;
      const next: ReportFields = { ...fields, title, withCharts: scope.withCharts };
      const { row } = tx.update(
        this.repo.reports,
        current,
        {
          ...contentOf(next),
          periodFrom: figures.from,
          periodTo: figures.to,
          asOf: today,
          planIds: JSON.stringify(figures.plans.map((plan) => plan.id)),
          body: JSON.stringify(this.draftText(figures, next, this.settings.get().office?.name ?? next.issuingBody)),
          appendix: JSON.stringify(draftAppendix(figures)),
        },
        { audit: { action: 'redraft', summary: title } },
      );
      return this.toReport(row, figures.records.length);
    });
  }

  /** The clerk's text and fields, on the revision the editor holds. */
  save(id: string, rev: string, fields: ReportFields, body: ReportBody): Report {
    return this.writes.run((tx) => {
      const current = tx.live(this.repo.reports, id, rev);
      if (current.status !== 'draft') throw locked();
      const before = this.readText(current);
      const tidy = tidyBody(body);
      const changes = [...fieldChanges(before.fields, fields), ...bodyChanges(before.body, tidy)];
      if (changes.length === 0) return this.toReport(current);
      const { row } = tx.update(
        this.repo.reports,
        current,
        { ...contentOf(fields), body: JSON.stringify(tidy) },
        { audit: { action: 'update', summary: fields.title, changes, coalesce: true } },
      );
      return this.toReport(row);
    });
  }

  finalise(id: string, rev: string): Report {
    return this.writes.run((tx) => {
      const current = tx.live(this.repo.reports, id, rev);
      if (current.status !== 'draft') throw locked();
      const { row } = tx.update(
        this.repo.reports,
        current,
        { status: 'finalised', finalisedAt: tx.now.toISOString(), finalisedBy: tx.operatorName() },
        { audit: { action: 'finaliseReport', summary: current.title } },
      );
      return this.toReport(row);
    });
  }

  /** A change after finalising: kept as an amendment with its reason; the report stays finalised. */
  amend(id: string, rev: string, fields: ReportFields, body: ReportBody, reason: string): Report {
    return this.writes.run((tx) => {
      const current = tx.live(this.repo.reports, id, rev);
      if (current.status !== 'finalised') {
        throw new AppError(ReportError.notFinalised, { messageKey: 'reports.errors.notFinalised' });
      }
      const before = this.readText(current);
      const tidy = tidyBody(body);
      const changes: ReportChange[] = [...fieldChanges(before.fields, fields), ...bodyChanges(before.body, tidy)];
      if (changes.length === 0) return this.toReport(current);
      const { row } = tx.update(this.repo.reports, current, { ...contentOf(fields), body: JSON.stringify(tidy) });
      tx.insert(this.repo.amendments, {
        reportId: id,
        reason,
        operator: tx.operatorName(),
        changes: JSON.stringify(changes),
      });
      tx.record({ entity: 'report', entityId: id, action: 'amend', summary: fields.title, detail: reason, changes });
      return this.toReport(row);
    });
  }

  /** A draft goes (as a tombstone); a finalised report is part of the record and stays. */
  remove(id: string, rev: string): { removed: boolean } {
    return this.writes.run((tx) => {
      const current = tx.live(this.repo.reports, id, rev);
      if (current.status !== 'draft') throw locked();
      tx.tombstone(this.repo.reports, current, { audit: { action: 'remove', summary: current.title } });
      return { removed: true };
    });
  }

  /** `officeName`: the office as the text names it ("Phòng Giáo dục và Đào tạo huyện Lộc Bình"). */
  private draftText(figures: ReportFigures, fields: ReportFields, officeName: string): ReportBody {
    const body = draftBody(figures, { issuingBody: officeName, withCharts: fields.withCharts });
    body.blocks.push({
      id: CLOSING_BLOCK,
      kind: 'paragraph',
      runs: [{ text: closingSentence(fields.title, officeName) }],
    });
    return body;
  }

  /**
   * `appendixRows` when the caller just built the appendix. Otherwise it is counted from the
   * stored JSON without the schema check: at 150,000 rows that check took half a second of every
   * open and save, and the appendix is checked whenever it is printed (`read`).
   */
  private toReport(row: ReportRow, appendixRows = countAppendixRows(row.appendix)): Report {
    const { fields, body } = this.readText(row);
    const planIds = parseIds(row.plan_ids);
    const plans = new Map(this.repo.planTitles.all({ plans: JSON.stringify(planIds) }).map((plan) => [plan.id, plan]));
    return {
      ...recordMeta(row),
      status: row.status,
      fields,
      periodFrom: row.period_from,
      periodTo: row.period_to,
      asOf: row.as_of,
      plans: planIds.map((planId) => {
        const plan = plans.get(planId);
        return { id: planId, title: plan?.title ?? '', live: plan?.live === 1 };
      }),
      body,
      appendixRows,
      finalisedAt: row.finalised_at,
      finalisedBy: row.finalised_by,
      amendments: this.repo.amendmentsOf.all(row.id).map((amendment) => ({
        id: amendment.id,
        at: amendment.created_at,
        operator: amendment.operator,
        reason: amendment.reason,
        changes: parseChanges(amendment.changes),
      })),
    };
  }
}

function countAppendixRows(json: string): number {
  const value: unknown = JSON.parse(json);
  const rows = typeof value === 'object' && value !== null ? (value as { rows?: unknown }).rows : undefined;
  if (!Array.isArray(rows)) throw new AppError('INTERNAL');
  return rows.length;
}

function parseChanges(json: string): ReportChange[] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.filter(
      (item): item is ReportChange =>
        typeof item === 'object' &&
        item !== null &&
        typeof (item as ReportChange).field === 'string' &&
        typeof (item as ReportChange).before === 'string' &&
        typeof (item as ReportChange).after === 'string',
    );
  } catch {
    return [];
  }
}

function locked(): AppError {
  return new AppError(ReportError.locked, { messageKey: 'reports.errors.locked' });
}

function fieldsOf(row: ReportRow): ReportFields {
  return {
    title: row.title,
    number: row.number,
    reportDate: row.report_date,
    place: row.place,
    parentBody: row.parent_body,
    issuingBody: row.issuing_body,
    signerTitle: row.signer_title,
    signerName: row.signer_name,
    recipients: row.recipients,
    withCharts: row.with_charts === 1,
  };
}

/** The fields as the record's columns. */
function contentOf(fields: ReportFields) {
  return {
    title: fields.title,
    number: fields.number,
    reportDate: fields.reportDate,
    place: fields.place,
    parentBody: fields.parentBody,
    issuingBody: fields.issuingBody,
    signerTitle: fields.signerTitle,
    signerName: fields.signerName,
    recipients: fields.recipients,
    withCharts: fields.withCharts,
  };
}
