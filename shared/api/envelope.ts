import type { ApiErrorCode } from './error-codes';

/**
 * What every API call answers, in Electron IPC and in browser mode alike (after Signal
 * Desktop's channel envelopes): a value, or an error with a stable code and a message already
 * written in the user's language. Never a stack trace.
 */

export interface ApiError {
  /** Stable, machine-readable: one of the contract's codes (error-codes.ts). */
  code: ApiErrorCode;
  /** A sentence for the user, in the interface language. */
  message: string;
  /** For VALIDATION: field path ("name", "team.0.role") → i18n key of the field's message. */
  fields?: Record<string, string>;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
