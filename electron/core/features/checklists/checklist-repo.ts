import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/open';
import { col, defineEntity } from '../../db/columns';
import { RecordTable, type EntityRow, type TableOf } from '../../db/record-table';
import { CHECKLIST_TARGETS, type ChecklistVersionInfo, type CriterionGroup } from '../../../../shared/domain/checklist';

/** Column maps of a checklist, its versions, and each version's groups and criteria. */
export const checklistEntity = defineEntity({
  table: 'checklists',
  fields: {
    name: col.text('name'),
    target: col.oneOf('target', CHECKLIST_TARGETS),
    description: col.text('description'),
    isDefault: col.flag('is_default').once(),
    active: col.flag('active'),
  },
});

export const versionEntity = defineEntity({
  table: 'checklist_versions',
  fields: {
    checklistId: col.text('checklist_id').once(),
    versionNo: col.integer('version_no').once(),
    note: col.text('note'),
  },
});

export const groupEntity = defineEntity({
  table: 'checklist_groups',
  fields: {
    versionId: col.text('version_id').once(),
    position: col.integer('position'),
    title: col.text('title'),
  },
});

export const criterionEntity = defineEntity({
  table: 'checklist_criteria',
  fields: {
    versionId: col.text('version_id').once(),
    groupId: col.text('group_id'),
    /** The id of the criterion in the version where it first appeared; its copies keep it. */
    lineageId: col.text('lineage_id').once(),
    position: col.integer('position'),
    text: col.text('text'),
  },
});

export type ChecklistRow = EntityRow<typeof checklistEntity>;
export type VersionRow = EntityRow<typeof versionEntity>;
export type GroupRow = EntityRow<typeof groupEntity>;
export type CriterionRow = EntityRow<typeof criterionEntity>;

/**
 * The checklists' repository: the only writer of the four checklist tables (through the write
 * path) and their queries. "Locked" is derived, never stored: a version is locked while a live
 * finalised or remedied inspection points at it (an index on inspections (checklist_version_id,
 * status) answers that at once).
 */
export class ChecklistRepo {
  readonly checklists: TableOf<typeof checklistEntity>;
  readonly versionTable: TableOf<typeof versionEntity>;
  readonly groupTable: TableOf<typeof groupEntity>;
  readonly criterionTable: TableOf<typeof criterionEntity>;
  readonly liveChecklists: Statement<[], ChecklistRow>;
  readonly latestVersion: Statement<[string], VersionRow>;
  readonly versionsOf: Statement<[string], VersionRow & { criterion_count: number }>;
  readonly groupsOf: Statement<[string], GroupRow>;
  readonly criteriaOf: Statement<[string], CriterionRow>;
  private readonly lockedStmt: Statement<[string], { locked: number }>;
  private readonly inspectionCountStmt: Statement<[string], { total: number }>;

  constructor(db: Db) {
    this.checklists = new RecordTable(db, checklistEntity, 'checklist');
    this.versionTable = new RecordTable(db, versionEntity, null);
    this.groupTable = new RecordTable(db, groupEntity, null);
    this.criterionTable = new RecordTable(db, criterionEntity, null);
    this.liveChecklists = db.prepare(`SELECT ${checklistEntity.select()} FROM checklists WHERE deleted_at IS NULL`);
    this.latestVersion = db.prepare(`
      SELECT ${versionEntity.select()} FROM checklist_versions
      WHERE checklist_id = ? AND deleted_at IS NULL ORDER BY version_no DESC, id DESC LIMIT 1`);
    this.versionsOf = db.prepare(`
      SELECT ${versionEntity.select('v')},
        (SELECT count(*) FROM checklist_criteria AS c WHERE c.version_id = v.id AND c.deleted_at IS NULL)
          AS criterion_count
      FROM checklist_versions AS v WHERE v.checklist_id = ? AND v.deleted_at IS NULL
      ORDER BY v.version_no DESC, v.id DESC`);
    this.groupsOf = db.prepare(`
      SELECT ${groupEntity.select()} FROM checklist_groups
      WHERE version_id = ? AND deleted_at IS NULL ORDER BY position, id`);
    this.criteriaOf = db.prepare(`
      SELECT ${criterionEntity.select()} FROM checklist_criteria
      WHERE version_id = ? AND deleted_at IS NULL ORDER BY group_id, position, id`);
    this.lockedStmt = db.prepare(`
      SELECT EXISTS (SELECT 1 FROM inspections WHERE checklist_version_id = ? AND deleted_at IS NULL
        AND status IN ('finalised', 'remedied')) AS locked`);
    this.inspectionCountStmt = db.prepare(
      `SELECT count(*) AS total FROM inspections WHERE checklist_version_id = ? AND deleted_at IS NULL`,
    );
  }

  /** A live version. */
  version(versionId: string): VersionRow | undefined {
    return this.versionTable.live(versionId);
  }

  /** The live criteria of a version, in order (id, lineage, text). */
  criteriaOfVersion(versionId: string): CriterionRow[] {
    return this.criteriaOf.all(versionId);
  }

  isLocked(versionId: string): boolean {
    return this.lockedStmt.get(versionId)?.locked === 1;
  }

  /** Groups in order, each with its criteria in order. */
  groups(versionId: string): CriterionGroup[] {
    const criteria = this.criteriaOf.all(versionId);
    return this.groupsOf.all(versionId).map((group) => ({
      id: group.id,
      position: group.position,
      title: group.title,
      criteria: criteria
        .filter((criterion) => criterion.group_id === group.id)
        .sort((a, b) => a.position - b.position)
        .map((criterion) => ({
          id: criterion.id,
          lineageId: criterion.lineage_id,
          groupId: criterion.group_id,
          position: criterion.position,
          text: criterion.text,
        })),
    }));
  }

  /** Every version, newest first, with how many inspections use it (a count over inspections: only for `get`). */
  versions(checklistId: string): ChecklistVersionInfo[] {
    return this.versionsOf.all(checklistId).map((row) => ({
      id: row.id,
      versionNo: row.version_no,
      createdAt: row.created_at,
      locked: this.isLocked(row.id),
      inspectionCount: this.inspectionCountStmt.get(row.id)?.total ?? 0,
      criterionCount: row.criterion_count,
    }));
  }
}
