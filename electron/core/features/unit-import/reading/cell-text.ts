import { formatDate } from '../../../../../shared/format/date';
import type { FontHint } from '../encoding/text-encoding';
import type { GridCell, GridRun } from './grid';

/**
 * How a spreadsheet's cell values read as text, the same for .xlsx and .xls: a date as
 * dd/mm/yyyy, a code typed as a number with a "000" format with its leading zeros, other
 * numbers without float noise.
 */

/** A calendar day given as a Date at UTC midnight. */
export function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  return formatDate(date.toISOString().slice(0, 10));
}

export function formatNumber(value: number, numFmt: string | undefined): string {
  if (!Number.isFinite(value)) return '';
  const zeros = /^"?0+"?$/.exec(numFmt ?? '');
  if (zeros && Number.isInteger(value) && value >= 0)
    return String(value).padStart(zeros[0].replace(/"/g, '').length, '0');
  if (Number.isInteger(value)) return String(value);
  return String(Math.round(value * 1e9) / 1e9);
}

/**
 * One cell from runs of text that may each have their own font. A single font (blank runs
 * aside) makes an ordinary cell; mixed fonts keep the runs, since each is converted apart.
 */
export function cellFromRuns(parts: GridRun[], cellFont: FontHint | null): GridCell {
  const text = parts.map((part) => part.text).join('');
  const fonts = new Set(parts.filter((part) => part.text.trim() !== '').map((part) => part.font));
  if (fonts.size <= 1) return { text, font: fonts.values().next().value ?? cellFont };
  return { text, font: null, runs: parts };
}
