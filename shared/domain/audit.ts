import { z } from 'zod';

/**
 * The audit trail (nhật ký thay đổi): who changed what and when, for every kind of record.
 * Generic on purpose — any service writes entries through the core's AuditTrail, naming the
 * entity, its id, the action and the fields that changed.
 */
export const AUDIT_ENTITIES = ['unit', 'official', 'checklist', 'plan', 'inspection', 'report'] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'remove',
  'activate',
  'deactivate',
  'undo',
  'newVersion',
  'scopeAdd',
  'scopeRemove',
  'team',
  'schedule',
  'start',
  'draft',
  'finalise',
  'amend',
  'remedy',
  'reinspection',
  'upgradeChecklist',
  'sample',
  'redraft',
  'finaliseReport',
  /** A conflict between two offices' versions, decided by a person. */
  'resolveConflict',
  /** Two records of one unit (registered in two offices) linked. */
  'link',
  /** Arrived in a package from another office (detail: the office's name). */
  'receive',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditChangeSchema = z.object({
  field: z.string(),
  before: z.string(),
  after: z.string(),
});
export type AuditChange = z.infer<typeof auditChangeSchema>;

export const auditEntrySchema = z.object({
  id: z.string(),
  /** When the change was made (the first one, for coalesced draft edits). */
  at: z.string(),
  /** The last change merged into this entry (autosave merges a session of typing into one entry). */
  lastAt: z.string(),
  operator: z.string(),
  entity: z.enum(AUDIT_ENTITIES),
  entityId: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  /** A short human label of the record at the time (unit name, plan title, …). */
  summary: z.string(),
  /** Free detail: the reason of an amendment, the count of units added… */
  detail: z.string(),
  changes: z.array(auditChangeSchema),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
