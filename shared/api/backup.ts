import { z } from 'zod';
import { defineEndpoints } from './define';
import {
  MIN_BACKUP_PASSWORD,
  backupEntrySchema,
  backupJobSchema,
  backupOverviewSchema,
  inspectedBackupSchema,
} from '../domain/backup';

/** What backups and restores may answer besides the common and file errors. */
export const BackupError = {
  notBackup: 'backup.NOT_A_BACKUP',
  emptyFile: 'backup.EMPTY_FILE',
  otherKind: 'backup.OTHER_KIND',
  newer: 'backup.NEWER',
  damagedData: 'backup.DAMAGED_DATA',
  busy: 'backup.BUSY',
  stagingGone: 'backup.STAGING_GONE',
  switchFailed: 'backup.SWITCH_FAILED',
} as const;

/** A folder the user chose (system dialog, the app's own chooser, a listed drive): absolute. */
export const folderPathSchema = z.string().min(1).max(1000);

/** Never logged, never stored: it only derives the file's key. */
const passwordSchema = z
  .string()
  .max(200)
  .refine((value) => value.length >= MIN_BACKUP_PASSWORD, { error: 'backup.passwordTooShort' });

const jobInput = z.object({ jobId: z.string().min(1).max(64) });

/** A file to restore: chosen in a dialog or uploaded (by id), or picked from a list or the app's chooser (by path). */
export const restoreSourceSchema = z.union([
  z.object({ fileId: z.string().min(1).max(64) }),
  z.object({ path: z.string().min(1).max(1000) }),
]);

export const backupEndpoints = defineEndpoints({
  'backup.overview': { input: z.object({}), output: backupOverviewSchema },
  'backup.list': {
    input: z.object({}),
    output: z.object({ entries: z.array(backupEntrySchema), secondFolderProblem: z.string() }),
  },
  'backup.start': {
    input: z.object({ folder: folderPathSchema, password: passwordSchema.nullable().default(null) }),
    output: backupJobSchema,
  },
  'backup.copy': { input: z.object({ path: folderPathSchema, folder: folderPathSchema }), output: backupJobSchema },
  'backup.status': { input: jobInput, output: backupJobSchema },
  'backup.cancel': { input: jobInput, output: backupJobSchema },
  'backup.inspect': {
    input: z.object({ source: restoreSourceSchema, password: z.string().max(200).nullable().default(null) }),
    output: inspectedBackupSchema,
  },
  'backup.discard': { input: z.object({ stagingId: z.string().min(1).max(64) }), output: z.object({}) },
  'backup.restore': {
    input: z.object({ stagingId: z.string().min(1).max(64) }),
    /** The backup of the data as it was (or, when that file was damaged, the copy of it kept). */
    output: z.object({ fileName: z.string(), safetyBackup: z.string(), safetyDamaged: z.boolean() }),
  },
  'backup.setSecondFolder': { input: z.object({ folder: folderPathSchema.nullable() }), output: backupOverviewSchema },
});
