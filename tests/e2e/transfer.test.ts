import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyPlanInput } from '../../shared/domain/plan';
import { E2E_OFFICE, launchBrowser, see, setUpOffice, startApp, type Browser, type RunningApp } from './harness';

const SCHOOL_CHECKLIST = '1d383ac4-c98a-5302-8db6-3288dae85cdc';
const OFFICE_B = 'Phòng Giáo dục và Đào tạo huyện Đình Lập';
const PLAN_TITLE = 'Kiểm tra KLKCHC các trường năm học 2020–2021';
const PASSWORD = 'Đình Lập 2026!';
const DATE_TIME = /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/;

/**
 * Two offices (two apps, two data folders) exchange a package on a "stick" (a temporary
 * folder reached through the app's own chooser): office A sends everything, office B previews
 * and imports it, and sees A's plan on its dashboard; then both edit the same unit, A sends
 * again with a password, B imports and decides the conflict; a file that is not a package is
 * refused with its message and changes nothing.
 */
describe('exchanging data between two offices in the browser', () => {
  let a: RunningApp;
  let b: RunningApp;
  let browser: Browser;
  let stick: string;
  let unitId: string;
  /** Screenshots for a person to look at, when asked for (KLKCHC_SCREENSHOTS=folder). */
  const shots = process.env.KLKCHC_SCREENSHOTS;
  const shoot = async (name: string, at?: Locator) => {
    if (!shots) return;
    // The page scrolls inside the shell: bring the part to look at into view, after animations.
    if (at) await at.scrollIntoViewIfNeeded();
    await browser.page.waitForTimeout(400);
    await browser.page.screenshot({ path: path.join(shots, `transfer-${name}.png`) });
  };

  beforeAll(async () => {
    stick = fs.mkdtempSync(path.join(os.tmpdir(), 'klkchc-e2e-transfer-stick-'));
    a = await startApp();
    b = await startApp();
    await setUpOffice(a);
    await b.call('settings.setupOffice', {
      office: { name: OFFICE_B, parentBody: 'UBND huyện Đình Lập', placeName: 'Đình Lập' },
      operatorName: 'Hoàng Văn Năm',
    });
    await a.call('registry.loadSample', {});
    await a.call('plans.create', {
      plan: { ...emptyPlanInput(SCHOOL_CHECKLIST, E2E_OFFICE.name, 2020), title: PLAN_TITLE },
      scope: { filter: { kinds: ['school'] } },
    });
    browser = await launchBrowser({ width: 1366, height: 768 });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await a?.stop();
    await b?.stop();
    fs.rmSync(stick, { recursive: true, force: true });
  });

  /** The row of `table` headed by `header`. */
  function rowOf(table: Locator, header: string): Locator {
    return table.getByRole('row').filter({ has: browser.page.getByRole('rowheader', { name: header, exact: true }) });
  }

  /** Walks the app's own chooser down to `folder` from the computer's root. */
  async function walkTo(dialog: Locator, folder: string): Promise<void> {
    await dialog.getByRole('button', { name: '/', exact: true }).click();
    const list = dialog.getByRole('list', { name: 'Nội dung thư mục' });
    for (const part of folder.split('/').filter(Boolean)) {
      await list.getByRole('button', { name: part, exact: true }).click();
    }
    await see.text(dialog.getByLabel('Thư mục đang mở'), folder);
  }

  async function openTransfer(app: RunningApp, tab: string): Promise<Locator> {
    const { page } = browser;
    await page.goto(app.url);
    await page.getByRole('link', { name: 'Trao đổi dữ liệu' }).click();
    await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
    return page.getByRole('tabpanel', { name: new RegExp(`^${tab}`) });
  }

  /** Receive → choose `file` in the chooser; answers the panel. */
  async function chooseToReceive(file: string): Promise<Locator> {
    const { page } = browser;
    const panel = await openTransfer(b, 'Nhận dữ liệu');
    await panel.getByRole('button', { name: 'Chọn tệp gói dữ liệu…' }).click();
    const chooser = page.getByRole('dialog', { name: 'Chọn tệp gói dữ liệu để nhận' });
    await walkTo(chooser, path.dirname(file));
    await chooser
      .getByRole('list', { name: 'Nội dung thư mục' })
      .getByRole('button', { name: path.basename(file) })
      .click();
    return panel;
  }

  it('sends everything from office A to the stick', async () => {
    const { page } = browser;
    const panel = await openTransfer(a, 'Gửi dữ liệu');
    await shoot('send-form');
    expect(await panel.getByRole('radio', { name: 'Toàn bộ dữ liệu' }).isChecked()).toBe(true);
    // "What changed" needs a known office: none yet, so it is refused before anything is written.
    await panel.getByRole('radio', { name: 'Những gì thay đổi kể từ lần trao đổi trước' }).check();
    await panel.getByRole('button', { name: 'Tạo gói dữ liệu' }).click();
    await see.visible(panel.getByText('Hãy chọn cơ quan nhận để gửi'));
    await panel.getByRole('radio', { name: 'Toàn bộ dữ liệu' }).check();
    await see.text(panel.getByRole('combobox', { name: 'Gửi cho' }), 'Cơ quan khác (gửi lần đầu)');

    await panel.getByRole('button', { name: 'Chọn thư mục khác…' }).click();
    const chooser = page.getByRole('dialog', { name: 'Chọn thư mục để lưu gói dữ liệu' });
    await walkTo(chooser, stick);
    await chooser.getByRole('button', { name: 'Chọn thư mục này' }).click();
    expect(await panel.getByRole('radio', { name: `Thư mục đã chọn: ${stick}` }).isChecked()).toBe(true);
    await panel.getByRole('button', { name: 'Tạo gói dữ liệu' }).click();

    const done = panel.getByRole('alert');
    await see.text(done, /Đã tạo gói dữ liệu .+\.klkgoi \(\d+(,\d)? KB\)/, 30_000);
    await see.text(done, `Thư mục: ${stick}`);
    await see.text(done, 'Tệp đã được đọc lại để kiểm tra');
    const counts = panel.getByRole('table', { name: 'Số bản ghi trong gói theo loại' });
    await see.visible(counts.getByRole('rowheader', { name: 'Đơn vị', exact: true }));
    await see.visible(counts.getByRole('rowheader', { name: 'Kế hoạch', exact: true }));
    await shoot('sent');
    const packages = fs.readdirSync(stick).filter((name) => name.endsWith('.klkgoi'));
    expect(packages).toHaveLength(1);

    // The history says so.
    await page.getByRole('tab', { name: 'Lịch sử trao đổi' }).click();
    const history = page.getByRole('table', { name: 'Lịch sử trao đổi' });
    await see.text(history.getByRole('row').nth(1), 'Đã gửi');
    await see.text(history.getByRole('row').nth(1), packages[0]!);
  });

  it('previews the package in office B, imports it, and shows the plan with where it came from', async () => {
    const { page } = browser;
    // B registered one of A's schools itself: the preview offers to link the two.
    const [twin] = (await a.call('registry.list', { query: '', kinds: ['school'] })).rows;
    await b.call('registry.create', { unit: { ...twin!, code: '', parentId: null } });
    const [file] = fs.readdirSync(stick).filter((name) => name.endsWith('.klkgoi'));
    const panel = await chooseToReceive(path.join(stick, file!));
    const preview = panel.getByRole('region', { name: /Xem trước gói dữ liệu/ });
    const facts = preview.getByRole('table', { name: 'Thông tin gói dữ liệu' });
    await see.text(rowOf(facts, 'Nơi gửi'), E2E_OFFICE.name, 20_000);
    await see.text(rowOf(facts, 'Tạo lúc'), DATE_TIME);
    await see.text(rowOf(facts, 'Nội dung'), 'Toàn bộ dữ liệu');
    await see.text(rowOf(facts, 'Tình trạng'), 'Chưa nhận lần nào');
    const counts = preview.getByRole('table', { name: 'Số bản ghi theo loại' });
    // Kind, new, updated, same, kept, conflict: the plan is new here.
    const kind = (name: string) =>
      counts
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name, exact: true }) })
        .getByRole('cell');
    // Every plan of A (the sample's and ours) is new here.
    const plansOfA = await a.call('plans.list', { query: '' });
    expect(await kind('Kế hoạch').allInnerTexts()).toEqual([String(plansOfA.length), '0', '0', '0', '0']);
    const units = await kind('Đơn vị').allInnerTexts();
    expect(Number(units[0])).toBeGreaterThan(10);
    await shoot('preview');
    const link = preview.getByRole('checkbox', { name: `Gộp ${twin!.name} với ${twin!.name}` });
    expect(await link.isChecked()).toBe(true);
    expect(await link.isEnabled()).toBe(true);
    await shoot('preview-twins', link);

    await panel.getByRole('button', { name: 'Nhập dữ liệu' }).click();
    await see.text(panel.getByRole('alert'), `Đã nhập dữ liệu của ${E2E_OFFICE.name}`, 30_000);
    // Linked: one unit of that name in B.
    expect(
      (await b.call('registry.list', { query: twin!.name })).rows.filter((row) => row.name === twin!.name),
    ).toHaveLength(1);
    await see.text(panel.getByRole('alert'), 'Không có xung đột nào.');

    // The dashboard (loaded again by the import) shows A's plan with its origin, and the district.
    await page.getByRole('link', { name: 'Tổng quan' }).click();
    const plan = page.getByRole('region', { name: PLAN_TITLE });
    await see.visible(plan.getByText(`Nhận từ ${E2E_OFFICE.name}`));
    // Everything came over: the district counts what A counts.
    const { district } = await a.call('progress.overview', {});
    await see.text(
      page.getByTestId('district'),
      `Toàn huyện: đã kiểm tra ${district.inspected}/${district.scope} đơn vị`,
    );
    await shoot('dashboard');
    expect((await b.call('plans.list', { query: '' })).map((item) => item.title).sort()).toEqual(
      plansOfA.map((item) => item.title).sort(),
    );
  });

  it('raises the same unit edited in both offices, and lets a person choose the version', async () => {
    const { page } = browser;
    const [, unit] = (await a.call('registry.list', { query: '', kinds: ['school'] })).rows;
    unitId = unit!.id;
    for (const [app, name] of [
      [a, 'Nông Văn Ba'],
      [b, 'Vi Thị Bốn'],
    ] as const) {
      const current = await app.call('registry.get', { id: unitId });
      await app.call('registry.update', { id: unitId, rev: current.rev, unit: { ...current, headName: name } });
    }

    // A sends again to B, now a known office, with a password; the folder used last is offered.
    let panel = await openTransfer(a, 'Gửi dữ liệu');
    expect(await panel.getByRole('radio', { name: `Thư mục dùng lần trước: ${stick}` }).isChecked()).toBe(true);
    await panel.getByRole('checkbox', { name: 'Đặt mật khẩu cho gói dữ liệu' }).check();
    await panel.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
    await panel.getByLabel('Nhập lại mật khẩu').fill(PASSWORD);
    await panel.getByRole('button', { name: 'Tạo gói dữ liệu' }).click();
    await see.text(panel.getByRole('alert'), 'Đã tạo gói dữ liệu', 30_000);
    const second = fs
      .readdirSync(stick)
      .filter((name) => name.endsWith('.klkgoi'))
      .map((name) => path.join(stick, name))
      .sort((x, y) => fs.statSync(y).mtimeMs - fs.statSync(x).mtimeMs)[0]!;

    panel = await chooseToReceive(second);
    await panel.getByLabel('Mật khẩu').fill(PASSWORD);
    await panel.getByRole('button', { name: 'Mở tệp' }).click();
    const preview = panel.getByRole('region', { name: /Xem trước gói dữ liệu/ });
    await see.visible(preview.getByRole('heading', { name: 'Bản ghi cả hai nơi cùng sửa (1)' }), 20_000);
    const versions = preview.getByRole('table', { name: `Hai bản của ${unit!.name}` });
    const row = await versions
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Người đứng đầu' }) })
      .getByRole('cell')
      .allInnerTexts();
    expect(row).toEqual(['Vi Thị Bốn', 'Nông Văn Ba']);
    await shoot('preview-conflict', versions);
    await panel.getByRole('button', { name: 'Nhập dữ liệu' }).click();
    await see.text(panel.getByRole('alert'), 'Có 1 xung đột cần quyết định.', 30_000);

    // Decide for the version not in place meanwhile, so the choice shows.
    const [open] = await b.call('transfer.conflicts', {});
    const [button, expected] =
      open!.winner === 'ours' ? [`Lấy bản của ${E2E_OFFICE.name}`, 'Nông Văn Ba'] : ['Giữ bản ở đây', 'Vi Thị Bốn'];
    await panel.getByRole('button', { name: 'Xem xung đột' }).click();
    const conflicts = page.getByRole('tabpanel', { name: /^Xung đột cần quyết định/ });
    const card = conflicts.getByRole('region', { name: `Đơn vị: ${unit!.name}` });
    await see.text(card, 'Cả hai nơi cùng sửa');
    await see.text(rowOf(card, 'Sửa lần cuối'), DATE_TIME);
    await see.text(rowOf(card, 'Sửa lần cuối'), OFFICE_B);
    await shoot('conflicts');
    await card.getByRole('button', { name: button }).click();
    await see.visible(conflicts.getByText('Không có xung đột nào cần quyết định.'));
    expect((await b.call('registry.get', { id: unitId })).headName).toBe(expected);
    expect(await b.call('transfer.conflicts', {})).toEqual([]);

    await page.getByRole('tab', { name: 'Lịch sử trao đổi' }).click();
    const history = page.getByRole('table', { name: 'Lịch sử trao đổi' });
    await see.count(history.getByRole('row', { name: /Đã nhận/ }), 2);
    await see.text(history.getByRole('row').nth(1), path.basename(second));
    await shoot('history');
  });

  it('refuses a file that is not a package, with its message, and changes nothing', async () => {
    const before = await b.call('transfer.history', {});
    const empty = path.join(stick, 'Gói trống.klkgoi');
    fs.writeFileSync(empty, '');
    let panel = await chooseToReceive(empty);
    await see.text(panel.getByRole('alert'), 'Tệp Gói trống.klkgoi trống (0 byte)');
    await see.text(panel.getByRole('alert'), 'Chưa có gì được nhập.');

    // A workbook renamed to .klkgoi is named for what it is.
    const workbook = path.join(stick, 'Danh sách đơn vị.klkgoi');
    fs.writeFileSync(workbook, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('xl/workbook.xml')]));
    panel = await chooseToReceive(workbook);
    await see.text(panel.getByRole('alert'), 'Tệp Danh sách đơn vị.klkgoi là bảng tính Excel');
    await see.text(panel.getByRole('alert'), 'Chưa có gì được nhập.');
    await shoot('refused');
    expect(await panel.getByRole('button', { name: 'Nhập dữ liệu' }).count()).toBe(0);
    expect(await b.call('transfer.history', {})).toEqual(before);
    expect(browser.problems).toEqual([]);
  });
});
