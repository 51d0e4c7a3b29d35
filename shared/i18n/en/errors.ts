import type { CatalogShape } from '../catalog';
import type { errors as vi } from '../vi/errors';

export const errors: CatalogShape<typeof vi> = {
  VALIDATION: 'Some input is not valid: {{fields}} Nothing was saved.',
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
  DB_DAMAGED:
    'The data file {{file}} is damaged, so the app writes nothing more to it: your last change was not saved and the file was not changed. You can still view the data. Restore the file from the latest backup; if there is no backup, do not delete the file and ask for technical support.',
  DB_DAMAGED_read:
    'This data cannot be read because the data file {{file}} is damaged. Restore the file from the latest backup; if there is no backup, do not delete the file and ask for technical support.',
  DB_DAMAGED_runtime:
    'The data file {{file}} is damaged: the app has just found an error in it while reading. That action did not go through and nothing was written to the file. From now on the app only lets you view the data, not change it. Restore the file from the latest backup; if there is no backup, do not delete the file and ask for technical support.',
  DB_EMPTY:
    'The data file {{file}} is empty (0 bytes), probably from an interrupted copy. The app changed nothing. Restore the file from a backup, or delete (or rename) this empty file to start with new data.',
  DB_IS_FOLDER:
    'The path {{file}} is a folder, not a data file. The app changed nothing. Rename or move that folder (if it holds the data file, put the file at exactly this path), then open the app again.',
  DATA_DIR_NOT_FOLDER:
    'The path {{dir}} is meant to be the data folder but is a file. The app changed nothing. Choose another folder with --data-dir, or rename that file, then open the app again.',
  DATA_IN_USE_browser:
    'The data folder {{dir}} is in use by another session of the app in browser mode (process {{pid}} on computer {{host}}, since {{since}}). Use that session, or stop it (press Ctrl+C in its terminal window) and open the app again. If you are sure no session is running, delete the file {{lockFile}} and open the app again.',
  DATA_IN_USE_electron:
    'The data folder {{dir}} is open in another window of the app (process {{pid}} on computer {{host}}, since {{since}}). Use that window, or close it and open the app again. If you are sure no window is open, delete the file {{lockFile}} and open the app again.',
  DATA_IN_USE_other:
    'The data folder {{dir}} is in use by another program (process {{pid}} on computer {{host}}, since {{since}}). Close that program and open the app again. If you are sure no such program is running, delete the file {{lockFile}} and open the app again.',
  DATA_IN_USE_unknown:
    'The data folder {{dir}} is in use by another session of the app (its lock file {{lockFile}} cannot be read). Close the other windows of the app and open it again. If you are sure no session is running, delete the file {{lockFile}} and open the app again.',
  DB_LOCKED: 'The data file {{file}} is in use by another window of the app.',
  DISK_FULL: 'The disk is full. Nothing was saved; free some space and try again.',
  DISK_FULL_open:
    'Cannot open the data file {{file}}: the disk holding the data folder is full (the app needs a little free space to open the file). No data was changed. Free some space on that disk and open the app again.',
  DISK_IO_write:
    'The disk reported an error while writing the data file {{file}} (error {{detail}}): it may be full, failing or disconnected. Your last change may not have been saved; check the disk, open the app again and look over the data before entering more.',
  DISK_IO_read:
    'The disk reported an error while reading the data file {{file}} (error {{detail}}). Check the disk and try again; if it happens again, restore the file from a backup.',
  DISK_IO_other:
    'The disk reported an error while using the data file {{file}} (error {{detail}}). Check the disk and try again.',
  DISK_IO_open:
    'Cannot open the data file {{file}}: the disk reported an error (error {{detail}}). No data was changed. Check the disk (free space, still connected) and open the app again.',
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
