import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, see, setUpOffice, startApp, type Browser, type RunningApp } from './harness';

/** What the focused element is called: its aria-label, else the text of its label, else its role. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element) return '';
    const label = (element as HTMLInputElement).labels?.[0]?.textContent ?? '';
    return (
      element.getAttribute('aria-label') ??
      (label.replace(/\s*\*\s*$/, '').trim() || (element.getAttribute('role') ?? ''))
    );
  });
}

/** Presses Tab until the focused element has this name (or role), as a clerk would. */
async function tabTo(page: Page, name: string | RegExp, limit = 60): Promise<void> {
  for (let index = 0; index < limit; index += 1) {
    const current = await focusedName(page);
    if (typeof name === 'string' ? current === name : name.test(current)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`"${String(name)}" was never reached with Tab`);
}

describe('recording an inspection with the keyboard, in Chromium against browser mode', () => {
  let app: RunningApp;
  let browser: Browser;
  let planId = '';
  let inspectionId = '';
  const criteria: string[] = [];

  beforeAll(async () => {
    app = await startApp();
    await setUpOffice(app);
    await app.call('registry.loadSample', {});
    const leader = await app.call('officials.create', {
      official: {
        name: 'Nguyễn Văn An',
        position: 'Phó Trưởng phòng',
        organization: '',
        phone: '',
        active: true,
        notes: '',
      },
    });
    const checklist = (await app.call('checklists.list', {})).find((item) => item.name.includes('trường học'));
    const created = await app.call('plans.create', {
      plan: {
        title: 'Kiểm tra KLKCHC năm học 2019–2020',
        issuer: 'Phòng Giáo dục và Đào tạo huyện Lộc Bình',
        periodKind: 'schoolYear',
        periodYear: 2019,
        decisionNumber: '125/QĐ-PGDĐT',
        decisionDate: '2019-09-10',
        decisionSigner: '',
        decisionSignerTitle: '',
        legalBasis: '',
        targetPercent: 100,
        checklistId: checklist!.id,
        notes: '',
      },
      team: [{ officialId: leader.id, role: 'leader', position: '' }],
      scope: { filter: { kinds: ['school'] } },
    });
    planId = created.plan.id;
    const { rows } = await app.call('inspections.list', { planId, limit: 1 });
    inspectionId = rows[0]!.id;
    const detail = await app.call('inspections.get', { id: inspectionId });
    criteria.push(...detail.checklist.groups.flatMap((group) => group.criteria.map((criterion) => criterion.text)));
    browser = await launchBrowser({ height: 900 });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('opens the first scheduled unit from the plan and starts recording, keyboard only', async () => {
    const { page } = browser;
    await page.goto(`${app.url}#/plans/${planId}`);
    const grid = page.getByRole('grid', { name: 'Lịch kiểm tra' });
    await see.count(grid.getByRole('row'), 82);
    await grid.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await see.visible(page.getByRole('heading', { name: 'Trường Mầm non Ái Quốc' }));
    await see.focused(page.getByRole('button', { name: 'Bắt đầu ghi kết quả' }));
    await page.keyboard.press('Enter');
    await see.visible(page.getByText('Đang ghi').first());
    await see.focused(page.getByLabel('Ngày kiểm tra'));
  });

  it('fills the record: typed date and times, results with 1/2/3, a note, "all remaining = Đạt"', async () => {
    const { page } = browser;
    await page.keyboard.type('15/10/2019');
    await page.keyboard.press('Tab');
    await page.keyboard.type('8:00');
    await page.keyboard.press('Tab');
    await page.keyboard.type('10h30');
    await tabTo(page, /^Kết quả: /);
    const first = page.getByRole('radiogroup', { name: `Kết quả: ${criteria[0]}` });
    await see.focused(first);
    await page.keyboard.press('1');
    await see.focused(page.getByRole('radiogroup', { name: `Kết quả: ${criteria[1]}` }));
    await page.keyboard.press('2');
    await see.focused(page.getByLabel(`Ghi chú: ${criteria[1]}`));
    await page.keyboard.type('Chưa ban hành quy chế hoạt động năm học mới');
    await page.keyboard.press('Enter');
    await see.focused(page.getByRole('radiogroup', { name: `Kết quả: ${criteria[2]}` }));
    await page.keyboard.press('3');
    await page.keyboard.press('Alt+D');
    await see.visible(page.getByText(`${criteria.length - 2} đạt · 1 chưa đạt · 1 không áp dụng · 0 chưa đánh giá`));
    expect(await first.getByRole('radio', { name: '1 Đạt' }).getAttribute('aria-checked')).toBe('true');
    await tabTo(page, 'Kết luận');
    await page.keyboard.type('Đơn vị chấp hành tốt kỷ luật, kỷ cương hành chính.');
    await see.text(page.getByRole('status').filter({ hasText: /Đã lưu lúc \d\d:\d\d/ }), /Đã lưu lúc/);
    const saved = await app.call('inspections.get', { id: inspectionId });
    expect(saved.content).toMatchObject({
      inspectionDate: '2019-10-15',
      startTime: '08:00',
      endTime: '10:30',
      conclusion: 'Đơn vị chấp hành tốt kỷ luật, kỷ cương hành chính.',
    });
    expect(saved.counts).toMatchObject({ pass: criteria.length - 2, fail: 1, na: 1 });
  });

  it('keeps what was typed a moment before the page was closed', async () => {
    const { page } = browser;
    await page.getByLabel('Ưu điểm', { exact: true }).focus();
    await page.keyboard.type('Nề nếp tốt, hồ sơ đầy đủ.');
    // Closed well inside the autosave's quiet time: only the page-exit save can keep it.
    await page.close();
    const again = await browser.context.newPage();
    browser.page = again;
    await again.goto(`${app.url}#/inspections/${inspectionId}`);
    await see.value(again.getByLabel('Ưu điểm', { exact: true }), 'Nề nếp tốt, hồ sơ đầy đủ.');
    await see.value(again.getByLabel(`Ghi chú: ${criteria[1]}`), 'Chưa ban hành quy chế hoạt động năm học mới');
  });

  it('says once that a save failed, retries slowly, and saves on "Thử lại" once the disk has room again', async () => {
    const page = browser.page;
    const full = {
      code: 'DISK_FULL',
      message: 'Ổ đĩa đã đầy. Chưa có gì được lưu; hãy giải phóng dung lượng rồi thử lại.',
    };
    let attempts = 0;
    await page.route('**/api/inspections.saveDraft', async (route) => {
      attempts += 1;
      await route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, error: full }) });
    });
    await page.getByLabel('Ưu điểm', { exact: true }).focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' Cán bộ đúng giờ.');
    const banner = page.getByRole('alert').filter({ hasText: 'Bản nháp chưa lưu được: Ổ đĩa đã đầy.' });
    await see.visible(banner);
    await page.waitForTimeout(5000);
    await see.visible(banner);
    // A pause, then 1 s, 2 s…: not one request after another.
    expect(attempts).toBeGreaterThanOrEqual(2);
    expect(attempts).toBeLessThanOrEqual(5);
    await page.unroute('**/api/inspections.saveDraft');
    await banner.getByRole('button', { name: 'Thử lại' }).click();
    await see.hidden(banner);
    await see.text(page.getByRole('status').filter({ hasText: /Đã lưu lúc/ }), /Đã lưu lúc \d\d:\d\d/);
    expect((await app.call('inspections.get', { id: inspectionId })).content.strengths).toBe(
      'Nề nếp tốt, hồ sơ đầy đủ. Cán bộ đúng giờ.',
    );
  });

  it('finalises with Ctrl+Enter after confirming, then locks the record', async () => {
    const page = browser.page;
    await page.getByLabel('Kết luận', { exact: true }).focus();
    await page.keyboard.press('Control+Enter');
    const confirm = page.getByRole('dialog', { name: 'Hoàn tất biên bản?' });
    await see.visible(confirm);
    await page.keyboard.press('Enter');
    await see.hidden(confirm);
    await see.visible(page.getByText(/Biên bản đã hoàn tất lúc .* bởi Nguyễn Thị Thư/));
    expect((await app.call('inspections.get', { id: inspectionId })).status).toBe('finalised');
  });

  it('asks for a reason when a finalised record is edited, and keeps the amendment', async () => {
    const page = browser.page;
    await page.getByLabel('Kết luận', { exact: true }).focus();
    await page.keyboard.press('End');
    await page.keyboard.type('x');
    const dialog = page.getByRole('dialog', { name: 'Đính chính biên bản đã hoàn tất' });
    await see.visible(dialog);
    await page.keyboard.press('Enter');
    await see.visible(dialog.getByText('Hãy ghi lý do đính chính (ít nhất 3 ký tự).'));
    await page.keyboard.type('Bổ sung kết luận theo ý kiến trưởng đoàn');
    await page.keyboard.press('Enter');
    await see.hidden(dialog);
    await see.visible(page.getByText('Đang đính chính — lý do: Bổ sung kết luận theo ý kiến trưởng đoàn'));
    await page.getByLabel('Kết luận', { exact: true }).focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' Yêu cầu duy trì.');
    await page.keyboard.press('Control+S');
    await see.visible(page.getByRole('alert').filter({ hasText: 'Đã lưu đính chính.' }));
    const amended = await app.call('inspections.get', { id: inspectionId });
    expect(amended.status).toBe('finalised');
    expect(amended.content.conclusion).toBe('Đơn vị chấp hành tốt kỷ luật, kỷ cương hành chính. Yêu cầu duy trì.');
    expect(amended.amendments).toEqual([
      expect.objectContaining({
        reason: 'Bổ sung kết luận theo ý kiến trưởng đoàn',
        operator: 'Nguyễn Thị Thư',
        changes: [expect.objectContaining({ field: 'conclusion' })],
      }),
    ]);
    await see.visible(page.getByText(/Nguyễn Thị Thư: Bổ sung kết luận theo ý kiến trưởng đoàn/));
  });

  it('shows the new figure on the dashboard', async () => {
    const page = browser.page;
    await page.getByRole('link', { name: 'Tổng quan' }).click();
    await see.visible(page.getByText('1/81 đơn vị, đạt 1% kế hoạch'));
    await see.visible(page.getByText('Đã kiểm tra 1 trường'));
    expect(browser.problems).toEqual([]);
  });
});
