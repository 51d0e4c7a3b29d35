import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/open';
import type { RowMeta, RowMetaUpdate } from '../../db/row-meta';
import type { ChecklistTarget, ChecklistVersionInfo, CriterionGroup } from '../../../../shared/domain/checklist';

export interface ChecklistRow {
  id: string;
  name: string;
  target: ChecklistTarget;
  description: string;
  is_default: number;
  active: number;
  created_at: string;
  updated_at: string;
  rev: string;
  rev_history: string;
  deleted_at: string | null;
}

export interface VersionRow {
  id: string;
  checklist_id: string;
  version_no: number;
  created_at: string;
  rev: string;
  rev_history: string;
}

export interface GroupRow {
  id: string;
  version_id: string;
  position: number;
  title: string;
  rev: string;
  rev_history: string;
}

export interface CriterionRow {
  id: string;
  version_id: string;
  group_id: string;
  lineage_id: string;
  position: number;
  text: string;
  rev: string;
  rev_history: string;
}

type Meta = Omit<RowMeta, 'id'> & { id: string };

/**
 * SQL for checklists, versions, groups and criteria. "Locked" is derived, never stored: a
 * version is locked while a live finalised or remedied inspection points at it (an index on
 * inspections (checklist_version_id, status) answers that at once).
 */
export class ChecklistRepo {
  readonly checklistById: Statement<[string], ChecklistRow>;
  readonly liveChecklists: Statement<[], ChecklistRow>;
  readonly latestVersion: Statement<[string], VersionRow>;
  readonly versionById: Statement<[string], VersionRow>;
  readonly versionsOf: Statement<[string], VersionRow & { criterion_count: number }>;
  readonly groupsOf: Statement<[string], GroupRow>;
  readonly criteriaOf: Statement<[string], CriterionRow>;
  readonly lockedStmt: Statement<[string], { locked: number }>;
  readonly inspectionCountStmt: Statement<[string], { total: number }>;
  readonly insertChecklist: Statement<Meta & Omit<ChecklistRow, keyof RowMeta | 'rev_history' | 'deleted_at'>>;
  readonly updateChecklist: Statement<
    RowMetaUpdate & { id: string; name: string; target: string; description: string; active: number }
  >;
  readonly insertVersion: Statement<Meta & { checklist_id: string; version_no: number; note: string }>;
  readonly insertGroup: Statement<Meta & { version_id: string; position: number; title: string }>;
  readonly updateGroup: Statement<RowMetaUpdate & { id: string; position: number; title: string }>;
  readonly tombstoneGroup: Statement<RowMetaUpdate & { id: string }>;
  readonly insertCriterion: Statement<
    Meta & { version_id: string; group_id: string; lineage_id: string; position: number; text: string }
  >;
  readonly updateCriterion: Statement<RowMetaUpdate & { id: string; group_id: string; position: number; text: string }>;
  readonly tombstoneCriterion: Statement<RowMetaUpdate & { id: string }>;

