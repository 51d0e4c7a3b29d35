import type { Db } from '../../db/open';
import { newRowMeta, nextRowMeta } from '../../db/row-meta';
import { uuidv7 } from '../../db/ids';
import type { Clock } from '../../kernel/clock';
import { AppError } from '../../kernel/errors';
import {
  countResults,
  isLockedStatus,
  type AmendmentChange,
  type DraftSaved,
  type InspectionContent,
  type InspectionDetail,
  type InspectionSummary,
} from '../../../../shared/domain/inspection';
import { finaliseProblems } from '../../../../shared/domain/inspection-rules';
import { searchWords } from '../../../../shared/text/search';
import type { AuditTrail } from '../audit/audit-trail';
import type { ChecklistService } from '../checklists/checklist-service';
import { applyContent, contentColumns, readStored, toContent, type StoredContent } from './inspection-content';
import { InspectionQueries, toLinked, type InspectionListQuery } from './inspection-queries';
import { InspectionRepo } from './inspection-repo';
import type { InspectionRow, ResultRow } from './inspection-rows';

export interface ListRequest extends Omit<InspectionListQuery, 'words'> {
  query: string;
}

interface EditorMark {
  editorId: string;
  seq: number;
  rev: string;
}

/** How many open editors' last saves are remembered (one per inspection being typed into). */
const EDITOR_MARKS = 200;

/**
 * Inspections: the schedule, recording (autosaved drafts), finalising, amendments, remedies
 * and re-inspections. Every write is one IMMEDIATE transaction that also writes the audit
 * trail; the progress summary follows through the triggers of migration 0015.
 */
