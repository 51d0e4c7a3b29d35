import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flat, forbiddenWords, missingInOrder, pdfFonts, pdfPages } from '../core/documents/pdf-tools';
import { launchBrowser, see, setUpOffice, startApp, type Browser, type RunningApp } from './harness';

/**
 * The results report of the sample year as a clerk makes it, in Chromium against browser mode:
 * drafted from both sample plans, a number followed to the units it counts, a paragraph edited
 * (with bold), the fields typed, finalised; then the PDF, the Word file and the statistics
 * workbook downloaded and read; and the statistics page drawn.
 */
describe('the results report, end to end', () => {
  let app: RunningApp;
  let browser: Browser;
  const saved = fs.mkdtempSync(path.join(os.tmpdir(), 'klkchc-reports-e2e-'));
  /** Screenshots and the saved files for a person to look at, when asked for (KLKCHC_SCREENSHOTS=folder). */
  const shots = process.env.KLKCHC_SCREENSHOTS;

  beforeAll(async () => {
    app = await startApp();
    await setUpOffice(app);
    await app.call('registry.loadSample', {});
    browser = await launchBrowser({ width: 1366, height: 900 });
    await browser.page.goto(`${app.url}#/reports`);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    fs.rmSync(saved, { recursive: true, force: true });
  });

  async function keep(download: Download): Promise<Buffer> {
    const target = path.join(saved, download.suggestedFilename());
    await download.saveAs(target);
    // The files themselves, for a person to open beside the screenshots.
    if (shots) fs.copyFileSync(target, path.join(shots, download.suggestedFilename()));
    return fs.readFileSync(target);
  }

  async function shot(name: string): Promise<void> {
    if (shots) await browser.page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  }

  it('drafts the report of the sample year from both plans', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: /Soạn báo cáo/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Soạn báo cáo kết quả kiểm tra' });
    await see.visible(dialog);
    const schools = dialog.getByRole('checkbox', { name: /Kiểm tra KLKCHC năm học 2019–2020/ });
    const agencies = dialog.getByRole('checkbox', { name: /Kiểm tra KLKCHC năm 2019 tại các cơ quan/ });
    await see.visible(schools);
    if (!(await agencies.isChecked())) await agencies.check();
    await schools.check();
    // The period follows the plans chosen: the year 2019 and the school year 2019–2020.
    await see.value(dialog.getByLabel('Từ ngày'), '01/01/2019');
    await see.value(dialog.getByLabel('Đến ngày'), '31/08/2020');
    await expect(dialog.getByRole('checkbox', { name: 'Kèm biểu đồ' }).isChecked()).resolves.toBe(true);
    await dialog.getByRole('button', { name: 'Soạn báo cáo' }).click();
    await see.hidden(dialog, 30_000);
    await see.visible(
      page.getByRole('heading', { name: /^Kết quả kiểm tra việc thực hiện kỷ luật, kỷ cương hành chính/ }),
    );
    const text = page.getByRole('list', { name: 'Nội dung báo cáo' });
    await see.visible(text.getByRole('textbox').filter({ hasText: '28/81 đơn vị trường, đạt 35% mục tiêu đề ra' }));
    // The keyboard is in the text, at its first paragraph, ready to type.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''))
      .toMatch(/^Đoạn \d+$/);
    await see.visible(
      text.getByRole('textbox').filter({ hasText: 'gồm: 6 phòng chuyên môn trực thuộc UBND huyện và 15 UBND cấp xã' }),
    );
    await shot('report-editor');
  });

  it('follows a number to the units it counts', async () => {
    const { page } = browser;
    const coverage = page.getByRole('textbox').filter({ hasText: '21/30 cơ quan, đơn vị hành chính' });
    await coverage.getByRole('link', { name: '15 – xem các đơn vị được đếm' }).click();
    const dialog = page.getByRole('dialog', { name: '15 đơn vị đã được kiểm tra' });
    await see.visible(dialog);
    await see.count(dialog.getByRole('row'), 16);
    await see.visible(dialog.getByRole('button', { name: /^UBND xã Hiệp Hạ$/ }));
    await shot('report-counted');
    await dialog.getByRole('button', { name: /Đóng/ }).click();
    await see.hidden(dialog);
  });

  it('keeps an edited paragraph, in bold where the clerk asked, and the fields typed', async () => {
    const { page } = browser;
    const proposal = page.getByRole('textbox').filter({ hasText: 'Tiếp tục đẩy mạnh công tác kiểm tra' });
    await proposal.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Văn thư bổ sung câu này.');
    await page.keyboard.press('Control+B');
    await page.keyboard.type(' Phải báo cáo trước ngày 30/6.');
    await page.keyboard.press('Control+B');
    await page.getByLabel('Số, ký hiệu').fill('12/BC-PGDĐT');
    await page.getByLabel('Họ tên người ký').fill('Lương Văn Hùng');
    await see.text(page.getByRole('status').filter({ hasText: /^Đã lưu$|^Chưa lưu|^Đang lưu/ }), 'Đã lưu', 20_000);
    // What was saved is what the core holds.
    const [summary] = await app.call('reports.list', {});
    const stored = await app.call('reports.get', { id: summary!.id });
    expect(stored.fields.number).toBe('12/BC-PGDĐT');
    const paragraph = stored.body.blocks.find(
      (block) => block.kind === 'paragraph' && block.runs.some((run) => run.text.includes('Văn thư bổ sung câu này.')),
    );
    expect(
      paragraph && paragraph.kind === 'paragraph'
        ? paragraph.runs.filter((run) => run.bold).map((run) => run.text.trim())
        : [],
    ).toEqual(['Phải báo cáo trước ngày 30/6.']);
  });

  it('takes a pasted text of several paragraphs, one far longer than a run, as paragraphs', async () => {
    const { page } = browser;
    const long = Array.from({ length: 1800 }, (_, index) => `câu${index}`).join(' ');
    const pasted = `Đoạn dán thứ nhất.\r\n\r\nCột A\tCột B \u202eđảo\u202c\n${long}`;
    // A new paragraph after the edited one (Enter), and into it a paste as the browser delivers
    // one from Word or an e-mail: plain text with line breaks.
    await page.getByRole('textbox').filter({ hasText: 'Văn thư bổ sung câu này.' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('');
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      document.activeElement?.dispatchEvent(event);
    }, pasted);
    await see.visible(page.getByRole('textbox').filter({ hasText: /^Cột A Cột B đảo$/ }));
    await see.text(page.getByRole('status').filter({ hasText: /^Đã lưu$|^Chưa lưu|^Đang lưu/ }), 'Đã lưu', 20_000);
    const [summary] = await app.call('reports.list', {});
    const stored = await app.call('reports.get', { id: summary!.id });
    const texts = stored.body.blocks.map((block) =>
      block.kind === 'paragraph' ? block.runs.map((run) => run.text).join('') : '',
    );
    const at = texts.indexOf('Đoạn dán thứ nhất.');
    expect(texts[at - 1]).toMatch(/Văn thư bổ sung câu này\. Phải báo cáo trước ngày 30\/6\.$/);
    expect(texts.slice(at + 1, at + 3)).toEqual(['Cột A Cột B đảo', long]);
    const longBlock = stored.body.blocks[at + 2];
    expect(longBlock?.kind === 'paragraph' && longBlock.runs.length).toBeGreaterThan(1);
  });

  it('brings a deleted paragraph back from the notice', async () => {
    const { page } = browser;
    const pasted = page.getByRole('textbox').filter({ hasText: /^Cột A Cột B đảo$/ });
    const row = page.getByRole('listitem').filter({ has: pasted });
    await row.getByRole('button', { name: /^Xóa đoạn: Đoạn \d+$/ }).click();
    await see.count(pasted, 0);
    const notice = page.getByRole('alert').filter({ hasText: /^Đã xóa đoạn \d+\./ });
    await notice.getByRole('button', { name: /Hoàn tác/ }).click();
    await see.visible(pasted);
    await see.text(page.getByRole('status').filter({ hasText: /^Đã lưu$|^Chưa lưu|^Đang lưu/ }), 'Đã lưu', 20_000);
    const [summary] = await app.call('reports.list', {});
    const stored = await app.call('reports.get', { id: summary!.id });
    expect(
      stored.body.blocks.some(
        (block) => block.kind === 'paragraph' && block.runs.map((run) => run.text).join('') === 'Cột A Cột B đảo',
      ),
    ).toBe(true);
  });

  it('finalises the report, which then opens read-only', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Hoàn tất' }).click();
    const confirm = page.getByRole('dialog', { name: 'Hoàn tất báo cáo?' });
    await confirm.getByRole('button', { name: 'Hoàn tất' }).click();
    await see.visible(page.getByText('Đã hoàn tất', { exact: true }));
    const text = page.getByRole('list', { name: 'Nội dung báo cáo' });
    await expect(text.getByRole('textbox').first().getAttribute('contenteditable')).resolves.toBe('false');
    await see.visible(page.getByRole('button', { name: 'Đính chính' }));
  });

  it('saves the PDF and the Word file from the preview, with the edit in them', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: /Xem trước và in/ }).click();
    const dialog = page.getByRole('dialog', { name: /^Báo cáo — Kết quả kiểm tra/ });
    await see.visible(dialog);
    await see.visible(dialog.getByText(/\d+ trang/), 60_000);
    await see.visible(dialog.locator('canvas[data-drawn="true"]'), 30_000);
    await shot('report-preview');
    const [pdfDownload] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      dialog.getByRole('button', { name: 'Lưu PDF' }).click(),
    ]);
    expect(pdfDownload.suggestedFilename()).toMatch(/^Báo cáo 12-BC-PGDĐT Kết quả kiểm tra .*\.pdf$/);
    const pdf = new Uint8Array(await keep(pdfDownload));
    expect(new Set(pdfFonts(pdf).map((font) => font.name.replace(/-.*/, '')))).toEqual(new Set(['Tinos']));
    // Read on over the page breaks, as a person does: without the page number heading each page.
    const text = pdfPages(pdf)
      .map((page) => page.replace(/^\s*\d+\s*\n/, ''))
      .join('\n');
    expect(
      missingInOrder(text, [
        'UBND HUYỆN LỘC BÌNH',
        'Số: 12/BC-PGDĐT',
        'BÁO CÁO',
        'đã kiểm tra được 21/30 cơ quan, đơn vị hành chính, đạt 70% mục tiêu đề ra',
        'đã kiểm tra được 28/81 đơn vị trường, đạt 35% mục tiêu đề ra',
        'Tiến độ kiểm tra so với chỉ tiêu (%)',
        'Văn thư bổ sung câu này. Phải báo cáo trước ngày 30/6.',
        'TRƯỞNG PHÒNG',
        'Lương Văn Hùng',
        'PHỤ LỤC',
      ]),
    ).toBeNull();
    expect(forbiddenWords(text)).toEqual([]);

    const [wordDownload] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      dialog.getByRole('button', { name: 'Xuất Word' }).click(),
    ]);
    const docx = await JSZip.loadAsync(await keep(wordDownload));
    const xml = await docx.file('word/document.xml')!.async('string');
    // The bold sentence is a bold run in Word too.
    expect(xml).toMatch(
      /<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve"> Phải báo cáo trước ngày 30\/6\.<\/w:t>/,
    );
    expect(flat(xml.replace(/<[^>]+>/g, ''))).toContain('Văn thư bổ sung câu này.');
    expect(Object.keys(docx.files).some((name) => /^word\/media\/.*\.svg$/.test(name))).toBe(true);
    await page.keyboard.press('Escape');
    await see.hidden(dialog);
  });

  it('points at the report already made when the same plans and period are chosen again', async () => {
    const { page } = browser;
    await page.goto(`${app.url}#/reports`);
    await page.getByRole('button', { name: /Soạn báo cáo/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Soạn báo cáo kết quả kiểm tra' });
    const schools = dialog.getByRole('checkbox', { name: /Kiểm tra KLKCHC năm học 2019–2020/ });
    const agencies = dialog.getByRole('checkbox', { name: /Kiểm tra KLKCHC năm 2019 tại các cơ quan/ });
    await see.visible(schools);
    if (!(await agencies.isChecked())) await agencies.check();
    await schools.check();
    const note = dialog.getByRole('alert').filter({ hasText: 'hoàn tất cho đúng các kế hoạch và kỳ báo cáo này' });
    await see.visible(note);
    await note.getByRole('button', { name: 'Mở báo cáo đó' }).click();
    await see.hidden(dialog);
    await see.visible(page.getByText('Đã hoàn tất', { exact: true }));
  });

  it('draws the statistics page and saves its workbook', async () => {
    const { page } = browser;
    await page.getByRole('navigation').getByRole('link', { name: 'Thống kê' }).click();
    await see.visible(page.getByRole('heading', { name: 'Thống kê', level: 1 }));
    const progress = page.getByRole('figure', { name: 'Tiến độ kiểm tra so với chỉ tiêu' });
    await see.visible(progress);
    // A line per plan, and a bar per kind and series.
    await expect.poll(() => progress.locator('path.MuiLineChart-line').count()).toBe(2);
    await expect
      .poll(() =>
        page.getByRole('figure', { name: 'Số đơn vị theo loại hình' }).locator('.MuiBarChart-element').count(),
      )
      .toBe(12);
    await see.count(page.getByRole('figure', { name: 'Tỷ lệ đơn vị chưa đạt theo nội dung kiểm tra' }), 2);
    await see.visible(page.getByText(/Kiểm tra KLKCHC năm học 2019–2020: 28\/81, đạt 35%/));
    await shot('statistics');
    if (shots) {
      // The page scrolls inside its own pane: each chart as well, as it shows when scrolled to.
      for (const [index, figure] of (await page.getByRole('figure').all()).entries()) {
        await figure.screenshot({ path: path.join(shots, `statistics-figure-${index + 1}.png`) });
      }
    }
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: 'Xuất Excel thống kê' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Thống kê kết quả kiểm tra .*\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await keep(download)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Tổng hợp', 'Ma trận 1', 'Ma trận 2', 'Kiến nghị']);
    // Year on year: the sample's two plans use different checklists, so neither is offered beside the other.
    await page.getByRole('combobox', { name: 'Kế hoạch năm trước' }).click();
    await page.getByRole('option', { name: /Kiểm tra KLKCHC năm 2019 tại các cơ quan/ }).click();
    await page.getByRole('combobox', { name: 'Kế hoạch năm sau' }).click();
    for (const name of [/Kiểm tra KLKCHC năm 2019 tại các cơ quan/, /Kiểm tra KLKCHC năm học 2019–2020/]) {
      await expect(page.getByRole('option', { name }).getAttribute('aria-disabled')).resolves.toBe('true');
    }
    await page.keyboard.press('Escape');
    expect(browser.problems).toEqual([]);
  });
});
