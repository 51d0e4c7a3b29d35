import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyUnitInput } from '../../shared/domain/unit';
import { mountSmallDisk } from '../support/small-disk';
import { readBackupManifest } from '../../electron/core/features/backup/backup-file';
import { launchBrowser, see, setUpOffice, startApp, type Browser, type RunningApp } from './harness';

const PASSWORD = 'Lộc Bình 2026!';

/**
 * Back up to a USB stick, change data, restore, see the old data again; a damaged file and a
 * wrong password refused with their messages; the dashboard's last-backup line; a backup on
 * shutdown. The stick is a small tmpfs mounted under /media where the machine allows it (so the
 * app lists it as a USB drive), else a temporary folder reached through the app's own chooser.
 */
describe('backup and restore in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let stick: string;
  let unmount: (() => void) | null = null;

  beforeAll(async () => {
    const disk = mountSmallDisk(32 * 1024, '/media');
    if (disk) {
      stick = disk.dir;
      unmount = () => disk.unmount();
    } else {
      stick = fs.mkdtempSync(path.join(os.tmpdir(), 'klkchc-e2e-stick-'));
    }
    app = await startApp();
    await setUpOffice(app);
    await app.call('registry.loadSample', {});
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (unmount) unmount();
    else fs.rmSync(stick, { recursive: true, force: true });
  });

  /** Walks the app's own chooser down to `folder` (its drive list when the stick is a drive). */
  async function walkTo(dialog: Locator, folder: string): Promise<void> {
    const drive = dialog.getByRole('button', { name: new RegExp(path.basename(folder)) }).first();
    if (unmount && (await drive.count()) > 0) {
      await drive.click();
    } else {
      await dialog.getByRole('button', { name: '/', exact: true }).click();
      const list = dialog.getByRole('list', { name: 'Nội dung thư mục' });
      for (const part of folder.split('/').filter(Boolean)) {
        await list.getByRole('button', { name: part, exact: true }).click();
      }
    }
    await see.text(dialog.getByLabel('Thư mục đang mở'), folder);
  }

  async function restoreFrom(file: string): Promise<Locator> {
    const { page } = browser;
    await page.getByRole('link', { name: 'Cài đặt' }).click();
    await page.getByRole('button', { name: 'Khôi phục từ tệp…' }).click();
    const chooser = page.getByRole('dialog', { name: 'Chọn tệp sao lưu để khôi phục' });
    await walkTo(chooser, path.dirname(file));
    await chooser
      .getByRole('list', { name: 'Nội dung thư mục' })
      .getByRole('button', { name: path.basename(file) })
      .click();
    return page.getByRole('dialog', { name: 'Khôi phục dữ liệu' });
  }

  it('says on the dashboard that nothing was backed up off this PC, in the warning colour', async () => {
    const { page } = browser;
    await page.goto(app.url);
    const line = page.getByRole('status', { name: 'Sao lưu và khôi phục' });
    await see.text(line, 'Lần sao lưu gần nhất: chưa có — Chưa từng sao lưu ra USB');
    const colour = await line.evaluate((element) => getComputedStyle(element).color);
    expect(colour).not.toBe('rgba(0, 0, 0, 0.87)');
  });

  it('backs up to the stick, then restores it over changed data', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Sao lưu ngay' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sao lưu ngay' });
    if (unmount) {
      // The stick is listed first, and chosen.
      await see.visible(dialog.getByRole('radio', { name: new RegExp(`USB .*${path.basename(stick)}`) }));
      expect(await dialog.getByRole('radio').first().isChecked()).toBe(true);
    } else {
      await dialog.getByRole('button', { name: 'Chọn thư mục khác…' }).click();
      const chooser = page.getByRole('dialog', { name: 'Chọn thư mục để lưu bản sao lưu' });
      await walkTo(chooser, stick);
      await chooser.getByRole('button', { name: 'Chọn thư mục này' }).click();
    }
    await dialog.getByRole('button', { name: 'Sao lưu', exact: true }).click();
    const done = dialog.getByRole('alert');
    await see.text(
      done,
      /Đã sao lưu vào .*KLKCHC_phong-giao-duc-va-dao-tao-huyen-loc-binh_\d{4}-\d{2}-\d{2}_\d{4}\.klkbak/,
      30_000,
    );
    if (unmount) await see.text(done, '— có thể rút USB.');
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    const [backup] = fs.readdirSync(stick).filter((name) => name.endsWith('.klkbak'));
    expect(backup).toBeDefined();
    const line = page.getByRole('status', { name: 'Sao lưu và khôi phục' });
    await see.text(line, /Lần sao lưu gần nhất \(kể cả bản tự động trên máy này\): \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    if (unmount) await see.text(line, 'Lần sao lưu ra USB hoặc thư mục ngoài máy gần nhất');

    // Change the data after the backup.
    await app.call('registry.create', {
      unit: { ...emptyUnitInput('school'), name: 'Trường Tiểu học Thêm Sau Sao Lưu' },
    });
    expect((await app.call('registry.list', { query: 'them sau sao luu' })).total).toBe(1);

    const restore = await restoreFrom(path.join(stick, backup!));
    await see.text(restore, 'đã được kiểm tra đầy đủ');
    const units = restore.getByRole('row', { name: /^Đơn vị/ });
    // The row names itself; its cells are the file's count and today's.
    const [inFile, now] = await units.getByRole('cell').allInnerTexts();
    expect(Number(inFile) + 1).toBe(Number(now));
    await restore.getByRole('button', { name: 'Khôi phục', exact: true }).click();
    await see.text(
      restore.getByRole('alert'),
      /Đã khôi phục dữ liệu từ .*Dữ liệu trước khi khôi phục được giữ trong bản sao lưu/,
      60_000,
    );
    await restore.getByRole('button', { name: 'Mở dữ liệu đã khôi phục' }).click();

    // The page reloaded over the restored data: the unit added after the backup is gone.
    await page.getByRole('link', { name: 'Danh mục đơn vị' }).click();
    await page.keyboard.press('Control+f');
    await page.keyboard.type('them sau sao luu');
    await see.count(page.getByRole('grid', { name: 'Danh sách đơn vị' }).getByRole('row'), 1);
    expect((await app.call('registry.list', { query: 'them sau sao luu' })).total).toBe(0);
    // Today's data went into the list before the switch.
    await page.getByRole('link', { name: 'Cài đặt' }).click();
    await see.visible(page.getByRole('table', { name: 'Danh sách bản sao lưu' }).getByText('Trước khi khôi phục'));
  });

  it('refuses a damaged file and a wrong password, with their messages', async () => {
    const { page } = browser;
    const [good] = fs.readdirSync(stick).filter((name) => name.endsWith('.klkbak'));
    const bytes = fs.readFileSync(path.join(stick, good!));
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] ?? 0) ^ 0x10;
    const damaged = path.join(stick, 'KLKCHC_hong.klkbak');
    fs.writeFileSync(damaged, bytes);
    let restore = await restoreFrom(damaged);
    await see.text(restore.getByRole('alert'), 'bị hỏng (nội dung không khớp với mã kiểm tra của nó)');
    await see.text(restore.getByRole('alert'), 'Chưa có gì bị thay đổi.');
    await restore.getByRole('button', { name: 'Hủy' }).click();

    const job = await app.call('backup.start', { folder: stick, password: PASSWORD });
    await expect
      .poll(async () => (await app.call('backup.status', { jobId: job.jobId })).state, { timeout: 30_000 })
      .toBe('done');
    const locked = (await app.call('backup.status', { jobId: job.jobId })).result!.path;
    restore = await restoreFrom(locked);
    await page.getByLabel('Mật khẩu').fill('mat khau sai');
    await restore.getByRole('button', { name: 'Mở tệp' }).click();
    await see.text(restore.getByRole('alert'), 'Sai mật khẩu của tệp');
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await restore.getByRole('button', { name: 'Mở tệp' }).click();
    await see.text(restore, 'đã được kiểm tra đầy đủ');
    await restore.getByRole('button', { name: 'Hủy' }).click();
    expect(browser.problems).toEqual([]);
  });

  it('backs up what changed when the server shuts down', async () => {
    await app.call('registry.create', { unit: { ...emptyUnitInput('school'), name: 'Trường Mầm non Trước Khi Tắt' } });
    await app.stop();
    const backups = path.join(app.dataDir, 'backups');
    const names = fs.readdirSync(backups).filter((name) => name.endsWith('.klkbak'));
    const reasons = await Promise.all(
      names.map(async (name) => (await readBackupManifest(path.join(backups, name))).reason),
    );
    expect(reasons).toContain('quit');
    expect(app.output()).toContain('Đang sao lưu những thay đổi trước khi dừng');
  });
});
