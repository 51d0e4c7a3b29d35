import type { Db } from '../../db/open';
import { uuidv7 } from '../../db/ids';
import type { Tx, WritePath } from '../../db/write-path';
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
import type { ChecklistService } from '../checklists/checklist-service';
import type { PlanRepo } from '../plans/plan-repo';
import { applyContent, readStored, scalarContent, toContent } from './inspection-content';
import { InspectionQueries, toLinked, type InspectionListQuery } from './inspection-queries';
import type { InspectionRepo } from './inspection-repo';
import type { InspectionRow, ResultRow } from './inspection-entities';

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

/** What a planned inspection starts as: nothing recorded yet. */
const EMPTY_RECORD = {
  status: 'planned' as const,
  checklistVersionId: null,
  inspectionDate: null,
  startTime: '',
  endTime: '',
  place: '',
  minutesNumber: '',
  strengths: '',
  limitations: '',
  causes: '',
  unitResponse: '',
  conclusion: '',
  finalisedAt: null,
  finalisedBy: '',
};

export interface PlannedInspection {
  planId: string;
  unitId: string;
  kind: 'regular' | 'reinspection';
  originalId: string | null;
  plannedDate: string | null;
  isSample: boolean;
}

/**
 * Inspections: the schedule, recording (autosaved drafts), finalising, amendments, remedies
 * and re-inspections. Every write goes through the write path (one IMMEDIATE transaction with
 * its revision checks and audit entry); the progress summary follows through the triggers of
 * migration 0015.
 */
export class InspectionService {
  readonly queries: InspectionQueries;
  private readonly editors = new Map<string, EditorMark>();

