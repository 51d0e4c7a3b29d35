import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEGAL_BASIS_SUGGESTIONS, emptyPlanInput } from '../../shared/domain/plan';
import { emptyUnitInput } from '../../shared/domain/unit';
import { launchBrowser, see, setUpOffice, startApp, type Browser, type RunningApp } from './harness';

/** The shipped school checklist (migration 0011): the same id in every office. */
const SCHOOL_CHECKLIST = '1d383ac4-c98a-5302-8db6-3288dae85cdc';

describe('planning an inspection round for schools, in Chromium against browser mode', () => {
  let app: RunningApp;
  let browser: Browser;
  let planId = '';

  beforeAll(async () => {
    app = await startApp();
    await setUpOffice(app);
    await app.call('registry.loadSample', {});
    await app.call('officials.create', {
      official: {
        name: 'Nguyễn Văn An',
        position: 'Phó Trưởng phòng GD&ĐT',
        organization: 'Phòng GD&ĐT',
        phone: '',
        active: true,
        notes: '',
      },
    });
    browser = await launchBrowser({ height: 900 });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('creates a plan with its period, decision, legal basis and the school checklist', async () => {
    const { page } = browser;
    await page.goto(`${app.url}#/plans`);
    // The sample district comes with its own sample plans.
    await see.visible(
      page.getByRole('list', { name: 'Danh sách kế hoạch' }).getByText('Kiểm tra KLKCHC năm học 2019–2020'),
    );
    await page.keyboard.press('Alt+N');
    const dialog = page.getByRole('dialog', { name: 'Lập kế hoạch kiểm tra' });
    await see.visible(dialog);
    await see.focused(dialog.getByLabel('Tiêu đề kế hoạch'));
    await page.keyboard.type('Kiểm tra KLKCHC các trường năm học 2019–2020, đợt 2');
    await see.value(dialog.getByLabel('Cơ quan ban hành'), 'Phòng Giáo dục và Đào tạo huyện Lộc Bình');
    // The minutes' header line follows the issuer until the clerk writes another.
    const header = dialog.getByLabel('Cơ quan thành lập đoàn (đầu biên bản)');
    await see.value(header, 'PHÒNG GD&ĐT HUYỆN LỘC BÌNH');
    await dialog.getByLabel('Cơ quan ban hành').fill('UBND huyện Lộc Bình');
    await see.value(header, 'UBND HUYỆN LỘC BÌNH');
    await dialog.getByLabel('Cơ quan ban hành').fill('Phòng Giáo dục và Đào tạo huyện Lộc Bình');
    await header.fill('PHÒNG GIÁO DỤC VÀ ĐÀO TẠO LỘC BÌNH');
    await see.visible(dialog.getByText('Đã sửa tay. Theo cơ quan ban hành sẽ là: PHÒNG GD&ĐT HUYỆN LỘC BÌNH'));
    await dialog.getByLabel('Cơ quan ban hành').fill('Phòng GD&ĐT huyện Lộc Bình');
    await see.value(header, 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO LỘC BÌNH');
    await dialog.getByLabel('Kỳ kiểm tra').selectOption({ label: 'Năm học' });
    await dialog.getByLabel('Năm học bắt đầu').fill('2019');
    await dialog.getByLabel('Số quyết định thành lập đoàn').fill('125/QĐ-PGDĐT');
    await dialog.getByLabel('Ngày quyết định').fill('10/9/2019');
    await dialog.getByLabel('Người ký quyết định').fill('Lương Văn Hùng');
    // The office is an education bureau: the schools' checklist comes first, unasked.
    await see.value(dialog.getByLabel('Bộ tiêu chí'), SCHOOL_CHECKLIST);
    // An example under a field never runs into the label of the field below it.
    const example = await dialog.getByText('Ví dụ: Kiểm tra KLKCHC năm học 2019–2020').boundingBox();
    const nextLabel = await dialog.locator('label', { hasText: 'Cơ quan ban hành' }).boundingBox();
    expect(example!.y + example!.height).toBeLessThanOrEqual(nextLabel!.y);
    // Both suggestions with Enter; the last chip goes away and the keyboard stays in the form.
    await dialog.getByRole('button', { name: /Thêm: Chỉ thị số 26\/CT-TTg/ }).focus();
    await page.keyboard.press('Enter');
    await see.focused(dialog.getByRole('button', { name: /Thêm: Chỉ thị số 02\/CT-UBND/ }));
    await page.keyboard.press('Enter');
    await see.focused(dialog.getByLabel('Căn cứ'));
    await page.keyboard.press('Control+Enter');
    await see.hidden(dialog);
    await see.visible(page.getByRole('heading', { name: 'Kiểm tra KLKCHC các trường năm học 2019–2020, đợt 2' }));
    await see.visible(
      page.getByText(/Năm học 2019–2020 · Phòng GD&ĐT huyện Lộc Bình · 125\/QĐ-PGDĐT \(10\/09\/2019\)/),
    );
    // Nothing in scope yet: said as work to do, not as "every unit inspected".
    await see.visible(page.getByText('Chưa có đơn vị nào trong phạm vi kiểm tra.'));
    await see.visible(page.getByText(/Kế hoạch chưa có đơn vị nào trong phạm vi/));
    expect(await page.getByText('Đã kiểm tra hết các đơn vị trong phạm vi.').count()).toBe(0);
    planId = decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
    const { plan } = await app.call('plans.get', { id: planId });
    expect(plan).toMatchObject({
      issuer: 'Phòng GD&ĐT huyện Lộc Bình',
      teamParentBody: 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO LỘC BÌNH',
      periodKind: 'schoolYear',
      periodYear: 2019,
      decisionDate: '2019-09-10',
      targetPercent: 100,
      checklistId: SCHOOL_CHECKLIST,
      legalBasis: LEGAL_BASIS_SUGGESTIONS.join('\n'),
    });
  });

  it('puts every school in scope after showing how many will be added', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Thêm đơn vị vào phạm vi' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Thêm đơn vị vào phạm vi kiểm tra' });
    await dialog.getByLabel('Trường học').check();
    // Schools counted by level: the sample's PTDTBT schools among the THCS, primary and multi-level.
    await see.visible(
      dialog.getByText(
        'Sẽ thêm 81 đơn vị (81 trường: 24 trường mầm non, 25 trường tiểu học, 25 trường THCS và 7 trường liên cấp).',
      ),
    );
    await dialog.getByRole('button', { name: 'Thêm 81 đơn vị' }).click();
    await see.hidden(dialog);
    await see.visible(page.getByText('0/81 đơn vị, đạt 0% kế hoạch'));
    const grid = page.getByRole('grid', { name: 'Lịch kiểm tra' });
    await see.count(grid.getByRole('row'), 82);
  });

  it('schedules a unit and filters the schedule by status', async () => {
    const { page } = browser;
    const dateField = page.getByLabel('Ngày dự kiến của Trường Mầm non Đông Quan');
    await dateField.fill('20/10/2019');
    await dateField.press('Enter');
    const grid = page.getByRole('grid', { name: 'Lịch kiểm tra' });
    await see.text(grid.getByRole('row').nth(1), 'Trường Mầm non Đông Quan');
    await see.text(grid.getByRole('row').nth(1), '20/10/2019');
    await page.getByRole('button', { name: 'Đang ghi' }).click();
    await see.count(grid.getByRole('row'), 1);
    await page.getByRole('button', { name: 'Đang ghi' }).click();
    await see.count(grid.getByRole('row'), 82);
    // Undated units are "not yet inspected", not "scheduled".
    const undated = grid.getByRole('row', { name: /Trường Mầm non Hiệp Hạ/ });
    await see.text(undated, 'Chưa xếp lịch');
    await see.text(undated, 'Chưa kiểm tra');
    // A school found by typing part of its name without diacritics, then ↓ into the list.
    const search = page.getByRole('searchbox', { name: 'Tìm đơn vị' });
    await search.fill('hiep ha');
    await see.count(grid.getByRole('row'), 4);
    for (const row of await grid.getByRole('row').all()) {
      if ((await row.getAttribute('id')) !== null) expect(await row.innerText()).toContain('Hiệp Hạ');
    }
    await search.press('ArrowDown');
    await see.focused(grid);
    await search.fill('');
    await see.count(grid.getByRole('row'), 82);
  });

  it('makes the team from the list of officials, adding a new one on the spot', async () => {
    const { page } = browser;
    await page.getByRole('tab', { name: 'Đoàn kiểm tra' }).click();
    const picker = page.getByLabel('Chọn cán bộ');
    await picker.fill('nguyen van');
    await page.getByRole('option', { name: /Nguyễn Văn An/ }).click();
    await see.value(page.getByLabel('Vai trò: Nguyễn Văn An'), 'leader');
    await picker.fill('Lành Thị Hạnh');
    await page.getByRole('button', { name: 'Cán bộ mới…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm cán bộ' });
    await see.value(dialog.getByLabel('Họ và tên'), 'Lành Thị Hạnh');
    await dialog.getByLabel('Chức vụ').fill('Chuyên viên');
    await dialog.getByLabel('Chức vụ').press('Enter');
    await see.hidden(dialog);
    await page.getByLabel('Vai trò: Lành Thị Hạnh').selectOption({ label: 'Thư ký' });
    await page.getByRole('button', { name: 'Lưu đoàn kiểm tra' }).click();
    await see.visible(page.getByRole('alert').filter({ hasText: 'Đã lưu đoàn kiểm tra.' }));
    const { team } = await app.call('plans.get', { id: planId });
    expect(team.map((member) => [member.name, member.role, member.position])).toEqual([
      ['Nguyễn Văn An', 'leader', 'Phó Trưởng phòng GD&ĐT'],
      ['Lành Thị Hạnh', 'secretary', 'Chuyên viên'],
    ]);
  });

  it('shows the plan on the dashboard and its progress changing as inspections are finalised', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Tổng quan' }).click();
    const card = page.getByRole('region', { name: 'Kiểm tra KLKCHC các trường năm học 2019–2020, đợt 2' });
    await see.text(card, '0/81 đơn vị, đạt 0% kế hoạch');
    // Finalise two inspections through the API (the editor has its own test), then look again.
    const { rows } = await app.call('inspections.list', { planId, limit: 2 });
    for (const row of rows) {
      const draft = await app.call('inspections.start', { id: row.id });
      const content = {
        ...draft.content,
        inspectionDate: '2019-10-20',
        startTime: '08:00',
        place: 'Trụ sở nhà trường',
        results: draft.checklist.groups.flatMap((group) =>
          group.criteria.map((criterion) => ({ criterionId: criterion.id, result: 'pass' as const, note: '' })),
        ),
        conclusion: 'Tốt.',
      };
      const saved = await app.call('inspections.saveDraft', {
        id: row.id,
        rev: draft.rev,
        editorId: 'e2e-plans-editor',
        seq: 1,
        content,
      });
      await app.call('inspections.finalise', { id: row.id, rev: saved.rev });
    }
    await page.reload();
    await see.text(
      page.getByRole('region', { name: 'Kiểm tra KLKCHC các trường năm học 2019–2020, đợt 2' }),
      '2/81 đơn vị, đạt 2% kế hoạch',
    );
    await see.text(
      page.getByRole('region', { name: 'Kiểm tra KLKCHC các trường năm học 2019–2020, đợt 2' }),
      'Đã kiểm tra 2 trường',
    );
    expect(browser.problems).toEqual([]);
  });

  it('counts a schedule longer than one page and shows the rest on request', async () => {
    const { page } = browser;
    for (let index = 1; index <= 430; index += 1) {
      await app.call('registry.create', {
        unit: { ...emptyUnitInput('publicService'), name: `Đơn vị sự nghiệp ${index}` },
      });
    }
    const { plan } = await app.call('plans.create', {
      plan: { ...emptyPlanInput(SCHOOL_CHECKLIST, 'UBND huyện Lộc Bình', 2020), title: 'Kiểm tra toàn huyện 2020' },
      scope: { filter: {} },
    });
    const total = plan.scopeCount;
    expect(total).toBeGreaterThan(500);
    await page.goto(`${app.url}#/plans/${plan.id}`);
    const grid = page.getByRole('grid', { name: 'Lịch kiểm tra' });
    await see.visible(page.getByText(`${total} cuộc kiểm tra`));
    await see.count(grid.getByRole('row'), 501);
    await page.getByRole('button', { name: `Xem thêm ${total - 500}` }).click();
    await see.count(grid.getByRole('row'), total + 1);
    expect(browser.problems).toEqual([]);
  });

  it('chooses units one by one, shows which (and of what kind) before adding, and lets one go', async () => {
    const { page } = browser;
    await page.goto(`${app.url}#/plans/${planId}`);
    await page.getByRole('button', { name: 'Thêm đơn vị vào phạm vi' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Thêm đơn vị vào phạm vi kiểm tra' });
    await dialog.getByRole('tab', { name: 'Chọn từng đơn vị' }).click();
    const search = dialog.getByLabel('Tìm đơn vị để thêm');
    for (const name of ['noi vu', 'tu phap']) {
      await search.fill(name);
      await see.visible(dialog.getByRole('list', { name: 'Đơn vị tìm thấy' }).getByRole('listitem').first());
      await search.press('Enter');
    }
    const chosen = dialog.getByRole('region', { name: 'Đã chọn 2 đơn vị' });
    await see.text(chosen, /Phòng Nội vụ\s+Phòng chuyên môn/);
    await see.text(chosen, /Phòng Tư pháp\s+Phòng chuyên môn/);
    await chosen.getByRole('button', { name: 'Bỏ chọn Phòng Tư pháp' }).click();
    await see.visible(dialog.getByText('Đã chọn 1 đơn vị'));
    await dialog.getByRole('button', { name: 'Thêm 1 đơn vị' }).click();
    await see.hidden(dialog);
    await see.count(page.getByRole('grid', { name: 'Lịch kiểm tra' }).getByRole('row'), 83);
    expect(browser.problems).toEqual([]);
  });
});
