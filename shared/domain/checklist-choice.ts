import { foldVietnamese } from '../text/fold';
import type { Checklist, ChecklistTarget } from './checklist';
import type { UnitKind } from './unit';

/** "Phòng Giáo dục và Đào tạo", "Phòng GD&ĐT", "PGDĐT", "Sở GD-ĐT"… however it is typed. */
export function isEducationBody(name: string): boolean {
  const folded = foldVietnamese(name);
  return /giao duc|\bp?gd ?(&|va|-|\/)? ?dt\b/.test(folded);
}

/**
 * The checklist a new plan starts with: the schools' one when an education bureau issues it or
 * its scope is all schools, else the agencies' one; the shipped checklist of that kind first.
 */
export function defaultChecklistId(
  checklists: readonly Checklist[],
  context: { issuer: string; scopeKinds?: readonly UnitKind[] },
): string {
  const kinds = context.scopeKinds ?? [];
  const forSchools = isEducationBody(context.issuer) || (kinds.length > 0 && kinds.every((kind) => kind === 'school'));
  const target: ChecklistTarget = forSchools ? 'school' : 'agency';
  const usable = checklists.filter((checklist) => checklist.active);
  const pick = (list: readonly Checklist[]) => list.find((checklist) => checklist.isDefault) ?? list[0];
  const chosen =
    pick(usable.filter((checklist) => checklist.target === target)) ??
    pick(usable.filter((checklist) => checklist.target === 'any')) ??
    pick(usable) ??
    checklists[0];
  return chosen?.id ?? '';
}
