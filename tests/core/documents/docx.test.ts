import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { renderDocumentDocx } from '../../../electron/core/documents/docx';
import { openDocx } from './docx-tools';
import { missingInOrder } from './pdf-tools';
import { GROUPS, MARKUP, ROWS_PER_GROUP, reportLayout } from './report-fixture';

/** A document that is not the minutes, as the engine writes it for Word, unzipped and read. */

/** The text width in twips: A4 (11906) less the left (30 mm) and right (15 mm) margins. */
const TEXT_WIDTH = 11906 - 1701 - 850;

describe('the documents engine as Word (.docx)', () => {
  it('holds every block in order, markup as plain text', async () => {
    const { text, documentXml } = await openDocx(await renderDocumentDocx(reportLayout()));
    expect(
      missingInOrder(text, [
        'UBND HUYỆN LỘC BÌNH',
        'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Số: 12/BC-PGDĐT',
        'Lộc Bình, ngày 15 tháng 6 năm 2020',
        'BÁO CÁO',
        'Kết quả kiểm tra việc thực hiện kỷ luật, kỷ cương hành chính năm học 2019–2020',
        'Thực hiện Kế hoạch số 45/KH-PGDĐT ngày 10/9/2019, Phòng Giáo dục và Đào tạo',
        'I. KẾT QUẢ KIỂM TRA',
        '1.1. Theo kế hoạch',
        'a) Khối mầm non: 14 trường;',
        'c) Khối trung học cơ sở: ………… trường.',
        MARKUP,
        'Kết quả từng đơn vị được kiểm tra:',
        'STT',
        'Tỷ lệ',
        '1. Khối trường mầm non',
        'II. ĐỀ XUẤT, KIẾN NGHỊ',
        '- Báo cáo kết quả khắc phục.',
        'Nơi nhận:',
        '- Lưu: VT.',
        'KT. TRƯỞNG PHÒNG',
        'PHÓ TRƯỞNG PHÒNG',
        'Lăng Thị Huyền',
      ]),
    ).toBeNull();
    expect(documentXml).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;trích&quot; &lt;b&gt;đậm&lt;/b&gt;',
    );
    expect(documentXml).toContain('<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">Kế hoạch số 45');
    expect(documentXml).toContain('<w:r><w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">Phòng Giáo dục');
  });

  it('writes the table with its widths, a header row Word repeats, unsplit rows, group rows across', async () => {
    const { documentXml } = await openDocx(await renderDocumentDocx(reportLayout()));
    const table = (documentXml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []).find((xml) => xml.includes('STT'))!;
    const widths = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((match) => Number(match[1]));
    // 12 mm, the rest, 26 mm, 22 mm.
    expect(widths).toEqual([680, TEXT_WIDTH - 680 - 1474 - 1247, 1474, 1247]);
    const rows = table.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
    expect(rows).toHaveLength(1 + GROUPS.length * (1 + ROWS_PER_GROUP));
    expect(rows[0]).toContain('<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>');
    expect(rows.filter((row) => row.includes('<w:tblHeader/>'))).toHaveLength(1);
    for (const row of rows) expect(row).toContain('<w:cantSplit/>');
    const groups = rows.filter((row) => row.includes('<w:gridSpan w:val="4"/>'));
    expect(groups).toHaveLength(GROUPS.length);
    for (const group of groups) expect(group).toContain('<w:keepNext/>');
    // The columns' alignment: numbers and results centred, rates to the right.
    expect(rows[2]).toMatch(/<w:jc w:val="center"\/><\/w:pPr><w:r><w:t xml:space="preserve">01</);
    expect(rows[2]).toMatch(/<w:jc w:val="right"\/><\/w:pPr><w:r><w:t xml:space="preserve">0,5%</);
    expect(documentXml).toMatch(/<w:pStyle w:val="BodyText"\/><w:keepNext\/>[\s\S]{0,200}Kết quả từng đơn vị/);
  });

  it('sets the page, the styles in Times New Roman, a page break, and "Nơi nhận" beside the signature', async () => {
    const { documentXml, stylesXml } = await openDocx(await renderDocumentDocx(reportLayout()));
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(documentXml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(documentXml).toContain('<w:titlePg/>');
    for (const style of ['Heading1', 'Heading2', 'Heading3', 'Title', 'Subtitle', 'BodyText', 'TableText']) {
      const definition = new RegExp(`w:styleId="${style}"[\\s\\S]*?</w:style>`).exec(stylesXml)?.[0] ?? '';
      expect(definition, style).toContain('w:ascii="Times New Roman"');
    }
    expect(/w:styleId="Heading3"[\s\S]*?<\/w:style>/.exec(stylesXml)?.[0]).toMatch(/<w:b\/>[\s\S]*<w:i\/>/);
    expect(documentXml).not.toContain('Tinos');
    expect(documentXml).toMatch(/<w:pStyle w:val="Heading3"\/><\/w:pPr><w:r><w:t xml:space="preserve">1\.1\. Theo/);
    expect(documentXml).toMatch(/<w:br w:type="page"\/><\/w:r><\/w:p><w:p><w:pPr><w:pStyle w:val="Heading1"\/>/);
    // One table of two columns: the recipients merged down the three rows at the left.
    const closing = (documentXml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []).at(-1)!;
    expect(closing).toContain('<w:vMerge w:val="restart"/>');
    expect(closing.match(/<w:vMerge w:val="continue"\/>/g)).toHaveLength(2);
    expect(closing.indexOf('Nơi nhận:')).toBeLessThan(closing.indexOf('KT. TRƯỞNG PHÒNG'));
    expect(closing).toContain('KT. TRƯỞNG PHÒNG</w:t></w:r><w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:br/>');
    expect(documentXml.match(/Nơi nhận:/g)).toHaveLength(1);
  });

  it('round-trips through a .docx reader: headings as headings, the table with its header', async () => {
    const buffer = await renderDocumentDocx(reportLayout());
    const raw = await mammoth.extractRawText({ buffer });
    expect(raw.messages).toEqual([]);
    const html = await mammoth.convertToHtml({ buffer });
    expect(html.messages.filter((message) => message.type === 'error')).toEqual([]);
    expect(html.value).toContain('<h1>I. KẾT QUẢ KIỂM TRA</h1>');
    expect(html.value).toContain('<h2>1. Số đơn vị được kiểm tra</h2>');
    expect(html.value).toContain('<h3>1.1. Theo kế hoạch</h3>');
    expect(html.value).toContain('<th><p><strong>Đơn vị và nội dung</strong></p></th>');
  });
});
