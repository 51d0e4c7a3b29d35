import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser, see, setUpOffice, startApp, type Browser, type RunningApp } from './harness';

/** TCVN3 bytes of a few lower-case letters, as Excel stores text typed in a .VnTime font. */
const TCVN3: Record<string, number> = { ư: 0xad, ờ: 0xea, ể: 0xd3, ọ: 0xe4, ệ: 0xd6, ạ: 0xb9 };
function tcvn3(text: string): string {
  return Array.from(text.normalize('NFC'))
    .map((char) => String.fromCharCode(TCVN3[char] ?? char.charCodeAt(0)))
    .join('');
}

/** A district's list as clerks keep it: title, date, merged header, STT, a .VnTime cell, a total, a signature. */
async function messyWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Ghi chú').getCell('A1').value = 'Trang này để trống.';
  const sheet = workbook.addWorksheet('Danh sách trường');
  sheet.getCell('A1').value = 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN LỘC BÌNH';
  sheet.mergeCells('A1:F1');
  sheet.getCell('A2').value = 'DANH SÁCH CÁC TRƯỜNG NĂM HỌC 2019 - 2020';
  sheet.mergeCells('A2:F2');
  sheet.getCell('A3').value = 'Ngày 05/9/2019';
  sheet.getRow(5).values = ['STT', 'Mã trường', 'TÊN TRƯỜNG', 'Hiệu trưởng', 'Liên lạc', 'Ghi chú'];
  sheet.getRow(6).values = [1, 'MN01', 'Trường Mầm non Hoa Sen', 'Nguyễn Thị Lan', '0205 3840 101', ''];
  sheet.getRow(7).values = [2, 'TH01', 'Trường Tiểu học Đông Quan', 'Hoàng Văn Bình', '0205 3840 102', ''];
  sheet.getRow(8).values = [3, 'TH02', tcvn3('Trường Tiểu học Hiệp Hạ'), 'Lương Thị Hoa', '0205 3840 103', ''];
  sheet.getCell('C8').font = { name: '.VnTime' };
  sheet.getRow(9).values = [4, 'TH03', 'Trường Hoa Lư', 'Đinh Văn Tú', '0205 3840 104', 'Trường liên cấp'];
  sheet.getRow(10).values = [5, 'BT01', 'Trường PTDTBT TH&THCS Xuân Lễ', 'Vi Văn Chiến', '0205 3840 105', ''];
  sheet.getRow(11).values = ['', '', 'Tổng cộng', '', '', ''];
  sheet.getCell('D13').value = 'NGƯỜI LẬP BIỂU';
  await workbook.xlsx.writeFile(file);
}

/** Opens "Nhập từ Excel" and chooses the file in the browser's file chooser. */
async function chooseInWizard(page: Page, file: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
  const wizard = page.getByRole('dialog', { name: 'Nhập danh sách đơn vị từ Excel' });
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    wizard.getByRole('button', { name: 'Chọn tệp…' }).click(),
  ]);
  await chooser.setFiles(file);
  return wizard;
}