  constructor(db: Db) {
    const checklistColumns = `id, name, target, description, is_default, active, created_at, updated_at, rev,
      rev_history, deleted_at`;
    this.checklistById = db.prepare(`SELECT ${checklistColumns} FROM checklists WHERE id = ?`);
    this.liveChecklists = db.prepare(`SELECT ${checklistColumns} FROM checklists WHERE deleted_at IS NULL`);
    this.latestVersion = db.prepare(`
      SELECT id, checklist_id, version_no, created_at, rev, rev_history FROM checklist_versions
      WHERE checklist_id = ? AND deleted_at IS NULL ORDER BY version_no DESC, id DESC LIMIT 1`);
    this.versionById = db.prepare(`
      SELECT id, checklist_id, version_no, created_at, rev, rev_history FROM checklist_versions
      WHERE id = ? AND deleted_at IS NULL`);
    this.versionsOf = db.prepare(`
      SELECT v.id, v.checklist_id, v.version_no, v.created_at, v.rev, v.rev_history,
        (SELECT count(*) FROM checklist_criteria AS c WHERE c.version_id = v.id AND c.deleted_at IS NULL)
          AS criterion_count
      FROM checklist_versions AS v WHERE v.checklist_id = ? AND v.deleted_at IS NULL
      ORDER BY v.version_no DESC, v.id DESC`);
    this.groupsOf = db.prepare(`
      SELECT id, version_id, position, title, rev, rev_history FROM checklist_groups
      WHERE version_id = ? AND deleted_at IS NULL ORDER BY position, id`);
    this.criteriaOf = db.prepare(`
      SELECT id, version_id, group_id, lineage_id, position, text, rev, rev_history FROM checklist_criteria
      WHERE version_id = ? AND deleted_at IS NULL ORDER BY group_id, position, id`);
    this.lockedStmt = db.prepare(`
      SELECT EXISTS (SELECT 1 FROM inspections WHERE checklist_version_id = ? AND deleted_at IS NULL
        AND status IN ('finalised', 'remedied')) AS locked`);
    this.inspectionCountStmt = db.prepare(
      `SELECT count(*) AS total FROM inspections WHERE checklist_version_id = ? AND deleted_at IS NULL`,
    );
    this.insertChecklist = db.prepare(`
      INSERT INTO checklists (id, name, target, description, is_default, active,
        created_at, updated_at, changed_by_office, rev, rev_history)
      VALUES (@id, @name, @target, @description, @is_default, @active,
        @created_at, @updated_at, @changed_by_office, @rev, @rev_history)`);
    this.updateChecklist = db.prepare(`
      UPDATE checklists SET name = @name, target = @target, description = @description, active = @active,
        updated_at = @updated_at, changed_by_office = @changed_by_office, rev = @rev, rev_history = @rev_history
      WHERE id = @id`);
    this.insertVersion = db.prepare(`
      INSERT INTO checklist_versions (id, checklist_id, version_no, note,
        created_at, updated_at, changed_by_office, rev, rev_history)
      VALUES (@id, @checklist_id, @version_no, @note, @created_at, @updated_at, @changed_by_office, @rev, @rev_history)`);
    this.insertGroup = db.prepare(`
      INSERT INTO checklist_groups (id, version_id, position, title,
        created_at, updated_at, changed_by_office, rev, rev_history)
      VALUES (@id, @version_id, @position, @title, @created_at, @updated_at, @changed_by_office, @rev, @rev_history)`);
    this.updateGroup = db.prepare(`
      UPDATE checklist_groups SET position = @position, title = @title,
        updated_at = @updated_at, changed_by_office = @changed_by_office, rev = @rev, rev_history = @rev_history
      WHERE id = @id`);
    this.tombstoneGroup = db.prepare(`
      UPDATE checklist_groups SET deleted_at = @updated_at,
        updated_at = @updated_at, changed_by_office = @changed_by_office, rev = @rev, rev_history = @rev_history
      WHERE id = @id`);
    this.insertCriterion = db.prepare(`
      INSERT INTO checklist_criteria (id, version_id, group_id, lineage_id, position, text,
        created_at, updated_at, changed_by_office, rev, rev_history)
      VALUES (@id, @version_id, @group_id, @lineage_id, @position, @text,
        @created_at, @updated_at, @changed_by_office, @rev, @rev_history)`);
    this.updateCriterion = db.prepare(`
      UPDATE checklist_criteria SET group_id = @group_id, position = @position, text = @text,
        updated_at = @updated_at, changed_by_office = @changed_by_office, rev = @rev, rev_history = @rev_history
      WHERE id = @id`);
    this.tombstoneCriterion = db.prepare(`
      UPDATE checklist_criteria SET deleted_at = @updated_at,
        updated_at = @updated_at, changed_by_office = @changed_by_office, rev = @rev, rev_history = @rev_history
      WHERE id = @id`);
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
