import { AppError } from '../../kernel/errors';
import type { TranslateParams } from '../../../../shared/i18n/translate';

/** Why a file cannot be imported; each has a sentence in `unitImport.errors.*` naming the file. */
export type ImportErrorCode =
  | 'tooLarge'
  | 'empty'
  | 'notSpreadsheet'
  | 'legacyXls'
  | 'encrypted'
  | 'htmlTable'
  | 'ods'
  | 'wordDocument'
  | 'zipCorrupt'
  | 'truncated'
  | 'zipTooBig'
  | 'zipTooManyEntries'
  | 'zipBomb'
  | 'tooManyRows'
  | 'unreadable'
  | 'noSheets'
  | 'noData'
  | 'sessionExpired'
  | 'sheetNotFound';

/** An error the wizard shows as it is: stable code `unitImport.<code>`, message in the user's language. */
export function importError(code: ImportErrorCode, params: TranslateParams = {}, cause?: unknown): AppError {
  return new AppError(`unitImport.${code}`, { messageKey: `unitImport.errors.${code}`, params, cause });
}
