import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import type { Db } from '../../db/open';

/**
 * Whether the data changed since the last automatic backup, cheaply and across restarts:
 *
 * - the file: fold the WAL into it (`wal_checkpoint(TRUNCATE)`, a no-op when nothing was
 *   written), then its identity, size and modification time. In WAL mode a commit only reaches
 *   the main file through a checkpoint, and a checkpoint only writes what commits put in the
 *   WAL; reading and opening write nothing there. It holds across restarts and crashes, does not
 *   depend on the clock being right (it compares, never orders) and costs a checkpoint and two
 *   system calls instead of a scan of every table. A restore puts a new file (a new inode) in
 *   place: changed.
 * - within one connection, SQLite's own count of rows changed (`total_changes()`): file times
 *   have the kernel's tick as resolution (a few ms), which alone could miss a change made in the
 *   same tick as the previous write.
 *
 * At worst it sees a change that was not one (one backup too many), never the other way round.
 */
const fingerprintSchema = z.object({ file: z.string(), connection: z.string(), changes: z.number() });
export type DataFingerprint = z.infer<typeof fingerprintSchema>;

const connections = new WeakMap<Db, string>();

export function dataFingerprint(db: Db, file: string): DataFingerprint {
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // A reader held it (a backup under way): the WAL's own size and time count below.
  }
  const parts: string[] = [];
  for (const name of [file, `${file}-wal`]) {
    try {
      const stat = fs.statSync(name, { bigint: true });
      // An empty WAL says nothing about the data (created on open, truncated on checkpoint).
      parts.push(stat.size === 0n ? '-' : `${stat.ino}:${stat.size}:${stat.mtimeNs}`);
    } catch {
      parts.push('-');
    }
  }
  let connection = connections.get(db);
  if (!connection) {
    connection = randomBytes(8).toString('hex');
    connections.set(db, connection);
  }
  const changes = Number((db.prepare('SELECT total_changes() AS changes').get() as { changes: number }).changes);
  return { file: parts.join('|'), connection, changes };
}

export function sameData(before: DataFingerprint | null, now: DataFingerprint): boolean {
  if (!before || before.file !== now.file) return false;
  return before.connection !== now.connection || before.changes === now.changes;
}

/** The fingerprint as kept in the state file, or null when it is missing or from an older form. */
export function parseFingerprint(text: string): DataFingerprint | null {
  try {
    const parsed = fingerprintSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
