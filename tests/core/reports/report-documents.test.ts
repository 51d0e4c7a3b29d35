import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../shared/domain/report';
import { openDocx } from '../documents/docx-tools';
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
} from '../documents/pdf-tools';
import { createReadyCore, type TestCore } from '../../support/core-harness';
import { convert, requireSoffice } from '../../support/libreoffice';

/**
 * The sample district's report printed as the minutes are: PDF through Chromium read back with
 * poppler (A4, the bundled font only, Mẫu 1.4's header and signature with "Nơi nhận" at its
 * left, the charts drawn, the appendix with its header on every page), and the .docx unzipped.
 */

let h: TestCore;
let report: Report;
let pdf: Uint8Array;
let pages: string[];
let words: PdfWord[];

async function downloaded(name: 'reports.exportPdf' | 'reports.exportDocx', id: string): Promise<Buffer> {
  const download = await h.call(name, { id });
  const file = h.core.files.download(download.downloadId).path;
  return fs.readFileSync(file);
}

beforeAll(async () => {
  h = await createReadyCore();
  await h.call('registry.loadSample', {});
  const planIds = (await h.call('plans.list', {})).map((plan) => plan.id);
  const drafted = await h.call('reports.draft', { planIds, from: '2019-01-01', to: '2020-08-31', withCharts: true });
  report = await h.call('reports.save', {
    id: drafted.id,
    rev: drafted.rev,
    fields: { ...drafted.fields, number: '12/BC-PGDĐT', reportDate: '2020-06-15', signerName: 'Lương Văn Hùng' },
    body: drafted.body,
  });
  pdf = new Uint8Array(await downloaded('reports.exportPdf', report.id));
  pages = pdfPages(pdf);
  words = pdfWords(pdf);
}, 120_000);
afterAll(() => h.close());

describe('the results report as PDF', () => {
  it('prints Mẫu 1.4 on A4 in the bundled font: header, number, date, title, the text, signature, appendix', () => {
    expect(pdfInfo(pdf).pageSize).toContain('(A4)');
    expect(new Set(pdfFonts(pdf).map((font) => font.name.replace(/-.*/, '')))).toEqual(new Set(['Tinos']));
    const text = pages.join('\n');
    expect(
      missingInOrder(text, [
        'UBND HUYỆN LỘC BÌNH',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Số: 12/BC-PGDĐT',
        'Lộc Bình, ngày 15 tháng 6 năm 2020',
        'BÁO CÁO',
        'Kết quả kiểm tra việc thực hiện kỷ luật, kỷ cương hành chính',
        'I. CÔNG TÁC TRIỂN KHAI KIỂM TRA',
        'II. KẾT QUẢ KIỂM TRA',
        'đã kiểm tra được 21/30 cơ quan, đơn vị hành chính, đạt 70% mục tiêu đề ra',
        'đã kiểm tra được 28/81 đơn vị trường, đạt 35% mục tiêu đề ra',
        'Tiến độ kiểm tra so với chỉ tiêu (%)',
        'Chỉ tiêu 100%',
        'Số đơn vị được kiểm tra theo loại hình',
        'UBND xã, thị trấn',
        '2. Ưu điểm',
        '3. Hạn chế, tồn tại',
        'Tỷ lệ đơn vị chưa đạt theo từng nội dung kiểm tra (%)',
        '4. Nguyên nhân',
        'III. TÁI KIỂM TRA, ĐƠN VỊ CHƯA KIỂM TRA VÀ ĐỀ XUẤT',
        'Trên đây là báo cáo kết quả kiểm tra việc thực hiện kỷ luật, kỷ cương hành chính từ ngày 01/01/2019 đến ngày 31/8/2020 của Phòng Giáo dục và Đào tạo huyện Lộc Bình./.',
        'Nơi nhận:',
        'TRƯỞNG PHÒNG',
        'Lương Văn Hùng',
        'PHỤ LỤC',
        'DANH SÁCH CƠ QUAN, ĐƠN VỊ ĐƯỢC KIỂM TRA',
        'Kèm theo Báo cáo số 12/BC-PGDĐT ngày 15 tháng 6 năm 2020',
        'Số biên bản',
      ]),
    ).toBeNull();
    expect(forbiddenWords(text)).toEqual([]);
    // Not yet issued: marked as a draft above the header's right column (Nghị định 30, ô số 15).
    const mark = words.find((word) => word.page === 1 && word.text === 'DỰ')!;
    const nation = words.find((word) => word.page === 1 && word.text === 'CỘNG')!;
    expect(mark.yMax).toBeLessThan(nation.yMin);
    expect(mark.xMin).toBeGreaterThan((210 * MM) / 2);
    // Top left, above the number: the parent body, then the office under it (without repeating its district).
    const number = words.find((word) => word.page === 1 && word.text === 'Số:')!;
    const left = words
      .filter((word) => word.page === 1 && word.yMax < number.yMin && word.xMax < (210 * MM) / 2 - 10)
      .map((word) => word.text)
      .join(' ');
    expect(left).toBe('UBND HUYỆN LỘC BÌNH PHÒNG GIÁO DỤC VÀ ĐÀO TẠO');
    pages.slice(1).forEach((page, index) => expect(page.split('\n')[0]!.trim()).toBe(String(index + 2)));
  });

  it('sets "Nơi nhận" at the left of the signature, as Mẫu 1.4 does', () => {
    const heading = words.find((word) => word.text === 'Nơi');
    const signer = words.find((word) => word.text === 'TRƯỞNG' && word.page === heading?.page);
    expect(heading && signer).toBeTruthy();
    const middle = (210 * MM) / 2;
    expect(heading!.xMax).toBeLessThan(middle);
    expect(signer!.xMin).toBeGreaterThan(middle);
    expect(Math.abs(heading!.yMin - signer!.yMin)).toBeLessThan(20);
  });

  it('lists every inspected unit in the appendix, the header row again on each of its pages', () => {
    const first = pages.findIndex((page) => page.includes('PHỤ LỤC'));
    expect(first).toBeGreaterThan(0);
    const appendix = pages.slice(first);
    expect(appendix.length).toBeGreaterThanOrEqual(2);
    for (const page of appendix) {
      expect(flat(page)).toContain('Cơ quan, đơn vị');
      expect(flat(page)).toContain('Số biên bản');
    }
    const rows = flat(appendix.join('\n')).match(/\d{2}\/BB-ĐKT/g) ?? [];
    expect(rows.length).toBe(49);
    // Grouped by plan, in date order within each.
    expect(
      missingInOrder(appendix.join('\n'), [
        'Kiểm tra KLKCHC năm 2019 tại các cơ quan',
        'Kiểm tra KLKCHC năm học 2019–2020',
      ]),
    ).toBeNull();
  });

  it('gives the preview the same pages', async () => {
    const preview = await h.call('reports.preview', { id: report.id });
    expect(preview.pageCount).toBe(pages.length);
    expect(preview.fileName).toBe(
      'Báo cáo 12-BC-PGDĐT Kết quả kiểm tra việc thực hiện kỷ luật, kỷ cương hành chính từ ngày 01-01-2019 đến ngày 31-8-2020',
    );
  });
});

