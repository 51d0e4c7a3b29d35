import type { ChecklistContentRaw, ChecklistVersion } from '../../../../shared/domain/checklist';

/** The editor's working copy: every row has a local key so React keeps focus as rows move. */
export interface DraftCriterion {
  key: string;
  id: string | null;
  text: string;
}
export interface DraftGroup {
  key: string;
  id: string | null;
  title: string;
  criteria: DraftCriterion[];
}

let counter = 0;
export function localKey(): string {
  counter += 1;
  return `new-${counter}`;
}

export function toDraft(version: ChecklistVersion, copy = false): DraftGroup[] {
  return version.groups.map((group) => ({
    key: copy ? localKey() : group.id,
    id: copy ? null : group.id,
    title: group.title,
    criteria: group.criteria.map((criterion) => ({
      key: copy ? localKey() : criterion.id,
      id: copy ? null : criterion.id,
      text: criterion.text,
    })),
  }));
}

export function toContent(groups: DraftGroup[]): ChecklistContentRaw {
  return {
    groups: groups.map((group) => ({
      id: group.id,
      title: group.title,
      criteria: group.criteria.map((criterion) => ({ id: criterion.id, text: criterion.text })),
    })),
  };
}

export function moveItem<T>(list: T[], index: number, delta: number): T[] {
  const next = [...list];
  const [item] = next.splice(index, 1);
  if (item === undefined) return list;
  next.splice(Math.max(0, Math.min(next.length, index + delta)), 0, item);
  return next;
}
