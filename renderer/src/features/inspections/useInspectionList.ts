import { useCallback, useState } from 'react';
import type { ApiOutput } from '../../../../shared/api/contract';
import type { InspectionStatus, InspectionSummary } from '../../../../shared/domain/inspection';
import { useApi } from '../../api/ApiContext';
import { useApiQuery } from '../../api/useApiQuery';

interface Filter {
  planId: string | null;
  statuses: InspectionStatus[];
  query: string;
}

type Page = ApiOutput<'inspections.list'>;

/** What the screen added to the first page: later pages, and rows a command answered with. */
interface Local {
  /** The first page these belong to; a new first page (new filter, reload) starts afresh. */
  base: Page | undefined;
  more: InspectionSummary[];
  replaced: ReadonlyMap<string, InspectionSummary>;
  /** Why the last `more` failed. */
  error: unknown;
}

const NOTHING: Local = { base: undefined, more: [], replaced: new Map(), error: null };

/**
 * A list of inspections read a page at a time: the first page whenever the filter changes (or
 * inspections change elsewhere), the next one on `more`. `total` counts every match, so a
 * screen can say how many there are and offer the rest (a plan may hold thousands).
 */
export function useInspectionList(filter: Filter, pageSize: number) {
  const { planId, statuses, query } = filter;
  const api = useApi();
  const first = useApiQuery('inspections.list', { planId, statuses, query, limit: pageSize });
  const [local, setLocal] = useState<Local>(NOTHING);
  const base = first.data;
  const own = local.base === base ? local : NOTHING;
  const rows = [...(base?.rows ?? []), ...own.more].map((row) => own.replaced.get(row.id) ?? row);

  const more = useCallback(async () => {
    if (!base) return;
    try {
      const answer = await api.call('inspections.list', {
        planId,
        statuses,
        query,
        offset: base.rows.length + (local.base === base ? local.more.length : 0),
        limit: pageSize,
      });
      setLocal((current) => {
        const kept = current.base === base ? current : { ...NOTHING, base };
        return { ...kept, more: [...kept.more, ...answer.rows], error: null };
      });
    } catch (error) {
      setLocal((current) => ({ ...(current.base === base ? current : { ...NOTHING, base }), error }));
    }
  }, [api, base, local, planId, statuses, query, pageSize]);

  /** Shows a row as a command answered it (e.g. a new planned date) without reading the list again. */
  const replaceRow = useCallback(
    (row: InspectionSummary) =>
      setLocal((current) => {
        const kept = current.base === base ? current : { ...NOTHING, base };
        return { ...kept, replaced: new Map(kept.replaced).set(row.id, row) };
      }),
    [base],
  );

  return {
    rows,
    total: base?.total ?? 0,
    loaded: base !== undefined,
    loading: first.loading,
    error: first.error ?? own.error,
    reload: first.reload,
    more,
    replaceRow,
  };
}
