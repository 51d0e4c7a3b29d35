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
