import type { Db } from '../../db/open';
import { nextRowMeta } from '../../db/row-meta';
import { isReferenced } from '../../db/references';
import type { UndoImportResult } from '../../../../shared/domain/unit-import';
import type { AuditTrail } from '../audit/audit-trail';
import { codeKey, contentColumns } from '../registry/unit-row';
import type { UnitRepo } from '../registry/unit-repo';
import type { ImportJournal } from './preview/write-plan';

export interface UndoContext {
  db: Db;
  repo: UnitRepo;
  now: Date;
  officeId: string;
  audit?: AuditTrail | undefined;
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
  const { repo, now, officeId } = context;
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
    repo.update(entry.id, current.rev, nextRowMeta(now, officeId, current), contentColumns(before));
    context.audit?.record({ entity: 'unit', entityId: entry.id, action: 'undo', summary: before.name });
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
      repo.tombstone(entry.id, current.rev, nextRowMeta(now, officeId, current));
      context.audit?.record({ entity: 'unit', entityId: entry.id, action: 'undo', summary: current.name });
      pending.delete(entry.id);
      result.removed += 1;
      progress = true;
    }
  }
  result.kept += pending.size;
  return result;
}
