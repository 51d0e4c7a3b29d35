import { percent, type KindProgress } from './progress';
import { SCHOOL_LEVELS, UNIT_KINDS, type SchoolLevel, type UnitKind } from './unit';

/**
 * The story's own sentences, in the interface language:
 *   "28/81 đơn vị, đạt 35% kế hoạch"
 *   "21 cơ quan: 6 phòng chuyên môn và 15 UBND xã, thị trấn"
 * `t` is the core's `translate` bound to a language or the renderer's i18next `t`.
 */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

const AGENCY_KINDS: readonly UnitKind[] = ['department', 'commune', 'publicService'];

/** "28/81 đơn vị, đạt 35% kế hoạch": inspected of the units in scope, as a share of the target. */
export function coverageSentence(
  t: Translate,
  figures: { inspected: number; scope: number; targetUnits: number },
): string {
  return t('progress.coverage', {
    inspected: figures.inspected,
    scope: figures.scope,
    percent: percent(figures.inspected, figures.targetUnits),
  });
}

/**
 * "a và b", "a; b và c" — semicolons when there are three or more, because kind names hold
 * commas; `commas` for items that hold none (school levels).
 */
export function joinList(t: Translate, items: string[], options: { commas?: boolean } = {}): string {
  if (items.length <= 1) return items[0] ?? '';
  const separator = items.length > 2 && !options.commas ? t('progress.listSemicolon') : t('progress.listComma');
  return `${items.slice(0, -1).join(separator)}${t('progress.listAnd')}${items.at(-1) ?? ''}`;
}

/** "10 trường THCS", "6 trường mầm non và 4 trường THCS": schools counted by level. */
function levelParts(t: Translate, levels: Partial<Record<SchoolLevel, number>>): string[] {
  return SCHOOL_LEVELS.filter((level) => (levels[level] ?? 0) > 0).map((level) => {
    const count = levels[level] ?? 0;
    return `${count} ${t(`progress.levels.${level}_${count === 1 ? 'one' : 'other'}`)}`;
  });
}

/**
 * "21 cơ quan: 6 phòng chuyên môn và 15 UBND xã, thị trấn" from counts per unit kind.
 * The leading noun is "trường" when every unit is a school, "cơ quan" when every unit is an
 * agency, "đơn vị" otherwise; a single kind needs no list. Given the schools' counts by level,
 * schools are broken down by level ("28 trường: 6 trường mầm non, 12 trường tiểu học và 10
 * trường THCS"); a school of the PTDTBT type counts with its level.
 */
export function breakdownSentence(
  t: Translate,
  counts: Partial<Record<UnitKind, number>>,
  levels: Partial<Record<SchoolLevel, number>> = {},
): string {
  const present = UNIT_KINDS.filter((kind) => (counts[kind] ?? 0) > 0);
  const total = present.reduce((sum, kind) => sum + (counts[kind] ?? 0), 0);
  const onlySchools = present.length > 0 && present.every((kind) => kind === 'school');
  const noun = onlySchools
    ? t('progress.nouns.schools')
    : present.length > 0 && present.every((kind) => AGENCY_KINDS.includes(kind))
      ? t('progress.nouns.agencies')
      : t('progress.nouns.units');
  const byLevel = levelParts(t, levels);
  const part = (kind: UnitKind) => {
    const count = counts[kind] ?? 0;
    const text = `${count} ${t(`progress.kinds.${kind}_${count === 1 ? 'one' : 'other'}`)}`;
    // Inside a list of kinds, the schools' levels go in brackets when there are several.
    return kind === 'school' && byLevel.length > 1
      ? t('progress.schoolsByLevel', { schools: text, levels: joinList(t, byLevel, { commas: true }) })
      : text;
  };
  if (onlySchools && byLevel.length > 1) {
    return t('progress.breakdown', { count: total, noun, list: joinList(t, byLevel, { commas: true }) });
  }
  if (onlySchools && byLevel.length === 1) return byLevel[0] ?? '';
  if (present.length <= 1) {
    const only = present[0];
    return only ? part(only) : t('progress.breakdownOne', { count: 0, noun });
  }
  return t('progress.breakdown', { count: total, noun, list: joinList(t, present.map(part)) });
}

/** The inspected units per kind, ready for breakdownSentence. */
export function inspectedByKind(byKind: Record<UnitKind, KindProgress>): Record<UnitKind, number> {
  return Object.fromEntries(UNIT_KINDS.map((kind) => [kind, byKind[kind].inspected])) as Record<UnitKind, number>;
}

/** The inspected schools per level, ready for breakdownSentence. */
export function inspectedByLevel(byLevel: Record<SchoolLevel, KindProgress>): Record<SchoolLevel, number> {
  return Object.fromEntries(SCHOOL_LEVELS.map((level) => [level, byLevel[level].inspected])) as Record<
    SchoolLevel,
    number
  >;
}
