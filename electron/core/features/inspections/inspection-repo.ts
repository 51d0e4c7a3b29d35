import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/open';
import type { RowMeta, RowMetaUpdate } from '../../db/row-meta';
import type { InspectionKind, InspectionStatus } from '../../../../shared/domain/inspection';
import {
  INSPECTION_COLUMNS,
  type AmendmentRow,
  type InspectionContentColumns,
  type InspectionRow,
  type RepresentativeRow,
  type RequestRow,
  type ResultRow,
  type TeamRow,
} from './inspection-rows';

type Meta = RowMeta;
type Update = RowMetaUpdate & { id: string };

/** Prepared SQL for inspections and their child rows; every statement names its columns. */
export class InspectionRepo {
  readonly byId: Statement<[string], InspectionRow>;
  readonly insertPlanned: Statement<
    Meta & {
      plan_id: string;
      unit_id: string;
      kind: InspectionKind;
      original_id: string | null;
      planned_date: string | null;
      is_sample: number;
    }
  >;
  readonly updateContent: Statement<Update & InspectionContentColumns & { expected: string }>;
  readonly touch: Statement<Update & { expected: string }>;
  readonly setStatus: Statement<
    Update & {
      status: InspectionStatus;
      checklist_version_id: string | null;
      finalised_at: string | null;
      finalised_by: string;
      expected: string;
    }
  >;
  readonly setPlannedDate: Statement<Update & { planned_date: string | null }>;
  readonly setVersion: Statement<Update & { checklist_version_id: string; expected: string }>;
  readonly tombstone: Statement<Update>;
  readonly livePlanUnit: Statement<[string, string], InspectionRow>;

  readonly teamOf: Statement<[string], TeamRow>;
  readonly insertTeam: Statement<Meta & Omit<TeamRow, keyof RowMeta | 'rev_history'>>;
  readonly updateTeam: Statement<Update & Omit<TeamRow, 'id' | 'rev' | 'rev_history' | 'inspection_id'>>;
  readonly tombstoneTeam: Statement<Update>;

  readonly representativesOf: Statement<[string], RepresentativeRow>;
  readonly insertRepresentative: Statement<Meta & Omit<RepresentativeRow, keyof RowMeta | 'rev_history'>>;
  readonly updateRepresentative: Statement<
    Update & Omit<RepresentativeRow, 'id' | 'rev' | 'rev_history' | 'inspection_id'>
  >;
  readonly tombstoneRepresentative: Statement<Update>;

  /**
   * Results are owned by their inspection (SYNC-RULES.md, "Owned child rows"): written only in
   * the transaction that gives the inspection a new revision, and removed by a plain DELETE.
   */
  readonly resultsOf: Statement<[string], ResultRow>;
  readonly insertResult: Statement<ResultRow>;
  readonly updateResult: Statement<ResultRow>;
  readonly deleteResult: Statement<Pick<ResultRow, 'inspection_id' | 'criterion_id'>>;
  readonly deleteResultsOf: Statement<[string]>;

  readonly requestsOf: Statement<[string], RequestRow>;
  readonly insertRequest: Statement<Meta & Omit<RequestRow, keyof RowMeta | 'rev_history'>>;
  readonly updateRequest: Statement<Update & Omit<RequestRow, 'id' | 'rev' | 'rev_history' | 'inspection_id'>>;
  readonly tombstoneRequest: Statement<Update>;

  readonly amendmentsOf: Statement<[string], AmendmentRow>;
  readonly insertAmendment: Statement<Meta & Omit<AmendmentRow, 'id' | 'created_at'>>;
  /** Which inspection owns a child row id (any table), to refuse an id that belongs elsewhere. */
  readonly childOwner: Statement<{ id: string }, { inspection_id: string; rev: string; rev_history: string }>;
  readonly criterionIdsOf: Statement<[string], { id: string; lineage_id: string }>;
  readonly criterionTextsOf: Statement<[string], { id: string; text: string }>;

