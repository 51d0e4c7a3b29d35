import type { Db } from '../../db/open';
import { isReferenced } from '../../db/references';
import type { Tx } from '../../db/write-path';
import type { UndoImportResult } from '../../../../shared/domain/unit-import';
import { codeKey } from '../registry/unit-entity';
import type { UnitRepo } from '../registry/unit-repo';
import type { ImportJournal } from './preview/write-plan';

export interface UndoContext {
  db: Db;
  tx: Tx;
  repo: UnitRepo;
}

/** Would `parentId` as the parent of `selfId` be missing, or put the unit under itself? */
function parentUnusable(repo: UnitRepo, parentId: string | null, selfId: string): boolean {
  if (parentId === null) return false;
  const seen = new Set<string>();
  let cursor: string | null | undefined = parentId;
  while (cursor) {
    if (cursor === selfId || seen.has(cursor)) return true;
    seen.add(cursor);
    cursor = repo.parentOf(cursor);
    // undefined: the unit is gone (deleted since).
    if (cursor === undefined) return true;
  }
  return false;
}

/**
 * Takes an import back, as far as it safely can, inside the caller's transaction: units it
 * changed get their content before the import again, units it created are removed. A unit
 * edited since the import, one now in use (in a plan, a parent of another unit), or one whose
 * old code or parent no longer fits is left as it is and counted as kept: undo never
 * overwrites later work.
 */
export function undoImport(journal: ImportJournal, context: UndoContext): UndoImportResult {
  const { repo, tx } = context;
  const result: UndoImportResult = { removed: 0, restored: 0, kept: 0 };

  for (const entry of journal.updated) {
    const current = repo.getLive(entry.id);
    const before = entry.before;
    const codeOwner = codeKey(before.code) === '' ? undefined : repo.findLiveByCodeKey(codeKey(before.code));
    if (
      !current ||
      current.rev !== entry.rev ||
      (codeOwner && codeOwner.id !== entry.id) ||
      parentUnusable(repo, before.parentId, entry.id)
    ) {
      result.kept += 1;
      continue;
    }
    tx.update(repo.units, current, before, { audit: { action: 'undo', summary: before.name } });
    result.restored += 1;
  }

  // Children before their parents: a created unit under another created unit frees it.
  const pending = new Map(journal.created.map((entry) => [entry.id, entry]));
  let progress = true;
  while (pending.size > 0 && progress) {
    progress = false;
    for (const entry of [...pending.values()]) {
      const current = repo.getLive(entry.id);
      if (!current || current.rev !== entry.rev) {
        pending.delete(entry.id);
        result.kept += current ? 1 : 0;
        continue;
      }
      if (isReferenced(context.db, 'units', entry.id)) continue;
      tx.tombstone(repo.units, current, { audit: { action: 'undo', summary: current.name } });
      pending.delete(entry.id);
      result.removed += 1;
      progress = true;
    }
  }
  result.kept += pending.size;
  return result;
}
