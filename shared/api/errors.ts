/** Error codes shared by the core and the renderer. Feature codes live with their feature. */
export const ErrorCode = {
  validation: 'VALIDATION',
  notFound: 'NOT_FOUND',
  conflict: 'CONFLICT',
  unknownCall: 'UNKNOWN_CALL',
  internal: 'INTERNAL',
  unauthorized: 'UNAUTHORIZED',
  transport: 'TRANSPORT',
  /** The data file is damaged: every write is refused (system.health says more). */
  dbDamaged: 'DB_DAMAGED',
  /** Another process has the data folder (at start-up). */
  dataInUse: 'DATA_IN_USE',
} as const;
