import { col, defineEntity } from '../../db/columns';
import type { EntityRow } from '../../db/record-table';
import {
  MANAGING_BODIES,
  SCHOOL_LEVELS,
  SCHOOL_TYPES,
  UNIT_KINDS,
  type UnitInput,
} from '../../../../shared/domain/unit';
import type { AuditAction } from '../../../../shared/domain/audit';
import { foldVietnamese } from '../../../../shared/text/fold';
import { vietnameseSortKey } from '../../../../shared/text/collate';
import { searchKey } from '../../../../shared/text/search';

/** Codes compare without case, diacritics or spaces ("th-01" = "TH-01"). */
export function codeKey(code: string): string {
  return foldVietnamese(code).replace(/\s+/g, '');
}

/** Search looks at the name, the code and the head's name (word starts, see shared/text/search.ts). */
export function unitSearchKey(input: Pick<UnitInput, 'name' | 'code' | 'headName'>): string {
  return searchKey(input.name, input.code, input.headName);
}

/** The unit registry's column map: every field of a unit and where it is kept. */
export const unitEntity = defineEntity({
  table: 'units',
  fields: {
    code: col.text('code'),
    name: col.text('name'),
    kind: col.oneOf('kind', UNIT_KINDS),
    schoolLevel: col.optionalOneOf('school_level', SCHOOL_LEVELS),
    schoolType: col.optionalOneOf('school_type', SCHOOL_TYPES),
    managingBody: col.oneOf('managing_body', MANAGING_BODIES),
    parentId: col.optionalText('parent_id'),
    headName: col.text('head_name'),
    headTitle: col.text('head_title'),
    address: col.text('address'),
    phone: col.text('phone'),
    active: col.flag('active'),
    notes: col.text('notes'),
    isSample: col.flag('is_sample').once(),
  },
  derived: {
    code_key: (unit): string => codeKey(unit.code),
    name_key: (unit): string => foldVietnamese(unit.name),
    sort_key: (unit): string => vietnameseSortKey(unit.name),
    search_key: (unit): string => unitSearchKey(unit),
  },
});

export type UnitRow = EntityRow<typeof unitEntity>;

export function unitInputFromRow(row: UnitRow): UnitInput {
  const { isSample: _sample, ...input } = unitEntity.fromRow(row);
  return input;
}

/** The fields of `input` that differ from what the row holds. */
export function changedUnitFields(row: UnitRow, input: UnitInput): (keyof UnitInput)[] {
  const before = unitInputFromRow(row);
  return (Object.keys(input) as (keyof UnitInput)[]).filter((key) => {
    const field = unitEntity.fields[key];
    return field.toSql(before[key] as never) !== field.toSql(input[key] as never);
  });
}

/** True when storing `input` would change nothing the user can see. */
export function sameContent(row: UnitRow, input: UnitInput): boolean {
  return changedUnitFields(row, input).length === 0;
}

/** How the audit trail names an edit of a unit. */
export function unitEditAction(before: Pick<UnitInput, 'active'>, after: Pick<UnitInput, 'active'>): AuditAction {
  if (before.active === after.active) return 'update';
  return after.active ? 'activate' : 'deactivate';
}
