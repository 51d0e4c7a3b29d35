import { isValidCalendarDate, twoDigits } from '../format/date';

/**
 * The period a report covers ("từ ngày … đến ngày …") and its shortcuts: a calendar year, a
 * school year (01/9 to 31/8), the first half of a year, a quarter.
 */
export const PERIOD_SHORTCUTS = ['year', 'schoolYear', 'firstHalf', 'q1', 'q2', 'q3', 'q4'] as const;
export type PeriodShortcut = (typeof PERIOD_SHORTCUTS)[number];

export interface Period {
  /** ISO dates, both included. */
  from: string;
  to: string;
}

function iso(year: number, month: number, day: number): string {
  return `${year}-${twoDigits(month)}-${twoDigits(day)}`;
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The dates of a shortcut; `year` is the calendar year, or the first year of a school year. */
export function shortcutPeriod(shortcut: PeriodShortcut, year: number): Period {
  switch (shortcut) {
    case 'year':
      return { from: iso(year, 1, 1), to: iso(year, 12, 31) };
    case 'schoolYear':
      return { from: iso(year, 9, 1), to: iso(year + 1, 8, 31) };
    case 'firstHalf':
      return { from: iso(year, 1, 1), to: iso(year, 6, 30) };
    default: {
      const quarter = Number(shortcut.slice(1));
      const first = (quarter - 1) * 3 + 1;
      return { from: iso(year, first, 1), to: iso(year, first + 2, lastDay(year, first + 2)) };
    }
  }
}

/** The shortcut and year a period is exactly, or null (a period of its own). */
export function periodShortcut(period: Period): { shortcut: PeriodShortcut; year: number } | null {
  const year = Number(period.from.slice(0, 4));
  if (!Number.isInteger(year)) return null;
  for (const shortcut of PERIOD_SHORTCUTS) {
    const candidate = shortcutPeriod(shortcut, year);
    if (candidate.from === period.from && candidate.to === period.to) return { shortcut, year };
  }
  return null;
}

/** True when both are real dates and the first is not after the second. */
export function isValidPeriod(period: Period): boolean {
  const parts = [period.from, period.to].map((value) => /^(\d{4})-(\d{2})-(\d{2})$/.exec(value));
  if (parts.some((match) => !match || !isValidCalendarDate(Number(match[1]), Number(match[2]), Number(match[3])))) {
    return false;
  }
  return period.from <= period.to;
}

/** The smallest period holding all of these (the chosen plans' own periods). */
export function spanOf(periods: readonly Period[]): Period | null {
  if (periods.length === 0) return null;
  return {
    from: periods.reduce((min, period) => (period.from < min ? period.from : min), periods[0]!.from),
    to: periods.reduce((max, period) => (period.to > max ? period.to : max), periods[0]!.to),
  };
}

/** A plan's own period: its calendar year, or its school year. */
export function planPeriod(plan: { periodKind: 'calendarYear' | 'schoolYear'; periodYear: number }): Period {
  return shortcutPeriod(plan.periodKind === 'schoolYear' ? 'schoolYear' : 'year', plan.periodYear);
}
