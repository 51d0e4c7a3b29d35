import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyPlanInput } from '../../shared/domain/plan';
import { emptyUnitInput } from '../../shared/domain/unit';
import { launchBrowser, see, setUpOffice, startApp, type Browser, type RunningApp } from './harness';

/** The shipped school checklist (migration 0011): the same id in every office. */
const SCHOOL_CHECKLIST = '1d383ac4-c98a-5302-8db6-3288dae85cdc';

/**
 * A "Trường PTDTBT THCS" is a lower-secondary school of the semi-boarding type: entered in the
 * registry it shows as a THCS that is bán trú, and the dashboard counts it with the THCS.
 */
describe('a PTDTBT school, from the registry form to the dashboard, in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp();
    await setUpOffice(app);
    browser = await launchBrowser({ height: 900 });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('takes level and type from the name typed in the registry form, and shows THCS · bán trú', async () => {
    const { page } = browser;
    await page.goto(`${app.url}#/registry`);
    // The empty registry offers the button twice (header and panel): either opens the form.
    await page.getByRole('button', { name: 'Thêm đơn vị' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Thêm đơn vị' });
    await see.focused(dialog.getByLabel('Tên đơn vị'));
    await page.keyboard.type('Trường PTDTBT THCS Xuân Lễ');
    await see.value(dialog.getByLabel('Loại hình'), 'school');
    await see.value(dialog.getByLabel('Cấp học'), 'lowerSecondary');
    await see.value(dialog.getByLabel('Loại trường'), 'ethnicSemiBoarding');
    await see.value(dialog.getByLabel('Cơ quan quản lý'), 'education');
    await dialog.getByLabel('Người đứng đầu').fill('Vi Văn Chiến');
    await dialog.getByLabel('Người đứng đầu').press('Enter');
    await see.hidden(dialog);

    const grid = page.getByRole('grid', { name: 'Danh sách đơn vị' });
    const row = grid.getByRole('row', { name: /Trường PTDTBT THCS Xuân Lễ/ });
    await see.text(row, 'Trường THCS · bán trú');
    const { rows } = await app.call('registry.list', { query: 'xuan le' });
    expect(rows[0]).toMatchObject({ kind: 'school', schoolLevel: 'lowerSecondary', schoolType: 'ethnicSemiBoarding' });

    // Filtered by level, it is among the THCS; by type, among the semi-boarding schools.
    await app.call('registry.create', {
      unit: { ...emptyUnitInput('school'), name: 'Trường Tiểu học Hiệp Hạ', headName: 'Lành Thị Hạnh' },
    });
    await page.reload();
    await page.getByLabel('Cấp học, loại trường').click();
    await page.getByRole('option', { name: 'Trung học cơ sở (1)' }).click();
    await page.keyboard.press('Escape');
    await see.count(grid.getByRole('row'), 2);
    await see.visible(grid.getByRole('row', { name: /Xuân Lễ/ }));
    expect(browser.problems).toEqual([]);
  });

  it('counts it with the THCS on the dashboard once inspected', async () => {
    const { page } = browser;
    const school = (name: string, schoolLevel: 'primary' | 'lowerSecondary') =>
      app.call('registry.create', { unit: { ...emptyUnitInput('school'), name, schoolLevel, headName: 'Hà Văn Nam' } });
    await school('Trường THCS Khánh Xuân', 'lowerSecondary');
    await school('Trường Tiểu học Tú Mịch', 'primary');
    const { rows: units } = await app.call('registry.list', {});
    const leader = await app.call('officials.create', {
      official: {
        name: 'Hoàng Văn Quyết',
        position: 'Phó Trưởng phòng',
        organization: 'Phòng GD&ĐT',
        phone: '',
        active: true,
        notes: '',
      },
    });
    const { plan } = await app.call('plans.create', {
      plan: {
        ...emptyPlanInput(SCHOOL_CHECKLIST, 'Phòng Giáo dục và Đào tạo huyện Lộc Bình', 2019),
        title: 'Kiểm tra KLKCHC các trường năm học 2019–2020',
        periodKind: 'schoolYear',
      },
      team: [{ officialId: leader.id, role: 'leader', position: '' }],
      scope: { unitIds: units.map((unit) => unit.id) },
    });
    const { rows } = await app.call('inspections.list', { planId: plan.id, limit: 10 });
    for (const row of rows.filter((inspection) => !/Tú Mịch/.test(inspection.unitName))) {
      const draft = await app.call('inspections.start', { id: row.id });
      const saved = await app.call('inspections.saveDraft', {
        id: row.id,
        rev: draft.rev,
        editorId: 'e2e-school-types',
        seq: 1,
        content: {
          ...draft.content,
          inspectionDate: '2019-10-20',
          startTime: '08:00',
          place: 'Trụ sở nhà trường',
          results: draft.checklist.groups.flatMap((group) =>
            group.criteria.map((criterion) => ({ criterionId: criterion.id, result: 'pass' as const, note: '' })),
          ),
          conclusion: 'Tốt.',
        },
      });
      await app.call('inspections.finalise', { id: row.id, rev: saved.rev });
    }

    await page.getByRole('link', { name: 'Tổng quan' }).click();
    const card = page.getByRole('region', { name: 'Kiểm tra KLKCHC các trường năm học 2019–2020' });
    await see.text(card, '3/4 đơn vị, đạt 75% kế hoạch');
    await see.text(card, 'Đã kiểm tra 3 trường: 1 trường tiểu học và 2 trường THCS');
    expect(browser.problems).toEqual([]);
  });
});
