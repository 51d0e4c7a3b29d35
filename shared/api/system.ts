import { z } from 'zod';
import { defineEndpoints } from './define';

/** Where the damage was found: by the check at open, by the check run in the background, or by a call while running. */
export const damageReasonSchema = z.enum(['openCheck', 'backgroundCheck', 'runtime']);
export type DamageReason = z.infer<typeof damageReasonSchema>;

export const dataHealthSchema = z.object({
  /** The file is damaged: every write is refused, reads go on where SQLite can answer them. */
  damaged: z.boolean(),
  reason: damageReasonSchema.nullable(),
  /** The database file, to name in the banner. */
  file: z.string(),
  /** SQLite's own finding (English, for technical support); '' when sound. */
  detail: z.string(),
  /** The check of a large file is still running in the background. */
  checking: z.boolean(),
});
export type DataHealthReport = z.infer<typeof dataHealthSchema>;

export const systemEndpoints = defineEndpoints({
  'system.ping': { input: z.object({}), output: z.object({ pong: z.literal(true) }) },
  'system.health': { input: z.object({}), output: dataHealthSchema },
});
