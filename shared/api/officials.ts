import { z } from 'zod';
import { defineEndpoints } from './define';
import { idSchema } from '../domain/common';
import { officialInputSchema, officialSchema } from '../domain/official';

export const officialEndpoints = defineEndpoints({
  /** Sorted by given name (Vietnamese order); the search ignores diacritics. */
  'officials.list': {
    input: z.object({
      query: z.string().max(200).default(''),
      active: z.enum(['active', 'all']).default('active'),
      limit: z.number().int().min(1).max(2000).default(500),
    }),
    output: z.object({ total: z.number().int(), rows: z.array(officialSchema) }),
  },
  'officials.create': { input: z.object({ official: officialInputSchema }), output: officialSchema },
  'officials.update': {
    input: z.object({ id: idSchema, rev: z.string().min(1).max(100), official: officialInputSchema }),
    output: officialSchema,
  },
});
