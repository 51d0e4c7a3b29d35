import { z } from 'zod';
import { cleanMultiline, cleanText } from '../text/fold';

/**
 * Building blocks for schemas. Messages are i18n keys ("validation.required"): the renderer
 * shows them in the interface language and the core translates them for its error answers.
 */

export const idSchema = z.string().uuid({ error: 'validation.invalidId' });

/** A one-line text: NFC, trimmed, single spaces; at most `max` characters. */
export function line(max: number) {
  return z
    .string({ error: 'validation.text' })
    .max(max * 2, { error: 'validation.tooLong' })
    .transform(cleanText)
    .refine((value) => value.length <= max, { error: 'validation.tooLong' });
}

/** A required one-line text. */
export function requiredLine(max: number) {
  return line(max).refine((value) => value.length > 0, { error: 'validation.required' });
}

/** A multi-line text (notes, findings): NFC, line breaks kept. */
export function multiline(max: number) {
  return z
    .string({ error: 'validation.text' })
    .max(max * 2, { error: 'validation.tooLong' })
    .transform(cleanMultiline)
    .refine((value) => value.length <= max, { error: 'validation.tooLong' });
}

/** ISO calendar date "yyyy-mm-dd" that exists. */
export const isoDateSchema = z
  .string({ error: 'validation.date' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' })
  .refine(
    (value) => {
      const [y, m, d] = value.split('-').map(Number);
      const date = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 0));
      return date.getUTCFullYear() === y && date.getUTCMonth() + 1 === m && date.getUTCDate() === d;
    },
    { error: 'validation.date' },
  );

/** Metadata every synchronised row carries (see electron/core/db/SYNC-RULES.md). */
export const rowMetaSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  rev: z.string(),
});
