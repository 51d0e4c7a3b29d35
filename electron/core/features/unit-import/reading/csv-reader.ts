import type { TextEncodingChoice } from '../../../../../shared/domain/unit-import';
import { unguardCsvValue } from '../../unit-export/formula-guard';
import { decodeTextBytes } from '../encoding/text-encoding';
import { detectDelimiter, parseDelimited } from './csv-parse';
import type { FileGrid, GridCell } from './grid';

/**
 * A CSV/TXT file as one sheet. The quote our export adds in front of "=…", "+…", "-…", "@…"
 * (formula-injection guard) is taken off again, so exporting and importing back is lossless.
 */
export function readCsv(bytes: Uint8Array, fileName: string, choice: TextEncodingChoice): FileGrid {
  const decoded = decodeTextBytes(bytes, choice);
  const delimiter = detectDelimiter(decoded.text);
  const table = parseDelimited(decoded.text, delimiter, fileName);
  let columnCount = 0;
  const rows = table.rows.map((fields) => {
    columnCount = Math.max(columnCount, fields.length);
    return fields.map((field): GridCell | undefined => {
      if (field === '') return undefined;
      return { text: unguardCsvValue(field), font: null };
    });
  });
  const baseName = fileName.replace(/\.[^.]+$/, '') || fileName;
  return {
    format: 'csv',
    sheets: [{ name: baseName, hidden: false, rows, rowCount: table.contentRows, columnCount }],
    delimiter,
    encoding: decoded.encoding,
    legacyHint: decoded.legacyHint,
  };
}
