import type { z } from 'zod';

/** First message (an i18n key) per top-level field, for showing under each input. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const result: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_');
    if (result[key] === undefined) result[key] = issue.message;
  }
  return result;
}
