import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiInput, ApiName, ApiOutput } from '../../../shared/api/contract';
import { useApi } from './ApiContext';
import { topicOf, useDataEvents, type DataTopic } from './data-events';

export interface QueryOptions {
  /** Families whose change elsewhere reloads this query (default: the endpoint's own). */
  topics?: readonly DataTopic[];
  /** Loads again whenever this changes (e.g. the revision of the record the list is about). */
  refreshKey?: string | number;
}

export interface ApiQuery<T> {
  /** The newest answer; kept while a reload or a new input is on its way, so nothing flickers. */
  data: T | undefined;
  /** Why the newest request failed (an ApiCallError, its message in the user's language), else null. */
  error: unknown;
  /** A request is on its way. */
  loading: boolean;
  /** Goes up each time `data` is replaced. */
  version: number;
  reload(): void;
  /** Takes what a command answered as the data, instead of asking the back end again. */
  setData(update: (current: T | undefined) => T): void;
}

interface Settled<T> {
  /** The request the data or the error answers; `loading` while it is not the current one. */
  key: string | null;
  data: T | undefined;
  error: unknown;
  version: number;
}

/**
 * Reads from the API for a screen. `input` null means "nothing to ask yet". The newest request
 * wins: an answer to an input (or reload) that has since changed is dropped. A failure stays in
 * `error` (the data from before stays too) until an answer arrives, never an empty list.
 */
export function useApiQuery<K extends ApiName>(
  name: K,
  input: ApiInput<K> | null,
  options: QueryOptions = {},
): ApiQuery<ApiOutput<K>> {
  const api = useApi();
  const events = useDataEvents();
  const [reloads, setReloads] = useState(0);
  const [state, setState] = useState<Settled<ApiOutput<K>>>({
    key: null,
    data: undefined,
    error: null,
    version: 0,
  });
  const inputJson = input === null ? null : JSON.stringify(input);
  const key = inputJson === null ? null : `${name}\n${inputJson}\n${options.refreshKey ?? ''}\n${reloads}`;
  const topics = (options.topics ?? [topicOf(name)]).join(' ');
  // The request currently wanted, and a count of answers put in by hand (setData): an answer
  // to a request sent before a command answered is older than that command's answer.
  const current = useRef<{ key: string | null; handSet: number }>({ key, handSet: 0 });

  useEffect(() => {
    current.current.key = key;
    if (key === null || inputJson === null) return undefined;
    let live = true;
    const handSet = current.current.handSet;
    api.call(name, JSON.parse(inputJson) as ApiInput<K>).then(
      (data) => {
        if (live && current.current.handSet === handSet)
          setState((previous) => ({ key, data, error: null, version: previous.version + 1 }));
      },
      (error: unknown) => {
        if (live && current.current.handSet === handSet) setState((previous) => ({ ...previous, key, error }));
      },
    );
    return () => {
      live = false;
    };
  }, [api, name, inputJson, key]);

  useEffect(() => {
    const watched = topics.split(' ').filter(Boolean);
    return events.subscribe((change) => {
      if (change === 'all' || watched.some((topic) => change.has(topic as DataTopic))) {
        setReloads((count) => count + 1);
      }
    });
  }, [events, topics]);

  const reload = useCallback(() => setReloads((count) => count + 1), []);
  const setData = useCallback((update: (data: ApiOutput<K> | undefined) => ApiOutput<K>) => {
    current.current.handSet += 1;
    const settledKey = current.current.key;
    setState((previous) => ({
      key: settledKey,
      data: update(previous.data),
      error: null,
      version: previous.version + 1,
    }));
  }, []);

  return {
    data: state.data,
    error: state.error,
    loading: key !== null && state.key !== key,
    version: state.version,
    reload,
    setData,
  };
}
