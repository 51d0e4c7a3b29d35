import { randomBytes } from 'node:crypto';

/**
 * The last few changes, kept in memory so the clerk can undo a slip right after making it.
 * An entry remembers the revision the change produced: undo applies only if the record is
 * still at that revision, so it never overwrites a later edit.
 */
export class UndoStore<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly capacity = 50) {}

  push(entry: T): string {
    const id = randomBytes(9).toString('base64url');
    this.entries.set(id, entry);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return id;
  }

  /** The entry, left in place (for an undo that may fail and be tried again). */
  peek(id: string): T | undefined {
    return this.entries.get(id);
  }

  drop(id: string): void {
    this.entries.delete(id);
  }

  take(id: string): T | undefined {
    const entry = this.entries.get(id);
    this.entries.delete(id);
    return entry;
  }
}
