import { uuidv7 } from '../../db/ids';
import { recordMeta } from '../../db/record-table';
import type { Tx, WritePath } from '../../db/write-path';
import { AppError, fieldError } from '../../kernel/errors';
import type {
  Checklist,
  ChecklistContent,
  ChecklistTarget,
  ChecklistVersion,
  ChecklistVersionInfo,
} from '../../../../shared/domain/checklist';
import { compareVietnamese } from '../../../../shared/text/collate';
import type { ChecklistRepo, ChecklistRow, CriterionRow, GroupRow } from './checklist-repo';

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
  constructor(
    private readonly writes: WritePath,
    readonly repo: ChecklistRepo,
  ) {}

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
    const version = this.repo.version(versionId);
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
    return this.writes.run((tx) => {
      const row = tx.insert(
        this.repo.checklists,
        { ...header, isDefault: false },
        { audit: { action: 'create', summary: header.name, detail: String(countContent(content)) } },
      );
      const versionId = this.insertVersionWithContent(tx, row.id, 1, '', content, new Map());
      return this.get(row.id, versionId);
    });
  }

  save(input: {
    checklistId: string;
    baseVersionId: string;
    header: ChecklistHeader;
    content: ChecklistContent;
    note: string;
  }): ChecklistWithVersion & { changed: boolean; newVersion: boolean } {
    return this.writes.run((tx) => {
      const row = this.liveRow(input.checklistId);
      const latest = this.repo.latestVersion.get(input.checklistId);
      if (!latest || latest.id !== input.baseVersionId) throw new AppError('CONFLICT');

      const header = tx.update(this.repo.checklists, row, input.header);
      const groups = this.repo.groupsOf.all(latest.id);
      const criteria = this.repo.criteriaOf.all(latest.id);
      this.checkIds(input.content, groups, criteria);
      const contentChanged = !sameContent(input.content, groups, criteria);
      let newVersion = false;
      let versionId = latest.id;
      if (contentChanged && this.repo.isLocked(latest.id)) {
        const lineage = new Map(criteria.map((criterion) => [criterion.id, criterion.lineage_id]));
        versionId = this.insertVersionWithContent(
          tx,
          row.id,
          latest.version_no + 1,
          input.note,
          input.content,
          lineage,
        );
        newVersion = true;
      } else if (contentChanged) {
        this.applyInPlace(tx, latest.id, input.content, groups, criteria);
      }

      const changed = contentChanged || header.changed;
      if (changed) {
        tx.record({
          entity: 'checklist',
          entityId: row.id,
          action: newVersion ? 'newVersion' : 'update',
          summary: input.header.name,
          detail: newVersion ? String(latest.version_no + 1) : input.note,
          changes: [
            ...header.changes,
            ...(contentChanged
              ? [{ field: 'criteria', before: String(criteria.length), after: String(countContent(input.content)) }]
              : []),
          ],
        });
      }
      return { ...this.get(row.id, versionId), changed, newVersion };
    });
  }

  private liveRow(checklistId: string): ChecklistRow {
    const row = this.repo.checklists.live(checklistId);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  private toChecklist(row: ChecklistRow): Checklist {
    // Newest first, as latestVersion orders them.
    const versions = this.repo.versionsOf.all(row.id);
    const latest = versions[0];
    if (!latest) throw new AppError('NOT_FOUND');
    return {
      ...recordMeta(row),
      ...this.repo.checklists.content(row),
      latestVersionId: latest.id,
      latestVersionNo: latest.version_no,
      versionCount: versions.length,
      criterionCount: latest.criterion_count,
      latestLocked: this.repo.isLocked(latest.id),
    };
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
    tx: Tx,
    checklistId: string,
    versionNo: number,
    note: string,
    content: ChecklistContent,
    lineageOf: Map<string, string>,
  ): string {
    const version = tx.insert(this.repo.versionTable, { checklistId, versionNo, note });
    content.groups.forEach((group, groupIndex) => {
      const groupRow = tx.insert(this.repo.groupTable, {
        versionId: version.id,
        position: groupIndex + 1,
        title: group.title,
      });
      group.criteria.forEach((criterion, index) => {
        const id = uuidv7(tx.now.getTime());
        tx.insert(
          this.repo.criterionTable,
          {
            versionId: version.id,
            groupId: groupRow.id,
            lineageId: (criterion.id ? lineageOf.get(criterion.id) : undefined) ?? id,
            position: index + 1,
            text: criterion.text,
          },
          { id },
        );
      });
    });
    return version.id;
  }

  /** Edits the (unlocked) newest version row by row: only what changed gets a new revision. */
  private applyInPlace(
    tx: Tx,
    versionId: string,
    content: ChecklistContent,
    groups: GroupRow[],
    criteria: CriterionRow[],
  ): void {
    const groupById = new Map(groups.map((group) => [group.id, group]));
    const criterionById = new Map(criteria.map((criterion) => [criterion.id, criterion]));
    const keptGroups = new Set<string>();
    const keptCriteria = new Set<string>();
    content.groups.forEach((group, groupIndex) => {
      const position = groupIndex + 1;
      const existing = group.id ? groupById.get(group.id) : undefined;
      const groupId = existing
        ? tx.update(this.repo.groupTable, existing, { position, title: group.title }).row.id
        : tx.insert(this.repo.groupTable, { versionId, position, title: group.title }).id;
      keptGroups.add(groupId);
      group.criteria.forEach((criterion, index) => {
        const at = index + 1;
        const known = criterion.id ? criterionById.get(criterion.id) : undefined;
        if (known) {
          keptCriteria.add(known.id);
          tx.update(this.repo.criterionTable, known, { groupId, position: at, text: criterion.text });
        } else {
          const id = uuidv7(tx.now.getTime());
          tx.insert(
            this.repo.criterionTable,
            { versionId, groupId, lineageId: id, position: at, text: criterion.text },
            { id },
          );
        }
      });
    });
    for (const criterion of criteria) {
      if (!keptCriteria.has(criterion.id)) tx.tombstone(this.repo.criterionTable, criterion);
    }
    for (const group of groups) {
      if (!keptGroups.has(group.id)) tx.tombstone(this.repo.groupTable, group);
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
