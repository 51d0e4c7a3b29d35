import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { UnitFilter, UnitSort } from '../../../../shared/api/registry';
import type { Unit } from '../../../../shared/domain/unit';
import { useApi } from '../../api/ApiContext';
import { useDataEvents } from '../../api/data-events';

export const PAGE_SIZE = 100;

export interface UnitListRequest extends Required<UnitFilter> {
  sort: UnitSort;
}

interface ListState {
  key: string;
  total: number;
  pages: Map<number, Unit[]>;
}

/**
 * The registry as a sparse list: pages of 100 units are fetched as the virtualised table
 * scrolls to them. A new search keeps showing the previous rows until its first page arrives,
 * and answers to superseded searches are dropped, so typing never flickers or goes backwards.
 * The registry changing elsewhere (a save, an import, sample data) reads it again the same way.
 */
export function useUnitList(request: UnitListRequest) {
  const api = useApi();
  const events = useDataEvents();
  const [reloads, setReloads] = useState(0);
  const key = `${JSON.stringify(request)}:${reloads}`;
  const [state, setState] = useState<ListState | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(
    () =>
      events.subscribe((change) => {
        if (change === 'all' || change.has('registry')) setReloads((count) => count + 1);
      }),
    [events],
  );
  const reload = useCallback(() => setReloads((count) => count + 1), []);
  const latestKey = useRef(key);
  const loading = useRef(new Set<string>());

  const load = useCallback(
    (pageIndex: number, forKey: string) => {
      const loadingKey = `${forKey}#${pageIndex}`;
      if (loading.current.has(loadingKey)) return;
      loading.current.add(loadingKey);
      const forRequest = JSON.parse(forKey.slice(0, forKey.lastIndexOf(':'))) as UnitListRequest;
      api
        .call('registry.list', { ...forRequest, offset: pageIndex * PAGE_SIZE, limit: PAGE_SIZE })
        .then((result) => {
          if (latestKey.current !== forKey) return;
          setError(null);
          setState((previous) => {
            const pages = previous?.key === forKey ? new Map(previous.pages) : new Map<number, Unit[]>();
            pages.set(pageIndex, result.rows);
            return { key: forKey, total: result.total, pages };
          });
        })
        .catch((caught: unknown) => {
          if (latestKey.current === forKey) setError(caught);
        })
        .finally(() => loading.current.delete(loadingKey));
    },
    [api],
  );

  // A layout effect starts the request right after the keystroke's render, not a frame later.
  useLayoutEffect(() => {
    latestKey.current = key;
    load(0, key);
  }, [key, load]);

  const ensureRange = useCallback(
    (first: number, last: number) => {
      if (!state || state.key !== latestKey.current) return;
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page += 1) {
        if (!state.pages.has(page) && page * PAGE_SIZE < state.total) load(page, state.key);
      }
    },
    [load, state],
  );

  const rowAt = useCallback(
    (index: number): Unit | undefined => state?.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    [state],
  );

  return {
    total: state?.total ?? 0,
    loaded: state !== null,
    /** True while the rows shown belong to an earlier search. */
    stale: state !== null && state.key !== key,
    rowAt,
    ensureRange,
    error,
    reload,
  };
}
