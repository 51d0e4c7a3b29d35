import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';

/**
 * Breaks one b-tree of a closed, checkpointed database the way a bad sector would: the cell
 * pointers of its leaf pages (all of them, or the first `pages`) are overwritten with 0xFF, so
 * `PRAGMA quick_check` fails and any read through those pages meets SQLITE_CORRUPT.
 * Returns the page numbers it damaged.
 */
export function damageBtree(file: string, btree: string, pages = Number.POSITIVE_INFINITY): number[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  let leaves: number[];
  let pageSize: number;
  try {
    pageSize = Number(db.pragma('page_size', { simple: true }));
    leaves = (
      db.prepare(`SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno`).all(btree) as {
        pageno: number;
      }[]
    ).map((row) => row.pageno);
  } finally {
    db.close();
  }
  if (leaves.length === 0) throw new Error(`no leaf page for ${btree}`);
  if (fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0) throw new Error('checkpoint the WAL first');
  const chosen = leaves.slice(0, pages);
  const fd = fs.openSync(file, 'r+');
  try {
    for (const page of chosen) {
      // A leaf page's header is 8 bytes (page 1 starts after the 100-byte file header); the cell pointers follow.
      const start = (page - 1) * pageSize + (page === 1 ? 100 : 0) + 8;
      fs.writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, start);
    }
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return chosen;
}

export function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}
