import type { CatalogShape } from '../catalog';
import type { files as vi } from '../vi/files';

export const files: CatalogShape<typeof vi> = {
  chooser: {
    titleFolder: 'Choose a folder',
    titleFile: 'Choose a file',
    drives: 'USB sticks and network drives',
    lastUsed: 'Used last time',
    computer: 'This computer',
    up: 'Up to the parent folder',
    path: 'Open folder',
    listLabel: 'Folder contents',
    empty: 'This folder has no subfolders.',
    noFiles: 'No matching file in this folder.',
    choose: 'Choose this folder',
    truncated: 'The folder has too many entries; only the first {{count}} are shown.',
  },
  errors: {
    notSealed: 'The file {{file}} was not made by Kiểm tra KLKCHC. Nothing was changed.',
    newer:
      'The file {{file}} was made by a newer version of the app. Install the latest version and try again. Nothing was changed.',
    damaged:
      'The file {{file}} is damaged (its content does not match its check codes). Use another copy. Nothing was changed.',
    truncated:
      'The file {{file}} is incomplete (its end is missing: copied only in part, or the USB stick was pulled while writing). Use another copy. Nothing was changed.',
    wrongPassword: 'Wrong password for the file {{file}}. Type it again (it is case-sensitive). Nothing was changed.',
    passwordRequired: 'The file {{file}} is protected by a password. Enter the password. Nothing was changed.',
    verifyFailed:
      'The file {{file}} was written, but reading it back did not match: the disk or USB stick may be faulty. The bad file was removed; the other files on the drive are intact. Try another USB stick.',
    folderNotFound:
      'The folder {{folder}} was not found (the USB stick may have been pulled). Choose the folder again.',
    folderDenied: 'The folder {{folder}} cannot be opened: access is denied. Choose another folder.',
    cancelled: 'Stopped. No unfinished file was left behind.',
  },
};
