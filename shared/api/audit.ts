import { z } from 'zod';
import { defineEndpoints } from './define';
import { idSchema } from '../domain/common';
import { AUDIT_ENTITIES, auditEntrySchema } from '../domain/audit';

export const auditEndpoints = defineEndpoints({
  /** Newest first: one record's history (entityId) or everything of a kind, or everything. */
  'audit.list': {
    input: z.object({
      entityId: idSchema.nullable().default(null),
      entity: z.enum(AUDIT_ENTITIES).nullable().default(null),
      offset: z.number().int().min(0).max(10_000_000).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ total: z.number().int(), rows: z.array(auditEntrySchema) }),
  },
});
