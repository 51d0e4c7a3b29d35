/**
 * The TCVN3 and VNI code charts written out again, independently of the app's tables, in the
 * layout of the printed charts: each vowel with its tones in the order ngang, huyền, hỏi, ngã,
 * sắc, nặng. The expected Unicode is built by composition (letter + combining tone → NFC), so
 * a wrong byte in the app's table cannot hide behind the same mistake here. The encoders turn
 * test sentences into legacy bytes.
 */

export const TONE_MARKS = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'] as const;
export const TONE_NAMES = ['ngang', 'huyền', 'hỏi', 'ngã', 'sắc', 'nặng'] as const;

export interface ChartRow {
  letter: string;
  codes: number[];
}

/** TCVN3 (ABC): lower-case vowels, one byte per letter-with-tone. */
export const TCVN3_CHART: ChartRow[] = [
  { letter: 'a', codes: [0x61, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9] },
  { letter: 'ă', codes: [0xa8, 0xbb, 0xbc, 0xbd, 0xbe, 0xc6] },
  { letter: 'â', codes: [0xa9, 0xc7, 0xc8, 0xc9, 0xca, 0xcb] },
  { letter: 'e', codes: [0x65, 0xcc, 0xce, 0xcf, 0xd0, 0xd1] },
  { letter: 'ê', codes: [0xaa, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6] },
  { letter: 'i', codes: [0x69, 0xd7, 0xd8, 0xdc, 0xdd, 0xde] },
  { letter: 'o', codes: [0x6f, 0xdf, 0xe1, 0xe2, 0xe3, 0xe4] },
  { letter: 'ô', codes: [0xab, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9] },
  { letter: 'ơ', codes: [0xac, 0xea, 0xeb, 0xec, 0xed, 0xee] },
  { letter: 'u', codes: [0x75, 0xef, 0xf1, 0xf2, 0xf3, 0xf4] },
  { letter: 'ư', codes: [0xad, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9] },
  { letter: 'y', codes: [0x79, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe] },
];
/** The bare capitals of VN3 and đ/Đ. */
export const TCVN3_LETTERS: [string, number][] = [
  ['đ', 0xae],
  ['Đ', 0xa7],
  ['Ă', 0xa1],
  ['Â', 0xa2],
  ['Ê', 0xa3],
  ['Ô', 0xa4],
  ['Ơ', 0xa5],
  ['Ư', 0xa6],
];

/** VNI: a base byte, then a mark byte (lower-case letters take 0xE0–0xFF marks, capitals 0xC0–0xDF). */
const VNI_TONES_LOWER = [0, 0xf8, 0xfb, 0xf5, 0xf9, 0xef];
const VNI_TONES_UPPER = [0, 0xd8, 0xdb, 0xd5, 0xd9, 0xcf];
const VNI_CIRCUMFLEX_LOWER = [0xe2, 0xe0, 0xe5, 0xe3, 0xe1, 0xe4];
const VNI_CIRCUMFLEX_UPPER = [0xc2, 0xc0, 0xc5, 0xc3, 0xc1, 0xc4];
const VNI_BREVE_LOWER = [0xea, 0xe8, 0xfa, 0xfc, 0xe9, 0xeb];
const VNI_BREVE_UPPER = [0xca, 0xc8, 0xda, 0xdc, 0xc9, 0xcb];

export interface VniRow {
  letter: string;
  /** Byte sequence for each tone. */
  sequences: number[][];
}

function withMarks(base: number, marks: number[]): number[][] {
  return marks.map((mark) => (mark === 0 ? [base] : [base, mark]));
}

