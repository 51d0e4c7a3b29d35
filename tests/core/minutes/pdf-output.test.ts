import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { createChromiumPdfRenderer } from '../../../electron/core/documents/chromium-pdf-renderer';
import { documentFontCss } from '../../../electron/core/documents/fonts';
import { renderMinutesHtml } from '../../../electron/core/features/minutes/minutes-render';
import type { MinutesDocument } from '../../../shared/domain/minutes';
import { emptyMinutes, longMinutes, richMinutes } from './fixtures';
import { flat, forbiddenWords, missingInOrder, pdfFonts, pdfInfo, pdfPages } from '../documents/pdf-tools';

/**
 * The minutes printed by Chromium's print engine (what Electron's printToPDF and the browser's
 * own print use), read back with poppler as a person would read the paper.
 */

const RESOURCES = path.resolve(import.meta.dirname, '..', '..', '..', 'resources');
const renderer = createChromiumPdfRenderer();
afterAll(() => renderer.close());

function print(doc: MinutesDocument): Promise<Uint8Array> {
  return renderer.render(renderMinutesHtml(doc, documentFontCss(RESOURCES)));
}

describe('minutes as PDF', () => {
  it('prints a rich inspection on A4 with every part of Mẫu 1.9 in order', async () => {
    const pdf = await print(richMinutes());
    const info = pdfInfo(pdf);
    expect(info.pageSize).toMatch(/^59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)$/);
    const text = pdfPages(pdf).join('\n');
    const missing = missingInOrder(text, [
      'UBND HUYỆN LỘC BÌNH',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'ĐOÀN KIỂM TRA',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 05/BB-ĐKT',
      'Lộc Bình, ngày 09 tháng 02 năm 2020',
      'BIÊN BẢN',
      'Kiểm tra việc thực hiện kỷ luật, kỷ cương hành chính tại Trường Tiểu học',
      'Căn cứ Chỉ thị số 26/CT-TTg ngày 05/9/2016 của Thủ tướng Chính phủ',
      'Căn cứ Chỉ thị số 02/CT-UBND ngày 04/01/2018',
      'Thực hiện Quyết định số 125/QĐ-UBND ngày 05/9/2019 của Chủ tịch UBND huyện Lộc Bình về việc thành lập Đoàn kiểm tra',
      'năm học 2019–2020',
      'Hôm nay, vào hồi 08 giờ 00 ngày 09 tháng 02 năm 2020, tại Văn phòng Trường Tiểu học Hiệp Hạ',
      'I. THÀNH PHẦN',
      '1. Đoàn kiểm tra',
      '- Ông (bà) Hoàng Văn Dũng – Phó Trưởng phòng Giáo dục và Đào tạo – Trưởng đoàn;',
      'Lăng Thị Huyền',
      'Nông Văn Quý',
      'Nguyễn Thị Thư – Chuyên viên Phòng Giáo dục và Đào tạo – Thư ký.',
      '2. Đơn vị được kiểm tra: Trường Tiểu học Hiệp Hạ',
      '- Ông (bà) Triệu Thị Mai – Hiệu trưởng;',
      'II. NỘI DUNG KIỂM TRA',
      'TT',
      'Nội dung kiểm tra',
      'Kết quả',
      'Ghi chú',
      '1. Văn bản, quy chế',
      '1.1',
      'Ban hành nội quy cơ quan',
      'Chưa đạt',
      '2. Công khai',
      'Không áp',
      '3. Tác phong, lề lối làm việc',
      '4. Hồ sơ, sổ sách',
      'III. KẾT QUẢ KIỂM TRA',
      '1. Ưu điểm',
      'Nhà trường đã ban hành đầy đủ các văn bản',
      '2. Hạn chế, tồn tại',
      'Quy chế chi tiêu nội bộ chưa được sửa đổi',
      '3. Nguyên nhân',
      '4. Kết luận',
      'IV. KIẾN NGHỊ, YÊU CẦU',
      '1. Rà soát, sửa đổi, bổ sung quy chế chi tiêu nội bộ',
      'Thời hạn khắc phục và báo cáo kết quả: ngày 15 tháng 3 năm 2020.',
      'ngày 28 tháng 02 năm 2020',
      'V. Ý KIẾN CỦA ĐƠN VỊ ĐƯỢC KIỂM TRA',
      'Nhà trường nhất trí với kết quả kiểm tra',
      'Biên bản kết thúc vào hồi 11 giờ 30 cùng ngày, đã được đọc lại cho các thành viên cùng nghe và nhất trí ký tên; biên bản được lập thành 02 bản, đơn vị được kiểm tra giữ 01 bản, Đoàn kiểm tra giữ 01 bản./.',
      'ĐẠI DIỆN ĐƠN VỊ',
      'TRƯỞNG ĐOÀN',
      'Triệu Thị Mai',
      'Hoàng Văn Dũng',
      'THƯ KÝ',
      'Nguyễn Thị Thư',
      'Nơi nhận:',
      '- Trường Tiểu học Hiệp Hạ;',
      '- Phòng Giáo dục và Đào tạo;',
      '- Lưu: VT, Hồ sơ.',
    ]);
    expect(missing).toBeNull();
    expect(forbiddenWords(text)).toEqual([]);
  });

  it('embeds only the bundled Tinos, every face of it, and no fallback font', async () => {
    const fonts = pdfFonts(await print(richMinutes()));
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.name).toMatch(/^Tinos-(Regular|Bold|Italic|BoldItalic)$/);
      expect(font.embedded).toBe(true);
    }
    expect(new Set(fonts.map((font) => font.name))).toEqual(
      new Set(['Tinos-Regular', 'Tinos-Bold', 'Tinos-Italic', 'Tinos-BoldItalic']),
    );
  });

  it('prints an almost empty inspection as a form with dotted lines, and nothing else', async () => {
    const pdf = await print(emptyMinutes());
    const pages = pdfPages(pdf);
    const text = pages.join('\n');
    expect(
      missingInOrder(text, [
        'UBND HUYỆN LỘC BÌNH',
        'Số: …',
        '/BB-ĐKT',
        'Lộc Bình, ngày …',
        'tháng …',
        'năm …',
        'BIÊN BẢN',
        'tại UBND xã Hiệp Hạ',
        'Thực hiện Quyết định số …',
        'Hôm nay, vào hồi …',
        '1. Đoàn kiểm tra',
        '- Ông (bà) …',
        '2. Đơn vị được kiểm tra: UBND xã Hiệp Hạ',
        'II. NỘI DUNG KIỂM TRA',
        '.....',
        'III. KẾT QUẢ KIỂM TRA',
        '1. Ưu điểm',
        '.....',
        'IV. KIẾN NGHỊ, YÊU CẦU',
        'V. Ý KIẾN CỦA ĐƠN VỊ ĐƯỢC KIỂM TRA',
        'Biên bản kết thúc vào hồi …',
        'TRƯỞNG ĐOÀN',
        'Nơi nhận:',
        '- Lưu: VT, Hồ sơ.',
      ]),
    ).toBeNull();
    expect(forbiddenWords(text)).toEqual([]);
    // No number on page 1 of a short document either.
    expect(pages[0]?.trimStart().startsWith('UBND')).toBe(true);
  });

  it('flows a long inspection over pages numbered from 2, rows and signatures never split', async () => {
    const doc = longMinutes();
    const pdf = await print(doc);
    const info = pdfInfo(pdf);
    expect(info.pages).toBeGreaterThanOrEqual(5);
    const pages = pdfPages(pdf);
    expect(pages).toHaveLength(info.pages);
    // Page 1 has no number; page n ≥ 2 starts with "n" centred in the top margin.
    expect(pages[0]!.trimStart().startsWith('UBND HUYỆN LỘC BÌNH')).toBe(true);
    pages.slice(1).forEach((page, index) => {
      expect(page.split('\n')[0]!.trim()).toBe(String(index + 2));
    });
    // Every criterion's number and its first words are on the same page (a row is never cut).
    for (const group of doc.criteria) {
      for (const row of group.rows) {
        const page = pages.find((candidate) =>
          new RegExp(`^\\s*${row.number.replace('.', '\\.')}\\s`, 'm').test(candidate),
        );
        expect(page, row.number).toBeDefined();
        expect(flat(page!)).toContain(`Tiêu chí ${row.number}:`);
      }
    }
    // The header row repeats on every page the table runs onto.
    const tablePages = pages.filter((page) => /^\s*\d\.\d\s/m.test(page));
    expect(tablePages.length).toBeGreaterThan(1);
    for (const page of tablePages) expect(page).toMatch(/TT\s+Nội dung kiểm tra\s+Kết quả\s+Ghi chú/);
    // The signature titles and the names under them are on one page, with the closing sentence.
    const signing = pages.find((page) => page.includes('TRƯỞNG ĐOÀN'));
    expect(signing).toBeDefined();
    for (const name of ['Hoàng Văn Dũng', 'Triệu Thị Mai', 'Biên bản kết thúc vào hồi', 'Nơi nhận:']) {
      expect(flat(signing!)).toContain(name);
    }
    // No heading is left alone at the bottom of a page.
    for (const page of pages) {
      const lines = page.split('\n').filter((line) => line.trim() !== '');
      const last = lines.at(-1)?.trim() ?? '';
      expect(last, `page ends with a heading: ${last}`).not.toMatch(
        /^(I|II|III|IV|V)\. [A-ZÀ-Ỹ]|^\d\. (Ưu điểm|Hạn chế|Nguyên nhân|Kết luận|Đoàn kiểm tra|Đơn vị)/u,
      );
    }
    expect(forbiddenWords(pages.join('\n'))).toEqual([]);
  });

  it('keeps a document whose fields hold markup as plain text', async () => {
    const doc = richMinutes();
    doc.unitName = 'Trường <b>A</b> & "B" <script>alert(1)</script>';
    const html = renderMinutesHtml(doc, '');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>A</b>');
    const text = flat(pdfPages(await renderer.render(renderMinutesHtml(doc, documentFontCss(RESOURCES)))).join('\n'));
    expect(text).toContain('Trường <b>A</b> & "B" <script>alert(1)</script>');
  });
});
