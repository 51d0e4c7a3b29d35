import type { ApplyResult } from '../../../../../shared/domain/unit-import';
import { AppError } from '../../../kernel/errors';
import type { Tx } from '../../../db/write-path';
import { unitEditAction, unitInputFromRow } from '../../registry/unit-entity';
import type { UnitRepo } from '../../registry/unit-repo';
import type { UnitInput } from '../../../../../shared/domain/unit';
import type { PlannedRow } from './plan-rows';

/**
 * What an import wrote, so it can be undone right after: each unit it created, and each it
 * changed with its content before, both with the revision the import left them at.
 */
export interface ImportJournal {
  created: { id: string; rev: string }[];
  updated: { id: string; rev: string; before: UnitInput }[];
}

export interface WriteContext {
  tx: Tx;
  repo: UnitRepo;
  updateExisting: boolean;
  /** Rows that were set aside (section titles, totals…), for the summary. */
  skipped: number;
  /** Filled with what was written. */
  journal?: ImportJournal;
}

/**
 * Writes a plan through the registry's table and the write path (each unit created or updated
 * is in the audit trail, as an edit in the registry is): new units first, each after its parent
 * when the parent is new too, then updates, each from the revision read in the same
 * transaction. The caller's write transaction makes it all or nothing.
 */
export function writePlan(planned: readonly PlannedRow[], context: WriteContext): Omit<ApplyResult, 'undoId'> {
  const result: Omit<ApplyResult, 'undoId'> = {
    created: 0,
    updated: 0,
    unchanged: 0,
    excluded: 0,
    duplicates: 0,
    errors: 0,
    skipped: context.skipped,
  };
  const byTarget = new Map(planned.map((plan) => [plan.target, plan]));
  const createdIds = new Map<string, string>();
  const resolve = (target: string | null | undefined): string | null => {
    if (target === undefined || target === null) return null;
    if (!target.startsWith('new:')) return target;
    const id = createdIds.get(target);
    // The plan never points a written unit at a unit that is not written.
    if (id === undefined) throw new AppError('INTERNAL');
    return id;
  };

  const visiting = new Set<string>();
  const create = (plan: PlannedRow) => {
    if (createdIds.has(plan.target) || visiting.has(plan.target)) return;
    visiting.add(plan.target);
    const parent = plan.parentTarget ? byTarget.get(plan.parentTarget) : undefined;
    if (parent && parent.status === 'new' && !parent.excluded) create(parent);
    const input = plan.input;
    if (!input) throw new AppError('INTERNAL');
    const row = context.tx.insert(
      context.repo.units,
      { ...input, parentId: resolve(plan.parentTarget), isSample: false },
      { audit: { action: 'create', summary: input.name } },
    );
    context.journal?.created.push({ id: row.id, rev: row.rev });
    createdIds.set(plan.target, row.id);
    result.created += 1;
  };

  for (const plan of planned) {
    switch (plan.status) {
      case 'new':
        if (plan.excluded) result.excluded += 1;
        else create(plan);
        break;
      case 'unchanged':
        result.unchanged += 1;
        break;
      case 'duplicate':
        result.duplicates += 1;
        break;
      case 'error':
        result.errors += 1;
        break;
      default:
    }
  }
  for (const plan of planned) {
    if (plan.status !== 'update') continue;
    if (plan.excluded || !context.updateExisting) {
      result.excluded += 1;
      continue;
    }
    const existing = plan.existing;
    const input = plan.input;
    if (!existing || !input) throw new AppError('INTERNAL');
    const parentId = plan.parentTarget === undefined ? existing.parent_id : resolve(plan.parentTarget);
    const before = unitInputFromRow(existing);
    const after = { ...input, parentId };
    const { row } = context.tx.update(
      context.repo.units,
      context.tx.live(context.repo.units, existing.id, existing.rev),
      after,
      {
        audit: { action: unitEditAction(before, after), summary: after.name, changes: 'fields' },
      },
    );
    context.journal?.updated.push({ id: existing.id, rev: row.rev, before });
    result.updated += 1;
  }
  return result;
}
