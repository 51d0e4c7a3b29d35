import type { TFunction } from 'i18next';

/** A share as the charts print it: "34,6%" in Vietnamese, "34.6%" in English. */
export function percentText(t: TFunction, value: number | null): string {
  return value === null ? '' : `${String(Math.round(value * 10) / 10).replace('.', t('statistics.decimalSeparator'))}%`;
}

/** A month's end (ISO) as the progress chart's axis names it: "T1/2019", "01/2019". */
export function monthLabel(t: TFunction, iso: string): string {
  return t('statistics.month', { month: Number(iso.slice(5, 7)), month2: iso.slice(5, 7), year: iso.slice(0, 4) });
}
