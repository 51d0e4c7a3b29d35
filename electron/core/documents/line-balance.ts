import { TINOS_WIDTHS } from './tinos-widths';

/**
 * Centred lines broken as the printed copy breaks them (CSS `text-wrap: balance`): as many lines
 * as the text needs, each about as long as the others ("PHÒNG GIÁO DỤC / VÀ ĐÀO TẠO", not
 * "PHÒNG GIÁO DỤC VÀ / ĐÀO TẠO"). Word cannot balance lines, so the Word export places the
 * breaks itself, measured with the font's own widths (Tinos has those of Times New Roman).
 */

const WIDTHS = {
  regular: new Map([...TINOS_WIDTHS.chars].map((char, index) => [char, TINOS_WIDTHS.regular[index] ?? 0])),
  bold: new Map([...TINOS_WIDTHS.chars].map((char, index) => [char, TINOS_WIDTHS.bold[index] ?? 0])),
};

/** A character the table lacks counts as wide as "M": a line may come out short, never too long. */
const UNKNOWN = { regular: WIDTHS.regular.get('M') ?? 0, bold: WIDTHS.bold.get('M') ?? 0 };

/** The width of `text` in Tinos at `points`, in twips (twentieths of a point). */
export function textTwips(text: string, points: number, bold: boolean): number {
  const face = bold ? 'bold' : 'regular';
  let units = 0;
  for (const char of text.normalize('NFC')) {
    const base = WIDTHS[face].get(char) ?? WIDTHS[face].get(char.normalize('NFD').replace(/\p{M}/gu, ''));
    units += base ?? UNKNOWN[face];
  }
  return (units / TINOS_WIDTHS.unitsPerEm) * points * 20;
}

/** Word's lines at this width: as many words on each line as fit. */
function greedy(words: number[], space: number, width: number): number[] {
  const starts = [0];
  let line = 0;
  words.forEach((word, index) => {
    const next = line === 0 ? word : line + space + word;
    if (index > 0 && line > 0 && next > width) {
      starts.push(index);
      line = word;
    } else {
      line = next;
    }
  });
  return starts;
}

interface Measure {
  points: number;
  bold: boolean;
  /** Twips. */
  width: number;
}

/** Pieces that never break inside, set on balanced lines (joined by spaces). */
function balance(pieces: string[], options: Measure): string[] {
  const widths = pieces.map((piece) => textTwips(piece, options.points, options.bold));
  const space = textTwips(' ', options.points, options.bold);
  let starts = greedy(widths, space, options.width);
  if (starts.length > 1) {
    // The narrowest width that still needs no more lines: every line as close to it as can be.
    let low = Math.max(...widths);
    let high = options.width;
    while (high - low > 1) {
      const middle = (low + high) / 2;
      if (greedy(widths, space, middle).length <= starts.length) high = middle;
      else low = middle;
    }
    starts = greedy(widths, space, high);
  }
  return starts.map((start, index) => pieces.slice(start, starts[index + 1]).join(' '));
}

/** `text` on balanced lines, broken at spaces. */
export function balancedLines(text: string, options: Measure): string[] {
  return balance(
    text.split(' ').filter((word) => word !== ''),
    options,
  );
}

/**
 * A body's name in the narrow header column: broken where a reader would break it, before "VÀ"
 * and after a dash ("PHÒNG GIÁO DỤC / VÀ ĐÀO TẠO", "PHÒNG TÀI CHÍNH - / KẾ HOẠCH"), never inside
 * "GIÁO DỤC".
 */
export function headerPhrases(name: string): string[] {
  return name
    .split(/(?<=\s[-–])\s+|\s+(?=(?:VÀ|và)\s)/u)
    .map((phrase) => phrase.trim())
    .filter((phrase) => phrase !== '');
}

/** A body's name on balanced lines, its phrases kept whole unless one alone is too wide. */
export function balancedHeaderLines(name: string, options: Measure): string[] {
  const pieces = headerPhrases(name).flatMap((phrase) =>
    textTwips(phrase, options.points, options.bold) <= options.width
      ? [phrase]
      : phrase.split(' ').filter((word) => word !== ''),
  );
  return balance(pieces, options);
}
