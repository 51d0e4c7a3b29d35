import type { AuditRecord } from '../audit/audit-trail';
import type { ManagingBody, SchoolLevel, Unit, UnitInput, UnitKind } from '../../../../shared/domain/unit';
import { foldVietnamese } from '../../../../shared/text/fold';
import { vietnameseSortKey } from '../../../../shared/text/collate';
import { searchKey } from '../../../../shared/text/search';

/** A row of `units` as SQLite returns it. */
export interface UnitRow {
  id: string;
  code: string;
  code_key: string;
  name: string;
  name_key: string;
  sort_key: string;
  search_key: string;
  kind: UnitKind;
  school_level: SchoolLevel | null;
  managing_body: ManagingBody;
  parent_id: string | null;
  head_name: string;
  head_title: string;
  address: string;
  phone: string;
  active: number;
  notes: string;
  is_sample: number;
  created_at: string;
  updated_at: string;
  changed_by_office: string;
  rev: string;
  rev_history: string;
  deleted_at: string | null;
}

export type UnitRowWithParent = UnitRow & { parent_name: string | null };

/** The columns derived from user input, written together with it. */
export interface UnitContentColumns {
  code: string;
  code_key: string;
  name: string;
  name_key: string;
  sort_key: string;
  search_key: string;
  kind: UnitKind;
  school_level: SchoolLevel | null;
  managing_body: ManagingBody;
  parent_id: string | null;
  head_name: string;
  head_title: string;
  address: string;
  phone: string;
  active: number;
  notes: string;
}

/** Codes compare without case, diacritics or spaces ("th-01" = "TH-01"). */
export function codeKey(code: string): string {
  return foldVietnamese(code).replace(/\s+/g, '');
}

/** Search looks at the name, the code and the head's name (word starts, see shared/text/search.ts). */
export function unitSearchKey(input: Pick<UnitInput, 'name' | 'code' | 'headName'>): string {
  return searchKey(input.name, input.code, input.headName);
}

export function contentColumns(input: UnitInput): UnitContentColumns {
  return {
    code: input.code,
    code_key: codeKey(input.code),
    name: input.name,
    name_key: foldVietnamese(input.name),
    sort_key: vietnameseSortKey(input.name),
    search_key: unitSearchKey(input),
    kind: input.kind,
    school_level: input.kind === 'school' ? input.schoolLevel : null,
    managing_body: input.managingBody,
    parent_id: input.parentId,
    head_name: input.headName,
    head_title: input.headTitle,
    address: input.address,
    phone: input.phone,
    active: input.active ? 1 : 0,
    notes: input.notes,
  };
}

export function rowToUnit(row: UnitRowWithParent): Unit {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    schoolLevel: row.school_level,
    managingBody: row.managing_body,
    parentId: row.parent_id,
    parentName: row.parent_name,
    headName: row.head_name,
    headTitle: row.head_title,
    address: row.address,
    phone: row.phone,
    active: row.active === 1,
    notes: row.notes,
    isSample: row.is_sample === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    rev: row.rev,
  };
}

export function unitInputFromRow(row: UnitRow): UnitInput {
  return {
    code: row.code,
    name: row.name,
    kind: row.kind,
    schoolLevel: row.school_level,
    managingBody: row.managing_body,
    parentId: row.parent_id,
    headName: row.head_name,
    headTitle: row.head_title,
    address: row.address,
    phone: row.phone,
    active: row.active === 1,
    notes: row.notes,
  };
}

/** The audit entry of an edit (in the registry or by an import): the fields it changed. */
export function unitEditAudit(unitId: string, before: UnitInput, after: UnitInput): AuditRecord {
  return {
    entity: 'unit',
    entityId: unitId,
    action: before.active === after.active ? 'update' : after.active ? 'activate' : 'deactivate',
    summary: after.name,
    changes: (Object.keys(after) as (keyof UnitInput)[])
      .filter((key) => before[key] !== after[key])
      .map((key) => ({ field: key, before: String(before[key] ?? ''), after: String(after[key] ?? '') })),
  };
}

/** True when storing `input` would change nothing the user can see. */
export function sameContent(row: UnitRow, input: UnitInput): boolean {
  const next = contentColumns(input);
  return (Object.keys(next) as (keyof UnitContentColumns)[]).every((key) => row[key] === next[key]);
}
