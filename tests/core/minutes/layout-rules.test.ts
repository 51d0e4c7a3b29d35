import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createChromiumPdfRenderer } from '../../../electron/core/documents/chromium-pdf-renderer';
import { documentFontCss } from '../../../electron/core/documents/fonts';
import { renderMinutesHtml } from '../../../electron/core/features/minutes/minutes-render';
import { longMinutes, richMinutes } from './fixtures';
import { MM, fontSizeOf, pdfWords, type PdfWord } from '../documents/pdf-tools';

/**
 * The table of electron/core/documents/LAYOUT.md (Nghị định 30/2020, Phụ lục I) measured on the printed
 * PDF: sizes and margins (tests/e2e/minutes-styles.test.ts checks bold, italic, capitals,
 * indent and spacing on the document's computed styles).
 */

const RESOURCES = path.resolve(import.meta.dirname, '..', '..', '..', 'resources');
const renderer = createChromiumPdfRenderer();
afterAll(() => renderer.close());

function word(words: PdfWord[], text: string, page = 1, nth = 0): PdfWord {
  const found = words.filter((candidate) => candidate.page === page && candidate.text === text)[nth];
  if (!found) throw new Error(`"${text}" not on page ${page}`);
  return found;
}

describe('the printed page (measured on the PDF)', () => {
  it('has the decree’s sizes for each element', async () => {
    const words = pdfWords(await renderer.render(renderMinutesHtml(richMinutes(), documentFontCss(RESOURCES))));
    const sizes: [string, number, number?][] = [
      ['UBND', 13], // parent body 12–13
      ['ĐOÀN', 13], // issuing body 12–13
      ['CỘNG', 12], // national name 12–13
      ['Độc', 13], // motto 13–14
      ['Số:', 13], // number 13
      ['Lộc', 14], // place and date 13–14
      ['BIÊN', 14], // title 13–14
      ['Căn', 14], // body 13–14
    ];
    for (const [text, size] of sizes) expect(fontSizeOf(word(words, text)), text).toBe(size);
    const last = Math.max(...words.map((candidate) => candidate.page));
    expect(fontSizeOf(word(words, 'TRƯỞNG', last))).toBe(14); // signature title 13–14
    expect(
      fontSizeOf(word(words, 'Dũng', last, words.filter((w) => w.page === last && w.text === 'Dũng').length - 1)),
    ).toBe(14);
    expect(fontSizeOf(word(words, 'nhận:', last))).toBe(12); // "Nơi nhận:" 12
    expect(fontSizeOf(word(words, 'Lưu:', last))).toBe(11); // recipients 11
  });

  it('keeps the decree’s margins: top and bottom 20 mm, left 30 mm, right 15 mm; page numbers centred in the top margin', async () => {
    const words = pdfWords(await renderer.render(renderMinutesHtml(longMinutes(), documentFontCss(RESOURCES))));
    const pageWidth = 595.28;
    const pageHeight = 841.89;
    const body = words.filter(
      (candidate) => !(candidate.page > 1 && /^\d+$/.test(candidate.text) && candidate.yMax < 20 * MM),
    );
    const left = Math.min(...body.map((candidate) => candidate.xMin));
    const right = Math.max(...body.map((candidate) => candidate.xMax));
    const top = Math.min(...body.map((candidate) => candidate.yMin));
    const bottom = Math.max(...body.map((candidate) => candidate.yMax));
    expect(left).toBeGreaterThanOrEqual(30 * MM - 1);
    expect(left).toBeLessThan(30 * MM + 4);
    expect(right).toBeLessThanOrEqual(pageWidth - 15 * MM + 1);
    expect(right).toBeGreaterThan(pageWidth - 15 * MM - 6);
    expect(top).toBeGreaterThanOrEqual(20 * MM - 1);
    expect(bottom).toBeLessThanOrEqual(pageHeight - 20 * MM + 1);
    const pages = Math.max(...words.map((candidate) => candidate.page));
    for (let page = 2; page <= pages; page += 1) {
      const number = words.find((candidate) => candidate.page === page && candidate.text === String(page));
      expect(number, `page ${page} number`).toBeDefined();
      expect(number!.yMax).toBeLessThan(20 * MM);
      expect(fontSizeOf(number!)).toBe(13);
      // Centred over the text area (between the 30 mm and 15 mm margins).
      expect(Math.abs((number!.xMin + number!.xMax) / 2 - (30 * MM + (pageWidth - 15 * MM)) / 2)).toBeLessThan(3);
    }
    expect(words.some((candidate) => candidate.page === 1 && candidate.text === '1' && candidate.yMax < 20 * MM)).toBe(
      false,
    );
  });
});
