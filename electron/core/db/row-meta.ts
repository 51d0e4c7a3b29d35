import { randomBytes } from 'node:crypto';
import { uuidv7 } from './ids';

/**
 * The columns every synchronised row carries (the rule is written in SYNC-RULES.md).
 * A revision is "<generation>-<random>", and each row keeps the revisions it descends from,
 * newest first, so a later merge can tell a fast-forward from a true conflict (CouchDB's model).
 */

/**
 * Revisions remembered per row. Only revisions that left the office (or came from another) are
 * kept, so this counts exchanges in which the record changed, not edits.
 */
export const REV_HISTORY_LIMIT = 100;

export interface RowMeta {
  id: string;
  created_at: string;
  updated_at: string;
  changed_by_office: string;
  rev: string;
  rev_history: string;
}

export interface RowMetaUpdate {
  updated_at: string;
  changed_by_office: string;
  rev: string;
  rev_history: string;
}

/** Random hex for revisions, drawn a pool at a time (one call per revision cost more than the rest). */
let pool = '';
let used = 0;

function newRevision(generation: number): string {
  if (used + 16 > pool.length) {
    pool = randomBytes(4096).toString('hex');
    used = 0;
  }
  const random = pool.slice(used, used + 16);
  used += 16;
  return `${generation}-${random}`;
}

export function revisionGeneration(rev: string): number {
  const generation = Number.parseInt(rev.split('-', 1)[0] ?? '', 10);
  return Number.isFinite(generation) ? generation : 0;
}

export function newRowMeta(now: Date, officeId: string, id: string = uuidv7(now.getTime())): RowMeta {
  const timestamp = now.toISOString();
  return {
    id,
    created_at: timestamp,
    updated_at: timestamp,
    changed_by_office: officeId,
    rev: newRevision(1),
    rev_history: '[]',
  };
}

/**
 * The next revision of a row. `keepPrevious` false: the previous revision never left this office
 * (see published_revs in migration 0040), so no other office can know it and the history need
 * not remember it; a run of local edits (autosaves) then adds one entry, not hundreds.
 */
export function nextRowMeta(
  now: Date,
  officeId: string,
  previous: { rev: string; rev_history: string },
  keepPrevious = true,
): RowMetaUpdate {
  let history: unknown;
  try {
    history = JSON.parse(previous.rev_history);
  } catch {
    history = [];
  }
  const ancestors = Array.isArray(history) ? history.filter((item): item is string => typeof item === 'string') : [];
  return {
    updated_at: now.toISOString(),
    changed_by_office: officeId,
    rev: newRevision(revisionGeneration(previous.rev) + 1),
    rev_history: JSON.stringify((keepPrevious ? [previous.rev, ...ancestors] : ancestors).slice(0, REV_HISTORY_LIMIT)),
  };
}
