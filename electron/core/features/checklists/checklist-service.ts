import type { Db } from '../../db/open';
import { newRowMeta, nextRowMeta } from '../../db/row-meta';
import { uuidv7 } from '../../db/ids';
import type { Clock } from '../../kernel/clock';
import { AppError, fieldError } from '../../kernel/errors';
import type {
  Checklist,
  ChecklistContent,
  ChecklistTarget,
  ChecklistVersion,
  ChecklistVersionInfo,
} from '../../../../shared/domain/checklist';
import { compareVietnamese } from '../../../../shared/text/collate';
import type { AuditChange } from '../../../../shared/domain/audit';
import type { AuditTrail } from '../audit/audit-trail';
import { ChecklistRepo, type ChecklistRow, type CriterionRow, type GroupRow } from './checklist-repo';

export interface ChecklistHeader {
  name: string;
  target: ChecklistTarget;
  description: string;
  active: boolean;
}

export interface ChecklistWithVersion {
  checklist: Checklist;
  version: ChecklistVersion;
  versions: ChecklistVersionInfo[];
}

/**
 * Checklists and their versions. The rule: a version that a finalised
 * inspection was checked against never changes. Saving edits therefore either changes the
 * newest version in place (nobody has finalised against it yet; drafts simply follow it) or
 * makes the next version, copying every group and criterion with new ids and the same
 * lineage ids. Old inspections keep pointing at the version they used.
 */
