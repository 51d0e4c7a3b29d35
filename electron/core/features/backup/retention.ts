import { twoDigits } from '../../../../shared/format/date';

/** How many automatic backups to keep: the newest of each of the last N days, weeks and months. */
export const RETENTION = { daily: 7, weekly: 4, monthly: 12 } as const;

export interface Dated {
  id: string;
  at: Date;
}

function day(at: Date): string {
  return `${at.getFullYear()}-${twoDigits(at.getMonth() + 1)}-${twoDigits(at.getDate())}`;
}

/** ISO 8601 week ("2026-W49") of the local date: weeks start on Monday, week 1 holds January 4. */
function week(at: Date): string {
  const date = new Date(Date.UTC(at.getFullYear(), at.getMonth(), at.getDate()));
  // The Thursday of this week decides the year the week belongs to.
  date.setUTCDate(date.getUTCDate() + 4 - (date.getUTCDay() || 7));
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const number = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${twoDigits(number)}`;
}

function month(at: Date): string {
  return `${at.getFullYear()}-${twoDigits(at.getMonth() + 1)}`;
}

/**
 * Which backups to keep (restic's "keep daily/weekly/monthly" rule): going from the newest, the
 * newest backup of each of the first 7 days that have one, of each of the first 4 weeks, of
 * each of the first 12 months. A year of history in at most 23 files; a day without changes
 * (no backup) does not push an older day out. Local dates: an office's day is its own.
 */
export function backupsToKeep(backups: readonly Dated[], policy: typeof RETENTION = RETENTION): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.at.getTime() - a.at.getTime());
  const keep = new Set<string>();
  for (const [bucket, count] of [
    [day, policy.daily],
    [week, policy.weekly],
    [month, policy.monthly],
  ] as const) {
    const seen = new Set<string>();
    for (const backup of newestFirst) {
      const key = bucket(backup.at);
      if (seen.has(key)) continue;
      if (seen.size === count) break;
      seen.add(key);
      keep.add(backup.id);
    }
  }
  return keep;
}
