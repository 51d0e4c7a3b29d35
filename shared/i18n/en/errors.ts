import type { CatalogShape } from '../catalog';
import type { errors as vi } from '../vi/errors';

export const errors: CatalogShape<typeof vi> = {
  VALIDATION: 'Some input is not valid ({{fields}}) Nothing was saved.',
  VALIDATION_generic: 'The request was not valid. Nothing was saved.',
  NOT_FOUND: 'Record not found (it may have been deleted elsewhere).',
  CONFLICT:
    'This record was just changed elsewhere. Reload to see the latest version and edit again; your change was not saved.',
  UNKNOWN_CALL: 'Unsupported request: {{name}}.',
  INTERNAL:
    'An unexpected error occurred. No data was changed. Please try again; if it happens again, contact technical support.',
  UNAUTHORIZED: 'Invalid session. Open the app again with the address printed at start-up.',
  TRANSPORT: 'Cannot reach the application back end.',
  DB_NEWER:
    'The data file {{file}} was created by a newer version of the app (data version {{found}}, this app supports up to {{supported}}). Install the latest version; the file was not changed.',
  DB_CORRUPT:
    'The data file {{file}} is damaged or is not a data file of this app. It was not changed; restore it from a backup.',
  DB_LOCKED: 'The data file {{file}} is in use by another window of the app.',
  DISK_FULL: 'The disk is full. Nothing was saved; free some space and try again.',
  READ_ONLY: 'Cannot write to the data folder {{dir}} (read-only or no permission).',
  NOT_SET_UP: 'Set up the office details before using this function.',
  PRINT_FAILED: 'Printing failed ({{reason}}). Check the printer and try again, or save a PDF to print later.',
  FILE_NOT_FOUND: 'The chosen file was not found (the USB stick may have been removed). Choose the file again.',
  FILE_TOO_LARGE: 'The file is too large ({{size}}); the limit is {{limit}}.',
  WRITE_FAILED_diskFull: 'Could not write the file {{file}}: the disk is full. The previous file (if any) is intact.',
  WRITE_FAILED_denied:
    'Could not write the file {{file}}: no permission to write in this folder. The previous file (if any) is intact.',
  WRITE_FAILED_gone:
    'Could not write the file {{file}}: the drive is no longer reachable (USB stick removed?). The previous file (if any) is intact.',
  WRITE_FAILED_other: 'Could not write the file {{file}} (error {{detail}}). The previous file (if any) is intact.',
};