describe('importing a unit list from Excel, then exporting it, in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klkchc-e2e-import-'));
    app = await startApp();
    await setUpOffice(app);
    browser = await launchBrowser({ width: 1440, height: 900 });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('chooses a messy .xlsx, adjusts one mapping, previews, imports, and finds a unit without diacritics', async () => {
    const { page } = browser;
    const file = path.join(dir, 'Danh sach truong 2019.xlsx');
    await messyWorkbook(file);
    await page.goto(`${app.url}#/registry`);
    await see.visible(page.getByRole('heading', { name: 'Danh mục đơn vị' }));

    await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
    const wizard = page.getByRole('dialog', { name: 'Nhập danh sách đơn vị từ Excel' });
    await see.visible(wizard);
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      wizard.getByRole('button', { name: 'Chọn tệp…' }).click(),
    ]);
    await chooser.setFiles(file);

    // The sheet with the table is chosen, the header found under the title, columns mapped.
    await see.value(wizard.getByLabel('Trang tính', { exact: true }), '1');
    await see.visible(wizard.getByText('Dòng tiêu đề: dòng 5.'));
    await see.value(wizard.getByLabel('Cột C: TÊN TRƯỜNG'), 'name');
    await see.value(wizard.getByLabel('Cột D: Hiệu trưởng'), 'headName');
    await see.value(wizard.getByLabel('Cột E: Liên lạc'), 'ignore');
    await see.visible(wizard.getByText(/Bảng tính; 1 ô phông TCVN3 đã chuyển sang Unicode\./));
    await wizard.getByLabel('Cột E: Liên lạc').selectOption({ label: 'Điện thoại' });

    await wizard.getByRole('button', { name: 'Xem trước' }).click();
    const grid = wizard.getByRole('grid', { name: 'Các dòng sẽ nhập' });
    await see.visible(grid);
    await see.visible(grid.getByRole('row', { name: /Trường Tiểu học Hiệp Hạ/ }));
    // The converted text, and what the file said.
    await see.visible(grid.getByText('Trong tệp: Tr\u00adêng TiÓu häc HiÖp H¹'));
    const hoaLu = grid.getByRole('row', { name: /Trường Hoa Lư/ });
    await see.text(hoaLu, 'Lỗi');
    await see.text(hoaLu, 'Trường học phải có cấp học.');
    // The file's own note, and the title its "Hiệu trưởng" column gives the head.
    await see.text(hoaLu, 'Trường liên cấp');
    await see.text(hoaLu, /Đinh Văn Tú\s+Hiệu trưởng/);
    await see.text(hoaLu, 'suy ra từ tên');

    // Level and type read apart from the name: a multi-level school of the semi-boarding type.
    await see.value(wizard.getByLabel('Cấp học của dòng 10'), 'multiLevel');
    await see.value(wizard.getByLabel('Loại trường của dòng 10'), 'ethnicSemiBoarding');
    await see.value(wizard.getByLabel('Loại trường của dòng 7'), 'regular');

    // Correct the level and type of the school the name says nothing about; the row becomes new.
    await wizard.getByLabel('Cấp học của dòng 9').selectOption({ label: 'Liên cấp' });
    await see.text(grid.getByRole('row', { name: /Trường Hoa Lư/ }), 'Mới');
    expect(await grid.getByRole('row', { name: /Trường Hoa Lư/ }).innerText()).not.toContain('suy ra từ tên');
    await wizard.getByLabel('Loại trường của dòng 9').selectOption({ label: 'Phổ thông dân tộc nội trú' });
    await see.value(wizard.getByLabel('Loại trường của dòng 9'), 'ethnicBoarding');
    await wizard.getByRole('button', { name: 'Bỏ qua (2)' }).click();
    await see.visible(grid.getByRole('row', { name: /Tổng cộng/ }));
    await wizard.getByRole('button', { name: /Tất cả/ }).click();

    await wizard.getByRole('button', { name: 'Nhập dữ liệu (5 đơn vị)' }).click();
    await see.visible(wizard.getByText('Thêm mới: 5 đơn vị'));
    await wizard.getByRole('button', { name: 'Xong' }).click();
    await see.hidden(wizard);

    const list = page.getByRole('grid', { name: 'Danh sách đơn vị' });
    await page.getByLabel('Tìm đơn vị').fill('hiep ha');
    await see.visible(list.getByRole('row', { name: /Trường Tiểu học Hiệp Hạ/ }));
    await page.getByLabel('Tìm đơn vị').fill('hoa lu');
    await see.visible(list.getByRole('row', { name: /Trường Hoa Lư/ }));
    await see.text(list.getByRole('row', { name: /Trường Hoa Lư/ }), 'Trường liên cấp · nội trú');
    await page.getByLabel('Tìm đơn vị').fill('xuan le');
    await see.text(list.getByRole('row', { name: /Xuân Lễ/ }), 'Trường liên cấp · bán trú');
    const stored = await app.call('registry.list', { query: 'dong quan' });
    expect(stored.rows[0]).toMatchObject({
      code: 'TH01',
      phone: '0205 3840 102',
      headName: 'Hoàng Văn Bình',
      headTitle: 'Hiệu trưởng',
    });
  });

  it('importing the same file again changes nothing', async () => {
    const { page } = browser;
    const wizard = await chooseInWizard(page, path.join(dir, 'Danh sach truong 2019.xlsx'));
    await wizard.getByLabel('Cột E: Liên lạc').selectOption({ label: 'Điện thoại' });
    await wizard.getByRole('button', { name: 'Xem trước' }).click();
    await see.visible(wizard.getByRole('button', { name: 'Không đổi (5)' }));
    await see.visible(wizard.getByRole('button', { name: 'Không có gì để nhập' }));
    await wizard.getByRole('button', { name: /Hủy/ }).click();
    await see.hidden(wizard);
  });

  it('exports the filtered view to .xlsx and the file holds it', async () => {
    const { page } = browser;
    await page.getByLabel('Tìm đơn vị').fill('tieu hoc');
    await page.getByRole('button', { name: 'Xuất danh sách' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'Xuất Excel (.xlsx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Danh m.c đơn vị \d{2}-\d{2}-\d{4}\.xlsx$|^Danh muc don vi/);
    const saved = path.join(dir, 'xuat.xlsx');
    await download.saveAs(saved);
    await see.visible(page.getByRole('alert').filter({ hasText: 'Đã xuất 2 đơn vị' }));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(3).value).toBe('Tên đơn vị');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const names = [sheet.getRow(2).getCell(3).value, sheet.getRow(3).getCell(3).value];
    expect(names).toEqual(['Trường Tiểu học Đông Quan', 'Trường Tiểu học Hiệp Hạ']);
    expect(browser.problems).toEqual([]);
  });

  it('exports a CSV with semicolons for an Excel set to Vietnamese regional settings', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Xuất danh sách' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: /Xuất CSV \(UTF-8\), dấu chấm phẩy/ }).click(),
    ]);
    const saved = path.join(dir, 'xuat.csv');
    await download.saveAs(saved);
    const bytes = fs.readFileSync(saved);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^STT;Mã đơn vị;Tên đơn vị;/);
    expect(lines.slice(1, 3).map((line) => line.split(';')[2])).toEqual([
      'Trường Tiểu học Đông Quan',
      'Trường Tiểu học Hiệp Hạ',
    ]);
    expect(browser.problems).toEqual([]);
  });

  it('chooses an Excel 97–2003 .xls, previews and imports it', async () => {
    const { page } = browser;
    const fixture = path.join(import.meta.dirname, '../core/unit-import/fixtures/truong-300-libreoffice.xls');
    const wizard = await chooseInWizard(page, fixture);
    await see.value(wizard.getByLabel('Cột C: Tên trường'), 'name');
    await wizard.getByRole('button', { name: 'Xem trước' }).click();
    const grid = wizard.getByRole('grid', { name: 'Các dòng sẽ nhập' });
    await see.visible(grid.getByRole('row', { name: /Trường Tiểu học số 1 xã Hiệp Hạ/ }));
    await wizard.getByRole('button', { name: 'Nhập dữ liệu (300 đơn vị)' }).click();
    await see.visible(wizard.getByText('Thêm mới: 300 đơn vị'));
    await wizard.getByRole('button', { name: 'Xong' }).click();
    await see.hidden(wizard);
    await page.getByLabel('Tìm đơn vị').fill('so 217 hiep ha');
    await see.visible(
      page.getByRole('grid', { name: 'Danh sách đơn vị' }).getByRole('row', { name: /Trường Tiểu học số 217/ }),
    );
    await page.getByLabel('Tìm đơn vị').fill('');
    expect(browser.problems).toEqual([]);
  });

  it('chooses a LibreOffice .ods and sees its rows in the preview', async () => {
    const { page } = browser;
    const fixture = path.join(import.meta.dirname, '../core/unit-import/fixtures/truong-300-libreoffice.ods');
    const wizard = await chooseInWizard(page, fixture);
    await see.value(wizard.getByLabel('Cột C: Tên trường'), 'name');
    await wizard.getByRole('button', { name: 'Xem trước' }).click();
    const grid = wizard.getByRole('grid', { name: 'Các dòng sẽ nhập' });
    await see.visible(grid.getByRole('row', { name: /Trường Tiểu học số 7 xã Hiệp Hạ/ }));
    await see.text(grid.getByRole('row', { name: /Trường Tiểu học số 7 xã Hiệp Hạ/ }), '0007');
    await wizard.getByRole('button', { name: /Hủy/ }).click();
    await see.hidden(wizard);
    expect(browser.problems).toEqual([]);
  });

  it('takes an import back from its summary: the units it added are gone', async () => {
    const { page } = browser;
    const before = (await app.call('registry.list', { active: 'all', limit: 1 })).total;
    const file = path.join(dir, 'nham.csv');
    fs.writeFileSync(file, '\uFEFFTên đơn vị;Mã\r\nTrường Mầm non Nhầm Lẫn;NL01\r\nTrường Tiểu học Nhầm Lẫn;NL02\r\n');
    const wizard = await chooseInWizard(page, file);
    await wizard.getByRole('button', { name: 'Xem trước' }).click();
    await wizard.getByRole('button', { name: 'Nhập dữ liệu (2 đơn vị)' }).click();
    await see.visible(wizard.getByText('Thêm mới: 2 đơn vị'));
    expect((await app.call('registry.list', { active: 'all', limit: 1 })).total).toBe(before + 2);

    await wizard.getByRole('button', { name: 'Hoàn tác lần nhập này' }).click();
    await see.visible(wizard.getByText('Đã hoàn tác lần nhập: xóa 2 đơn vị vừa thêm, khôi phục 0 đơn vị đã cập nhật.'));
    await see.hidden(wizard.getByRole('button', { name: 'Hoàn tác lần nhập này' }));
    await wizard.getByRole('button', { name: 'Xong' }).click();
    await see.hidden(wizard);
    expect((await app.call('registry.list', { active: 'all', limit: 1 })).total).toBe(before);
    await page.getByLabel('Tìm đơn vị').fill('nham lan');
    await see.visible(page.getByText('Không có đơn vị nào khớp với điều kiện tìm.'));
    await page.getByLabel('Tìm đơn vị').fill('');
    expect(browser.problems).toEqual([]);
  });
});
