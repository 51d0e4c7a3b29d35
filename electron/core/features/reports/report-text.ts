import { compareVietnamese } from '../../../../shared/text/collate';
import { foldVietnamese } from '../../../../shared/text/fold';

/**
 * Lines of what the minutes recorded (limitations, causes, requests), made comparable: the
 * same finding typed in two minutes, with or without a dash, a number or a final full stop,
 * counts as one.
 */

const LEADING_MARK = /^(?:[-–•+*]\s*|\d{1,2}[.)]\s+|[a-zđ]\)\s+)/u;
const TRAILING_PUNCTUATION = /[\s;.,:]+$/u;

/** Control characters other than the line break (a received package may hold them): spaces. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f]/gu;

/** The non-empty lines of a text, without list marks and final punctuation, first letter capital. */
export function recordedLines(text: string): string[] {
  const lines: string[] = [];
  for (const raw of text.normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL, ' ').split('\n')) {
    const line = raw.replace(/\s+/g, ' ').trim().replace(LEADING_MARK, '').replace(TRAILING_PUNCTUATION, '').trim();
    if (line === '') continue;
    const first = String.fromCodePoint(line.codePointAt(0) ?? 0);
    lines.push(first.toLocaleUpperCase('vi-VN') + line.slice(first.length));
  }
  return lines;
}

/** How two lines are compared: without case, diacritics or spacing. */
export function lineKey(line: string): string {
  return foldVietnamese(line);
}

/** Vietnamese dictionary order. */
export function compareText(a: string, b: string): number {
  return compareVietnamese(a, b);
}

export interface RecordedLine {
  line: string;
  key: string;
}

/**
 * recordedLines with their keys, remembered per text: the same finding is typed in many
 * minutes, and folding Vietnamese is the costly part of counting them.
 */
export function lineReader(): (text: string) => RecordedLine[] {
  const known = new Map<string, RecordedLine[]>();
  return (text) => {
    let lines = known.get(text);
    if (!lines) {
      lines = recordedLines(text).map((line) => ({ line, key: lineKey(line) }));
      known.set(text, lines);
    }
    return lines;
  };
}
