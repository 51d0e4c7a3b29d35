import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, see, startApp, type Browser, type RunningApp } from './harness';

describe('first run and the unit registry, in Chromium against browser mode', () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('sets up the office on first run', async () => {
    const { page } = browser;
    await page.goto(app.url);
    await see.visible(page.getByRole('heading', { name: 'Chào mừng đến với Kiểm tra KLKCHC' }));
    // The token was taken out of the address bar.
    expect(page.url()).not.toContain('token=');
    await page.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();
    await see.visible(page.getByText('Không được để trống.').first());
    await page.getByLabel('Tên cơ quan').fill('Phòng Giáo dục và Đào tạo huyện Lộc Bình');
    await page.getByLabel('Cơ quan cấp trên').fill('UBND huyện Lộc Bình');
    await page.getByLabel('Địa danh ghi trên văn bản').fill('Lộc Bình');
    await page.getByLabel('Họ và tên người nhập liệu').fill('Hoàng Thị Mai');
    await page.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();
    await see.visible(page.getByRole('heading', { name: 'Danh mục đơn vị' }));
    await see.visible(page.getByText('Danh mục chưa có đơn vị nào.'));
  });

  it('adds a unit with the keyboard and finds it by a search without diacritics', async () => {
    const { page } = browser;
    await page.keyboard.press('Alt+N');
    const dialog = page.getByRole('dialog', { name: 'Thêm đơn vị' });
    await see.visible(dialog);
    await dialog.getByLabel('Tên đơn vị').fill('UBND xã Hiệp Hạ');
    await dialog.getByLabel('Mã đơn vị').fill('XA-HH');
    await dialog.getByLabel('Loại hình').selectOption({ label: 'UBND xã, thị trấn' });
    await dialog.getByLabel('Người đứng đầu').fill('Lương Văn Hùng');
    await dialog.getByLabel('Chức vụ').fill('Chủ tịch UBND xã');
    await dialog.getByLabel('Điện thoại').fill('0205 3840 123');
    await dialog.getByLabel('Địa chỉ').press('Enter');
    await see.hidden(dialog);
    await see.visible(page.getByRole('alert').filter({ hasText: 'Đã thêm "UBND xã Hiệp Hạ".' }));
    // The empty registry's own "Thêm đơn vị" goes once the counts are read again.
    await see.hidden(page.getByText('Danh mục chưa có đơn vị nào.'));

    await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
    const second = page.getByRole('dialog', { name: 'Thêm đơn vị' });
    await second.getByLabel('Tên đơn vị').fill('Trường Tiểu học Đông Quan');
    await second.getByLabel('Cấp học').selectOption({ label: 'Tiểu học' });
    await second.getByRole('button', { name: /Lưu/ }).click();
    await see.hidden(second);

    const grid = page.getByRole('grid', { name: 'Danh sách đơn vị' });
    await see.count(grid.getByRole('row'), 3);
    await page.getByLabel('Tìm đơn vị').fill('hiep ha');
    await see.visible(grid.getByRole('row', { name: /UBND xã Hiệp Hạ/ }));
    await see.count(grid.getByRole('row', { name: /Đông Quan/ }), 0);
    await page.getByLabel('Tìm đơn vị').fill('dong quan');
    await see.visible(grid.getByRole('row', { name: /Trường Tiểu học Đông Quan/ }));
  });

  it('refuses a duplicate code and a bad phone number, saving nothing', async () => {
    const { page } = browser;
    await page.getByLabel('Tìm đơn vị').fill('');
    await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm đơn vị' });
    await dialog.getByLabel('Tên đơn vị').fill('Trường THCS Hiệp Hạ');
    await dialog.getByLabel('Cấp học').selectOption({ label: 'Trung học cơ sở' });
    await dialog.getByLabel('Điện thoại').fill('12345');
    await dialog.getByRole('button', { name: /Lưu/ }).click();
    await see.visible(dialog.getByText('Số điện thoại không hợp lệ (8–12 chữ số cho mỗi số).'));
    await dialog.getByLabel('Điện thoại').fill('');
    await dialog.getByLabel('Mã đơn vị').fill('xa-hh');
    await dialog.getByRole('button', { name: /Lưu/ }).click();
    await see.text(dialog.getByRole('alert'), 'Mã "xa-hh" đã được dùng cho "UBND xã Hiệp Hạ"');
    await see.visible(dialog.getByText('Mã này đã được dùng cho đơn vị khác.'));
    await dialog.getByLabel('Tên đơn vị').press('Escape');
    await see.hidden(dialog);
    const listed = await app.call('registry.list', { query: 'THCS Hiep Ha' });
    expect(listed.total).toBe(0);
  });

  it('edits a unit, deactivates it and undoes the deactivation', async () => {
    const { page } = browser;
    const grid = page.getByRole('grid', { name: 'Danh sách đơn vị' });
    await page.getByLabel('Tìm đơn vị').fill('hiep ha');
    await page.getByLabel('Tìm đơn vị').press('ArrowDown');
    await see.focused(grid);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Sửa đơn vị' });
    await see.value(dialog.getByLabel('Tên đơn vị'), 'UBND xã Hiệp Hạ');
    await dialog.getByLabel('Người đứng đầu').fill('Lương Thị Hạnh');
    await dialog.getByLabel('Người đứng đầu').press('Enter');
    await see.hidden(dialog);
    await see.visible(grid.getByRole('row', { name: /Lương Thị Hạnh/ }));

    await grid.getByRole('row', { name: /UBND xã Hiệp Hạ/ }).click();
    await page.keyboard.press('Delete');
    const confirm = page.getByRole('dialog', { name: 'Ngừng hoạt động đơn vị?' });
    await confirm.getByRole('button', { name: 'Ngừng hoạt động' }).click();
    await see.visible(page.getByRole('alert').filter({ hasText: 'Đã chuyển "UBND xã Hiệp Hạ" sang ngừng hoạt động.' }));
    await see.count(grid.getByRole('row', { name: /Hiệp Hạ/ }), 0);

    await page.getByRole('button', { name: /Hoàn tác/ }).click();
    await see.visible(grid.getByRole('row', { name: /UBND xã Hiệp Hạ/ }));

    // Deactivate again for good, and see it under "Ngừng hoạt động".
    await grid.getByRole('row', { name: /UBND xã Hiệp Hạ/ }).click();
    await page.keyboard.press('Delete');
    await page
      .getByRole('dialog', { name: 'Ngừng hoạt động đơn vị?' })
      .getByRole('button', { name: 'Ngừng hoạt động' })
      .click();
    await see.count(grid.getByRole('row', { name: /Hiệp Hạ/ }), 0);
  });

  it('keeps everything after a reload', async () => {
    const { page } = browser;
    await page.reload();
    await see.visible(page.getByRole('heading', { name: 'Danh mục đơn vị' }));
    const grid = page.getByRole('grid', { name: 'Danh sách đơn vị' });
    await see.visible(grid.getByRole('row', { name: /Trường Tiểu học Đông Quan/ }));
    await page.getByLabel('Trạng thái').click();
    await page.getByRole('option', { name: 'Ngừng hoạt động' }).click();
    const row = grid.getByRole('row', { name: /UBND xã Hiệp Hạ/ });
    await see.visible(row);
    await see.text(row, 'Lương Thị Hạnh');
    await see.text(row, 'Ngừng hoạt động');
    expect(browser.problems).toEqual([]);
  });

  it('refuses API calls without the token or with a foreign Host header', async () => {
    const noToken = await fetch(`${app.origin}/api/registry.list`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(noToken.status).toBe(401);
    const body = (await noToken.json()) as { ok: boolean; error: { code: string } };
    expect(body).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const wrongToken = await fetch(`${app.origin}/api/registry.list`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-klkchc-token': 'x'.repeat(32) },
      body: '{}',
    });
    expect(wrongToken.status).toBe(401);
  });
});
