import type { ReportBlock, ReportBody, ReportChange, ReportFields } from '../../../../shared/domain/report';

/**
 * What a save or an amendment changed, part by part, for the audit trail and the amendments:
 * each field, and each block of the text by its id (added, removed, edited; a new order is one
 * change of its own). Values are the plain text a person reads.
 */

export function blockText(block: ReportBlock): string {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return block.runs.map((run) => run.text).join('');
    case 'table':
      return [block.intro, ...block.table.columns.map((column) => column.title)].filter(Boolean).join(' | ');
    case 'chart':
      return block.chart.title;
  }
}

function shown(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  return value === null || value === undefined ? '' : JSON.stringify(value);
}

export function fieldChanges(before: ReportFields, after: ReportFields): ReportChange[] {
  return (Object.keys(after) as (keyof ReportFields)[])
    .filter((field) => shown(before[field]) !== shown(after[field]))
    .map((field) => ({ field, before: shown(before[field]), after: shown(after[field]) }));
}

export function bodyChanges(before: ReportBody, after: ReportBody): ReportChange[] {
  const changes: ReportChange[] = [];
  const old = new Map(before.blocks.map((block) => [block.id, block]));
  const next = new Map(after.blocks.map((block) => [block.id, block]));
  for (const block of after.blocks) {
    const was = old.get(block.id);
    if (!was) changes.push({ field: `body.${block.id}`, before: '', after: blockText(block) });
    else if (JSON.stringify(was) !== JSON.stringify(block)) {
      changes.push({ field: `body.${block.id}`, before: blockText(was), after: blockText(block) });
    }
  }
  for (const block of before.blocks) {
    if (!next.has(block.id)) changes.push({ field: `body.${block.id}`, before: blockText(block), after: '' });
  }
  const keptBefore = before.blocks.filter((block) => next.has(block.id)).map((block) => block.id);
  const keptAfter = after.blocks.filter((block) => old.has(block.id)).map((block) => block.id);
  if (keptBefore.join(' ') !== keptAfter.join(' ')) {
    changes.push({ field: 'body.order', before: String(keptBefore.length), after: String(keptAfter.length) });
  }
  return changes;
}

/** Refs no run points at any more are dropped, and runs pointing at a ref that is not there lose it. */
export function tidyBody(body: ReportBody): ReportBody {
  const used = new Set<string>();
  const blocks = body.blocks.map((block): ReportBlock => {
    if (block.kind !== 'heading' && block.kind !== 'paragraph') return block;
    return {
      ...block,
      runs: block.runs.map((run) => {
        if (run.ref === undefined) return run;
        if (!Object.hasOwn(body.refs, run.ref)) {
          const { ref: _dropped, ...rest } = run;
          return rest;
        }
        used.add(run.ref);
        return run;
      }),
    };
  });
  const refs = Object.fromEntries(Object.entries(body.refs).filter(([key]) => used.has(key)));
  return { blocks, refs };
}
