import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { damageBtree, sha256 } from '../support/damaged-file';
import { launchBrowser, see, setUpOffice, startApp, type Browser, type RunningApp } from './harness';

describe('a damaged data file in the window', () => {
  let app: RunningApp;
  let browser: Browser;
  let file: string;
  let before: string;

  beforeAll(async () => {
    const first = await startApp();
    await setUpOffice(first);
    await first.call('registry.loadSample', {});
    await first.stop();
    file = path.join(first.dataDir, 'klkchc.sqlite3');
    damageBtree(file, 'audit_log_time');
    before = sha256(file);
    app = await startApp({ dataDir: first.dataDir });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows a banner that stays, refuses a change with the reason, and still lists the units', async () => {
    const { page } = browser;
    await page.goto(app.url);
    const banner = page.getByRole('alert').filter({ hasText: 'Tệp dữ liệu bị hỏng' });
    await see.visible(banner);
    await see.text(banner, file);
    await see.text(banner, 'khôi phục tệp từ bản sao lưu');

    await page.getByRole('link', { name: 'Danh mục đơn vị' }).click();
    const grid = page.getByRole('grid', { name: 'Danh sách đơn vị' });
    await see.visible(grid.getByRole('row', { name: /Phòng Nội vụ/ }));

    await page.getByRole('link', { name: 'Cài đặt' }).click();
    await page.getByLabel('Tên cơ quan').fill('UBND huyện Lộc Bình');
    await page.getByLabel('Tên cơ quan').press('Enter');
    await see.visible(page.getByText(/bị hỏng, nên ứng dụng không ghi thêm gì vào tệp/));
    // The banner is still there on another page.
    await see.visible(banner);
    expect(sha256(file)).toBe(before);
    expect(browser.problems).toEqual([]);
  });
});
