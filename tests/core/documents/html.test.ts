import { describe, expect, it } from 'vitest';
import { headerNameHtml, renderDocumentHtml } from '../../../electron/core/documents/html';
import { GROUPS, MARKUP, ROWS_PER_GROUP, reportLayout } from './report-fixture';

/** The engine's HTML of a document that is not the minutes, read as markup (no browser). */

const VOID = new Set(['meta', 'col', 'br']);

/** Every element closed, in the order it was opened; returns the first mismatch, or null. */
function unbalanced(html: string): string | null {
  const stack: string[] = [];
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g)) {
    const [, closing, rawName] = match;
    const name = rawName!.toLowerCase();
    if (VOID.has(name)) continue;
    if (closing === '') stack.push(name);
    else if (stack.pop() !== name) return `</${name}> at ${match.index}`;
  }
  return stack.length === 0 ? null : `<${stack.join('><')}> never closed`;
}

/** The HTML's body without the style sheet, whose text is not markup. */
function bodyOf(html: string): string {
  return html.slice(html.indexOf('<body>'));
}

describe('the documents engine as HTML', () => {
  const html = renderDocumentHtml(reportLayout(), '');

  it('is a well-formed page: every element closed in order, no script, no outside resource', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="vi">')).toBe(true);
    expect(unbalanced(html.replace(/<style>[\s\S]*<\/style>/, ''))).toBeNull();
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|\bsrc=|\bhref=|url\((?!data:)/i);
    // Paragraphs hold only inline markup; a block inside one would mean a broken nesting.
    for (const paragraph of bodyOf(html).match(/<p\b[^>]*>[\s\S]*?<\/p>/g) ?? []) {
      expect(paragraph.slice(3)).not.toMatch(/<(p|div|table|h\d)\b/);
    }
  });

  it('escapes what the document holds, in text, title and table cells alike', () => {
    expect(html).toContain('<title>Báo cáo kết quả kiểm tra &#60;năm học&#62; 2019–2020</title>');
    expect(html).toContain(
      'Ghi chú &#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;trích&#34; &#60;b&#62;đậm&#60;/b&#62;',
    );
    expect(bodyOf(html)).not.toContain(MARKUP);
    expect(html).not.toContain('<b>đậm</b>');
  });

  it('draws each kind of block', () => {
    const body = bodyOf(html);
    expect(body).toContain('<td class="hd-left number">Số: 12/BC-PGDĐT</td>');
    expect(body).toContain('<h1 class="title">BÁO CÁO</h1>');
    expect(body).toContain(
      '<p>Thực hiện <b>Kế hoạch số 45/KH-PGDĐT</b> ngày 10/9/2019, <i>Phòng Giáo dục và Đào tạo</i> báo cáo',
    );
    expect(body).toContain('<h2>I. KẾT QUẢ KIỂM TRA</h2>');
    expect(body).toContain('<h3>1. Số đơn vị được kiểm tra</h3>');
    expect(body).toContain('<h4>1.1. Theo kế hoạch</h4>');
    expect(body).toContain('<p>a) Khối mầm non: 14 trường;</p>\n<p>b) Khối tiểu học');
    expect(body).toContain('<p>c) Khối trung học cơ sở: <span class="fill">…………</span> trường.</p>');
    expect(body).toContain('<p>- Đề nghị các đơn vị khắc phục');
    expect(body).toContain('<div class="page-break"></div>\n<h2>II. ĐỀ XUẤT, KIẾN NGHỊ</h2>');
    expect(body.match(/<p class="dotted">/g)).toHaveLength(2);
  });

  it('draws the table with its widths, a header row to repeat, group rows across and aligned cells', () => {
    const table = /<table class="grid coverage">[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    expect(html).toContain('<p class="lead-in"><i>Kết quả từng đơn vị được kiểm tra:</i></p>\n<table class="grid');
    expect(table).toContain(
      '<colgroup><col style="width: 12mm"><col><col style="width: 26mm"><col style="width: 22mm"></colgroup>',
    );
    expect(table).toContain('<thead><tr><th>STT</th><th>Đơn vị và nội dung</th><th>Đánh giá</th><th>Tỷ lệ</th></tr>');
    const rows = table.match(/<tr\b[\s\S]*?<\/tr>/g) ?? [];
    expect(rows).toHaveLength(1 + GROUPS.length * (1 + ROWS_PER_GROUP));
    for (const row of rows.slice(1)) {
      if (row.startsWith('<tr class="group">')) expect(row).toMatch(/^<tr class="group"><td colspan="4">\d\. /);
      else expect(row.match(/<td class="a-(left|center|right)">/g)).toHaveLength(4);
    }
    expect(table).toContain('<td class="a-right">21,5%</td>');
    // The style sheet repeats the header on each page and never splits a row.
    expect(html).toContain('.grid thead { display: table-header-group; }');
    expect(html).toContain('.grid tr { break-inside: avoid; }');
  });

  it('sets "Nơi nhận" at the left of the one signature, whose title keeps its two lines', () => {
    const closing = /<div class="closing">[\s\S]*?<\/div><\/td>/.exec(html)?.[0] ?? '';
    expect(closing.startsWith('<div class="closing"><table class="signatures" role="presentation">')).toBe(true);
    expect(closing).toContain('<tr class="sig-title"><td class="rc-cell" rowspan="3"><div class="recipients">');
    expect(closing).toContain('<div class="rc-head">Nơi nhận:</div><div>- UBND huyện (để báo cáo);</div>');
    expect(html).toContain('<td>KT. TRƯỞNG PHÒNG<br>PHÓ TRƯỞNG PHÒNG</td></tr>');
    expect(html).toContain('<tr class="sig-name"><td>Lăng Thị Huyền</td></tr>');
    // Nothing after the signatures: the recipients are not printed twice.
    expect(html.match(/class="recipients"/g)).toHaveLength(1);
  });

  it('breaks a body’s name in the header where a reader would: before "VÀ", after a dash', () => {
    expect(headerNameHtml('PHÒNG GIÁO DỤC VÀ ĐÀO TẠO')).toBe(
      '<span class="phrase">PHÒNG GIÁO DỤC</span> <span class="phrase">VÀ ĐÀO TẠO</span>',
    );
    expect(headerNameHtml('PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI')).toBe(
      '<span class="phrase">PHÒNG LAO ĐỘNG -</span> <span class="phrase">THƯƠNG BINH</span> <span class="phrase">VÀ XÃ HỘI</span>',
    );
    expect(headerNameHtml('UBND HUYỆN LỘC BÌNH')).toBe('UBND HUYỆN LỘC BÌNH');
    expect(bodyOf(html)).toContain('<span class="phrase">PHÒNG GIÁO DỤC</span> <span class="phrase">VÀ ĐÀO TẠO</span>');
  });
});
