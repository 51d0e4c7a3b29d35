/** A file the user chose to read (an Excel list, a backup, a package), known to the core by id. */
export interface ChosenFile {
  fileId: string;
  name: string;
  size: number;
}

/** A file the core produced, waiting for the user to save it (export, PDF, .docx). */
export interface PendingDownload {
  downloadId: string;
  fileName: string;
  size: number;
}

export interface FileFilter {
  /** Shown in the dialog, e.g. "Bảng tính Excel". */
  name: string;
  /** Without dots: ["xlsx", "csv"]. */
  extensions: string[];
}

/**
 * Errors of the generic file pieces (electron/core/files): the sealed container, the durable
 * write to removable media with its read-back, the folder chooser. Backups and transfer packages
 * answer them as they are.
 */
export const FileError = {
  notSealed: 'file.NOT_SEALED',
  sealedNewer: 'file.SEALED_NEWER',
  damaged: 'file.DAMAGED',
  truncated: 'file.TRUNCATED',
  wrongPassword: 'file.WRONG_PASSWORD',
  passwordRequired: 'file.PASSWORD_REQUIRED',
  verifyFailed: 'file.VERIFY_FAILED',
  folderNotFound: 'file.FOLDER_NOT_FOUND',
  cancelled: 'file.CANCELLED',
} as const;
