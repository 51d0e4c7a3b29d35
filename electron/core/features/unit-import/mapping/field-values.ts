import {
  MANAGING_BODIES,
  SCHOOL_LEVELS,
  UNIT_KINDS,
  type ManagingBody,
  type SchoolLevel,
  type UnitKind,
} from '../../../../../shared/domain/unit';
import { catalogs } from '../../../../../shared/i18n/resources';
import { foldedWords as key, inferFromName, levelFromText } from './infer-kind';

/**
 * Values typed in the "Loại hình", "Cấp học", "Cơ quan quản lý" and "Trạng thái" columns.
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
  ['PTDTBT', 'ethnicSemiBoarding'],
  ['PT DTBT', 'ethnicSemiBoarding'],
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
  /** A kind cell may name the level too ("Mầm non"). */
  schoolLevel: SchoolLevel | null;
}

export function parseKind(text: string): KindValue | undefined {
  const k = key(text);
  const kind = KINDS.get(k);
  if (kind) return { kind, schoolLevel: null };
  const level = LEVELS.get(k) ?? levelFromText(text);
  if (level) return { kind: 'school', schoolLevel: level };
  const guess = inferFromName(text);
  return guess ?? undefined;
}

export function parseLevel(text: string): SchoolLevel | undefined {
  return LEVELS.get(key(text)) ?? levelFromText(text) ?? undefined;
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
