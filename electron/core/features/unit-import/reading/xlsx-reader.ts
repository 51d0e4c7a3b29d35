import ExcelJS from 'exceljs';
import { IMPORT_LIMITS } from '../../../../../shared/domain/unit-import';
import { fontHint, type FontHint } from '../encoding/text-encoding';
import { importError } from '../import-errors';
import { cellFromRuns, dateText, formatNumber } from './cell-text';
import type { FileGrid, GridCell, GridRun, SheetGrid } from './grid';
import { guardXlsxZip } from './zip-guard';

/**
 * An .xlsx as grids of cells, after the zip guard has passed it. Cells are read as a person
 * sees them: a formula by its result, a hyperlink by its text, a date as dd/mm/yyyy, a code
 * typed as a number with a "000" format with its leading zeros, a merged cell's value in
 * every cell it covers; each run of rich text keeps its font (the clue to TCVN3/VNI).
 */

type Scalar = string | number | boolean | Date | null | undefined;

function scalarText(value: Scalar, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  return '';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !(value instanceof Date);
}

function runsCell(runs: ExcelJS.RichText[], cellFont: FontHint | null): GridCell {
  const parts: GridRun[] = runs.map((run) => ({
    text: typeof run.text === 'string' ? run.text : '',
    font: run.font?.name !== undefined ? fontHint(run.font.name) : cellFont,
  }));
  return cellFromRuns(parts, cellFont);
}

/** One cell → its text and font clue; undefined when empty. */
export function readCell(cell: ExcelJS.Cell): GridCell | undefined {
  const source = cell.isMerged && cell.master !== cell ? cell.master : cell;
  const value: unknown = source.value;
  const font = fontHint(source.font?.name);
  const numFmt = source.numFmt;
  let result: GridCell;
  if (value === null || value === undefined) return undefined;
  if (isObject(value)) {
    if (Array.isArray(value.richText)) {
      result = runsCell(value.richText as ExcelJS.RichText[], font);
    } else if ('hyperlink' in value || 'text' in value) {
      const text: unknown = value.text;
      result =
        isObject(text) && Array.isArray(text.richText)
          ? runsCell(text.richText as ExcelJS.RichText[], font)
          : { text: typeof text === 'string' ? text : '', font };
    } else if ('formula' in value || 'sharedFormula' in value) {
      const formulaResult: unknown = value.result;
      result = isObject(formulaResult)
        ? { text: '', font }
        : { text: scalarText(formulaResult as Scalar, numFmt), font, numeric: typeof formulaResult === 'number' };
    } else {
      // An error value (#N/A, #REF!…) reads as empty.
      return undefined;
    }
  } else {
    result = { text: scalarText(value as Scalar, numFmt), font, numeric: typeof value === 'number' };
  }
  if (result.text.length > IMPORT_LIMITS.maxCellChars) result.text = result.text.slice(0, IMPORT_LIMITS.maxCellChars);
  return result.text.trim() === '' ? undefined : result;
}

function readSheet(worksheet: ExcelJS.Worksheet): SheetGrid {
  const rows: (GridCell | undefined)[][] = [];
  let rowCount = 0;
  let columnCount = 0;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: (GridCell | undefined)[] = [];
    let hasContent = false;
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      if (columnNumber > IMPORT_LIMITS.maxColumns) return;
      const read = readCell(cell);
      if (!read) return;
      cells[columnNumber - 1] = read;
      hasContent = true;
      columnCount = Math.max(columnCount, columnNumber);
    });
    if (hasContent) {
      rows[rowNumber - 1] = cells;
      rowCount += 1;
    }
  });
  // Dense array: rows the file skipped are empty rows.
  for (let index = 0; index < rows.length; index += 1) rows[index] ??= [];
  return { name: worksheet.name, hidden: worksheet.state !== 'visible', rows, rowCount, columnCount };
}

/** Guard, parse and read every worksheet of an .xlsx. */
export async function readXlsx(buffer: Buffer, fileName: string): Promise<FileGrid> {
  await guardXlsxZip(buffer, fileName);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (error) {
    throw importError('unreadable', { file: fileName }, error);
  }
  const sheets = workbook.worksheets.map(readSheet);
  if (sheets.length === 0) throw importError('noSheets', { file: fileName });
  for (const sheet of sheets) {
    if (sheet.rowCount > IMPORT_LIMITS.maxRows) {
      throw importError('tooManyRows', { file: fileName, limit: IMPORT_LIMITS.maxRows });
    }
  }
  return { format: 'xlsx', sheets, delimiter: null, encoding: 'xlsx', legacyHint: 'none' };
}
