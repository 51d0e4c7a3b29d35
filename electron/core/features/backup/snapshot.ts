import fs from 'node:fs';
import { runSqliteSteps } from '../../db/sqlite-worker';
import { factSteps, factsFrom, type DatabaseFacts } from './database-facts';

export interface Snapshot extends DatabaseFacts {
  file: string;
  bytes: number;
  /** When the snapshot's read transaction began (near enough: just before it). */
  takenAt: Date;
}

/**
 * A consistent copy of the live database in one file, taken while the app keeps working:
 * `VACUUM INTO` on a read-only connection in a worker thread. One read transaction, so it never
 * restarts under the app's writes (the online backup API does, and can loop for ever under
 * steady writes); the copy is compact, self-contained and in rollback-journal mode (no -wal),
 * as a file to restore must be. The bench "backup" measures it beside `db.backup()`.
 *
 * Then, in the same worker, its facts (office, counts, schema) read from the copy itself, so the
 * manifest describes exactly what the file holds. `onProgress` follows the copy's growth against
 * the live file's size. Its checksum is computed while it is sealed (backup-file.ts).
 */
export async function takeSnapshot(
  databaseFile: string,
  target: string,
  now: () => Date,
  options: { signal?: AbortSignal | undefined; onProgress?: (done: number, total: number) => void } = {},
): Promise<Snapshot> {
  const total = fs.statSync(databaseFile).size;
  const timer = options.onProgress
    ? setInterval(() => {
        try {
          options.onProgress?.(Math.min(fs.statSync(target).size, total), total);
        } catch {
          // Not created yet.
        }
      }, 200)
    : null;
  timer?.unref();
  const takenAt = now();
  try {
    const results = await runSqliteSteps(
      [
        { op: 'open', file: databaseFile, readonly: true },
        // VACUUM INTO syncs its output as this connection's `synchronous` says: the snapshot is a
        // temporary (a crash discards it), only the sealed file made from it must be durable, so
        // its fsync of the whole copy is skipped.
        { op: 'pragma', pragma: 'synchronous = OFF' },
        { op: 'vacuumInto', target },
        { op: 'open', file: target, readonly: true },
        ...factSteps(),
      ],
      options.signal,
    );
    options.onProgress?.(total, total);
    return { file: target, takenAt, bytes: fs.statSync(target).size, ...factsFrom(results, 4) };
  } finally {
    if (timer) clearInterval(timer);
  }
}
