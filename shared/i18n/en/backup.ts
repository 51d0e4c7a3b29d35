import type { CatalogShape } from '../catalog';
import type { backup as vi } from '../vi/backup';

export const backup: CatalogShape<typeof vi> = {
  passwordTooShort: 'The password needs at least 8 characters.',
  errors: {
    otherKind:
      'The file {{file}} was made by the app but is not a backup (it may be a transfer package). Nothing was changed.',
    notBackup: {
      sqliteOther: 'The file {{file}} is another program’s database, not Kiểm tra KLKCHC data. Nothing was changed.',
      docx: 'The file {{file}} is a Word document, not a backup. Choose a .klkbak file. Nothing was changed.',
      xlsx: 'The file {{file}} is an Excel workbook, not a backup. Choose a .klkbak file. Nothing was changed.',
      zip: 'The file {{file}} is a .zip archive, not a backup. Choose a .klkbak file. Nothing was changed.',
      pdf: 'The file {{file}} is a PDF, not a backup. Choose a .klkbak file. Nothing was changed.',
      office97:
        'The file {{file}} is an old Word or Excel document, not a backup. Choose a .klkbak file. Nothing was changed.',
      unknown: 'The file {{file}} is not a Kiểm tra KLKCHC backup. Choose a .klkbak file. Nothing was changed.',
    },
    emptyFile:
      'The file {{file}} is empty (0 bytes): the copy may not have finished, or the USB stick was pulled. Nothing was changed.',
    damagedData: 'The data in {{file}} is damaged ({{detail}}). Use another backup. Nothing was changed.',
    newer:
      'The file {{file}} was made by a newer version of the app (data version {{found}}; this app supports up to {{supported}}). Install the latest version, then restore. Nothing was changed.',
    stagingGone:
      'The checked file is no longer there (cancelled, or the app restarted). Choose the file to restore again.',
    busy: 'A backup or the check of another file is under way. Wait for it to finish and try again. Nothing was changed.',
    switchFailed:
      'The data file {{file}} could not be replaced (another program may have it open). Your current data is unchanged. Close other programs and try again.',
  },
};
