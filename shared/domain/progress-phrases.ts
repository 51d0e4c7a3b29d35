import { percent, type KindProgress } from './progress';
import { UNIT_KINDS, type UnitKind } from './unit';

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

/** "a và b", "a; b và c" — semicolons when there are three or more, because kind names hold commas. */
export function joinList(t: Translate, items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  const separator = items.length > 2 ? t('progress.listSemicolon') : t('progress.listComma');
  return `${items.slice(0, -1).join(separator)}${t('progress.listAnd')}${items.at(-1) ?? ''}`;
}

/**
 * "21 cơ quan: 6 phòng chuyên môn và 15 UBND xã, thị trấn" from counts per unit kind.
 * The leading noun is "trường" when every unit is a school, "cơ quan" when every unit is an
 * agency, "đơn vị" otherwise; a single kind needs no list.
 */
export function breakdownSentence(t: Translate, counts: Partial<Record<UnitKind, number>>): string {
  const present = UNIT_KINDS.filter((kind) => (counts[kind] ?? 0) > 0);
  const total = present.reduce((sum, kind) => sum + (counts[kind] ?? 0), 0);
  const noun =
    present.length > 0 && present.every((kind) => kind === 'school')
      ? t('progress.nouns.schools')
      : present.length > 0 && present.every((kind) => AGENCY_KINDS.includes(kind))
        ? t('progress.nouns.agencies')
        : t('progress.nouns.units');
  const part = (kind: UnitKind) => {
    const count = counts[kind] ?? 0;
    return `${count} ${t(`progress.kinds.${kind}_${count === 1 ? 'one' : 'other'}`)}`;
  };
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