  constructor(db: Db) {
    const meta =
      'updated_at = @updated_at, changed_by_office = @changed_by_office, rev = @rev, rev_history = @rev_history';
    const inserted = '@created_at, @updated_at, @changed_by_office, @rev, @rev_history';
    const metaColumns = 'created_at, updated_at, changed_by_office, rev, rev_history';
    this.byId = db.prepare(`SELECT ${INSPECTION_COLUMNS} FROM inspections WHERE id = ?`);
    this.insertPlanned = db.prepare(`
      INSERT INTO inspections (id, plan_id, unit_id, kind, original_id, status, planned_date, is_sample, ${metaColumns})
      VALUES (@id, @plan_id, @unit_id, @kind, @original_id, 'planned', @planned_date, @is_sample, ${inserted})`);
    this.updateContent = db.prepare(`
      UPDATE inspections SET inspection_date = @inspection_date, start_time = @start_time, end_time = @end_time,
        place = @place, minutes_number = @minutes_number, strengths = @strengths, limitations = @limitations,
        causes = @causes, unit_response = @unit_response, conclusion = @conclusion, ${meta}
      WHERE id = @id AND rev = @expected AND deleted_at IS NULL`);
    this.touch = db.prepare(`UPDATE inspections SET ${meta} WHERE id = @id AND rev = @expected AND deleted_at IS NULL`);
    this.setStatus = db.prepare(`
      UPDATE inspections SET status = @status, checklist_version_id = @checklist_version_id,
        finalised_at = @finalised_at, finalised_by = @finalised_by, ${meta}
      WHERE id = @id AND rev = @expected AND deleted_at IS NULL`);
    this.setPlannedDate = db.prepare(`UPDATE inspections SET planned_date = @planned_date, ${meta} WHERE id = @id`);
    this.setVersion = db.prepare(`
      UPDATE inspections SET checklist_version_id = @checklist_version_id, ${meta}
      WHERE id = @id AND rev = @expected AND deleted_at IS NULL`);
    this.tombstone = db.prepare(`UPDATE inspections SET deleted_at = @updated_at, ${meta} WHERE id = @id`);
    this.livePlanUnit = db.prepare(`
      SELECT ${INSPECTION_COLUMNS} FROM inspections
      WHERE plan_id = ? AND unit_id = ? AND deleted_at IS NULL ORDER BY created_at, id`);

    this.teamOf = db.prepare(`
      SELECT id, inspection_id, official_id, name, position, role, ord, rev, rev_history FROM inspection_team
      WHERE inspection_id = ? AND deleted_at IS NULL ORDER BY ord, id`);
    this.insertTeam = db.prepare(`
      INSERT INTO inspection_team (id, inspection_id, official_id, name, position, role, ord, ${metaColumns})
      VALUES (@id, @inspection_id, @official_id, @name, @position, @role, @ord, ${inserted})`);
    this.updateTeam = db.prepare(`
      UPDATE inspection_team SET official_id = @official_id, name = @name, position = @position, role = @role,
        ord = @ord, deleted_at = NULL, ${meta} WHERE id = @id`);
    this.tombstoneTeam = db.prepare(`UPDATE inspection_team SET deleted_at = @updated_at, ${meta} WHERE id = @id`);

    this.representativesOf = db.prepare(`
      SELECT id, inspection_id, name, position, ord, rev, rev_history FROM inspection_representatives
      WHERE inspection_id = ? AND deleted_at IS NULL ORDER BY ord, id`);
    this.insertRepresentative = db.prepare(`
      INSERT INTO inspection_representatives (id, inspection_id, name, position, ord, ${metaColumns})
      VALUES (@id, @inspection_id, @name, @position, @ord, ${inserted})`);
    this.updateRepresentative = db.prepare(`
      UPDATE inspection_representatives SET name = @name, position = @position, ord = @ord, deleted_at = NULL,
        ${meta} WHERE id = @id`);
    this.tombstoneRepresentative = db.prepare(
      `UPDATE inspection_representatives SET deleted_at = @updated_at, ${meta} WHERE id = @id`,
    );

    this.resultsOf = db.prepare(`
      SELECT inspection_id, criterion_id, result, note FROM inspection_results
      WHERE inspection_id = ? ORDER BY criterion_id`);
    this.insertResult = db.prepare(`
      INSERT INTO inspection_results (inspection_id, criterion_id, result, note)
      VALUES (@inspection_id, @criterion_id, @result, @note)`);
    this.updateResult = db.prepare(`
      UPDATE inspection_results SET result = @result, note = @note
      WHERE inspection_id = @inspection_id AND criterion_id = @criterion_id`);
    this.deleteResult = db.prepare(
      `DELETE FROM inspection_results WHERE inspection_id = @inspection_id AND criterion_id = @criterion_id`,
    );
    this.deleteResultsOf = db.prepare(`DELETE FROM inspection_results WHERE inspection_id = ?`);

    this.requestsOf = db.prepare(`
      SELECT id, inspection_id, text, due_date, remedied_date, ord, rev, rev_history FROM inspection_requests
      WHERE inspection_id = ? AND deleted_at IS NULL ORDER BY ord, id`);
    this.insertRequest = db.prepare(`
      INSERT INTO inspection_requests (id, inspection_id, text, due_date, remedied_date, ord, ${metaColumns})
      VALUES (@id, @inspection_id, @text, @due_date, @remedied_date, @ord, ${inserted})`);
    this.updateRequest = db.prepare(`
      UPDATE inspection_requests SET text = @text, due_date = @due_date, remedied_date = @remedied_date, ord = @ord,
        deleted_at = NULL, ${meta} WHERE id = @id`);
    this.tombstoneRequest = db.prepare(
      `UPDATE inspection_requests SET deleted_at = @updated_at, ${meta} WHERE id = @id`,
    );

    this.amendmentsOf = db.prepare(`
      SELECT id, inspection_id, reason, operator, changes, created_at FROM inspection_amendments
      WHERE inspection_id = ? AND deleted_at IS NULL ORDER BY created_at, id`);
    this.insertAmendment = db.prepare(`
      INSERT INTO inspection_amendments (id, inspection_id, reason, operator, changes, ${metaColumns})
      VALUES (@id, @inspection_id, @reason, @operator, @changes, ${inserted})`);
    this.childOwner = db.prepare(`
      SELECT inspection_id, rev, rev_history FROM inspection_team WHERE id = @id
      UNION ALL SELECT inspection_id, rev, rev_history FROM inspection_representatives WHERE id = @id
      UNION ALL SELECT inspection_id, rev, rev_history FROM inspection_requests WHERE id = @id`);
    this.criterionIdsOf = db.prepare(
      `SELECT id, lineage_id FROM checklist_criteria WHERE version_id = ? AND deleted_at IS NULL`,
    );
    this.criterionTextsOf = db.prepare(
      `SELECT id, text FROM checklist_criteria WHERE version_id = ? AND deleted_at IS NULL ORDER BY group_id, position`,
    );
  }
}
