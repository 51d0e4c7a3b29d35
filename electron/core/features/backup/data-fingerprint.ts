import fs from 'node:fs';
import type { Db } from '../../db/open';

/**
 * Whether the data changed since the last automatic backup, cheaply and across restarts: fold
 * the WAL into the file (`wal_checkpoint(TRUNCATE)`, a no-op when nothing was written), then
 * compare the file's identity, size and modification time (nanoseconds) with those recorded at
 * that backup. In WAL mode a commit only reaches the main file through a checkpoint, and a
 * checkpoint only writes what commits put in the WAL; reads and opening write nothing there.
 * So an unchanged fingerprint means no commit since; a changed one means (almost always) a real
 * change, at worst one backup too many. It holds across app restarts and crashes (unlike
 * `PRAGMA data_version` or `total_changes()`, which live with one connection), does not depend
 * on the clock being right (it compares, never orders), and costs two system calls and a
 * checkpoint instead of a scan of every table. A restore puts a new file (a new inode) in place:
 * changed.
 */
export function dataFingerprint(db: Db, file: string): string {
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // A reader held it (a backup under way): the WAL's own size and time count below.
  }
  const parts: string[] = [];
  for (const name of [file, `${file}-wal`]) {
    try {
      const stat = fs.statSync(name, { bigint: true });
      parts.push(`${stat.ino}:${stat.size}:${stat.mtimeNs}`);
    } catch {
      parts.push('-');
    }
  }
  // An empty WAL says nothing about the data (it is created on open and truncated on checkpoint).
  if (parts[1]?.split(':')[1] === '0') parts[1] = '-';
  return parts.join('|');
}
