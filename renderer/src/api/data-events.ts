import { createContext, useContext } from 'react';
import type { ApiName } from '../../../shared/api/contract';

type FamilyOf<Name> = Name extends `${infer Family}.${string}` ? Family : never;

/** A family of data, named as the API names it: 'plans', 'inspections', 'registry'… */
export type DataTopic = FamilyOf<ApiName>;

export function topicOf(name: ApiName): DataTopic {
  return name.slice(0, name.indexOf('.')) as DataTopic;
}

/** What changed: some families, or everything (a restored backup, a merged transfer). */
export type DataChange = ReadonlySet<DataTopic> | 'all';

type Listener = (change: DataChange) => void;

/**
 * Tells the screens on view that data changed somewhere else (a command in another panel, an
 * import, a restore), so their queries load again while still showing what they have.
 */
export class DataEvents {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(topics: readonly DataTopic[]): void {
    if (topics.length > 0) this.emit(new Set(topics));
  }

  /** Everything may be different now: every query on screen loads again. */
  changedAll(): void {
    this.emit('all');
  }

  private emit(change: DataChange): void {
    for (const listener of [...this.listeners]) listener(change);
  }
}

export const DataEventsContext = createContext<DataEvents>(new DataEvents());

export function useDataEvents(): DataEvents {
  return useContext(DataEventsContext);
}
