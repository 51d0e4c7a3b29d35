import { IMPORT_LIMITS, type HeaderChoice, type ImportField } from '../../../../../shared/domain/unit-import';
import { matchHeader, type FieldMatch } from './header-words';

/**
 * Finding the header row of a sheet as people make them: a title and a date above it, a
 * group title merged over two columns ("Hiệu trưởng" over "Họ và tên" | "Chức vụ"), headers in
 * any case, with or without diacritics. Every row near the top is scored by the columns it
 * names; the best one (or pair of rows) is the header. Pure and bounded: at most
 * `headerScanRows` rows × `maxColumns` columns are looked at.
 */

/** The two lines of a column's header (bottom is '' for a one-line header). */
export interface HeaderLabel {
  top: string;
  bottom: string;
}

export function labelText(label: HeaderLabel): string {
  if (label.bottom === '' || label.bottom === label.top) return label.top;
  if (label.top === '') return label.bottom;
  return `${label.top} – ${label.bottom}`;
}

type Matcher = (text: string) => FieldMatch | null;

function memoMatcher(): Matcher {
  const cache = new Map<string, FieldMatch | null>();
  return (text) => {
    let found = cache.get(text);
    if (found === undefined) {
      found = matchHeader(text);
      cache.set(text, found);
    }
    return found;
  };
}

/** The sub-header names a column first; the group title only helps when the sub-header says nothing. */
function matchLabel(label: HeaderLabel, match: Matcher): FieldMatch | null {
  if (label.bottom === '' || label.bottom === label.top) return match(label.top);
  return match(label.bottom) ?? match(`${label.top} ${label.bottom}`) ?? match(label.top);
}

export interface ProposedMapping {
  mapping: ImportField[];
  /** Sum of the matched columns' strength; 0 when nothing was recognised. */
  score: number;
  hasName: boolean;
  /** The name column's header is exactly a known name header ("Tên đơn vị"), not just containing one. */
  nameExact: boolean;
  matched: number;
}

/** Column labels → the field each feeds. A field goes to one column only: the surest, then the leftmost. */
export function proposeMapping(labels: HeaderLabel[], match: Matcher = memoMatcher()): ProposedMapping {
  const matches = labels.map((label) => matchLabel(label, match));
  const owner = new Map<ImportField, number>();
  matches.forEach((found, column) => {
    if (!found) return;
    const current = owner.get(found.field);
    if (current === undefined || (matches[current]?.score ?? 0) < found.score) owner.set(found.field, column);
  });
  const mapping: ImportField[] = labels.map(() => 'ignore');
  let score = 0;
  for (const [field, column] of owner) {
    mapping[column] = field;
    score += (matches[column]?.score ?? 0) >= 100 ? 3 : 1;
  }
  const nameColumn = owner.get('name');
  const hasName = nameColumn !== undefined;
  const nameExact = nameColumn !== undefined && (matches[nameColumn]?.score ?? 0) >= 100;
  return { mapping, score: score + (hasName ? 5 : 0), hasName, nameExact, matched: owner.size };
}

function cellAt(rows: readonly (readonly string[])[], row: number, column: number): string {
  return (rows[row]?.[column] ?? '').trim();
}

/** The labels of every column for a header choice (1-based row; 0 = no header). */
export function headerLabels(
  rows: readonly (readonly string[])[],
  header: HeaderChoice,
  columnCount: number,
): HeaderLabel[] {
  const width = Math.min(columnCount, IMPORT_LIMITS.maxColumns);
  if (header.row === 0) return Array.from({ length: width }, () => ({ top: '', bottom: '' }));
  const top = header.row - 1;
  return Array.from({ length: width }, (_, column) => ({
    top: cellAt(rows, top, column),
    bottom: header.lines === 2 ? cellAt(rows, top + 1, column) : '',
  }));
}

/** A title merged over the whole width repeats one text in every cell: never a header. */
function isMergedTitle(labels: HeaderLabel[]): boolean {
  const texts = labels.map(labelText).filter((text) => text !== '');
  return texts.length > 1 && texts.every((text) => text === texts[0]);
}

/** A sentence that happens to contain "đơn vị" is not a header: a name header must be exact or have company. */
function usable(result: ProposedMapping, labels: HeaderLabel[]): boolean {
  if (isMergedTitle(labels)) return false;
  return result.nameExact || (result.hasName && result.matched >= 2) || result.matched >= 3;
}

/** The header of a sheet, or null when no row near the top names the columns. */
export function detectHeader(rows: readonly (readonly string[])[], columnCount: number): HeaderChoice | null {
  const match = memoMatcher();
  const limit = Math.min(rows.length, IMPORT_LIMITS.headerScanRows);
  const candidates: { header: HeaderChoice; score: number }[] = [];
  for (let row = 1; row <= limit; row += 1) {
    const labels = headerLabels(rows, { row, lines: 1 }, columnCount);
    const single = proposeMapping(labels, match);
    if (usable(single, labels)) candidates.push({ header: { row, lines: 1 }, score: single.score });
    if (row >= limit) continue;
    const next = proposeMapping(headerLabels(rows, { row: row + 1, lines: 1 }, columnCount), match);
    const pairLabels = headerLabels(rows, { row, lines: 2 }, columnCount);
    const pair = proposeMapping(pairLabels, match);
    // Two lines when they say more together than the upper line alone, at least as much as the
    // lower one, and the upper line is itself a header line (a title names one field at most).
    const twoLines =
      pair.score > single.score &&
      pair.score >= next.score &&
      single.matched >= 2 &&
      !isMergedTitle(labels) &&
      pairLabels.some((label) => label.bottom !== '' && label.bottom !== label.top);
    if (twoLines && usable(pair, pairLabels)) {
      candidates.push({ header: { row, lines: 2 }, score: pair.score });
    }
  }
  let best: { header: HeaderChoice; score: number } | undefined;
  for (const candidate of candidates) if (!best || candidate.score > best.score) best = candidate;
  return best?.header ?? null;
}
