import { useCallback, useEffect, useState } from 'react';
import type { InspectionStatus, InspectionSummary } from '../../../../shared/domain/inspection';
import type { ApiClient } from '../../api/client';

interface Filter {
  planId: string | null;
  statuses: InspectionStatus[];
  query: string;
}

/**
 * A list of inspections read a page at a time: the first page whenever the filter (or
 * `reload`) changes, the next one on `more`. `total` counts every match, so a screen can say
 * how many there are and offer the rest (a plan may hold thousands).
 */
export function useInspectionList(api: ApiClient, filter: Filter, pageSize: number, reload = 0) {
  const { planId, statuses, query } = filter;
  const [rows, setRows] = useState<InspectionSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [loaded, setLoaded] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    api
      .call('inspections.list', { planId, statuses, query, limit: pageSize })
      .then((answer) => {
        if (!live) return;
        setRows(answer.rows);
        setTotal(answer.total);
        setLoaded(true);
        setFailure(null);
      })
      .catch((error: unknown) => live && setFailure(error));
    return () => {
      live = false;
    };
  }, [api, planId, statuses, query, pageSize, reload]);

  const more = useCallback(async () => {
    try {
      const answer = await api.call('inspections.list', {
        planId,
        statuses,
        query,
        offset: rows.length,
        limit: pageSize,
      });
      setRows((current) => [...current, ...answer.rows]);
      setTotal(answer.total);
    } catch (error) {
      setFailure(error);
    }
  }, [api, planId, statuses, query, pageSize, rows.length]);

  return { rows, total, loaded, failure, more };
}
