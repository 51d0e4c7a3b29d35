/** What a transfer may answer besides the common errors. */
export const TransferError = {
  /** The package is damaged, cut short or not a package at all. */
  broken: 'transfer.broken',
  /** A whole, readable package that cannot be taken (newer app, this office's own, bad data). */
  refused: 'transfer.refused',
  /** The receive session is gone (the app restarted, or it was already applied). */
  sessionExpired: 'transfer.sessionExpired',
  /** A conflict already decided, or no longer open. */
  conflictClosed: 'transfer.conflictClosed',
} as const;
