import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/open';
import { OwnedTable, RecordTable, type TableOf } from '../../db/record-table';
import {
  amendmentEntity,
  inspectionEntity,
  representativeEntity,
  requestEntity,
  teamEntity,
  type AmendmentRow,
  type InspectionRow,
  type RepresentativeRow,
  type RequestRow,
  type ResultRow,
  type TeamRow,
} from './inspection-entities';

/**
 * The inspections' repository: the only writer of `inspections` and of the tables of what an
 * inspection records (through the write path), and their per-record queries.
 */
export class InspectionRepo {
  readonly inspections: TableOf<typeof inspectionEntity>;
  readonly team: TableOf<typeof teamEntity>;
  readonly representatives: TableOf<typeof representativeEntity>;
  readonly requests: TableOf<typeof requestEntity>;
  readonly amendments: TableOf<typeof amendmentEntity>;
  /**
   * Results are owned by their inspection (SYNC-RULES.md, "Owned child rows"): written only in
   * the transaction that gives the inspection a new revision, and removed by a plain DELETE.
   */
  readonly results: OwnedTable<ResultRow>;
  readonly livePlanUnit: Statement<[string, string], InspectionRow>;
  readonly liveOfPlan: Statement<[string], InspectionRow>;
  readonly teamOf: Statement<[string], TeamRow>;
  readonly representativesOf: Statement<[string], RepresentativeRow>;
  readonly requestsOf: Statement<[string], RequestRow>;
  readonly amendmentsOf: Statement<[string], AmendmentRow>;
  /** Which inspection owns a child row id (any table), to refuse an id that belongs elsewhere. */
  readonly childOwner: Statement<{ id: string }, { inspection_id: string }>;

  constructor(db: Db) {
    this.inspections = new RecordTable(db, inspectionEntity, 'inspection');
    this.team = new RecordTable(db, teamEntity, null);
    this.representatives = new RecordTable(db, representativeEntity, null);
    this.requests = new RecordTable(db, requestEntity, null);
    this.amendments = new RecordTable(db, amendmentEntity, null);
    this.results = new OwnedTable<ResultRow>(db, {
      table: 'inspection_results',
      parent: { table: 'inspections', column: 'inspection_id' },
      key: ['criterion_id'],
      values: ['result', 'note'],
    });
    this.livePlanUnit = db.prepare(`
      SELECT ${inspectionEntity.select()} FROM inspections
      WHERE plan_id = ? AND unit_id = ? AND deleted_at IS NULL ORDER BY created_at, id`);
    this.liveOfPlan = db.prepare(
      `SELECT ${inspectionEntity.select()} FROM inspections WHERE plan_id = ? AND deleted_at IS NULL`,
    );
    this.teamOf = db.prepare(`
      SELECT ${teamEntity.select()} FROM inspection_team
      WHERE inspection_id = ? AND deleted_at IS NULL ORDER BY ord, id`);
    this.representativesOf = db.prepare(`
      SELECT ${representativeEntity.select()} FROM inspection_representatives
      WHERE inspection_id = ? AND deleted_at IS NULL ORDER BY ord, id`);
    this.requestsOf = db.prepare(`
      SELECT ${requestEntity.select()} FROM inspection_requests
      WHERE inspection_id = ? AND deleted_at IS NULL ORDER BY ord, id`);
    this.amendmentsOf = db.prepare(`
      SELECT ${amendmentEntity.select()} FROM inspection_amendments
      WHERE inspection_id = ? AND deleted_at IS NULL ORDER BY created_at, id`);
    this.childOwner = db.prepare(`
      SELECT inspection_id FROM inspection_team WHERE id = @id
      UNION ALL SELECT inspection_id FROM inspection_representatives WHERE id = @id
      UNION ALL SELECT inspection_id FROM inspection_requests WHERE id = @id`);
  }
}
