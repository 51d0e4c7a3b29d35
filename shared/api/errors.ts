/** Error codes shared by the core and the renderer. Feature codes live with their feature. */
export const ErrorCode = {
  validation: 'VALIDATION',
  notFound: 'NOT_FOUND',
  conflict: 'CONFLICT',
  unknownCall: 'UNKNOWN_CALL',
  internal: 'INTERNAL',
  unauthorized: 'UNAUTHORIZED',
  transport: 'TRANSPORT',
} as const;
