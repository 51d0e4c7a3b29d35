import type { LegacyEncoding, TextEncodingChoice } from '../../../../../shared/domain/unit-import';
import { bestLegacyReading, convertText, type ConversionPlan } from '../encoding/text-encoding';
import type { GridCell, SheetGrid } from '../reading/grid';

/**
 * A sheet's cells as Unicode text, read the way the user chose (or as detected): TCVN3/VNI
 * cells converted, everything NFC. Keeps what each converted cell said before, so the preview
 * can show both.
 */
export interface SheetText {
  rows: string[][];
  /** Original text of converted cells, by `cellKey(row, column)`. */
  originals: Map<number, string>;
  /** Cells that held numbers, by `cellKey`. */
  numeric: Set<number>;
  convertedCells: number;
  /** The legacy encoding of most converted cells ('none' when nothing was converted). */
  legacy: LegacyEncoding;
  columnCount: number;
}

export function cellKey(row: number, column: number): number {
  return row * 128 + column;
}

function* unhintedTexts(sheet: SheetGrid): Generator<string> {
  for (const row of sheet.rows) {
    for (const cell of row) {
      if (!cell) continue;
      if (cell.runs) {
        for (const run of cell.runs) if (run.font === null) yield run.text;
      } else if (cell.font === null) {
        yield cell.text;
      }
    }
  }
}

function convertCell(cell: GridCell, plan: ConversionPlan, tally: Record<'tcvn3' | 'vni', number>) {
  const count = (font: GridCell['font'], converted: boolean) => {
    if (!converted) return;
    const legacy =
      plan.choice === 'tcvn3' || plan.choice === 'vni'
        ? plan.choice
        : font === 'vni'
          ? 'vni'
          : font === null
            ? plan.detected
            : 'tcvn3';
    if (legacy !== 'none') tally[legacy] += 1;
  };
  if (cell.runs) {
    let converted = false;
    const text = cell.runs
      .map((run) => {
        const result = convertText(run.text, run.font, plan);
        count(run.font, result.converted);
        converted ||= result.converted;
        return result.text;
      })
      .join('');
    return { text: text.normalize('NFC'), converted };
  }
  const result = convertText(cell.text, cell.font, plan);
  count(cell.font, result.converted);
  return result;
}

export function sheetText(sheet: SheetGrid, choice: TextEncodingChoice, legacyHint: LegacyEncoding): SheetText {
  const detected: LegacyEncoding =
    choice !== 'auto' ? 'none' : legacyHint !== 'none' ? legacyHint : bestLegacyReading(unhintedTexts(sheet));
  const plan: ConversionPlan = { choice, detected };
  const originals = new Map<number, string>();
  const numeric = new Set<number>();
  const tally = { tcvn3: 0, vni: 0 };
  let convertedCells = 0;
  let columnCount = 0;
  const rows = sheet.rows.map((cells, rowIndex) => {
    const texts: string[] = [];
    cells.forEach((cell, column) => {
      if (!cell) return;
      const result = convertCell(cell, plan, tally);
      texts[column] = result.text;
      columnCount = Math.max(columnCount, column + 1);
      if (result.converted) {
        convertedCells += 1;
        originals.set(cellKey(rowIndex, column), cell.text);
      }
      if (cell.numeric) numeric.add(cellKey(rowIndex, column));
    });
    for (let column = 0; column < texts.length; column += 1) texts[column] ??= '';
    return texts;
  });
  const legacy: LegacyEncoding = convertedCells === 0 ? 'none' : tally.vni > tally.tcvn3 ? 'vni' : 'tcvn3';
  return { rows, originals, numeric, convertedCells, legacy, columnCount: Math.max(columnCount, sheet.columnCount) };
}
