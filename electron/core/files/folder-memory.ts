import fs from 'node:fs';
import { writeFileAtomic } from './atomic-write';

/**
 * "The last folder used", per purpose (backups, restores, packages…), kept in a small file of
 * this PC's data folder: a stick gets the same letter or mount point most times it is plugged
 * in, so offering its folder first saves the clerk a search.
 */
export class FolderMemory {
  constructor(private readonly file: string) {}

  private read(): Record<string, string> {
    try {
      const parsed: unknown = JSON.parse(fs.readFileSync(this.file, 'utf8'));
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        return Object.fromEntries(
          Object.entries(parsed as Record<string, unknown>).filter(
            (entry): entry is [string, string] => typeof entry[1] === 'string',
          ),
        );
      }
    } catch {
      // Missing or unreadable: nothing remembered.
    }
    return {};
  }

  /** The folder last used for `purpose`, if it is still there (a stick may be out). */
  lastUsed(purpose: string): string | null {
    const folder = Object.prototype.hasOwnProperty.call(this.read(), purpose) ? this.read()[purpose] : undefined;
    if (!folder) return null;
    try {
      return fs.statSync(folder).isDirectory() ? folder : null;
    } catch {
      return null;
    }
  }

  remember(purpose: string, folder: string): void {
    const all = this.read();
    if (all[purpose] === folder) return;
    all[purpose] = folder;
    try {
      writeFileAtomic(this.file, `${JSON.stringify(all, null, 2)}\n`);
    } catch {
      // A convenience only: a read-only data folder must not fail the backup that was made.
    }
  }
}
