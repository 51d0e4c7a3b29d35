/**
 * Error codes every part of the API may answer. Each feature lists its own codes beside its
 * endpoints (shared/api/<feature>.ts); error-codes.ts joins them into the one union `ApiErrorCode`
 * that the core raises and the renderer compares against, by these names, never by literals.
 */
export const CommonError = {
  validation: 'VALIDATION',
  notFound: 'NOT_FOUND',
  conflict: 'CONFLICT',
  unknownCall: 'UNKNOWN_CALL',
  internal: 'INTERNAL',
  unauthorized: 'UNAUTHORIZED',
  transport: 'TRANSPORT',
  notSetUp: 'NOT_SET_UP',
  dbNewer: 'DB_NEWER',
  dbCorrupt: 'DB_CORRUPT',
  dbLocked: 'DB_LOCKED',
  diskFull: 'DISK_FULL',
  readOnly: 'READ_ONLY',
  printFailed: 'PRINT_FAILED',
  fileNotFound: 'FILE_NOT_FOUND',
  fileTooLarge: 'FILE_TOO_LARGE',
  writeFailed: 'WRITE_FAILED',
  diskIo: 'DISK_IO',
  /** The data file is damaged: every write is refused (system.health says more). */
  dbDamaged: 'DB_DAMAGED',
  /** Start-up refusals: the data file is empty, is a folder, the data folder is a file, another process has it. */
  dbEmpty: 'DB_EMPTY',
  dbIsFolder: 'DB_IS_FOLDER',
  dataDirNotFolder: 'DATA_DIR_NOT_FOLDER',
  dataInUse: 'DATA_IN_USE',
  /** Browser mode's --port cannot be had (start-up only). */
  portInUse: 'PORT_IN_USE',
  portDenied: 'PORT_DENIED',
} as const;

/** Kept for the router and servers: the same codes under their historical name. */
export const ErrorCode = CommonError;

export type CodeOf<M extends Record<string, string>> = M[keyof M];
