import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { renderMinutesDocx } from '../../../electron/core/features/minutes/minutes-render';
import { emptyMinutes, longMinutes, richMinutes } from './fixtures';
import { openDocx } from '../documents/docx-tools';
import { forbiddenWords, missingInOrder } from '../documents/pdf-tools';

describe('minutes as Word (.docx)', () => {
  it('holds the same content as the PDF, in the same order', async () => {
    const { text } = await openDocx(await renderMinutesDocx(richMinutes()));
    expect(
      missingInOrder(text, [
        'UBND HUYỆN LỘC BÌNH',
        'ĐOÀN KIỂM TRA',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Số: 05/BB-ĐKT',
        'Lộc Bình, ngày 09 tháng 02 năm 2020',
        'BIÊN BẢN',
        'Kiểm tra việc thực hiện kỷ luật, kỷ cương hành chính tại Trường Tiểu học Hiệp Hạ',
        'Căn cứ Chỉ thị số 26/CT-TTg',
        'Thực hiện Quyết định số 125/QĐ-UBND ngày 05/9/2019',
        'Hôm nay, vào hồi 08 giờ 00 ngày 09 tháng 02 năm 2020',
        'I. THÀNH PHẦN',
        '- Ông (bà) Hoàng Văn Dũng – Phó Trưởng phòng Giáo dục và Đào tạo – Trưởng đoàn;',
        'II. NỘI DUNG KIỂM TRA',
        'TT',
        'Nội dung kiểm tra',
        'Kết quả',
        'Ghi chú',
        '1. Văn bản, quy chế',
        '1.3',
        'Quy chế chi tiêu nội bộ',
        'Chưa đạt',
        'Chưa cập nhật định mức mới',
        'III. KẾT QUẢ KIỂM TRA',
        'IV. KIẾN NGHỊ, YÊU CẦU',
        'Thời hạn khắc phục và báo cáo kết quả: ngày 15 tháng 3 năm 2020.',
        'V. Ý KIẾN CỦA ĐƠN VỊ ĐƯỢC KIỂM TRA',
        'Biên bản kết thúc vào hồi 11 giờ 30 cùng ngày',
        'ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA',
        'TRƯỞNG ĐOÀN',
        'Triệu Thị Mai',
        'Hoàng Văn Dũng',
        'THƯ KÝ',
        'Nguyễn Thị Thư',
        'Nơi nhận:',
        '- Lưu: VT, Hồ sơ.',
      ]),
    ).toBeNull();
    expect(forbiddenWords(text)).toEqual([]);
  });

  it('uses real Word structures: a borderless header table, a criteria table, named styles, Times New Roman', async () => {
    const { documentXml, stylesXml, read } = await openDocx(await renderMinutesDocx(richMinutes()));
    // A signature title too long for its column breaks as the printed copy does, not "… KIỂM / TRA".
    expect(documentXml).toMatch(
      />ĐẠI DIỆN ĐƠN VỊ<\/w:t><\/w:r><w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:br\/><w:t[^>]*>ĐƯỢC KIỂM TRA</,
    );
    const tables = documentXml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    // Header, criteria, two rows of signatures.
    expect(tables.length).toBe(4);
    // Tables that touch are merged into one by Word and LibreOffice: each stands apart.
    expect(documentXml).not.toContain('</w:tbl><w:tbl>');
    const [header, criteria] = tables;
    expect(header).toContain('UBND HUYỆN LỘC BÌNH');
    expect(header).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(header).not.toMatch(/w:val="single"[^>]*\/>\s*<w:left/);
    expect(header).toMatch(/<w:tblBorders>[\s\S]*w:val="none"/);
    // The criteria table: 4 columns, a header row that repeats, rows that never split, borders.
    expect(criteria).toContain('<w:tblHeader/>');
    expect(criteria).toContain('<w:cantSplit/>');
    expect((criteria!.match(/<w:gridCol /g) ?? []).length).toBe(4);
    expect(criteria).toMatch(/<w:insideH w:val="single"/);
    expect((criteria!.match(/<w:tr>/g) ?? []).length).toBe(1 + 4 + 11);
    // A4 portrait with the decree's margins (twips): top/bottom 20 mm, left 30 mm, right 15 mm.
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(documentXml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    // Page numbers in the header from page 2: a distinct, empty first-page header.
    expect(documentXml).toContain('<w:titlePg/>');
    const headers = await Promise.all(
      Object.keys((await JSZip.loadAsync(await renderMinutesDocx(richMinutes()))).files)
        .filter((name) => /^word\/header\d+\.xml$/.test(name))
        .map((name) => read(name)),
    );
    expect(headers.some((xml) => /PAGE/.test(xml))).toBe(true);
    // Named styles a clerk can use, in Times New Roman at the decree's sizes.
    for (const style of ['Heading1', 'Heading2', 'Title', 'Subtitle', 'BodyText', 'TableText', 'SignatureBlock']) {
      expect(stylesXml).toContain(`w:styleId="${style}"`);
    }
    expect(stylesXml).toContain('w:ascii="Times New Roman"');
    expect(stylesXml).toMatch(/w:styleId="BodyText"[\s\S]*?<w:sz w:val="28"\/>/);
    expect(documentXml).toContain('w:pStyle w:val="Heading1"');
    expect(documentXml).not.toContain('Tinos');
  });

  it('leaves dotted lines for handwriting in an almost empty inspection', async () => {
    const { documentXml, text } = await openDocx(await renderMinutesDocx(emptyMinutes()));
    expect(text).toContain('Số: ………/BB-ĐKT');
    expect(text).toContain('Lộc Bình, ngày ……… tháng ……… năm ………');
    // Full dotted lines are tabs with a dot leader to the right margin (Word draws the dots).
    expect(documentXml).toMatch(/<w:tab w:val="right" w:pos="9355" w:leader="dot"\/>/);
    expect(forbiddenWords(text)).toEqual([]);
  });

  it('round-trips through a .docx reader without error or warning', async () => {
    for (const doc of [richMinutes(), emptyMinutes(), longMinutes()]) {
      const buffer = await renderMinutesDocx(doc);
      const raw = await mammoth.extractRawText({ buffer });
      expect(raw.messages).toEqual([]);
      expect(raw.value).toContain('BIÊN BẢN');
      expect(raw.value).toContain(doc.unitName);
      const html = await mammoth.convertToHtml({ buffer });
      expect(html.messages.filter((message) => message.type === 'error')).toEqual([]);
      // Headings come through as headings, the criteria as a table.
      expect(html.value).toContain('<h1>I. THÀNH PHẦN</h1>');
      // The criteria's header row is a real (repeating) table header.
      if (doc.criteria.length > 0) expect(html.value).toContain('<th><p><strong>Nội dung kiểm tra</strong></p></th>');
    }
  });
});
