import {
  MANAGING_BODIES,
  SCHOOL_LEVELS,
  SCHOOL_TYPES,
  UNIT_KINDS,
  type ManagingBody,
  type SchoolLevel,
  type SchoolType,
  type UnitKind,
} from '../../../../../shared/domain/unit';
import {
  foldedWords as key,
  inferFromName,
  levelFromText,
  schoolTypeFromText,
  type SchoolGuess,
} from '../../../../../shared/domain/unit-names';
import { catalogs } from '../../../../../shared/i18n/resources';

/**
 * Values typed in the "Loại hình", "Cấp học", "Loại trường", "Cơ quan quản lý" and "Trạng thái" columns.
 * The app's own labels in both languages always work (so an export maps back); common ways
 * clerks write them work too. Unknown values return undefined and the row says so.
 */

function labelTable<T extends string>(
  values: readonly T[],
  pick: (catalog: (typeof catalogs)['vi']) => Record<T, string>,
  extra: [string, T][],
): Map<string, T> {
  const table = new Map<string, T>();
  for (const catalog of Object.values(catalogs)) {
    const labels = pick(catalog);
    for (const value of values) table.set(key(labels[value]), value);
  }
  for (const [text, value] of extra) table.set(key(text), value);
  return table;
}

const KINDS = labelTable(UNIT_KINDS, (catalog) => catalog.registry.kinds, [
  ['trường', 'school'],
  ['trường học', 'school'],
  ['cơ sở giáo dục', 'school'],
  ['phòng', 'department'],
  ['phòng ban', 'department'],
  ['cơ quan chuyên môn', 'department'],
  ['phòng chuyên môn thuộc UBND huyện', 'department'],
  ['xã', 'commune'],
  ['thị trấn', 'commune'],
  ['UBND xã', 'commune'],
  ['UBND thị trấn', 'commune'],
  ['UBND cấp xã', 'commune'],
  ['cấp xã', 'commune'],
  ['xã, thị trấn', 'commune'],
  ['sự nghiệp', 'publicService'],
  ['đơn vị sự nghiệp công lập', 'publicService'],
]);

const LEVELS = labelTable(SCHOOL_LEVELS, (catalog) => catalog.registry.schoolLevels, [
  ['MN', 'preschool'],
  ['mẫu giáo', 'preschool'],
  ['TH', 'primary'],
  ['THCS', 'lowerSecondary'],
  ['TH&THCS', 'multiLevel'],
  ['TH và THCS', 'multiLevel'],
]);

const TYPES = labelTable(SCHOOL_TYPES, (catalog) => catalog.registry.schoolTypes, [
  ['thường', 'regular'],
  ['trường thường', 'regular'],
  ['phổ thông', 'regular'],
  ['bán trú', 'ethnicSemiBoarding'],
  ['dân tộc bán trú', 'ethnicSemiBoarding'],
  ['nội trú', 'ethnicBoarding'],
  ['dân tộc nội trú', 'ethnicBoarding'],
]);

const BODIES = labelTable(MANAGING_BODIES, (catalog) => catalog.registry.managingBodies, [
  ['huyện', 'district'],
  ['UBND', 'district'],
  ['Ủy ban nhân dân huyện', 'district'],
  ['Phòng Giáo dục và Đào tạo', 'education'],
  ['Phòng Giáo dục', 'education'],
  ['Phòng GD', 'education'],
  ['PGD', 'education'],
  ['PGD&ĐT', 'education'],
  ['GD&ĐT', 'education'],
  ['giáo dục', 'education'],
]);

const ACTIVE = new Map<string, boolean>();
for (const catalog of Object.values(catalogs)) {
  ACTIVE.set(key(catalog.registry.status.active), true);
  ACTIVE.set(key(catalog.registry.status.inactive), false);
}
for (const text of ['có', 'x', '1', 'true', 'yes', 'hoạt động', 'còn hoạt động', 'active', 'đang hđ']) {
  ACTIVE.set(key(text), true);
}
for (const text of [
  'không',
  '0',
  'false',
  'no',
  'ngừng',
  'giải thể',
  'đã giải thể',
  'sáp nhập',
  'đã sáp nhập',
  'inactive',
  'ngừng hđ',
]) {
  ACTIVE.set(key(text), false);
}

export interface KindValue {
  kind: UnitKind;
  /** A kind cell may name the level or the type too ("Mầm non", "PTDTBT THCS"); null when it does not. */
  schoolLevel: SchoolLevel | null;
  schoolType: SchoolType | null;
}

export function parseKind(text: string): KindValue | undefined {
  const k = key(text);
  const kind = KINDS.get(k);
  if (kind) return { kind, schoolLevel: null, schoolType: null };
  const named = parseSchool(text);
  if (named) return { kind: 'school', schoolLevel: named.level, schoolType: named.type };
  const guess = inferFromName(text);
  // A school named without a type is not thereby regular: the type column may still say.
  return guess ? { ...guess, schoolType: guess.kind === 'school' ? schoolTypeFromText(text) : null } : undefined;
}

/**
 * What a "Cấp học" or "Loại trường" cell says: a level, a type, or both ("PTDTBT THCS"). Old
 * exports wrote "Phổ thông dân tộc bán trú" as a level: it reads as the type, and the level then
 * comes from the name. undefined when the cell names neither.
 */
export function parseSchool(text: string): SchoolGuess | undefined {
  const k = key(text);
  const level = LEVELS.get(k) ?? null;
  const type = TYPES.get(k) ?? null;
  if (level || type) return { level, type };
  const guess = { level: levelFromText(text), type: schoolTypeFromText(text) };
  return guess.level || guess.type ? guess : undefined;
}

export function parseLevel(text: string): SchoolLevel | undefined {
  return parseSchool(text)?.level ?? undefined;
}

export function parseSchoolType(text: string): SchoolType | undefined {
  return parseSchool(text)?.type ?? undefined;
}

export function parseManagingBody(text: string): ManagingBody | undefined {
  const k = key(text);
  const body = BODIES.get(k);
  if (body) return body;
  if (/\b(gd|giao duc)\b/.test(k)) return 'education';
  if (/\b(ubnd|huyen)\b/.test(k)) return 'district';
  return undefined;
}

export function parseActive(text: string): boolean | undefined {
  return ACTIVE.get(key(text));
}
