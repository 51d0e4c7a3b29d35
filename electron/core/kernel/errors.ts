import type { TranslateParams } from '../../../shared/i18n/translate';
import type { ApiErrorCode } from '../../../shared/api/error-codes';

/**
 * An error the user should read. `code` is stable (tests and the renderer match on it); the
 * message is looked up from `messageKey` in the user's language when the router answers.
 */
export class AppError extends Error {
  readonly code: ApiErrorCode;
  readonly messageKey: string;
  readonly params: TranslateParams;
  readonly fields: Record<string, string> | undefined;

  constructor(
    code: ApiErrorCode,
    options: { messageKey?: string; params?: TranslateParams; fields?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.messageKey = options.messageKey ?? `errors.${code}`;
    this.params = options.params ?? {};
    this.fields = options.fields;
  }
}

/** A field-level validation failure found by the core (e.g. a duplicate code). */
export function fieldError(field: string, key: string, messageKey: string, params: TranslateParams = {}): AppError {
  return new AppError('VALIDATION', { messageKey, params, fields: { [field]: key } });
}

interface SqliteLikeError {
  code?: unknown;
}

/** Where the office's data lives, named in the messages below. */
export interface DataLocation {
  file: string;
  dir: string;
}

/**
 * Errors from the disk and SQLite that have a plain-language explanation. The database and
 * its folder are the only files a handler writes on its own, so the messages name them.
 */
export function explainSystemError(error: unknown, data: DataLocation = { file: '', dir: '' }): AppError | null {
  if (error instanceof AppError) return error;
  const code = (error as SqliteLikeError | null)?.code;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return new AppError('DISK_FULL', { cause: error });
  if (
    code === 'SQLITE_READONLY' ||
    code === 'SQLITE_CANTOPEN' ||
    code === 'SQLITE_PERM' ||
    code === 'EROFS' ||
    code === 'EACCES' ||
    code === 'EPERM'
  ) {
    return new AppError('READ_ONLY', { params: { dir: data.dir }, cause: error });
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new AppError('DB_LOCKED', { params: { file: data.file }, cause: error });
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return new AppError('DB_CORRUPT', { params: { file: data.file }, cause: error });
  }
  return null;
}