export class ChecklistService {
  readonly repo: ChecklistRepo;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly officeId: () => string,
    private readonly audit: AuditTrail,
  ) {
    this.repo = new ChecklistRepo(db);
  }

  list(includeInactive: boolean): Checklist[] {
    return this.repo.liveChecklists
      .all()
      .filter((row) => includeInactive || row.active === 1)
      .map((row) => this.toChecklist(row))
      .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || compareVietnamese(a.name, b.name));
  }

  get(checklistId: string, versionId: string | null): ChecklistWithVersion {
    const row = this.liveRow(checklistId);
    const checklist = this.toChecklist(row);
    const versions = this.repo.versions(checklistId);
    const info = versions.find((candidate) => candidate.id === (versionId ?? checklist.latestVersionId));
    if (!info) throw new AppError('NOT_FOUND');
    const version: ChecklistVersion = {
      id: info.id,
      checklistId,
      checklistName: row.name,
      versionNo: info.versionNo,
      createdAt: info.createdAt,
      locked: info.locked,
      inspectionCount: info.inspectionCount,
      groups: this.repo.groups(info.id),
    };
    return { checklist, version, versions };
  }

  /**
   * What an inspection shows of its checklist: the version's groups and criteria, its number and
   * the newest version's — without the usage counts of `get` (those count every inspection).
   */
  versionView(checklistId: string, versionId: string) {
    const row = this.liveRow(checklistId);
    const version = this.repo.versionById.get(versionId);
    const latest = this.repo.latestVersion.get(checklistId);
    if (!version || !latest || version.checklist_id !== checklistId) throw new AppError('NOT_FOUND');
    return {
      checklistId,
      checklistName: row.name,
      versionId: version.id,
      versionNo: version.version_no,
      latestVersionId: latest.id,
      latestVersionNo: latest.version_no,
      groups: this.repo.groups(version.id),
    };
  }

  /** The newest version's id (what a new inspection is checked against). */
  latestVersionId(checklistId: string): string {
    const latest = this.repo.latestVersion.get(checklistId);
    if (!latest) throw new AppError('NOT_FOUND');
    return latest.id;
  }

  create(header: ChecklistHeader, content: ChecklistContent): ChecklistWithVersion {
    return this.db
      .transaction(() => {
        const now = this.clock.now();
        const office = this.officeId();
        const meta = newRowMeta(now, office);
        this.repo.insertChecklist.run({
          ...meta,
          name: header.name,
          target: header.target,
          description: header.description,
          is_default: 0,
          active: header.active ? 1 : 0,
        });
        const versionId = this.insertVersionWithContent(meta.id, 1, '', content, new Map());
        this.audit.record({
          entity: 'checklist',
          entityId: meta.id,
          action: 'create',
          summary: header.name,
          detail: String(countContent(content)),
        });
        return this.get(meta.id, versionId);
      })
      .immediate();
  }

  save(input: {
    checklistId: string;
    baseVersionId: string;
    header: ChecklistHeader;
    content: ChecklistContent;
    note: string;
  }): ChecklistWithVersion & { changed: boolean; newVersion: boolean } {
    return this.db
      .transaction(() => {
        const row = this.liveRow(input.checklistId);
        const latest = this.repo.latestVersion.get(input.checklistId);
        if (!latest || latest.id !== input.baseVersionId) throw new AppError('CONFLICT');
        const now = this.clock.now();
        const office = this.officeId();

        const headerChanges = this.headerChanges(row, input.header);
        if (headerChanges.length > 0) {
          this.repo.updateChecklist.run({
            id: row.id,
            name: input.header.name,
            target: input.header.target,
            description: input.header.description,
            active: input.header.active ? 1 : 0,
            ...nextRowMeta(now, office, row),
          });
        }

        const groups = this.repo.groupsOf.all(latest.id);
        const criteria = this.repo.criteriaOf.all(latest.id);
        this.checkIds(input.content, groups, criteria);
        const contentChanged = !sameContent(input.content, groups, criteria);
        let newVersion = false;
        let versionId = latest.id;
        if (contentChanged && this.repo.isLocked(latest.id)) {
          const lineage = new Map(criteria.map((criterion) => [criterion.id, criterion.lineage_id]));
          versionId = this.insertVersionWithContent(row.id, latest.version_no + 1, input.note, input.content, lineage);
          newVersion = true;
        } else if (contentChanged) {
          this.applyInPlace(latest.id, input.content, groups, criteria);
        }

        const changed = contentChanged || headerChanges.length > 0;
        if (changed) {
          this.audit.record({
            entity: 'checklist',
            entityId: row.id,
            action: newVersion ? 'newVersion' : 'update',
            summary: input.header.name,
            detail: newVersion ? String(latest.version_no + 1) : input.note,
            changes: [
              ...headerChanges,
              ...(contentChanged
                ? [{ field: 'criteria', before: String(criteria.length), after: String(countContent(input.content)) }]
                : []),
            ],
          });
        }
        return { ...this.get(row.id, versionId), changed, newVersion };
      })
      .immediate();
  }

  private liveRow(checklistId: string): ChecklistRow {
    const row = this.repo.checklistById.get(checklistId);
    if (!row || row.deleted_at !== null) throw new AppError('NOT_FOUND');
    return row;
  }

  private toChecklist(row: ChecklistRow): Checklist {
    // Newest first, as latestVersion orders them.
    const versions = this.repo.versionsOf.all(row.id);
    const latest = versions[0];
    if (!latest) throw new AppError('NOT_FOUND');
    return {
      id: row.id,
      name: row.name,
      target: row.target,
      description: row.description,
      isDefault: row.is_default === 1,
      active: row.active === 1,
      latestVersionId: latest.id,
      latestVersionNo: latest.version_no,
      versionCount: versions.length,
      criterionCount: latest.criterion_count,
      latestLocked: this.repo.isLocked(latest.id),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      rev: row.rev,
    };
  }

  private headerChanges(row: ChecklistRow, header: ChecklistHeader): AuditChange[] {
    const before = { name: row.name, target: row.target, description: row.description, active: row.active === 1 };
    return (Object.keys(before) as (keyof ChecklistHeader)[])
      .filter((key) => before[key] !== header[key])
      .map((key) => ({ field: key, before: String(before[key]), after: String(header[key]) }));
  }

  /** Ids sent by the editor must be rows of the base version (a stale or foreign id is refused). */
  private checkIds(content: ChecklistContent, groups: GroupRow[], criteria: CriterionRow[]): void {
    const groupIds = new Set(groups.map((group) => group.id));
    const criterionIds = new Set(criteria.map((criterion) => criterion.id));
    const seen = new Set<string>();
    content.groups.forEach((group, groupIndex) => {
      if (group.id !== null && (!groupIds.has(group.id) || seen.has(group.id))) {
        throw fieldError(`content.groups.${groupIndex}.id`, 'validation.invalidId', 'errors.CONFLICT');
      }
      if (group.id) seen.add(group.id);
      group.criteria.forEach((criterion, index) => {
        if (criterion.id !== null && (!criterionIds.has(criterion.id) || seen.has(criterion.id))) {
          throw fieldError(
            `content.groups.${groupIndex}.criteria.${index}.id`,
            'validation.invalidId',
            'errors.CONFLICT',
          );
        }
        if (criterion.id) seen.add(criterion.id);
      });
    });
  }

  /** A whole new version: every row new, each criterion keeping the lineage of the one it copies. */
  private insertVersionWithContent(
    checklistId: string,
    versionNo: number,
    note: string,
    content: ChecklistContent,
    lineageOf: Map<string, string>,
  ): string {
    const now = this.clock.now();
    const office = this.officeId();
    const version = newRowMeta(now, office);
    this.repo.insertVersion.run({ ...version, checklist_id: checklistId, version_no: versionNo, note });
    content.groups.forEach((group, groupIndex) => {
      const groupMeta = newRowMeta(now, office);
      this.repo.insertGroup.run({ ...groupMeta, version_id: version.id, position: groupIndex + 1, title: group.title });
      group.criteria.forEach((criterion, index) => {
        const id = uuidv7(now.getTime());
        this.repo.insertCriterion.run({
          ...newRowMeta(now, office, id),
          version_id: version.id,
          group_id: groupMeta.id,
          lineage_id: (criterion.id ? lineageOf.get(criterion.id) : undefined) ?? id,
          position: index + 1,
          text: criterion.text,
        });
      });
    });
    return version.id;
  }

  /** Edits the (unlocked) newest version row by row: only what changed gets a new revision. */
  private applyInPlace(
    versionId: string,
    content: ChecklistContent,
    groups: GroupRow[],
    criteria: CriterionRow[],
  ): void {
    const now = this.clock.now();
    const office = this.officeId();
    const groupById = new Map(groups.map((group) => [group.id, group]));
    const criterionById = new Map(criteria.map((criterion) => [criterion.id, criterion]));
    const keptGroups = new Set<string>();
    const keptCriteria = new Set<string>();
    content.groups.forEach((group, groupIndex) => {
      const position = groupIndex + 1;
      let groupId: string;
      const existing = group.id ? groupById.get(group.id) : undefined;
      if (existing) {
        groupId = existing.id;
        if (existing.position !== position || existing.title !== group.title) {
          this.repo.updateGroup.run({
            id: groupId,
            position,
            title: group.title,
            ...nextRowMeta(now, office, existing),
          });
        }
      } else {
        const meta = newRowMeta(now, office);
        groupId = meta.id;
        this.repo.insertGroup.run({ ...meta, version_id: versionId, position, title: group.title });
      }
      keptGroups.add(groupId);
      group.criteria.forEach((criterion, index) => {
        const at = index + 1;
        const known = criterion.id ? criterionById.get(criterion.id) : undefined;
        if (known) {
          keptCriteria.add(known.id);
          if (known.group_id !== groupId || known.position !== at || known.text !== criterion.text) {
            this.repo.updateCriterion.run({
              id: known.id,
              group_id: groupId,
              position: at,
              text: criterion.text,
              ...nextRowMeta(now, office, known),
            });
          }
        } else {
          const id = uuidv7(now.getTime());
          this.repo.insertCriterion.run({
            ...newRowMeta(now, office, id),
            version_id: versionId,
            group_id: groupId,
            lineage_id: id,
            position: at,
            text: criterion.text,
          });
        }
      });
    });
    for (const criterion of criteria) {
      if (!keptCriteria.has(criterion.id)) {
        this.repo.tombstoneCriterion.run({ id: criterion.id, ...nextRowMeta(now, office, criterion) });
      }
    }
    for (const group of groups) {
      if (!keptGroups.has(group.id)) {
        this.repo.tombstoneGroup.run({ id: group.id, ...nextRowMeta(now, office, group) });
      }
    }
  }
}

function countContent(content: ChecklistContent): number {
  return content.groups.reduce((sum, group) => sum + group.criteria.length, 0);
}

/** True when the editor's content is exactly the stored version (same ids, order and text). */
function sameContent(content: ChecklistContent, groups: GroupRow[], criteria: CriterionRow[]): boolean {
  if (content.groups.length !== groups.length) return false;
  const sortedGroups = [...groups].sort((a, b) => a.position - b.position);
  return content.groups.every((group, groupIndex) => {
    const stored = sortedGroups[groupIndex];
    if (!stored || stored.id !== group.id || stored.title !== group.title) return false;
    const storedCriteria = criteria
      .filter((criterion) => criterion.group_id === stored.id)
      .sort((a, b) => a.position - b.position);
    if (storedCriteria.length !== group.criteria.length) return false;
    return group.criteria.every(
      (criterion, index) =>
        storedCriteria[index]?.id === criterion.id && storedCriteria[index]?.text === criterion.text,
    );
  });
}
