import { AppError } from '../../kernel/errors';
import type { TranslateParams } from '../../../../shared/i18n/translate';
import { UnitImportError, type ImportFileProblem } from '../../../../shared/api/unit-import';

export type ImportErrorCode = ImportFileProblem;

/** An error the wizard shows as it is: stable code `unitImport.<code>`, message in the user's language. */
export function importError(code: ImportErrorCode, params: TranslateParams = {}, cause?: unknown): AppError {
  return new AppError(UnitImportError[code], { messageKey: `unitImport.errors.${code}`, params, cause });
}
