import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChromiumPdfRenderer } from '../../../electron/core/documents/chromium-pdf-renderer';
import { documentFontCss } from '../../../electron/core/documents/fonts';
import { renderDocumentHtml } from '../../../electron/core/documents/html';
import { mergePdfs, pdfPageCount } from '../../../electron/core/documents/pdf-merge';
import { MARKUP, GROUPS, ROWS_PER_GROUP, reportLayout, rowNumber } from './report-fixture';
import {
  MM,
  flat,
  forbiddenWords,
  missingInOrder,
  pdfFonts,
  pdfInfo,
  pdfPages,
  pdfWords,
  type PdfWord,
} from './pdf-tools';

/**
 * A document that is not the minutes, printed by the engine through Chromium's print engine and
 * read back with poppler: the decree's page, the bundled font only, a table over several pages.
 */

const RESOURCES = path.resolve(import.meta.dirname, '..', '..', '..', 'resources');
const renderer = createChromiumPdfRenderer();
let pdf: Uint8Array;
let pages: string[];
let words: PdfWord[];

beforeAll(async () => {
  pdf = await renderer.render(renderDocumentHtml(reportLayout(), documentFontCss(RESOURCES)));
  pages = pdfPages(pdf);
  words = pdfWords(pdf);
});
afterAll(() => renderer.close());

function pageOf(text: string): number {
  const found = words.find((word) => word.text === text);
  if (!found) throw new Error(`"${text}" not printed`);
  return found.page;
}

describe('the documents engine as PDF', () => {
  it('prints every block in order on A4, markup as plain text, page numbers from page 2', () => {
    expect(pdfInfo(pdf).pageSize).toMatch(/^59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)$/);
    const text = pages.join('\n');
    expect(
      missingInOrder(text, [
        'UBND HUYỆN LỘC BÌNH',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Số: 12/BC-PGDĐT',
        'Lộc Bình, ngày 15 tháng 6 năm 2020',
        'BÁO CÁO',
        'Kết quả kiểm tra việc thực hiện kỷ luật,',
        'Thực hiện Kế hoạch số 45/KH-PGDĐT ngày 10/9/2019, Phòng Giáo dục và Đào tạo báo cáo',
        'I. KẾT QUẢ KIỂM TRA',
        '1. Số đơn vị được kiểm tra',
        '1.1. Theo kế hoạch',
        'a) Khối mầm non: 14 trường;',
        'c) Khối trung học cơ sở: …',
        MARKUP,
        'Kết quả từng đơn vị được kiểm tra:',
        'STT',
        '1. Khối trường mầm non',
        'đầu01',
        'II. ĐỀ XUẤT, KIẾN NGHỊ',
        '- Đề nghị các đơn vị khắc phục ngay các hạn chế;',
        '.....',
      ]),
    ).toBeNull();
    expect(forbiddenWords(text)).toEqual([]);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(pages[0]!.trimStart().startsWith('UBND HUYỆN LỘC BÌNH')).toBe(true);
    pages.slice(1).forEach((page, index) => expect(page.split('\n')[0]!.trim()).toBe(String(index + 2)));
  });

  it('embeds the bundled Tinos only, bold italic too', () => {
    const fonts = pdfFonts(pdf);
    for (const font of fonts) {
      expect(font.name).toMatch(/^Tinos-(Regular|Bold|Italic|BoldItalic)$/);
      expect(font.embedded).toBe(true);
    }
    expect(new Set(fonts.map((font) => font.name))).toEqual(
      new Set(['Tinos-Regular', 'Tinos-Bold', 'Tinos-Italic', 'Tinos-BoldItalic']),
    );
  });

  it('runs the table over pages with its header row on each, never splitting a row or leaving a group title alone', () => {
    const rowPages = new Set<number>();
    GROUPS.forEach((_, group) => {
      for (let row = 0; row < ROWS_PER_GROUP; row += 1) {
        const number = rowNumber(group, row);
        // The first and last words of a row's longest cell are on one page.
        expect(pageOf(`cuối${number}`), `row ${number}`).toBe(pageOf(`đầu${number}`));
        rowPages.add(pageOf(`đầu${number}`));
      }
      const titlePage = pages.findIndex((page) => flat(page).includes(`${group + 1}. ${GROUPS[group]}`)) + 1;
      expect(titlePage, GROUPS[group]).toBe(pageOf(`đầu${rowNumber(group, 0)}`));
    });
    expect(rowPages.size).toBeGreaterThanOrEqual(3);
    for (const page of rowPages) expect(pages[page - 1]).toMatch(/STT\s+Đơn vị và nội dung\s+Đánh giá\s+Tỷ lệ/);
    // Aligned as the columns say: numbers centred, rates flush right at the table's edge.
    const rate = words.find((word) => word.text === '21,5%')!;
    const rule = 595.28 - 15 * MM;
    expect(rule - rate.xMax).toBeLessThan(8);
  });

  it('starts a new page at a page break', () => {
    const heading = words.find((word) => word.text === 'ĐỀ')!;
    expect(heading.page).toBeGreaterThan(pageOf(`cuối${rowNumber(GROUPS.length - 1, ROWS_PER_GROUP - 1)}`));
    // Only the page number stands above the heading.
    const above = words.filter((word) => word.page === heading.page && word.yMax < heading.yMin);
    expect(above.map((word) => word.text)).toEqual([String(heading.page)]);
  });

  it('puts "Nơi nhận" at the left of the signature, level with its title, the name under it on the same page', () => {
    const last = pdfInfo(pdf).pages;
    const recipients = words.find((word) => word.text === 'Nơi' && word.page === last)!;
    const title = words.find((word) => word.text === 'KT.' && word.page === last)!;
    const name = words.find((word) => word.text === 'Huyền' && word.page === last)!;
    expect(recipients).toBeDefined();
    expect(Math.abs(recipients.yMin - title.yMin)).toBeLessThan(4);
    expect(recipients.xMin).toBeLessThan(30 * MM + 2);
    expect(title.xMin).toBeGreaterThan(595.28 / 2 - 20);
    expect(name.yMin - title.yMin).toBeGreaterThan(25 * MM);
    // The title's second line, under its first, in the signature's column.
    const second = words.find((word) => word.text === 'PHÓ' && word.page === last)!;
    expect(second.yMin).toBeGreaterThan(title.yMax - 1);
    expect(second.yMax).toBeLessThan(name.yMin);
    expect(second.xMin).toBeGreaterThan(595.28 / 2 - 20);
  });

  it('binds documents into one PDF, each keeping its pages', async () => {
    const merged = await mergePdfs([pdf, pdf], 'Hai báo cáo');
    expect(await pdfPageCount(merged)).toBe(2 * (await pdfPageCount(pdf)));
  });
});
