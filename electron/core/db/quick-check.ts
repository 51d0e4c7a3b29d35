import type Database from 'better-sqlite3';
import { isCorruption } from '../kernel/errors';

/**
 * `PRAGMA quick_check` (the b-tree structure, without cross-checking every index against its
 * table as integrity_check does): null when sound, else SQLite's first finding. A file too
 * broken to check at all counts as damaged too.
 */
export function quickCheck(db: Database.Database): string | null {
  try {
    const result = String(db.pragma('quick_check(1)', { simple: true }));
    return result === 'ok' ? null : firstFinding(result);
  } catch (error) {
    if (isCorruption((error as { code?: unknown } | null)?.code)) return (error as Error).message;
    throw error;
  }
}

/** "*** in database main ***\nTree 3 page 7 cell 99: …" → "Tree 3 page 7 cell 99: …". */
export function firstFinding(result: string): string {
  const lines = result.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('***'));
  return lines[0] ?? result;
}
