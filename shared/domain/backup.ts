import { z } from 'zod';
import { FOLDER_KINDS } from './folders';

/** Why a backup was taken: by the user, each day, on quitting, or just before a restore. */
export const BACKUP_REASONS = ['manual', 'daily', 'quit', 'beforeRestore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export const backupCountsSchema = z.object({
  units: z.number().int().min(0),
  plans: z.number().int().min(0),
  inspections: z.number().int().min(0),
  /** Inspections whose minutes are finalised (finalised or remedied). */
  finalisedMinutes: z.number().int().min(0),
});
export type BackupCounts = z.infer<typeof backupCountsSchema>;

export const backupOfficeSchema = z.object({ id: z.string(), name: z.string() });

/**
 * What a backup says about itself, in its first chunk (electron/core/features/backup/BACKUP-FORMAT
 * in backup-file.ts): which app and schema wrote it, whose data, when, how much, and the SHA-256
 * of the database it holds.
 */
export const backupManifestSchema = z
  .object({
    format: z.literal('klkchc.backup'),
    manifestVersion: z.literal(1),
    appVersion: z.string().max(50),
    schemaVersion: z.number().int().min(0),
    office: backupOfficeSchema,
    /** When the snapshot was taken (ISO, UTC). */
    createdAt: z.string().max(40),
    reason: z.enum(BACKUP_REASONS),
    counts: backupCountsSchema,
    database: z.object({ bytes: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  })
  .strict();
export type BackupManifest = z.infer<typeof backupManifestSchema>;

/** Where a listed backup lies: the data folder on this PC, or the second folder the user set. */
export const BACKUP_PLACES = ['dataFolder', 'secondFolder'] as const;

export const backupEntrySchema = z.object({
  path: z.string(),
  fileName: z.string(),
  place: z.enum(BACKUP_PLACES),
  size: z.number().int().min(0),
  encrypted: z.boolean(),
  /** Null when the file cannot be read (damaged) or is encrypted. */
  manifest: backupManifestSchema.nullable(),
  /** Set when the file could not be read: the problem, in the interface language. */
  problem: z.string(),
});
export type BackupEntry = z.infer<typeof backupEntrySchema>;

export const backupJobSchema = z.object({
  jobId: z.string(),
  kind: z.enum(['backup', 'copy']),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  phase: z.enum(['snapshot', 'write', 'verify', 'done']),
  /** Bytes done and expected in the current phase (0/0 while unknown). */
  done: z.number().min(0),
  total: z.number().min(0),
  result: z
    .object({
      fileName: z.string(),
      path: z.string(),
      folder: z.string(),
      size: z.number().int().min(0),
      folderKind: z.enum(FOLDER_KINDS),
      counts: backupCountsSchema,
    })
    .nullable(),
  /** The failure, in the interface language; '' otherwise. */
  error: z.string(),
});
export type BackupJob = z.infer<typeof backupJobSchema>;

export const backupFailureSchema = z.object({
  /** When it failed (ISO). */
  at: z.string(),
  /** Which automatic backup: in the data folder, or the copy to the second folder. */
  target: z.enum(BACKUP_PLACES),
  folder: z.string(),
  message: z.string(),
});
export type BackupFailure = z.infer<typeof backupFailureSchema>;

export const backupOverviewSchema = z.object({
  /** The newest backup anywhere we know of (ISO), and whether it went off this PC. */
  lastBackupAt: z.string().nullable(),
  lastBackupFolder: z.string(),
  /** The newest backup to a removable or network folder (ISO). */
  lastExternalAt: z.string().nullable(),
  /** No backup off this PC for more than seven days (or ever). */
  externalOverdue: z.boolean(),
  failures: z.array(backupFailureSchema),
  dataFolder: z.string(),
  secondFolder: z.string().nullable(),
});
export type BackupOverview = z.infer<typeof backupOverviewSchema>;

export const inspectedBackupSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('needsPassword'), fileName: z.string() }),
  z.object({
    state: z.literal('ready'),
    stagingId: z.string(),
    fileName: z.string(),
    /** A sealed backup, or a bare data file copied by hand (klkchc.sqlite3). */
    source: z.enum(['backup', 'dataFile']),
    encrypted: z.boolean(),
    office: backupOfficeSchema,
    /** When the backup was taken; for a bare data file, when it was last changed. */
    takenAt: z.string().nullable(),
    appVersion: z.string().nullable(),
    schemaVersion: z.number().int(),
    /** The schema it was brought up from, when it came from an older app. */
    migratedFrom: z.number().int().nullable(),
    counts: backupCountsSchema,
    current: z.object({ office: backupOfficeSchema, counts: backupCountsSchema }),
  }),
]);
export type InspectedBackup = z.infer<typeof inspectedBackupSchema>;

/** At least this many characters: a backup password guards officials' names and findings. */
export const MIN_BACKUP_PASSWORD = 8;
