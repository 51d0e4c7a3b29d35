import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, see, setUpOffice, startApp, type Browser, type RunningApp } from './harness';

describe('settings: office identity, language, data file, sample data', () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp();
    await setUpOffice(app);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows where the data file is and edits the office identity', async () => {
    const { page } = browser;
    await page.goto(app.url);
    await page.getByRole('link', { name: 'Cài đặt' }).click();
    await see.visible(page.getByRole('heading', { name: 'Cài đặt', level: 1 }));
    await see.text(page.getByLabel('Tệp dữ liệu'), `${app.dataDir}/klkchc.sqlite3`);
    await page.getByLabel('Tên cơ quan').fill('UBND huyện Lộc Bình');
    await page.getByLabel('Cơ quan cấp trên').fill('UBND tỉnh Lạng Sơn');
    await page.getByLabel('Cơ quan cấp trên').press('Enter');
    await see.visible(page.getByRole('alert').filter({ hasText: 'Đã lưu cài đặt.' }));
    await see.text(page.getByRole('banner'), 'UBND huyện Lộc Bình');
    const settings = await app.call('settings.get', {});
    expect(settings.office).toMatchObject({
      name: 'UBND huyện Lộc Bình',
      parentBody: 'UBND tỉnh Lạng Sơn',
      placeName: 'Lộc Bình',
    });
  });

  it('refuses an empty office name with a message and keeps the old one', async () => {
    const { page } = browser;
    await page.getByLabel('Tên cơ quan').fill('   ');
    await page.getByRole('button', { name: 'Lưu thông tin cơ quan và người sử dụng' }).click();
    await see.visible(page.getByText('Không được để trống.'));
    expect((await app.call('settings.get', {})).office?.name).toBe('UBND huyện Lộc Bình');
  });

  it('switches to English and remembers it after a reload', async () => {
    const { page } = browser;
    await page.getByLabel('Ngôn ngữ').click();
    await page.getByRole('option', { name: 'English' }).click();
    await see.visible(page.getByRole('heading', { name: 'Settings', level: 1 }));
    await see.visible(page.getByRole('link', { name: 'Unit registry' }));
    await page.reload();
    await see.visible(page.getByRole('heading', { name: 'Settings', level: 1 }));
    expect((await app.call('settings.get', {})).language).toBe('en');
    // Errors from the back end come in English too.
    await page.getByRole('link', { name: 'Unit registry' }).click();
    await page.keyboard.press('Alt+N');
    const dialog = page.getByRole('dialog', { name: 'Add unit' });
    await dialog.getByLabel('Unit name').fill('School A');
    await dialog.getByLabel('Phone').fill('12');
    await dialog.getByRole('button', { name: /Save/ }).click();
    await see.visible(dialog.getByText('Invalid phone number (8–12 digits each).'));
    await dialog.getByLabel('Unit name').press('Escape');
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Language').click();
    await page.getByRole('option', { name: 'Tiếng Việt' }).click();
    await see.visible(page.getByRole('heading', { name: 'Cài đặt', level: 1 }));
  });

  it('loads the sample district and finds a school with Ctrl+F and no diacritics', async () => {
    const { page } = browser;
    // Nothing to remove yet: only loading is offered.
    await see.visible(page.getByRole('button', { name: 'Nạp dữ liệu mẫu' }));
    expect(await page.getByRole('button', { name: 'Xóa dữ liệu mẫu' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Nạp dữ liệu mẫu' }).click();
    await see.visible(page.getByRole('alert').filter({ hasText: /Đã nạp \d+ đơn vị mẫu\./ }));
    // Now it can be removed, and loading it twice is not offered.
    await see.visible(page.getByText(/Danh mục đang có \d+ đơn vị mẫu\./));
    await see.visible(page.getByRole('button', { name: 'Xóa dữ liệu mẫu' }));
    expect(await page.getByRole('button', { name: 'Nạp dữ liệu mẫu' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Danh mục đơn vị' }).click();
    const grid = page.getByRole('grid', { name: 'Danh sách đơn vị' });
    await see.visible(grid.getByRole('row', { name: /Mẫu/ }));
    await page.keyboard.press('Control+f');
    await see.focused(page.getByLabel('Tìm đơn vị'));
    await page.keyboard.type('truong thcs tu doan');
    await see.visible(grid.getByRole('row', { name: /Trường THCS Tú Đoạn/ }));
    await see.count(grid.getByRole('row'), 2);
    expect(browser.problems).toEqual([]);
  });
});
