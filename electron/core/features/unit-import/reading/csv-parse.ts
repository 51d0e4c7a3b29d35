import { IMPORT_LIMITS } from '../../../../../shared/domain/unit-import';
import { importError } from '../import-errors';

/**
 * Delimiter-separated text as Excel and LibreOffice write it (RFC 4180): quoted fields may
 * hold the separator, line breaks and doubled quotes; lines end in CRLF, LF or CR. One linear
 * pass with no backtracking, so no input can make it hang.
 */

const CANDIDATES = [',', ';', '\t', '|'] as const;

/** Counts of a separator outside quotes on each of the first lines. */
function countsPerLine(text: string, delimiter: string, maxLines: number): number[] {
  const counts: number[] = [];
  let count = 0;
  let quoted = false;
  for (let index = 0; index < text.length && counts.length < maxLines; index += 1) {
    const char = text[index];
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === delimiter) count += 1;
    else if (!quoted && (char === '\n' || char === '\r')) {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      counts.push(count);
      count = 0;
    }
  }
  if (count > 0) counts.push(count);
  return counts;
}

/** The separator that splits the first lines most consistently (Vietnamese Excel often writes ";"). */
export function detectDelimiter(text: string): string {
  const sample = text.slice(0, 64 * 1024);
  let best: string = ',';
  let bestScore = 0;
  for (const delimiter of CANDIDATES) {
    const counts = countsPerLine(sample, delimiter, 50).filter((count) => count > 0);
    if (counts.length === 0) continue;
    const frequency = new Map<number, number>();
    for (const count of counts) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    // Lines that agree on the most common count, weighted by that count.
    let score = 0;
    for (const [count, lines] of frequency) score = Math.max(score, lines * 10 + count);
    if (score > bestScore) {
      bestScore = score;
      best = delimiter;
    }
  }
  return best;
}

export interface ParsedTable {
  rows: string[][];
  /** Rows with at least one non-empty field. */
  contentRows: number;
}

/** Splits the text into rows of fields. Refuses more than the row limit; cuts over-long cells. */
export function parseDelimited(text: string, delimiter: string, fileName: string): ParsedTable {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let contentRows = 0;
  let rowHasContent = false;
  const pushField = () => {
    if (row.length < IMPORT_LIMITS.maxColumns) {
      row.push(field.length > IMPORT_LIMITS.maxCellChars ? field.slice(0, IMPORT_LIMITS.maxCellChars) : field);
    }
    if (field.trim() !== '') rowHasContent = true;
    field = '';
  };
  const pushRow = () => {
    pushField();
    rows.push(row);
    if (rows.length > IMPORT_LIMITS.maxSheetRowElements) {
      throw importError('tooManyRows', { file: fileName, limit: IMPORT_LIMITS.maxRows });
    }
    if (rowHasContent) {
      contentRows += 1;
      if (contentRows > IMPORT_LIMITS.maxRows) {
        throw importError('tooManyRows', { file: fileName, limit: IMPORT_LIMITS.maxRows });
      }
    }
    row = [];
    rowHasContent = false;
  };
  const length = text.length;
  let index = 0;
  while (index < length) {
    const char = text[index] as string;
    if (quoted) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          field += '"';
          index += 2;
          continue;
        }
        quoted = false;
        index += 1;
        continue;
      }
      // Appending char by char is linear in V8 (ropes); a cell is cut at the limit anyway.
      if (field.length <= IMPORT_LIMITS.maxCellChars) field += char;
      index += 1;
      continue;
    }
    if (char === '"' && field.trim() === '') {
      field = '';
      quoted = true;
    } else if (char === delimiter) {
      pushField();
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      pushRow();
    } else if (field.length <= IMPORT_LIMITS.maxCellChars) {
      field += char;
    }
    index += 1;
  }
  if (field !== '' || row.length > 0) pushRow();
  return { rows, contentRows };
}