describe('the results report as Word (.docx)', () => {
  it('holds the same text, the charts as SVG pictures with a PNG for older Word, the appendix as a table', async () => {
    const docx = await downloaded('reports.exportDocx', report.id);
    const { text, documentXml, zip } = await openDocx(docx);
    expect(
      missingInOrder(text, [
        'UBND HUYỆN LỘC BÌNH',
        'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO',
        'Số: 12/BC-PGDĐT',
        'Lộc Bình, ngày 15 tháng 6 năm 2020',
        'BÁO CÁO',
        'I. CÔNG TÁC TRIỂN KHAI KIỂM TRA',
        'đã kiểm tra được 28/81 đơn vị trường, đạt 35% mục tiêu đề ra',
        'Tiến độ kiểm tra so với chỉ tiêu (%)',
        'Nơi nhận:',
        '- UBND huyện Lộc Bình (b/c);',
        '- Lưu: VT.',
        'TRƯỞNG PHÒNG',
        'Lương Văn Hùng',
        'PHỤ LỤC',
      ]),
    ).toBeNull();
    expect(forbiddenWords(text)).toEqual([]);
    const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
    const svgs = media.filter((name) => name.endsWith('.svg'));
    const pngs = media.filter((name) => name.endsWith('.png'));
    const charts = report.body.blocks.filter((block) => block.kind === 'chart').length;
    expect(svgs.length).toBe(charts);
    expect(pngs.length).toBe(charts);
    // The PNG stand-in is the chart drawn by the browser, not a blank pixel.
    const png = await zip.file(pngs[0]!)!.async('nodebuffer');
    expect(png.readUInt32BE(16)).toBeGreaterThan(600);
    const svg = await zip.file(svgs[0]!)!.async('string');
    expect(svg).toContain('Chỉ tiêu 100%');
    expect(documentXml).toMatch(/<asvg:svgBlip|svgBlip/);
    // The appendix's header row repeats on every page and its rows never split.
    expect(documentXml).toMatch(/<w:tblHeader\/>[\s\S]*Ngày kiểm tra/);
    const raw = await mammoth.extractRawText({ buffer: docx });
    expect(flat(raw.value)).toContain(
      'Trên đây là báo cáo kết quả kiểm tra việc thực hiện kỷ luật, kỷ cương hành chính',
    );
  });

  it('breaks the header and the title where the printed copy does, and writes every line spacing with its rule', async () => {
    const { text, documentXml, stylesXml } = await openDocx(await downloaded('reports.exportDocx', report.id));
    // Word cannot balance lines: the breaks are in the file (the PDF's, checked above).
    expect(text).toContain('PHÒNG GIÁO DỤC\nVÀ ĐÀO TẠO');
    expect(text).toContain(
      'Kết quả kiểm tra việc thực hiện kỷ luật, kỷ cương\nhành chính từ ngày 01/01/2019 đến ngày 31/8/2020',
    );
    const pdfLine = (first: string) =>
      words.filter(
        (word) =>
          word.page === 1 && Math.abs(word.yMin - words.find((w) => w.page === 1 && w.text === first)!.yMin) < 2,
      );
    expect(
      pdfLine('hành')
        .map((word) => word.text)
        .join(' '),
    ).toBe('hành chính từ ngày 01/01/2019 đến ngày 31/8/2020');
    // LibreOffice reads a spacing without its rule as "exact": the charts came out one line high.
    for (const xml of [documentXml, stylesXml]) {
      const spacings = xml.match(/<w:spacing [^>]*w:line="[^>]*>/g) ?? [];
      expect(spacings.length).toBeGreaterThan(0);
      expect(spacings.filter((spacing) => !spacing.includes('w:lineRule='))).toEqual([]);
    }
  });

  it('opens in LibreOffice Writer as it prints: charts at full size, the header on the same lines', async (context) => {
    const found = requireSoffice();
    if ('skip' in found) return context.skip(found.skip);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'klkchc-writer-'));
    try {
      const input = path.join(work, 'bao-cao.docx');
      fs.writeFileSync(input, await downloaded('reports.exportDocx', report.id));
      const output = convert(found.soffice, input, {
        to: 'pdf',
        extension: 'pdf',
        outDir: work,
        profileDir: path.join(work, 'profile'),
      });
      const opened = pdfWords(new Uint8Array(fs.readFileSync(output)));
      const at = (text: string, after?: PdfWord) =>
        opened.find(
          (word) =>
            word.text === text &&
            (!after || word.page > after.page || (word.page === after.page && word.yMin > after.yMin)),
        );
      const caption = at('Tiến')!;
      const nextCaption = at('Số', caption)!;
      expect(caption && nextCaption).toBeTruthy();
      // The progress chart is 75 mm high; cut to one line it left 5 mm.
      if (nextCaption.page === caption.page) expect(nextCaption.yMin - caption.yMin).toBeGreaterThan(60 * MM);
      const phong = at('PHÒNG')!;
      const va = at('VÀ', phong)!;
      expect(va.page).toBe(1);
      expect(va.yMin - phong.yMin).toBeGreaterThan(8);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }, 180_000);

  it('marks the draft as such in Word too, and drops the mark once finalised', async () => {
    expect((await openDocx(await downloaded('reports.exportDocx', report.id))).documentXml).toContain('>DỰ THẢO</w:t>');
    const scratch = await createReadyCore();
    try {
      await scratch.call('registry.loadSample', {});
      const planIds = (await scratch.call('plans.list', {})).map((plan) => plan.id);
      const drafted = await scratch.call('reports.draft', {
        planIds,
        from: '2019-01-01',
        to: '2019-12-31',
        withCharts: false,
      });
      const final = await scratch.call('reports.finalise', { id: drafted.id, rev: drafted.rev });
      expect(final.status).toBe('finalised');
      const download = await scratch.call('reports.exportPdf', { id: final.id });
      const printed = pdfPages(new Uint8Array(fs.readFileSync(scratch.core.files.download(download.downloadId).path)));
      expect(flat(printed[0]!)).not.toContain('DỰ THẢO');
      const docx = await scratch.call('reports.exportDocx', { id: final.id });
      const { documentXml } = await openDocx(fs.readFileSync(scratch.core.files.download(docx.downloadId).path));
      expect(documentXml).not.toContain('DỰ THẢO');
    } finally {
      scratch.close();
    }
  }, 120_000);
});
