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

/** better-sqlite3 reports extended codes ("SQLITE_IOERR_SHMSIZE"); their base is the part before the second "_". */
function baseCode(code: string): string {
  const match = /^SQLITE_[A-Z]+/.exec(code);
  return match ? match[0] : code;
}

/** I/O failures SQLite reports while writing or syncing: the last change may or may not have reached the disk. */
const WRITE_IOERRS = new Set([
  'SQLITE_IOERR_WRITE',
  'SQLITE_IOERR_FSYNC',
  'SQLITE_IOERR_DIR_FSYNC',
  'SQLITE_IOERR_TRUNCATE',
  'SQLITE_IOERR_DELETE',
  'SQLITE_IOERR_DIR_CLOSE',
]);
const READ_IOERRS = new Set(['SQLITE_IOERR_READ', 'SQLITE_IOERR_SHORT_READ']);

/**
 * Errors from the disk and SQLite that have a plain-language explanation. The database and
 * its folder are the only files a handler writes on its own, so the messages name them.
 */
export function explainSystemError(error: unknown, data: DataLocation = { file: '', dir: '' }): AppError | null {
  if (error instanceof AppError) return error;
  const raw = (error as SqliteLikeError | null)?.code;
  if (typeof raw !== 'string') return null;
  const code = baseCode(raw);
  // WAL's -shm index is grown when the database opens; on a full disk that fails with SHMSIZE.
  if (code === 'SQLITE_FULL' || raw === 'ENOSPC' || raw === 'SQLITE_IOERR_SHMSIZE') {
    return new AppError('DISK_FULL', { params: { file: data.file, dir: data.dir }, cause: error });
  }
  if (code === 'SQLITE_IOERR' || raw === 'EIO') {
    const kind = WRITE_IOERRS.has(raw) ? 'write' : READ_IOERRS.has(raw) ? 'read' : 'other';
    return new AppError('DISK_IO', {
      messageKey: `errors.DISK_IO_${kind}`,
      params: { file: data.file, dir: data.dir, detail: raw },
      cause: error,
    });
  }
  if (
    code === 'SQLITE_READONLY' ||
    code === 'SQLITE_CANTOPEN' ||
    code === 'SQLITE_PERM' ||
    raw === 'EROFS' ||
    raw === 'EACCES' ||
    raw === 'EPERM'
  ) {
    return new AppError('READ_ONLY', { params: { dir: data.dir }, cause: error });
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new AppError('DB_LOCKED', { params: { file: data.file }, cause: error });
  }
  if (isCorruption(raw)) {
    return new AppError('DB_CORRUPT', { params: { file: data.file }, cause: error });
  }
  return null;
}

/** SQLite found the file's structure broken (a damaged page, or not a database at all). */
export function isCorruption(code: unknown): boolean {
  return typeof code === 'string' && (baseCode(code) === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB');
}