  constructor(
    db: Db,
    private readonly writes: WritePath,
    readonly repo: InspectionRepo,
    private readonly plans: PlanRepo,
    private readonly checklists: ChecklistService,
  ) {
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
    const originalRow = row.original_id ? this.repo.inspections.live(row.original_id) : undefined;
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
      original: originalRow ? toLinked(originalRow) : null,
      reinspections: this.queries.reinspectionsOf(row.id),
      counts: countResults(checklist.groups, content.results),
      isSample: row.is_sample === 1,
    };
  }

  /** Another visit to a unit under a plan; the unit joins the scope if needed. */
  create(planId: string, unitId: string, plannedDate: string | null): InspectionSummary {
    return this.writes.run((tx) => {
      const plan = this.plans.plans.live(planId);
      const unit = this.plans.liveUnit.get(unitId);
      if (!plan || !unit) throw new AppError('NOT_FOUND');
      this.plans.addToScope(tx, planId, unitId);
      const row = this.insertPlanned(tx, {
        planId,
        unitId,
        kind: 'regular',
        originalId: null,
        plannedDate,
        isSample: false,
      });
      tx.record({ entity: 'inspection', entityId: row.id, action: 'create', summary: unit.name });
      return this.summary(row.id);
    });
  }

  /** A planned inspection of a unit (plans call this as units join their scope, inside their transaction). */
  insertPlanned(tx: Tx, planned: PlannedInspection): InspectionRow {
    return tx.insert(this.repo.inspections, { ...EMPTY_RECORD, ...planned });
  }

  /** The date an inspection is planned for, from the revision the clerk saw. */
  schedule(id: string, rev: string, plannedDate: string | null): InspectionSummary {
    return this.writes.run((tx) => {
      const row = tx.live(this.repo.inspections, id, rev);
      if (isLockedStatus(row.status)) throw this.locked();
      tx.update(
        this.repo.inspections,
        row,
        { plannedDate },
        { audit: { action: 'schedule', summary: this.unitName(row), changes: 'fields' } },
      );
      return this.summary(id);
    });
  }

  /** planned → draft, with what is already known filled in; a draft or later answers as is. */
  start(id: string): InspectionDetail {
    this.writes.run((tx) => {
      const row = tx.live(this.repo.inspections, id);
      if (row.status !== 'planned') return;
      const plan = this.queries.plan(row.plan_id);
      const unit = this.queries.unit(row.unit_id);
      if (!plan || !unit) throw new AppError('NOT_FOUND');
      const versionId = this.checklists.latestVersionId(plan.checklistId);
      const { row: started } = tx.update(this.repo.inspections, row, {
        status: 'draft',
        checklistVersionId: versionId,
        finalisedAt: null,
        finalisedBy: '',
      });
      const team = this.plans.membersOf.all(row.plan_id);
      const prefilled: InspectionContent = {
        ...toContent(readStored(this.repo, started)),
        inspectionDate: row.planned_date,
        place: unit.address || unit.name,
        team: team.map((member) => ({
          id: uuidv7(tx.now.getTime()),
          officialId: member.official_id,
          name: member.name,
          position: member.position,
          role: member.role,
        })),
        representatives: unit.headName
          ? [{ id: uuidv7(tx.now.getTime()), name: unit.headName, position: unit.headTitle }]
          : [],
      };
      this.writeContent(tx, started, prefilled, versionId);
      tx.record({ entity: 'inspection', entityId: id, action: 'start', summary: unit.name });
    });
    return this.get(id);
  }

  /**
   * Autosave. Idempotent: the same content twice writes nothing. A stale `rev` is accepted
   * only from the editor whose own save produced the current revision (it sent again before
   * hearing back); an older `seq` from that editor is ignored.
   */
  saveDraft(id: string, rev: string, editorId: string, seq: number, content: InspectionContent): DraftSaved {
    return this.writes.run((tx): DraftSaved => {
      const row = tx.live(this.repo.inspections, id);
      if (row.status === 'planned') throw this.notStarted();
      if (row.status !== 'draft') throw this.locked();
      const mark = this.editors.get(id);
      const sameEditor = mark !== undefined && mark.editorId === editorId && mark.rev === row.rev;
      if (row.rev !== rev && !sameEditor) throw new AppError('CONFLICT');
      const unchanged = { id, rev: row.rev, status: row.status, updatedAt: row.updated_at, changed: false };
      if (sameEditor && seq <= mark.seq) return unchanged;
      const written = this.writeContent(tx, row, content, row.checklist_version_id);
      if (written === null) {
        this.remember(id, { editorId, seq, rev: row.rev });
        return unchanged;
      }
      tx.record(
        {
          entity: 'inspection',
          entityId: id,
          action: 'draft',
          summary: () => this.unitName(row),
          changes: written.changes.map(({ field, before, after }) => ({ field, before, after })),
        },
        { coalesce: true },
      );
      this.remember(id, { editorId, seq, rev: written.row.rev });
      return { id, rev: written.row.rev, status: row.status, updatedAt: written.row.updated_at, changed: true };
    });
  }

  finalise(id: string, rev: string): InspectionDetail {
    this.writes.run((tx) => {
      const row = tx.live(this.repo.inspections, id);
      if (row.status !== 'draft') {
        if (isLockedStatus(row.status)) throw this.locked();
        throw this.notStarted();
      }
      if (row.rev !== rev) throw new AppError('CONFLICT');
      const content = toContent(readStored(this.repo, row));
      this.checkComplete(row, content);
      const { row: done } = tx.update(
        this.repo.inspections,
        row,
        { status: 'finalised', finalisedAt: tx.now.toISOString(), finalisedBy: tx.operatorName() },
        { audit: { action: 'finalise', summary: this.unitName(row) } },
      );
      this.updateRemedyStatus(tx, done);
    });
    this.editors.delete(id);
    return this.get(id);
  }

  /** A change to a finalised record: allowed with a reason, kept as an amendment; the record stays finalised. */
  amend(id: string, rev: string, content: InspectionContent, reason: string): InspectionDetail {
    this.writes.run((tx) => {
      const row = tx.live(this.repo.inspections, id);
      if (!isLockedStatus(row.status)) throw this.notFinalised();
      if (row.rev !== rev) throw new AppError('CONFLICT');
      this.checkComplete(row, content);
      const written = this.writeContent(tx, row, content, row.checklist_version_id);
      if (written === null) return;
      const { changes } = written;
      tx.insert(this.repo.amendments, {
        inspectionId: id,
        reason,
        operator: tx.operatorName(),
        changes: JSON.stringify(changes),
      });
      this.updateRemedyStatus(tx, written.row);
      tx.record({
        entity: 'inspection',
        entityId: id,
        action: 'amend',
        summary: this.unitName(row),
        detail: reason,
        changes: changes.map(({ field, before, after }) => ({ field, before, after })),
      });
    });
    return this.get(id);
  }

  /** The date a request was remedied (or cleared), from the revision of the record the clerk saw. */
  setRemedied(id: string, rev: string, requestId: string, remediedDate: string | null): InspectionDetail {
    this.writes.run((tx) => {
      const row = tx.live(this.repo.inspections, id, rev);
      if (!isLockedStatus(row.status)) throw this.notFinalised();
      const request = this.repo.requestsOf.all(id).find((candidate) => candidate.id === requestId);
      if (!request) throw new AppError('NOT_FOUND');
      if (request.remedied_date === remediedDate) return;
      tx.update(this.repo.requests, request, { remediedDate });
      // The record's revision moves too: an editor holding the old one must reload.
      const touched = tx.touch(this.repo.inspections, row);
      this.updateRemedyStatus(tx, touched);
      tx.record({
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
    });
    return this.get(id);
  }

  planReinspection(originalId: string, plannedDate: string | null): InspectionSummary {
    return this.writes.run((tx) => {
      const original = tx.live(this.repo.inspections, originalId);
      if (!isLockedStatus(original.status)) throw this.notFinalised();
      const row = this.insertPlanned(tx, {
        planId: original.plan_id,
        unitId: original.unit_id,
        kind: 'reinspection',
        originalId: original.id,
        plannedDate,
        isSample: original.is_sample === 1,
      });
      const unitName = this.unitName(original);
      tx.record({ entity: 'inspection', entityId: row.id, action: 'create', summary: unitName });
      tx.record({
        entity: 'inspection',
        entityId: originalId,
        action: 'reinspection',
        summary: unitName,
        detail: plannedDate ?? '',
      });
      return this.summary(row.id);
    });
  }

  /** Moves a draft to the checklist's newest version; results follow their criterion's lineage. */
  upgradeChecklist(id: string, rev: string): InspectionDetail {
    this.writes.run((tx) => {
      const row = tx.live(this.repo.inspections, id);
      if (row.status !== 'draft') throw this.locked();
      if (row.rev !== rev) throw new AppError('CONFLICT');
      const plan = this.queries.plan(row.plan_id);
      if (!plan || !row.checklist_version_id) throw new AppError('NOT_FOUND');
      const latest = this.checklists.latestVersionId(plan.checklistId);
      if (latest === row.checklist_version_id) return;
      const criteriaOf = (versionId: string) => this.checklists.repo.criteriaOfVersion(versionId);
      const oldLineage = new Map(criteriaOf(row.checklist_version_id).map((item) => [item.id, item.lineage_id]));
      const newByLineage = new Map(criteriaOf(latest).map((item) => [item.lineage_id, item.id]));
      tx.update(
        this.repo.inspections,
        row,
        { checklistVersionId: latest },
        { audit: { action: 'upgradeChecklist', summary: this.unitName(row) } },
      );
      // Owned rows, covered by the revision just written: the set is replaced, each result
      // under its criterion's successor; one without a successor goes (one per criterion).
      const carried = new Map<string, ResultRow>();
      for (const result of this.repo.results.of(id)) {
        const target = newByLineage.get(oldLineage.get(result.criterion_id) ?? '');
        if (target && !carried.has(target)) carried.set(target, { ...result, criterion_id: target });
      }
      const results = tx.owned(this.repo.results, id);
      results.deleteAll();
      for (const result of carried.values()) results.insert(result);
    });
    this.editors.delete(id);
    return this.get(id);
  }

  /**
   * Takes a unit's unfinished inspections of a plan away, by this feature's rules: false (and
   * nothing changed) when one of them is finalised — its record is part of the plan's history.
   */
  removeFromPlan(tx: Tx, planId: string, unitId: string): boolean {
    const inspections = this.repo.livePlanUnit.all(planId, unitId);
    if (inspections.some((inspection) => isLockedStatus(inspection.status))) return false;
    for (const inspection of inspections) tx.tombstone(this.repo.inspections, inspection);
    return true;
  }

  /** Every inspection of a plan that is being removed whole (the sample plans). */
  removeAllOfPlan(tx: Tx, planId: string): void {
    for (const inspection of this.repo.liveOfPlan.all(planId)) tx.tombstone(this.repo.inspections, inspection);
  }

  /**
   * Writes `content` over what is stored, with one new revision for the record. Answers the
   * changes and the written row, or null when there were none (nothing written).
   */
  private writeContent(
    tx: Tx,
    row: InspectionRow,
    content: InspectionContent,
    versionId: string | null,
  ): { changes: AmendmentChange[]; row: InspectionRow } | null {
    const stored = readStored(this.repo, row);
    const criteria = new Map<string, string>();
    if (versionId) {
      for (const criterion of this.checklists.repo.criteriaOfVersion(versionId)) {
        criteria.set(criterion.id, criterion.text);
      }
    }
    const { changes, childRowsWritten } = applyContent({ tx, repo: this.repo, criteria }, stored, content);
    if (changes.length === 0 && !childRowsWritten) return null;
    const updated = tx.update(this.repo.inspections, row, scalarContent(content));
    return { changes, row: updated.changed ? updated.row : tx.touch(this.repo.inspections, row) };
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
  private updateRemedyStatus(tx: Tx, row: InspectionRow): void {
    if (!isLockedStatus(row.status)) return;
    const requests = this.repo.requestsOf.all(row.id);
    const remedied = requests.length > 0 && requests.every((request) => request.remedied_date !== null);
    tx.update(this.repo.inspections, row, { status: remedied ? 'remedied' : 'finalised' });
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
    const row = this.repo.inspections.live(id);
    if (!row) throw new AppError('NOT_FOUND');
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
}
