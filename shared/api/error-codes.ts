import { CommonError, type CodeOf } from './errors';
import { RegistryError } from './registry';
import { UnitImportError } from './unit-import';
import { InspectionError } from './inspections';
import { MinutesError } from './minutes';
import { FileError } from './files';
import { BackupError } from './backup';
import { DocumentError } from './documents';
import { ReportError } from './reports';
import { TransferError } from './transfer';

/** Every error code the API can answer: the common ones and each feature's. */
export const API_ERROR_CODES = {
  ...CommonError,
  ...RegistryError,
  ...UnitImportError,
  ...InspectionError,
  ...MinutesError,
  ...FileError,
  ...BackupError,
  ...DocumentError,
  ...ReportError,
  ...TransferError,
} as const;

export type ApiErrorCode =
  | CodeOf<typeof CommonError>
  | CodeOf<typeof RegistryError>
  | CodeOf<typeof UnitImportError>
  | CodeOf<typeof InspectionError>
  | CodeOf<typeof MinutesError>
  | CodeOf<typeof FileError>
  | CodeOf<typeof BackupError>
  | CodeOf<typeof DocumentError>
  | CodeOf<typeof ReportError>
  | CodeOf<typeof TransferError>;

export function isApiErrorCode(code: string): code is ApiErrorCode {
  return (Object.values(API_ERROR_CODES) as string[]).includes(code);
}
