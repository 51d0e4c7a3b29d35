import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { ApiInput, ApiName, ApiOutput } from '../../../shared/api/contract';
import { useApi } from './ApiContext';
import { useDataEvents, type DataTopic } from './data-events';

export interface CommandOptions {
  /** Families this command changes: queries of them elsewhere on screen load again. */
  invalidates?: readonly DataTopic[];
  /** Also told of a failure (e.g. to show it in the notice bar instead of inline). */
  onError?(error: unknown): void;
}

export interface ApiCommand<K extends ApiName> {
  /**
   * Runs the command once; resolves with its answer (what the screen should now show), or
   * undefined when it failed (see `error`) or one was already running (a double Ctrl+Enter).
   */
  run(input: ApiInput<K>): Promise<ApiOutput<K> | undefined>;
  pending: boolean;
  /** Why the last run failed (ApiCallError: message in the user's language, field errors), else null. */
  error: unknown;
  reset(): void;
}

/** A change sent to the back end, one at a time, with its pending state and its failure. */
export function useApiCommand<K extends ApiName>(name: K, options: CommandOptions = {}): ApiCommand<K> {
  const api = useApi();
  const events = useDataEvents();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const running = useRef(false);
  const invalidates = (options.invalidates ?? []).join(' ');
  const { onError } = options;
  // The newest callback without making `run` change on every render.
  const onErrorRef = useRef(onError);
  useLayoutEffect(() => {
    onErrorRef.current = onError;
  });

  const run = useCallback(
    async (input: ApiInput<K>): Promise<ApiOutput<K> | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setPending(true);
      setError(null);
      try {
        const answer = await api.call(name, input);
        events.changed(invalidates.split(' ').filter(Boolean) as DataTopic[]);
        return answer;
      } catch (caught) {
        setError(caught);
        onErrorRef.current?.(caught);
        return undefined;
      } finally {
        running.current = false;
        setPending(false);
      }
    },
    [api, events, invalidates, name],
  );
  const reset = useCallback(() => setError(null), []);

  return { run, pending, error, reset };
}
