/**
 * A sort key whose plain binary order is Vietnamese dictionary order, so SQLite can sort by an
 * indexed column (better-sqlite3 has no custom collations). It follows ICU's `vi` collation in
 * three levels, like a printed dictionary:
 *   1. base letters in the Vietnamese alphabet (a ă â b c d đ e ê …), digits as whole numbers;
 *   2. tones in the order ngang, huyền, hỏi, ngã, sắc, nặng;
 *   3. lower case before upper case;
 * then the original text, so that different strings never tie.
 */

/** Bump when the key format changes: stored keys are then recomputed at start-up. */
export const SORT_KEY_VERSION = 1;

const ALPHABET = [
  'a',
  'ă',
  'â',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'ê',
  'f',
  'g',
  'h',
  'i',
  'j',
  'k',
  'l',
  'm',
  'n',
  'o',
  'ô',
  'ơ',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'ư',
  'v',
  'w',
  'x',
  'y',
  'z',
];

/** Letter (with its vowel-quality mark, lower case, NFC) → one primary-weight character. */
const LETTER_WEIGHT = new Map<string, string>(
  ALPHABET.map((letter, index) => [letter, String.fromCharCode(0x41 + index)]),
);

/** Tone marks, in dictionary order after "no tone" (0). */
const TONE_RANK = new Map<string, number>([
  ['\u0300', 1], // huyền
  ['\u0309', 2], // hỏi
  ['\u0303', 3], // ngã
  ['\u0301', 4], // sắc
  ['\u0323', 5], // nặng
]);

/** Marks that make a different letter (ă â ê ô ơ ư), kept when the tone is split off. */
const QUALITY_MARKS = new Set(['\u0306', '\u0302', '\u031b']);

const LEVEL_SEPARATOR = '\u0001';
const SPACE_WEIGHT = '\u0002';
const PUNCTUATION_WEIGHT = '\u0003';
/** Numbers: one character for the digit count (0x21…0x3f), then the digits (0x30…0x39). */
const NUMBER_BASE = 0x20;

interface Segment {
  primary: string;
  tone: number;
  upper: boolean;
  isLetter: boolean;
}

function* segments(text: string): Generator<Segment> {
  // Split a letter from its tone while keeping its quality mark (ệ → ê + nặng).
  const decomposed = text.normalize('NFD');
  let index = 0;
  while (index < decomposed.length) {
    const char = decomposed[index] ?? '';
    index += 1;
    if (/\p{M}/u.test(char)) continue; // a stray mark with no base letter
    if (/[0-9]/.test(char)) {
      let digits = char;
      while (index < decomposed.length && /[0-9]/.test(decomposed[index] ?? '')) {
        digits += decomposed[index];
        index += 1;
      }
      const significant = digits.replace(/^0+(?=\d)/, '');
      const length = Math.min(significant.length, 0x1f);
      yield {
        primary: String.fromCharCode(NUMBER_BASE + length) + significant,
        tone: 0,
        upper: false,
        isLetter: false,
      };
      continue;
    }
    let quality = '';
    let tone = 0;
    while (index < decomposed.length && /\p{M}/u.test(decomposed[index] ?? '')) {
      const mark = decomposed[index] ?? '';
      if (QUALITY_MARKS.has(mark)) quality += mark;
      else tone = TONE_RANK.get(mark) ?? tone;
      index += 1;
    }
    const letter = (char + quality).normalize('NFC');
    const lower = letter.toLowerCase();
    const weight = LETTER_WEIGHT.get(lower);
    if (weight !== undefined) {
      yield { primary: weight, tone, upper: lower !== letter, isLetter: true };
    } else if (/\s/.test(char)) {
      yield { primary: SPACE_WEIGHT, tone: 0, upper: false, isLetter: false };
    } else if (/\p{L}/u.test(char)) {
      // A letter outside the Vietnamese alphabet: after every Vietnamese letter, by code point.
      yield { primary: `\u007f${lower}`, tone, upper: lower !== letter, isLetter: true };
    } else {
      yield { primary: PUNCTUATION_WEIGHT, tone: 0, upper: false, isLetter: false };
    }
  }
}

export function vietnameseSortKey(text: string): string {
  let primary = '';
  let tones = '';
  let cases = '';
  for (const segment of segments(text.trim())) {
    primary += segment.primary;
    if (segment.isLetter) {
      tones += String(segment.tone);
      cases += segment.upper ? '1' : '0';
    }
  }
  return [primary, tones, cases, text.normalize('NFC')].join(LEVEL_SEPARATOR);
}

/** Compare two strings in Vietnamese order (for sorting in memory). */
export function compareVietnamese(a: string, b: string): number {
  const ka = vietnameseSortKey(a);
  const kb = vietnameseSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
