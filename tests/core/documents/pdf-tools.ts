import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** poppler-utils on a PDF held in memory: what a person reading the printout would get. */
function withFile<T>(pdf: Uint8Array, work: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klkchc-pdf-'));
  const file = path.join(dir, 'doc.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return work(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `pdftotext -layout`, one string per page. */
export function pdfPages(pdf: Uint8Array): string[] {
  return withFile(pdf, (file) =>
    execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }),
  )
    .split('\f')
    .slice(0, -1);
}

/** Whitespace folded to single spaces, so phrases wrapped over lines can be found. */
export function flat(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ');
}

export function pdfInfo(pdf: Uint8Array): { pages: number; pageSize: string } {
  const info = withFile(pdf, (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  return {
    pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]),
    pageSize: /^Page size:\s+(.+)$/m.exec(info)?.[1]?.trim() ?? '',
  };
}

/** The embedded fonts: base names without the subset prefix ("Tinos-Bold"), and whether embedded. */
export function pdfFonts(pdf: Uint8Array): { name: string; embedded: boolean }[] {
  const listing = withFile(pdf, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
  return listing
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const columns = line.trim().split(/\s+/);
      const name = (columns[0] ?? '').replace(/^[A-Z]{6}\+/, '');
      // name type… encoding emb sub uni object ID: "emb" is the 5th column from the end.
      return { name, embedded: columns.at(-5) === 'yes' };
    });
}

/** Asserts `phrases` occur in this order in `text` (after folding whitespace); returns the first missing. */
export function missingInOrder(text: string, phrases: string[]): string | null {
  const haystack = flat(text);
  let from = 0;
  for (const phrase of phrases) {
    const at = haystack.indexOf(flat(phrase), from);
    if (at < 0) return phrase;
    from = at + flat(phrase).length;
  }
  return null;
}

/**
 * What must never be printed: programming values, ISO dates, and English words a missing
 * translation or a forgotten label would leave behind.
 */
export function forbiddenWords(text: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /\bundefined\b/i,
    /\bnull\b/i,
    /\bNaN\b/,
    /\[object/i,
    /\b(true|false)\b/i,
    /\b\d{4}-\d{2}-\d{2}\b/,
    /\b(the|and|of|page|minutes|inspection|number|team|unit|result|note|pass|fail|date|deadline|signature|title|error|invalid)\b/i,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match) found.add(match[0]);
  }
  return [...found];
}

export interface PdfWord {
  text: string;
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word with its box in points (`pdftotext -bbox`), pages numbered from 1. */
export function pdfWords(pdf: Uint8Array): PdfWord[] {
  const xml = withFile(pdf, (file) =>
    execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }),
  );
  const words: PdfWord[] = [];
  let page = 0;
  for (const line of xml.split('\n')) {
    if (line.includes('<page ')) page += 1;
    const match = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (!match) continue;
    words.push({
      text: (match[5] ?? '')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"'),
      page,
      xMin: Number(match[1]),
      yMin: Number(match[2]),
      xMax: Number(match[3]),
      yMax: Number(match[4]),
    });
  }
  return words;
}

/** Tinos' glyph box (ascent + descent) is 1.107 of the font size: the size in pt of a word. */
export function fontSizeOf(word: PdfWord): number {
  return Math.round(((word.yMax - word.yMin) / 1.107) * 10) / 10;
}

export const MM = 72 / 25.4;
