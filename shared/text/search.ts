import { foldVietnamese } from './fold';

/**
 * Search by word starts, without diacritics: "hiep ha" finds "UBND xã Hiệp Hạ" but not
 * "Phòng Nông nghiệp" ("nghiep" only contains "hiep"). The stored key is the folded words of
 * each part, separated by spaces and " | ", with a leading space; a query word matches where
 * " " + word occurs in the key (SQL: `instr(search_key, @word) > 0`, one test per word).
 */
export const SEARCH_KEY_VERSION = 2;

function words(text: string): string[] {
  return foldVietnamese(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function searchKey(...parts: string[]): string {
  const joined = parts
    .map((part) => words(part).join(' '))
    .filter(Boolean)
    .join(' | ');
  return ` ${joined} `;
}

/** The query's words, each with its leading space, ready for `instr`. At most `limit` words. */
export function searchWords(query: string, limit = 12): string[] {
  return words(query)
    .slice(0, limit)
    .map((word) => ` ${word}`);
}
