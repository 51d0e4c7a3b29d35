import { z } from 'zod';
import { defineEndpoints } from './define';
import { idSchema } from '../domain/common';
import { MIN_BACKUP_PASSWORD } from '../domain/backup';
import { folderPathSchema, restoreSourceSchema } from './backup';

/** What a transfer may answer besides the common errors. */
export const TransferError = {
  /** The package is damaged, cut short or not a package at all. */
  broken: 'transfer.broken',
  /** A whole, readable package that cannot be taken (newer app, this office's own, bad data). */
  refused: 'transfer.refused',
  /** The receive session is gone (the app restarted, or it was already applied). */
  sessionExpired: 'transfer.sessionExpired',
  /** A conflict already decided, or no longer open. */
  conflictClosed: 'transfer.conflictClosed',
} as const;

const verdictCounts = {
  add: z.number().int(),
  update: z.number().int(),
  same: z.number().int(),
  kept: z.number().int(),
  conflict: z.number().int(),
  knownConflict: z.number().int(),
  twin: z.number().int(),
  collision: z.number().int(),
};

export const recordLabelSchema = z.object({
  /** Which kind of record (a table name; the screens name it in words). */
  table: z.string(),
  name: z.string(),
  /** The plan it belongs to, when it does. */
  context: z.string(),
});
export type RecordLabel = z.infer<typeof recordLabelSchema>;

export const versionSideSchema = z.object({
  rev: z.string(),
  updatedAt: z.string(),
  /** The office whose change made this version. */
  office: z.string(),
  deleted: z.boolean(),
});
export type VersionSide = z.infer<typeof versionSideSchema>;

export const conflictViewSchema = z.object({
  /** null in a preview (not stored yet). */
  id: z.string().nullable(),
  label: recordLabelSchema,
  recordId: z.string(),
  /** edit: both changed; delete: deleted in one, changed in the other; number: one minutes number given twice. */
  kind: z.enum(['edit', 'delete', 'number']),
  /** The version in place meanwhile (decided by a rule every office applies alike). */
  winner: z.enum(['ours', 'theirs']),
  ours: versionSideSchema,
  theirs: versionSideSchema,
  /** The fields that differ, by field name. */
  fields: z.array(z.object({ field: z.string(), ours: z.string(), theirs: z.string() })),
  fromOffice: z.string(),
  at: z.string(),
});
export type ConflictView = z.infer<typeof conflictViewSchema>;

const unitBrief = z.object({ id: z.string(), name: z.string(), code: z.string(), kind: z.string() });

export const transferPreviewSchema = z.object({
  sessionId: z.string(),
  packageId: z.string(),
  sender: z.object({ officeId: z.string(), name: z.string() }),
  createdAt: z.string(),
  scope: z.enum(['all', 'plans', 'changes']),
  /** This very package was received before (receiving it again changes nothing). */
  alreadyReceived: z.boolean(),
  /**
   * A package of changes that follows on from an exchange this office has no record of (that
   * package never arrived here, or the data was restored from an older backup since): what the
   * earlier one carried may be missing here. When that exchange was, in the sender's log.
   */
  missingEarlier: z.object({ at: z.string() }).nullable(),
  totals: z.object(verdictCounts),
  tables: z.array(z.object({ table: z.string(), ...verdictCounts })),
  /** Units registered separately in both offices: linked unless kept apart (a shared code must be linked). */
  twins: z.array(z.object({ theirs: unitBrief, ours: unitBrief, reason: z.enum(['code', 'name']) })),
  collisions: z.array(
    z.object({
      kind: z.enum(['minutesNumber', 'scope']),
      label: recordLabelSchema,
      ours: z.string(),
      theirs: z.string(),
      number: z.number().int().nullable(),
    }),
  ),
  conflicts: z.array(conflictViewSchema),
});
export type TransferPreview = z.infer<typeof transferPreviewSchema>;

export const exchangeSchema = z.object({
  id: z.string(),
  direction: z.enum(['sent', 'received']),
  packageId: z.string(),
  peerOffice: z.string(),
  peerName: z.string(),
  at: z.string(),
  fileName: z.string(),
  scope: z.string(),
  counts: z.record(z.string(), z.number()),
  operator: z.string(),
});
export type Exchange = z.infer<typeof exchangeSchema>;

export const knownOfficeSchema = z.object({
  officeId: z.string(),
  name: z.string(),
  parentBody: z.string(),
  lastSeen: z.string(),
});

export const sendScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('plans'), planIds: z.array(idSchema).min(1).max(1000) }),
  /** What changed since the last package exchanged with the recipient. */
  z.object({ kind: z.literal('changes') }),
]);

/** Optional; never logged nor stored: it only derives the package's key. Same rule as backups'. */
const packagePasswordSchema = z
  .string()
  .max(200)
  .refine((value) => value.length >= MIN_BACKUP_PASSWORD, { error: 'backup.passwordTooShort' });

export const sentFileSchema = z.object({
  fileName: z.string(),
  path: z.string(),
  folder: z.string(),
  size: z.number().int(),
  rows: z.number().int(),
  counts: z.record(z.string(), z.number()),
  exchange: exchangeSchema,
});
export type SentFile = z.infer<typeof sentFileSchema>;

export const receiveOutcomeSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('needsPassword'), fileName: z.string() }),
  z.object({ state: z.literal('ready'), fileName: z.string(), preview: transferPreviewSchema }),
]);
export type ReceiveOutcome = z.infer<typeof receiveOutcomeSchema>;

export const transferEndpoints = defineEndpoints({
  /**
   * "Gửi dữ liệu": a package (everything, some plans, or what changed since the last exchange
   * with a known office) sealed into a new .klkgoi file in `folder`, read back before answering.
   */
  'transfer.send': {
    input: z.object({
      scope: sendScopeSchema,
      /** A known office (transfer.offices), or null for a first package to an office not met yet. */
      recipientId: z.string().min(1).max(64).nullable().default(null),
      folder: folderPathSchema,
      password: packagePasswordSchema.nullable().default(null),
    }),
    output: sentFileSchema,
  },
  /** "Nhận dữ liệu": a package file checked whole and previewed; nothing is written yet. */
  'transfer.open': {
    input: z.object({ source: restoreSourceSchema, password: z.string().max(200).nullable().default(null) }),
    output: receiveOutcomeSchema,
  },
  /** Offices met in packages (to send to). */
  'transfer.offices': { input: z.object({}), output: z.array(knownOfficeSchema) },
  /** Packages sent and received, newest first. */
  'transfer.history': { input: z.object({}), output: z.array(exchangeSchema) },
  /** Merges an opened package in one transaction; `keepApart`: twin units (their ids) not to link. */
  'transfer.apply': {
    input: z.object({ sessionId: z.string().min(1).max(64), keepApart: z.array(idSchema).max(20_000).default([]) }),
    output: z.object({
      totals: z.object(verdictCounts),
      conflicts: z.number().int(),
      exchange: exchangeSchema,
    }),
  },
  'transfer.discard': { input: z.object({ sessionId: z.string().min(1).max(64) }), output: z.object({}) },
  /** Conflicts waiting for a person, oldest first. */
  'transfer.conflicts': { input: z.object({}), output: z.array(conflictViewSchema) },
  /** A person's choice: keep this office's version or take the other office's. */
  'transfer.resolve': {
    input: z.object({ conflictId: z.string().min(1).max(64), choice: z.enum(['ours', 'theirs']) }),
    output: z.array(conflictViewSchema),
  },
});
