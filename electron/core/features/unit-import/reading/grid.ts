import type { DetectedEncoding, LegacyEncoding } from '../../../../../shared/domain/unit-import';
import type { FontHint } from '../encoding/text-encoding';

/** A run of text with its own font (rich-text cells can mix a .VnTime run with a Unicode one). */
export interface GridRun {
  text: string;
  font: FontHint | null;
}

/** One cell as read from the file, before any conversion. */
export interface GridCell {
  text: string;
  font: FontHint | null;
  /** Set only when the runs have different fonts. */
  runs?: GridRun[];
  /** The cell held a number (a phone number may have lost its leading zero). */
  numeric?: boolean;
}

/** One sheet of the file (a CSV is one sheet). Rows and columns are 0-based; gaps are undefined. */
export interface SheetGrid {
  name: string;
  hidden: boolean;
  rows: (GridCell | undefined)[][];
  /** Rows that have at least one non-empty cell. */
  rowCount: number;
  columnCount: number;
}

export interface FileGrid {
  format: 'xlsx' | 'xls' | 'csv' | 'ods';
  sheets: SheetGrid[];
  /** CSV only. */
  delimiter: string | null;
  /** How the bytes were read (CSV), or 'xlsx' for a workbook (.xlsx, .xls or .ods: text is Unicode). */
  encoding: DetectedEncoding;
  legacyHint: LegacyEncoding;
}
