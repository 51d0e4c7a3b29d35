/**
 * Vietnamese text folding for search: "Hiệp Hạ", "HIEP HA" and "hiep  ha" all fold to "hiep ha".
 * Folding happens in JavaScript and the result is stored in an indexed column, because
 * SQLite's FTS5 `remove_diacritics` does not fold đ (measured: a folded column with LIKE is as fast as FTS5 at 10,000 units).
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const WHITESPACE_RUN = /\s+/g;

/**
 * Characters that change how text shows without being seen: control characters (but tab, line
 * feed and carriage return, which the callers turn into spaces or line breaks), direction marks,
 * overrides and isolates (one pasted from a web page can show the rest of a paragraph reversed,
 * on screen and in print), zero-width space and the byte-order mark. Vietnamese administrative
 * text needs none of them. Zero-width joiners stay: emoji are made with them.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * Ð and ð (Icelandic eth, U+00D0 / U+00F0) look like Đ and đ and are what text converted from
 * VNI or Windows-1258 often holds instead: "Ðồng Bục" must be "Đồng Bục" to be found, sorted
 * and matched as one. Vietnamese has no eth.
 */
function fixLookalikes(value: string): string {
  return value.replace(/\u00d0/g, 'Đ').replace(/\u00f0/g, 'đ');
}

/** `value` without the invisible characters above. */
export function removeInvisible(value: string): string {
  return value.replace(INVISIBLE, '');
}

/** NFC-normalise, trim and collapse inner whitespace: the form in which names are stored. */
export function cleanText(value: string): string {
  return fixLookalikes(removeInvisible(value.normalize('NFC')))
    .replace(WHITESPACE_RUN, ' ')
    .trim();
}

/** NFC-normalise and trim a multi-line text (notes), keeping its line breaks. */
export function cleanMultiline(value: string): string {
  return fixLookalikes(removeInvisible(value.normalize('NFC')))
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trimEnd())
    .join('\n')
    .trim();
}

/** Lower case, no diacritics, đ→d, single spaces: the key searches compare. */
export function foldVietnamese(value: string): string {
  return value
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐðÐ]/g, 'd')
    .toLowerCase()
    .replace(WHITESPACE_RUN, ' ')
    .trim();
}

/** Escape a folded query for use inside a SQL LIKE pattern with ESCAPE '\'. */
export function likeContains(folded: string): string {
  return `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
