import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  balancedHeaderLines,
  balancedLines,
  headerPhrases,
  textTwips,
} from '../../../electron/core/documents/line-balance';

/**
 * The line breaks the Word export writes into centred headers and titles (Word cannot balance
 * lines): measured with Tinos's widths, as many lines as needed, each about as long as the others.
 */

/** The header's left column in the Word export, less its cell margins, in twips. */
const HEADER = 3245;
const TEXT = 9355;

describe('text widths', () => {
  it('measures with the font: bold wider, a diacritic changes nothing, unknown characters never short', () => {
    expect(textTwips('PHÒNG', 13, true)).toBeGreaterThan(textTwips('PHÒNG', 13, false));
    expect(textTwips('Ạ', 12, false)).toBe(textTwips('A', 12, false));
    // Decomposed input counts as the composed letter.
    expect(textTwips('Ạ'.normalize('NFD'), 12, false)).toBe(textTwips('Ạ', 12, false));
    expect(textTwips('中', 12, false)).toBe(textTwips('M', 12, false));
    // Times New Roman's "M" is 0.889 em: 12 pt × 0.889 × 20 twips.
    expect(textTwips('M', 12, false)).toBeCloseTo(213.4, 0);
  });
});

describe('balanced header lines', () => {
  it('breaks a body’s name before "VÀ" and after a dash, never inside "GIÁO DỤC"', () => {
    expect(headerPhrases('PHÒNG GIÁO DỤC VÀ ĐÀO TẠO')).toEqual(['PHÒNG GIÁO DỤC', 'VÀ ĐÀO TẠO']);
    expect(balancedHeaderLines('PHÒNG GIÁO DỤC VÀ ĐÀO TẠO', { points: 13, bold: true, width: HEADER })).toEqual([
      'PHÒNG GIÁO DỤC',
      'VÀ ĐÀO TẠO',
    ]);
    expect(balancedHeaderLines('PHÒNG TÀI CHÍNH - KẾ HOẠCH', { points: 13, bold: true, width: 2600 })).toEqual([
      'PHÒNG TÀI CHÍNH -',
      'KẾ HOẠCH',
    ]);
  });

  it('keeps a name that fits on one line, and balances a phrase too long for the column', () => {
    expect(balancedHeaderLines('UBND HUYỆN LỘC BÌNH', { points: 13, bold: false, width: HEADER })).toEqual([
      'UBND HUYỆN LỘC BÌNH',
    ]);
    // One phrase, too wide: its words are balanced, not "… HUYỆN LỘC / BÌNH".
    expect(balancedHeaderLines('ỦY BAN NHÂN DÂN HUYỆN LỘC BÌNH', { points: 13, bold: false, width: HEADER })).toEqual([
      'ỦY BAN NHÂN DÂN',
      'HUYỆN LỘC BÌNH',
    ]);
  });
});

describe('balanced lines', () => {
  it('sets a report’s subject on two even lines', () => {
    expect(
      balancedLines(
        'Kết quả kiểm tra việc thực hiện kỷ luật, kỷ cương hành chính từ ngày 01/01/2019 đến ngày 31/8/2020',
        { points: 14, bold: true, width: TEXT * 0.98 },
      ),
    ).toEqual([
      'Kết quả kiểm tra việc thực hiện kỷ luật, kỷ cương',
      'hành chính từ ngày 01/01/2019 đến ngày 31/8/2020',
    ]);
  });

  it('keeps every word, in order, on no more lines than filling each line would, none too wide', () => {
    const word = fc.stringMatching(/^[a-zA-Zàáạảãâầấậẩẫăằắặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]{1,12}$/);
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1500, max: 9000 }),
        fc.boolean(),
        (words, width, bold) => {
          const options = { points: 13, bold, width };
          const lines = balancedLines(words.join(' '), options);
          expect(lines.join(' ')).toBe(words.join(' '));
          // Filling each line as far as it goes: the most lines balancing may take.
          let filled = 1;
          let line = '';
          for (const next of words) {
            const candidate = line === '' ? next : `${line} ${next}`;
            if (line !== '' && textTwips(candidate, 13, bold) > width) {
              filled += 1;
              line = next;
            } else line = candidate;
          }
          expect(lines.length).toBe(filled);
          for (const text of lines) {
            if (text.includes(' ')) expect(textTwips(text, 13, bold)).toBeLessThanOrEqual(width + 0.01);
          }
        },
      ),
    );
  });
});
