import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../files/atomic-write';
import { backupFailureSchema, type BackupFailure } from '../../../../shared/domain/backup';

/**
 * What this PC remembers about its backups, in the data folder beside them (backups/state.json),
 * not in the database: it describes this PC and its drives, must survive a restore (which puts
 * another database in place), and must be readable when the database is damaged. No password is
 * ever kept here or anywhere.
 */
const stateSchema = z.object({
  /** The optional second folder for automatic backups (a USB stick, a network share). */
  secondFolder: z.string().nullable().default(null),
  lastBackup: z.object({ at: z.string(), folder: z.string() }).nullable().default(null),
  /** The newest backup that went off this PC (a removable or network folder). */
  lastExternal: z.object({ at: z.string(), folder: z.string() }).nullable().default(null),
  /** The data file as it was when the newest automatic backup was taken (see data-fingerprint.ts). */
  lastAutomatic: z.object({ at: z.string(), fingerprint: z.string() }).nullable().default(null),
  /** The last failure of each automatic target, shown until that target succeeds again. */
  failures: z
    .object({
      dataFolder: backupFailureSchema.nullable().default(null),
      secondFolder: backupFailureSchema.nullable().default(null),
    })
    .default({ dataFolder: null, secondFolder: null }),
});
export type BackupState = z.infer<typeof stateSchema>;

export class BackupStateFile {
  private readonly file: string;

  constructor(backupsDir: string) {
    this.file = path.join(backupsDir, 'state.json');
  }

  read(): BackupState {
    try {
      const parsed = stateSchema.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      if (parsed.success) return parsed.data;
    } catch {
      // Missing or unreadable: start afresh (it holds nothing that cannot be rebuilt).
    }
    return stateSchema.parse({});
  }

  update(change: (state: BackupState) => void): BackupState {
    const state = this.read();
    change(state);
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    writeFileAtomic(this.file, `${JSON.stringify(state, null, 2)}\n`);
    return state;
  }

  failures(): BackupFailure[] {
    const { failures } = this.read();
    return [failures.dataFolder, failures.secondFolder].filter((failure): failure is BackupFailure => failure !== null);
  }
}
