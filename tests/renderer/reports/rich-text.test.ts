import { describe, expect, it } from 'vitest';
import { MAX_RUN_LENGTH, reportRunSchema } from '../../../shared/domain/report';
import { htmlToRuns, pastedLines, splitLongText } from '../../../renderer/src/features/reports/rich-text';

function paragraph(html: string): HTMLElement {
  const element = document.createElement('div');
  element.innerHTML = html;
  return element;
}

describe("a report paragraph's text as stored", () => {
  it('turns a tab into a space and drops invisible direction marks', () => {
    expect(htmlToRuns(paragraph('Cột A\tCột B \u202eđảo\u202c\u200b'))).toEqual([{ text: 'Cột A Cột B đảo' }]);
    expect(reportRunSchema.parse({ text: 'A\tB\u202eC\u0007D\r' }).text).toBe('A BCD');
  });

  it('holds a paragraph longer than a run as several runs of one style, nothing lost', () => {
    const long = Array.from({ length: 2500 }, (_, index) => `từ${index}`).join(' ');
    expect(long.length).toBeGreaterThan(2 * MAX_RUN_LENGTH);
    const runs = htmlToRuns(paragraph(`<b>${long}</b>`));
    expect(runs.length).toBeGreaterThan(2);
    expect(runs.every((run) => run.bold && run.text.length <= MAX_RUN_LENGTH)).toBe(true);
    expect(runs.map((run) => run.text).join('')).toBe(long);
    for (const run of runs) expect(reportRunSchema.safeParse(run).success).toBe(true);
  });

  it('cuts a text without spaces at the limit, never inside a surrogate pair', () => {
    const text = 'a'.repeat(MAX_RUN_LENGTH - 1) + '😀' + 'b'.repeat(10);
    const pieces = splitLongText(text);
    expect(pieces.join('')).toBe(text);
    expect(pieces[0]).toBe('a'.repeat(MAX_RUN_LENGTH - 1));
    expect(pieces.every((piece) => piece.length <= MAX_RUN_LENGTH)).toBe(true);
  });

  it('reads pasted text as its non-empty lines, each cleaned', () => {
    expect(pastedLines('Một\r\n\r\n  Hai\t hai  \nBa\u202e\u2029Bốn')).toEqual(['Một', 'Hai hai', 'Ba', 'Bốn']);
    expect(pastedLines('  \n ')).toEqual([]);
  });
});
