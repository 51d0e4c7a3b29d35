/**
 * Comparing two versions of one record by their revisions (CouchDB's model): each version
 * carries its revision and the revisions it descends from, so a merge can tell a fast-forward
 * from "already known" from a true conflict without looking at clocks.
 */

export interface Versioned {
  rev: string;
  rev_history: string;
  deleted_at: string | null;
}

export type Relation =
  /** The same revision on both sides. */
  | 'same'
  /** Ours descends from theirs: theirs is old news. */
  | 'ours-newer'
  /** Theirs descends from ours: a fast-forward. */
  | 'theirs-newer'
  /** Both changed since they last agreed. */
  | 'conflict';

export function historyOf(version: Versioned): string[] {
  try {
    const parsed: unknown = JSON.parse(version.rev_history);
    return Array.isArray(parsed) ? parsed.filter((rev): rev is string => typeof rev === 'string') : [];
  } catch {
    return [];
  }
}

export function relation(ours: Versioned, theirs: Versioned): Relation {
  if (ours.rev === theirs.rev) return 'same';
  if (historyOf(ours).includes(theirs.rev)) return 'ours-newer';
  if (historyOf(theirs).includes(ours.rev)) return 'theirs-newer';
  return 'conflict';
}

function generation(rev: string): number {
  const value = Number.parseInt(rev.split('-', 1)[0] ?? '', 10);
  return Number.isFinite(value) ? value : 0;
}

/**
 * The version every office applies while a conflict waits for a person, whichever side it is
 * decided on (so offices converge): a deletion wins over an edit (the deleted record is never
 * silently brought back; the edit is kept with the conflict), then the longer line of edits,
 * then the greater revision id.
 */
export function winnerOf(ours: Versioned, theirs: Versioned): 'ours' | 'theirs' {
  const oursDeleted = ours.deleted_at !== null;
  const theirsDeleted = theirs.deleted_at !== null;
  if (oursDeleted !== theirsDeleted) return oursDeleted ? 'ours' : 'theirs';
  const byGeneration = generation(ours.rev) - generation(theirs.rev);
  if (byGeneration !== 0) return byGeneration > 0 ? 'ours' : 'theirs';
  return ours.rev > theirs.rev ? 'ours' : 'theirs';
}
