import { IMPORT_LIMITS } from '../../../../../shared/domain/unit-import';
import type { GridCell, SheetGrid } from './grid';

/** A merge copies its value into at most this many cells in all (a merge over a whole sheet is not a table). */
export const MAX_MERGED_CELLS = 200_000;

export interface MergedArea {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/**
 * Every cell a merge covers shows its top-left value, as in the .xlsx reader. `rowAt` gives
 * (creating if needed) a row to write into, so a reader can count what it lays out.
 */
export function spreadMerges(
  rows: (GridCell | undefined)[][],
  merges: readonly MergedArea[],
  rowAt: (index: number) => (GridCell | undefined)[],
  onCopy: () => void = () => undefined,
  maxRow = Number.MAX_SAFE_INTEGER,
): void {
  let budget = MAX_MERGED_CELLS;
  for (const { r1, c1, r2, c2 } of merges) {
    const master = rows[r1]?.[c1];
    if (!master) continue;
    for (let row = r1; row <= Math.min(r2, maxRow) && budget > 0; row += 1) {
      for (let col = c1; col <= Math.min(c2, IMPORT_LIMITS.maxColumns - 1) && budget > 0; col += 1) {
        if (row === r1 && col === c1) continue;
        rowAt(row)[col] = master;
        onCopy();
        budget -= 1;
      }
    }
  }
}

/** The sheet as the rest of the import sees it: rows made dense, content rows and columns counted. */
export function finishSheet(name: string, hidden: boolean, rows: (GridCell | undefined)[][]): SheetGrid {
  let rowCount = 0;
  let columnCount = 0;
  for (let index = 0; index < rows.length; index += 1) {
    const cells = (rows[index] ??= []);
    if (cells.some((cell) => cell !== undefined)) rowCount += 1;
    columnCount = Math.max(columnCount, cells.length);
  }
  return { name, hidden, rows, rowCount, columnCount };
}