export const VNI_CHART: VniRow[] = [
  { letter: 'a', sequences: withMarks(0x61, VNI_TONES_LOWER) },
  { letter: 'ă', sequences: VNI_BREVE_LOWER.map((mark) => [0x61, mark]) },
  { letter: 'â', sequences: VNI_CIRCUMFLEX_LOWER.map((mark) => [0x61, mark]) },
  { letter: 'e', sequences: withMarks(0x65, VNI_TONES_LOWER) },
  { letter: 'ê', sequences: VNI_CIRCUMFLEX_LOWER.map((mark) => [0x65, mark]) },
  { letter: 'i', sequences: [[0x69], [0xec], [0xe6], [0xf3], [0xed], [0xf2]] },
  { letter: 'o', sequences: withMarks(0x6f, VNI_TONES_LOWER) },
  { letter: 'ô', sequences: VNI_CIRCUMFLEX_LOWER.map((mark) => [0x6f, mark]) },
  { letter: 'ơ', sequences: withMarks(0xf4, VNI_TONES_LOWER) },
  { letter: 'u', sequences: withMarks(0x75, VNI_TONES_LOWER) },
  { letter: 'ư', sequences: withMarks(0xf6, VNI_TONES_LOWER) },
  { letter: 'y', sequences: [[0x79], [0x79, 0xf8], [0x79, 0xfb], [0x79, 0xf5], [0x79, 0xf9], [0xee]] },
  { letter: 'A', sequences: withMarks(0x41, VNI_TONES_UPPER) },
  { letter: 'Ă', sequences: VNI_BREVE_UPPER.map((mark) => [0x41, mark]) },
  { letter: 'Â', sequences: VNI_CIRCUMFLEX_UPPER.map((mark) => [0x41, mark]) },
  { letter: 'E', sequences: withMarks(0x45, VNI_TONES_UPPER) },
  { letter: 'Ê', sequences: VNI_CIRCUMFLEX_UPPER.map((mark) => [0x45, mark]) },
  { letter: 'I', sequences: [[0x49], [0xcc], [0xc6], [0xd3], [0xcd], [0xd2]] },
  { letter: 'O', sequences: withMarks(0x4f, VNI_TONES_UPPER) },
  { letter: 'Ô', sequences: VNI_CIRCUMFLEX_UPPER.map((mark) => [0x4f, mark]) },
  { letter: 'Ơ', sequences: withMarks(0xd4, VNI_TONES_UPPER) },
  { letter: 'U', sequences: withMarks(0x55, VNI_TONES_UPPER) },
  { letter: 'Ư', sequences: withMarks(0xd6, VNI_TONES_UPPER) },
  { letter: 'Y', sequences: [[0x59], [0x59, 0xd8], [0x59, 0xdb], [0x59, 0xd5], [0x59, 0xd9], [0xce]] },
];
export const VNI_LETTERS: [string, number][] = [
  ['đ', 0xf1],
  ['Đ', 0xd1],
];

export function composed(letter: string, tone: number): string {
  return (letter + (TONE_MARKS[tone] ?? '')).normalize('NFC');
}

/** Bytes as the characters Excel stores for them (U+0000–U+00FF). */
export function bytesToChars(bytes: number[]): string {
  return String.fromCharCode(...bytes);
}

function buildEncoder(entries: [string, number[]][]): (text: string) => number[] {
  const table = new Map(entries);
  return (text) => {
    const out: number[] = [];
    for (const char of text.normalize('NFC')) {
      const bytes = table.get(char);
      if (bytes) out.push(...bytes);
      else if (char.charCodeAt(0) < 0x80) out.push(char.charCodeAt(0));
      else throw new Error(`cannot encode ${char}`);
    }
    return out;
  };
}

/** Unicode → TCVN3 bytes (lower-case toned letters; capitals only Ă Â Ê Ô Ơ Ư Đ). */
export const encodeTcvn3 = buildEncoder([
  ...TCVN3_CHART.flatMap((row) =>
    row.codes.map((code, tone): [string, number[]] => [composed(row.letter, tone), [code]]),
  ),
  ...TCVN3_LETTERS.map(([letter, code]): [string, number[]] => [letter, [code]]),
]);

/** Unicode → VNI bytes. */
export const encodeVni = buildEncoder([
  ...VNI_CHART.flatMap((row) =>
    row.sequences.map((sequence, tone): [string, number[]] => [composed(row.letter, tone), sequence]),
  ),
  ...VNI_LETTERS.map(([letter, code]): [string, number[]] => [letter, [code]]),
]);

/** Windows-1258 for the letters the tests use: base letter (or ă â ê ô ơ ư đ) + combining tone byte. */
const CP1258_BASES: [string, number][] = [
  ['ă', 0xe3],
  ['â', 0xe2],
  ['ê', 0xea],
  ['ô', 0xf4],
  ['ơ', 0xf5],
  ['ư', 0xfd],
  ['đ', 0xf0],
  ['Ă', 0xc3],
  ['Â', 0xc2],
  ['Ê', 0xca],
  ['Ô', 0xd4],
  ['Ơ', 0xd5],
  ['Ư', 0xdd],
  ['Đ', 0xd0],
];
const CP1258_TONES = [0, 0xcc, 0xd2, 0xde, 0xec, 0xf2];

export function encodeWindows1258(text: string): number[] {
  const bases = new Map(CP1258_BASES);
  const out: number[] = [];
  for (const char of text.normalize('NFC')) {
    const decomposed = char.normalize('NFD');
    const toneIndex = TONE_MARKS.findIndex((mark, index) => index > 0 && decomposed.includes(mark));
    const base = toneIndex > 0 ? decomposed.replace(TONE_MARKS[toneIndex] ?? '', '').normalize('NFC') : char;
    const byte = bases.get(base) ?? (base.charCodeAt(0) < 0x80 ? base.charCodeAt(0) : -1);
    if (byte < 0) throw new Error(`cannot encode ${char}`);
    out.push(byte);
    if (toneIndex > 0) out.push(CP1258_TONES[toneIndex] ?? 0);
  }
  return out;
}