export class InspectionService {
  readonly repo: InspectionRepo;
  readonly queries: InspectionQueries;
  private readonly editors = new Map<string, EditorMark>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly officeId: () => string,
    private readonly audit: AuditTrail,
    private readonly checklists: ChecklistService,
  ) {
    this.repo = new InspectionRepo(db);
    this.queries = new InspectionQueries(db);
  }

  list(request: ListRequest): { total: number; rows: InspectionSummary[] } {
    // The same word-start search over units as the registry (shared/text/search.ts).
    const words = searchWords(request.query);
    return this.queries.list({ ...request, words });
  }

  summary(id: string): InspectionSummary {
    const found = this.queries.summary(id);
    if (!found) throw new AppError('NOT_FOUND');
    return found;
  }

  get(id: string): InspectionDetail {
    const row = this.liveRow(id);
    const stored = readStored(this.repo, row);
    const plan = this.queries.plan(row.plan_id);
    const unit = this.queries.unit(row.unit_id);
    if (!plan || !unit) throw new AppError('NOT_FOUND');
    const versionId = row.checklist_version_id ?? this.checklists.latestVersionId(plan.checklistId);
    const checklist = this.checklists.versionView(plan.checklistId, versionId);
    const content = toContent(stored);
    const originalRow = row.original_id ? this.repo.byId.get(row.original_id) : undefined;
    return {
      id: row.id,
      rev: row.rev,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      planId: row.plan_id,
      unitId: row.unit_id,
      kind: row.kind,
      originalId: row.original_id,
      status: row.status,
      plannedDate: row.planned_date,
      content,
      checklist,
      plan,
      unit,
      finalisedAt: row.finalised_at,
      finalisedBy: row.finalised_by,
      amendments: this.repo.amendmentsOf.all(row.id).map((amendment) => ({
        id: amendment.id,
        at: amendment.created_at,
        operator: amendment.operator,
        reason: amendment.reason,
        changes: JSON.parse(amendment.changes) as AmendmentChange[],
      })),
      original: originalRow && originalRow.deleted_at === null ? toLinked(originalRow) : null,
      reinspections: this.queries.reinspectionsOf(row.id),
      counts: countResults(checklist.groups, content.results),
      isSample: row.is_sample === 1,
    };
  }

  /** Another visit to a unit under a plan; the unit joins the scope if needed. */
  create(planId: string, unitId: string, plannedDate: string | null): InspectionSummary {
    return this.db
      .transaction(() => {
        const plan = this.queries.plan(planId);
        const unit = this.queries.unit(unitId);
        if (!plan || !unit || !this.isLive('plans', planId) || !this.isLive('units', unitId)) {
          throw new AppError('NOT_FOUND');
        }
        const now = this.clock.now();
        if (!this.inScope(planId, unitId)) {
          this.db
            .prepare(
              `INSERT INTO plan_units (id, plan_id, unit_id, created_at, updated_at, changed_by_office, rev, rev_history)
               VALUES (@id, @plan_id, @unit_id, @created_at, @updated_at, @changed_by_office, @rev, @rev_history)`,
            )
            .run({ ...newRowMeta(now, this.officeId()), plan_id: planId, unit_id: unitId });
        }
        const id = this.insertPlanned(planId, unitId, 'regular', null, plannedDate, false);
        this.audit.record({ entity: 'inspection', entityId: id, action: 'create', summary: unit.name });
        return this.summary(id);
      })
      .immediate();
  }

  /** Used by plans when units join the scope (inside their transaction). */
  insertPlanned(
    planId: string,
    unitId: string,
    kind: 'regular' | 'reinspection',
    originalId: string | null,
    plannedDate: string | null,
    isSample: boolean,
  ): string {
    const meta = newRowMeta(this.clock.now(), this.officeId());
    this.repo.insertPlanned.run({
      ...meta,
      plan_id: planId,
      unit_id: unitId,
      kind,
      original_id: originalId,
      planned_date: plannedDate,
      is_sample: isSample ? 1 : 0,
    });
    return meta.id;
  }

  schedule(id: string, plannedDate: string | null): InspectionSummary {
    return this.db
      .transaction(() => {
        const row = this.liveRow(id);
        if (isLockedStatus(row.status)) throw this.locked();
        if (row.planned_date !== plannedDate) {
          this.repo.setPlannedDate.run({
            id,
            planned_date: plannedDate,
            ...nextRowMeta(this.clock.now(), this.officeId(), row),
          });
          this.audit.record({
            entity: 'inspection',
            entityId: id,
            action: 'schedule',
            summary: this.unitName(row),
            changes: [{ field: 'plannedDate', before: row.planned_date ?? '', after: plannedDate ?? '' }],
          });
        }
        return this.summary(id);
      })
      .immediate();
  }

  /** planned → draft, with what is already known filled in; a draft or later answers as is. */
  start(id: string): InspectionDetail {
    this.db
      .transaction(() => {
        const row = this.liveRow(id);
        if (row.status !== 'planned') return;
        const plan = this.queries.plan(row.plan_id);
        const unit = this.queries.unit(row.unit_id);
        if (!plan || !unit) throw new AppError('NOT_FOUND');
        const now = this.clock.now();
        const office = this.officeId();
        const versionId = this.checklists.latestVersionId(plan.checklistId);
        const meta = nextRowMeta(now, office, row);
        const started = this.repo.setStatus.run({
          id,
          expected: row.rev,
          status: 'draft',
          checklist_version_id: versionId,
          finalised_at: null,
          finalised_by: '',
          ...meta,
        });
        if (started.changes !== 1) throw new AppError('CONFLICT');
        const team = this.db
          .prepare<[string], { official_id: string; name: string; position: string; role: string }>(
            `SELECT m.official_id, o.name, m.position, m.role FROM plan_members AS m
             JOIN officials AS o ON o.id = m.official_id
             WHERE m.plan_id = ? AND m.deleted_at IS NULL ORDER BY m.ord, m.id`,
          )
          .all(row.plan_id);
        const current = this.liveRow(id);
        const prefilled: InspectionContent = {
          ...toContent(readStored(this.repo, current)),
          inspectionDate: row.planned_date,
          place: unit.address || unit.name,
          team: team.map((member) => ({
            id: uuidv7(now.getTime()),
            officialId: member.official_id,
            name: member.name,
            position: member.position,
            role: member.role as InspectionContent['team'][number]['role'],
          })),
          representatives: unit.headName
            ? [{ id: uuidv7(now.getTime()), name: unit.headName, position: unit.headTitle }]
            : [],
        };
        this.writeContent(current, prefilled, versionId);
        this.audit.record({ entity: 'inspection', entityId: id, action: 'start', summary: unit.name });
      })
      .immediate();
    return this.get(id);
  }

  /**
   * Autosave. Idempotent: the same content twice writes nothing. A stale `rev` is accepted
   * only from the editor whose own save produced the current revision (it sent again before
   * hearing back); an older `seq` from that editor is ignored.
   */
  saveDraft(id: string, rev: string, editorId: string, seq: number, content: InspectionContent): DraftSaved {
    return this.db
      .transaction((): DraftSaved => {
        const row = this.liveRow(id);
        if (row.status === 'planned') throw this.notStarted();
        if (row.status !== 'draft') throw this.locked();
        const mark = this.editors.get(id);
        const sameEditor = mark !== undefined && mark.editorId === editorId && mark.rev === row.rev;
        if (row.rev !== rev && !sameEditor) throw new AppError('CONFLICT');
        const unchanged = { id, rev: row.rev, status: row.status, updatedAt: row.updated_at, changed: false };
        if (sameEditor && seq <= mark.seq) return unchanged;
        const written = this.writeContent(row, content, row.checklist_version_id);
        if (written === null) {
          this.remember(id, { editorId, seq, rev: row.rev });
          return unchanged;
        }
        this.audit.record(
          {
            entity: 'inspection',
            entityId: id,
            action: 'draft',
            summary: () => this.unitName(row),
            changes: written.changes.map(({ field, before, after }) => ({ field, before, after })),
          },
          { coalesce: true },
        );
        this.remember(id, { editorId, seq, rev: written.rev });
        return { id, rev: written.rev, status: row.status, updatedAt: written.updatedAt, changed: true };
      })
      .immediate();
  }

  finalise(id: string, rev: string): InspectionDetail {
    this.db
      .transaction(() => {
        const row = this.liveRow(id);
        if (row.status !== 'draft') {
          if (isLockedStatus(row.status)) throw this.locked();
          throw this.notStarted();
        }
        if (row.rev !== rev) throw new AppError('CONFLICT');
        const content = toContent(readStored(this.repo, row));
        this.checkComplete(row, content);
        const now = this.clock.now();
        const operator = this.audit.operatorName();
        const done = this.repo.setStatus.run({
          id,
          expected: rev,
          status: 'finalised',
          checklist_version_id: row.checklist_version_id,
          finalised_at: now.toISOString(),
          finalised_by: operator,
          ...nextRowMeta(now, this.officeId(), row),
        });
        if (done.changes !== 1) throw new AppError('CONFLICT');
        this.updateRemedyStatus(id);
        this.audit.record({ entity: 'inspection', entityId: id, action: 'finalise', summary: this.unitName(row) });
      })
      .immediate();
    this.editors.delete(id);
    return this.get(id);
  }

  /** A change to a finalised record: allowed with a reason, kept as an amendment; the record stays finalised. */
  amend(id: string, rev: string, content: InspectionContent, reason: string): InspectionDetail {
    this.db
      .transaction(() => {
        const row = this.liveRow(id);
        if (!isLockedStatus(row.status)) {
          throw this.notFinalised();
        }
        if (row.rev !== rev) throw new AppError('CONFLICT');
        this.checkComplete(row, content);
        const written = this.writeContent(row, content, row.checklist_version_id);
        if (written === null) return;
        const { changes } = written;
        const now = this.clock.now();
        const operator = this.audit.operatorName();
        this.repo.insertAmendment.run({
          ...newRowMeta(now, this.officeId()),
          inspection_id: id,
          reason,
          operator,
          changes: JSON.stringify(changes),
        });
        this.updateRemedyStatus(id);
        this.audit.record({
          entity: 'inspection',
          entityId: id,
          action: 'amend',
          summary: this.unitName(row),
          detail: reason,
          changes: changes.map(({ field, before, after }) => ({ field, before, after })),
        });
      })
      .immediate();
    return this.get(id);
  }

  setRemedied(id: string, requestId: string, remediedDate: string | null): InspectionDetail {
    this.db
      .transaction(() => {
        const row = this.liveRow(id);
        if (!isLockedStatus(row.status)) {
          throw this.notFinalised();
        }
        const request = this.repo.requestsOf.all(id).find((candidate) => candidate.id === requestId);
        if (!request) throw new AppError('NOT_FOUND');
        if (request.remedied_date === remediedDate) return;
        const now = this.clock.now();
        this.repo.updateRequest.run({
          id: requestId,
          text: request.text,
          due_date: request.due_date,
          remedied_date: remediedDate,
          ord: request.ord,
          ...nextRowMeta(now, this.officeId(), request),
        });
        // The record's revision moves too: an editor holding the old one must reload.
        this.repo.touch.run({ id, expected: row.rev, ...nextRowMeta(now, this.officeId(), row) });
        this.updateRemedyStatus(id);
        this.audit.record({
          entity: 'inspection',
          entityId: id,
          action: 'remedy',
          summary: this.unitName(row),
          detail: request.text,
          changes: [
            {
              field: `requests.${requestId}.remediedDate`,
              before: request.remedied_date ?? '',
              after: remediedDate ?? '',
            },
          ],
        });
      })
      .immediate();
    return this.get(id);
  }

  planReinspection(originalId: string, plannedDate: string | null): InspectionSummary {
    return this.db
      .transaction(() => {
        const original = this.liveRow(originalId);
        if (!isLockedStatus(original.status)) {
          throw this.notFinalised();
        }
        const id = this.insertPlanned(
          original.plan_id,
          original.unit_id,
          'reinspection',
          original.id,
          plannedDate,
          original.is_sample === 1,
        );
        const unitName = this.unitName(original);
        this.audit.record({ entity: 'inspection', entityId: id, action: 'create', summary: unitName });
        this.audit.record({
          entity: 'inspection',
          entityId: originalId,
          action: 'reinspection',
          summary: unitName,
          detail: plannedDate ?? '',
        });
        return this.summary(id);
      })
      .immediate();
  }

  /** Moves a draft to the checklist's newest version; results follow their criterion's lineage. */
  upgradeChecklist(id: string, rev: string): InspectionDetail {
    this.db
      .transaction(() => {
        const row = this.liveRow(id);
        if (row.status !== 'draft') throw this.locked();
        if (row.rev !== rev) throw new AppError('CONFLICT');
        const plan = this.queries.plan(row.plan_id);
        if (!plan || !row.checklist_version_id) throw new AppError('NOT_FOUND');
        const latest = this.checklists.latestVersionId(plan.checklistId);
        if (latest === row.checklist_version_id) return;
        const now = this.clock.now();
        const office = this.officeId();
        const oldLineage = new Map(
          this.repo.criterionIdsOf.all(row.checklist_version_id).map((item) => [item.id, item.lineage_id]),
        );
        const newByLineage = new Map(this.repo.criterionIdsOf.all(latest).map((item) => [item.lineage_id, item.id]));
        const moved = this.repo.setVersion.run({
          id,
          expected: rev,
          checklist_version_id: latest,
          ...nextRowMeta(now, office, row),
        });
        if (moved.changes !== 1) throw new AppError('CONFLICT');
        // Owned rows, covered by the revision just written: the set is replaced, each result
        // under its criterion's successor; one without a successor goes (one per criterion).
        const carried = new Map<string, ResultRow>();
        for (const result of this.repo.resultsOf.all(id)) {
          const target = newByLineage.get(oldLineage.get(result.criterion_id) ?? '');
          if (target && !carried.has(target)) carried.set(target, { ...result, criterion_id: target });
        }
        this.repo.deleteResultsOf.run(id);
        for (const result of carried.values()) this.repo.insertResult.run(result);
        this.audit.record({
          entity: 'inspection',
          entityId: id,
          action: 'upgradeChecklist',
          summary: this.unitName(row),
        });
      })
      .immediate();
    this.editors.delete(id);
    return this.get(id);
  }

  /**
   * Writes `content` over what is stored, with one new revision for the record. Answers the
   * changes and the new revision, or null when there were none (nothing written).
   */
  private writeContent(
    row: InspectionRow,
    content: InspectionContent,
    versionId: string | null,
  ): { changes: AmendmentChange[]; rev: string; updatedAt: string } | null {
    const stored: StoredContent = readStored(this.repo, row);
    const criteria = new Map<string, string>();
    if (versionId) {
      for (const criterion of this.repo.criterionTextsOf.all(versionId)) criteria.set(criterion.id, criterion.text);
    }
    const now = this.clock.now();
    const office = this.officeId();
    const { changes, childRowsWritten } = applyContent(
      { repo: this.repo, now, officeId: office, criteria },
      stored,
      content,
    );
    if (changes.length === 0 && !childRowsWritten) return null;
    const meta = nextRowMeta(now, office, row);
    const result = this.repo.updateContent.run({ id: row.id, expected: row.rev, ...contentColumns(content), ...meta });
    if (result.changes !== 1) throw new AppError('CONFLICT');
    return { changes, rev: meta.rev, updatedAt: meta.updated_at };
  }

  private checkComplete(row: InspectionRow, content: InspectionContent): void {
    const groups = row.checklist_version_id ? this.checklists.repo.groups(row.checklist_version_id) : [];
    const problems = finaliseProblems(content, groups);
    const count = Object.keys(problems).length;
    if (count > 0) {
      throw new AppError('VALIDATION', {
        messageKey: 'inspections.errors.incomplete',
        params: { count },
        fields: problems,
      });
    }
  }

  /** finalised ⇄ remedied: remedied once every live request has a remedy date (and there is one). */
  private updateRemedyStatus(id: string): void {
    const row = this.liveRow(id);
    if (!isLockedStatus(row.status)) return;
    const requests = this.repo.requestsOf.all(id);
    const remedied = requests.length > 0 && requests.every((request) => request.remedied_date !== null);
    const status = remedied ? 'remedied' : 'finalised';
    if (status === row.status) return;
    this.repo.setStatus.run({
      id,
      expected: row.rev,
      status,
      checklist_version_id: row.checklist_version_id,
      finalised_at: row.finalised_at,
      finalised_by: row.finalised_by,
      ...nextRowMeta(this.clock.now(), this.officeId(), row),
    });
  }

  private remember(id: string, mark: EditorMark): void {
    this.editors.delete(id);
    this.editors.set(id, mark);
    if (this.editors.size > EDITOR_MARKS) {
      const oldest = this.editors.keys().next().value;
      if (oldest !== undefined) this.editors.delete(oldest);
    }
  }

  private liveRow(id: string): InspectionRow {
    const row = this.repo.byId.get(id);
    if (!row || row.deleted_at !== null) throw new AppError('NOT_FOUND');
    return row;
  }

  private unitName(row: InspectionRow): string {
    return this.queries.unit(row.unit_id)?.name ?? '';
  }

  private locked(): AppError {
    return new AppError('inspections.locked', { messageKey: 'inspections.errors.locked' });
  }

  private notStarted(): AppError {
    return new AppError('inspections.notStarted', { messageKey: 'inspections.errors.notStarted' });
  }

  private notFinalised(): AppError {
    return new AppError('inspections.notFinalised', { messageKey: 'inspections.errors.notFinalised' });
  }

  private isLive(table: 'plans' | 'units', id: string): boolean {
    return this.db.prepare(`SELECT 1 FROM ${table} WHERE id = ? AND deleted_at IS NULL`).get(id) !== undefined;
  }

  private inScope(planId: string, unitId: string): boolean {
    return (
      this.db
        .prepare(`SELECT 1 FROM plan_units WHERE plan_id = ? AND unit_id = ? AND deleted_at IS NULL`)
        .get(planId, unitId) !== undefined
    );
  }
}
