import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flat, forbiddenWords, missingInOrder, pdfFonts, pdfInfo, pdfPages } from '../core/documents/pdf-tools';
import { launchBrowser, see, setUpOffice, startApp, type Browser, type RunningApp } from './harness';
import { seedMinutes, type MinutesSeed } from './minutes-seed';

/**
 * The minutes as a clerk gets them, in Chromium against the built browser mode: the preview
 * drawn from the real PDF, Print, Save PDF, Export Word, renumbering, and a plan's minutes in
 * bulk into one PDF or a folder.
 */
describe('inspection minutes, end to end', () => {
  let app: RunningApp;
  let browser: Browser;
  let seed: MinutesSeed;
  const saved = fs.mkdtempSync(path.join(os.tmpdir(), 'klkchc-minutes-e2e-'));

  beforeAll(async () => {
    app = await startApp();
    await setUpOffice(app);
    seed = await seedMinutes(app.call);
    browser = await launchBrowser({ width: 1366, height: 900 });
    // Stands in for the folder a clerk picks: the browser's own private folder, written through
    // the same File System Access calls a real folder gets.
    await browser.context.addInitScript(() => {
      Object.defineProperty(window, 'showDirectoryPicker', {
        value: () => navigator.storage.getDirectory(),
      });
    });
    await browser.page.goto(app.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    fs.rmSync(saved, { recursive: true, force: true });
  });

  async function keep(download: Download): Promise<Uint8Array> {
    const target = path.join(saved, download.suggestedFilename());
    await download.saveAs(target);
    return new Uint8Array(fs.readFileSync(target));
  }

  /** Pages drawn on the preview's canvases, and whether each has ink on it. */
  async function drawnPages(page: Page): Promise<boolean[]> {
    // Canvases are replaced while a new preview is drawn: a read that races with that counts none.
    return page
      .locator('canvas[data-drawn="true"]')
      .evaluateAll((canvases) =>
        canvases.map((canvas) => {
          const context = (canvas as HTMLCanvasElement).getContext('2d');
          if (!context) return false;
          const { data } = context.getImageData(
            0,
            0,
            (canvas as HTMLCanvasElement).width,
            (canvas as HTMLCanvasElement).height,
          );
          let dark = 0;
          for (let index = 0; index < data.length; index += 4) if ((data[index] ?? 255) < 100) dark += 1;
          return dark > 1000;
        }),
      )
      .catch(() => []);
  }

  it('shows the minutes exactly as they print, from the inspection (Ctrl+P)', async () => {
    const { page } = browser;
    await page.evaluate((id) => (window.location.hash = `#/inspections/${id}`), seed.inspectionIds[0]!);
    await see.visible(page.getByRole('button', { name: /Xem biên bản/ }));
    await page.keyboard.press('Control+P');
    const dialog = page.getByRole('dialog', { name: 'Biên bản kiểm tra — Trường Tiểu học Hiệp Hạ' });
    await see.visible(dialog);
    await see.text(dialog.getByText(/Số biên bản:/), '01/BB-ĐKT');
    const count = Number(/(\d+) trang/.exec(await dialog.getByText(/\d+ trang/).innerText())?.[1]);
    expect(count).toBeGreaterThanOrEqual(2);
    await see.count(dialog.getByRole('img', { name: /^Trang \d+ \/ \d+$/ }), count);
    await expect.poll(async () => (await drawnPages(page)).length, { timeout: 20_000 }).toBe(count);
    expect(await drawnPages(page)).toEqual(Array.from({ length: count }, () => true));
    await see.visible(dialog.getByRole('img', { name: `Trang 1 / ${count}` }));
  });

  it('saves the PDF: A4, the bundled font, the inspection in order, nothing unprinted', async () => {
    const { page } = browser;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Lưu PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Biên bản 01-BB-ĐKT Trường Tiểu học Hiệp Hạ.pdf');
    const pdf = await keep(download);
    expect(pdfInfo(pdf).pageSize).toContain('(A4)');
    expect(new Set(pdfFonts(pdf).map((font) => font.name.replace(/-.*/, '')))).toEqual(new Set(['Tinos']));
    const text = pdfPages(pdf).join('\n');
    expect(
      missingInOrder(text, [
        // The body that formed the team (the plan's issuer), wrapped in the header's left column.
        'PHÒNG GD&ĐT',
        'HUYỆN LỘC BÌNH',
        'Số: 01/BB-ĐKT',
        'Lộc Bình, ngày 09 tháng 10 năm 2019',
        'BIÊN BẢN',
        'Thực hiện Quyết định số 125/QĐ-PGDĐT ngày 05/9/2019 của Trưởng phòng Giáo dục và Đào tạo huyện Lộc Bình',
        'Hôm nay, vào hồi 08 giờ 00 ngày 09 tháng 10 năm 2019, tại Văn phòng Trường Tiểu học Hiệp Hạ',
        'Hoàng Văn Dũng – Phó Trưởng phòng Giáo dục và Đào tạo – Trưởng đoàn;',
        'Triệu Thị Mai – Hiệu trưởng;',
        'II. NỘI DUNG KIỂM TRA',
        'Chưa đạt',
        'Chưa cập nhật theo quy định mới',
        'Không áp',
        'Rà soát, sửa đổi, bổ sung quy chế chi tiêu nội bộ',
        'ngày 28 tháng 02 năm 2020',
        'Nhà trường nhất trí với kết quả kiểm tra',
        'Biên bản kết thúc vào hồi 11 giờ 30 cùng ngày',
        'Triệu Thị Mai',
        'Hoàng Văn Dũng',
        'Nguyễn Thị Thư',
      ]),
    ).toBeNull();
    expect(forbiddenWords(text)).toEqual([]);
    await see.visible(page.getByRole('dialog').getByRole('status').filter({ hasText: 'Đã lưu Biên bản 01-BB-ĐKT' }));
  });

  it('exports an editable Word file with the same minutes', async () => {
    const { page } = browser;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Xuất Word' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Biên bản 01-BB-ĐKT Trường Tiểu học Hiệp Hạ.docx');
    const docx = await keep(download);
    expect(Buffer.from(docx.subarray(0, 2)).toString()).toBe('PK');
    const { default: mammoth } = await import('mammoth');
    // The text as Word shows it: the header's and title's line breaks (placed as the printed
    // copy breaks them) read as spaces.
    const html = await mammoth.convertToHtml({ buffer: Buffer.from(docx) });
    const text = flat(
      html.value
        .replace(/<br \/>/g, ' ')
        .replace(/<[^>]+>/g, ' ')
        .replace(/&amp;/g, '&'),
    );
    expect(text).toContain('PHÒNG GD&ĐT HUYỆN LỘC BÌNH');
    expect(text).toContain('Kiểm tra việc thực hiện kỷ luật, kỷ cương hành chính tại Trường Tiểu học Hiệp Hạ');
    expect(text).toContain('Số: 01/BB-ĐKT');
    expect(text).toContain('Biên bản kết thúc vào hồi 11 giờ 30 cùng ngày');
  });

  it('prints the same page through the browser’s own print', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: /^In/ }).click();
    // Browser mode prints from a hidden frame holding the document (headless Chromium has no dialog).
    const frame = page.locator('iframe[aria-hidden="true"]').last();
    await expect
      .poll(() => frame.evaluate((element) => (element as HTMLIFrameElement).contentDocument?.body?.innerText ?? ''))
      .toContain('BIÊN BẢN');
    const printed = await frame.evaluate((element) => {
      const document = (element as HTMLIFrameElement).contentDocument!;
      return { title: document.title, scripts: document.scripts.length, text: document.body.innerText };
    });
    expect(printed.title).toBe('Biên bản 01-BB-ĐKT Trường Tiểu học Hiệp Hạ');
    expect(printed.scripts).toBe(0);
    expect(flat(printed.text)).toContain('Số: 01/BB-ĐKT');
  });

  it('renumbers the minutes, never to a number given before', async () => {
    const { page } = browser;
    const dialog = page.getByRole('dialog', { name: /Biên bản kiểm tra —/ });
    await dialog.getByRole('button', { name: 'Đổi số' }).click();
    const field = dialog.getByLabel('Số biên bản');
    await see.focused(field);
    await field.fill('7');
    await field.press('Enter');
    await see.text(dialog.getByText(/Số biên bản:/), '07/BB-ĐKT');
    await see.visible(dialog.getByRole('status').filter({ hasText: 'Đã đổi số biên bản thành 07/BB-ĐKT.' }));
    // The preview is drawn again with the new number.
    await expect.poll(async () => (await drawnPages(page)).length, { timeout: 20_000 }).toBeGreaterThan(0);
    // Number 01 was given to these minutes before: taking it back is allowed; another inspection may not.
    await dialog.getByRole('button', { name: 'Đổi số' }).click();
    await dialog.getByLabel('Số biên bản').fill('1');
    await dialog.getByLabel('Số biên bản').press('Enter');
    await see.text(dialog.getByText(/Số biên bản:/), '01/BB-ĐKT');
    await page.keyboard.press('Escape');
    await see.hidden(dialog);

    await page.evaluate((id) => (window.location.hash = `#/inspections/${id}`), seed.inspectionIds[1]!);
    await page.getByRole('button', { name: /Xem biên bản/ }).click();
    const second = page.getByRole('dialog', { name: 'Biên bản kiểm tra — Trường Mầm non Lợi Bác' });
    // 07 was given (then released): the next number is 08, never a number given before.
    await see.text(second.getByText(/Số biên bản:/), '08/BB-ĐKT');
    await second.getByRole('button', { name: 'Đổi số' }).click();
    await second.getByLabel('Số biên bản').fill('7');
    await second.getByLabel('Số biên bản').press('Enter');
    await see.visible(second.getByText(/Số 07 đã được cấp|Số này đã được cấp/));
    await second.getByLabel('Số biên bản').press('Escape');
    await see.text(second.getByText(/Số biên bản:/), '08/BB-ĐKT');
    // Esc leaves the number as it was and gives the keyboard back to "Đổi số".
    await see.focused(second.getByRole('button', { name: 'Đổi số' }));
    await page.keyboard.press('Escape');
    await see.hidden(second);
  });

  it('binds a plan’s minutes into one PDF, with progress, in date order', async () => {
    const { page } = browser;
    await page.evaluate((id) => (window.location.hash = `#/plans/${id}`), seed.planId);
    await page.getByRole('button', { name: 'In biên bản hàng loạt' }).click();
    const dialog = page.getByRole('dialog', { name: 'In biên bản hàng loạt' });
    await see.visible(dialog);
    // How many, said before anything starts.
    await see.visible(
      dialog.getByText('Sẽ tạo 3 biên bản (các cuộc kiểm tra đã hoàn tất), theo thứ tự ngày kiểm tra.'),
    );
    await dialog.getByRole('button', { name: 'Bắt đầu' }).click();
    await see.visible(dialog.getByText('Đã xong 3 biên bản.'), 30_000);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Lưu tệp' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Biên bản kiểm tra – Kiểm tra KLKCHC năm học 2019–2020.pdf');
    const pdf = await keep(download);
    const text = pdfPages(pdf).join('\n');
    expect(
      missingInOrder(text, [
        'Số: 01/BB-ĐKT',
        'Trường Tiểu học Hiệp Hạ',
        'Số: 08/BB-ĐKT',
        'Trường Mầm non Lợi Bác',
        'Số: 09/BB-ĐKT',
        'Trường THCS Thị trấn Na Dương',
      ]),
    ).toBeNull();
    await see.hidden(dialog);
  });

  it('saves one Word file per inspection into the folder the clerk picks', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'In biên bản hàng loạt' }).click();
    const dialog = page.getByRole('dialog', { name: 'In biên bản hàng loạt' });
    await dialog.getByRole('radio', { name: 'Mỗi biên bản một tệp Word, lưu vào một thư mục' }).check();
    await dialog.getByRole('button', { name: 'Bắt đầu' }).click();
    await see.visible(dialog.getByText('Đã xong 3 biên bản.'), 30_000);
    await dialog.getByRole('button', { name: 'Chọn thư mục và lưu' }).click();
    await see.visible(page.getByRole('alert').filter({ hasText: 'Đã lưu 3 tệp vào thư mục đã chọn.' }));
    const files = await page.evaluate(async () => {
      const folder = await navigator.storage.getDirectory();
      const found: { name: string; size: number; head: string }[] = [];
      for await (const [name, handle] of folder as unknown as AsyncIterable<[string, FileSystemFileHandle]>) {
        const file = await handle.getFile();
        found.push({ name, size: file.size, head: await file.slice(0, 2).text() });
      }
      return found.sort((a, b) => a.name.localeCompare(b.name));
    });
    expect(files.map((file) => file.name)).toEqual([
      'Biên bản 01-BB-ĐKT Trường Tiểu học Hiệp Hạ.docx',
      'Biên bản 08-BB-ĐKT Trường Mầm non Lợi Bác.docx',
      'Biên bản 09-BB-ĐKT Trường THCS Thị trấn Na Dương.docx',
    ]);
    for (const file of files) expect(file.head).toBe('PK');
    expect(browser.problems).toEqual([]);
  });

  it('stops following a batch it can no longer reach, says so, and lets the clerk start again', async () => {
    const { page } = browser;
    // The app's back end becomes unreachable for progress questions (browser mode was stopped).
    let asked = 0;
    await page.route('**/api/minutes.batch.status', (route) => {
      asked += 1;
      return route.abort();
    });
    try {
      await page.getByRole('button', { name: 'In biên bản hàng loạt' }).click();
      const dialog = page.getByRole('dialog', { name: 'In biên bản hàng loạt' });
      await dialog.getByRole('button', { name: 'Bắt đầu' }).click();
      await see.visible(dialog.getByRole('alert').filter({ hasText: 'Không kết nối được' }));
      await see.visible(dialog.getByRole('button', { name: 'Bắt đầu' }));
      const after = asked;
      await page.waitForTimeout(1000);
      expect(asked).toBe(after);
      await page.keyboard.press('Escape');
      await see.hidden(dialog);
    } finally {
      await page.unroute('**/api/minutes.batch.status');
    }
  });
});
