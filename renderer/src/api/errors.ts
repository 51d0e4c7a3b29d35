import type { ApiError } from '../../../shared/api/envelope';
import type { ApiErrorCode } from '../../../shared/api/error-codes';

/** An API answer with ok: false, thrown so callers can use try/catch and show `message`. */
export class ApiCallError extends Error {
  readonly code: ApiErrorCode;
  readonly fields: Record<string, string> | undefined;

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.fields = error.fields;
  }
}

export function errorMessage(error: unknown, fallback: string): string {
  if (error instanceof ApiCallError) return error.message;
  return fallback;
}
