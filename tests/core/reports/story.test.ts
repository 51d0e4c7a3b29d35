import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../shared/domain/report';
import { flat, missingInOrder } from '../documents/pdf-tools';
import { createReadyCore, type TestCore } from '../../support/core-harness';

/**
 * The sample district tells the source story, and the report drafted from it reads like the
 * story: 28/81 schools, 35% for 2019–2020; 21 of the agencies plan's 30 units, 6 departments and
 * 15 communes, 70%; the story's limitations among the criteria not met; 1 to 3 units to inspect
 * again.
 */

let h: TestCore;
let schoolPlan: string;
let agencyPlan: string;
beforeAll(async () => {
  h = await createReadyCore();
  await h.call('registry.loadSample', {});
  const plans = await h.call('plans.list', {});
  schoolPlan = plans.find((plan) => plan.periodKind === 'schoolYear')!.id;
  agencyPlan = plans.find((plan) => plan.periodKind === 'calendarYear')!.id;
});
afterAll(() => h.close());

function text(report: Report): string {
  return report.body.blocks
    .map((block) =>
      block.kind === 'paragraph' || block.kind === 'heading' ? block.runs.map((run) => run.text).join('') : '',
    )
    .join('\n');
}

describe("the sample district's results report", () => {
  it('counts the schools as the story does: 28/81, 35% of the target, for 2019–2020', async () => {
    const report = await h.call('reports.draft', {
      planIds: [schoolPlan],
      from: '2019-09-01',
      to: '2020-08-31',
      withCharts: false,
    });
    expect(report.fields.title).toBe('Kết quả kiểm tra việc thực hiện kỷ luật, kỷ cương hành chính năm học 2019–2020');
    expect(flat(text(report))).toContain(
      'Năm học 2019–2020, Đoàn kiểm tra của Phòng Giáo dục và Đào tạo huyện Lộc Bình đã kiểm tra được 28/81 đơn vị trường, đạt 35% mục tiêu đề ra',
    );
    const statistics = await h.call('reports.statistics', {
      planIds: [schoolPlan],
      from: '2019-09-01',
      to: '2020-08-31',
    });
    expect(statistics.plans[0]).toMatchObject({ scope: 81, inspected: 28, percentOfTarget: 35 });
  });

  it('counts the agencies as the story does: 21 of 30, 6 departments and 15 communes, 70%', async () => {
    const report = await h.call('reports.draft', {
      planIds: [agencyPlan],
      from: '2019-01-01',
      to: '2019-12-31',
      withCharts: false,
    });
    const body = flat(text(report));
    expect(body).toContain(
      'Năm 2019, Đoàn kiểm tra của UBND huyện Lộc Bình đã kiểm tra được 21/30 cơ quan, đơn vị hành chính, đạt 70% mục tiêu đề ra, gồm: 6 phòng chuyên môn trực thuộc UBND huyện và 15 UBND cấp xã.',
    );
    expect(body).toContain('Như vậy, đã kiểm tra được 70% số cơ quan, đơn vị trong phạm vi kiểm tra (21/30).');
    // The story's limitations, among the criteria not met, most frequent first.
    expect(
      missingInOrder(body, [
        'Bên cạnh những kết quả đạt được, qua kiểm tra vẫn còn',
        'Thủ tục hành chính:',
        'Thay thế, bổ sung kịp thời thủ tục hành chính khi có thay đổi: 5 đơn vị chưa đạt',
        'Vị trí niêm yết thuận lợi cho tổ chức, cá nhân tra cứu: 4 đơn vị chưa đạt',
        'Văn thư, lưu trữ:',
        'Sắp xếp, lưu trữ giấy tờ, văn bản, sổ ghi chép khoa học: 7 đơn vị chưa đạt',
        'Các hạn chế được nêu trong biên bản kiểm tra:',
        'Việc sắp xếp, lưu trữ giấy tờ, văn bản, sổ ghi chép chưa khoa học (7 đơn vị)',
        'chưa được bổ sung, thay thế kịp thời (5 đơn vị)',
        'Vị trí niêm yết thủ tục hành chính chưa khoa học, hợp lý, chưa thuận lợi cho tổ chức, cá nhân tra cứu thông tin (4 đơn vị)',
      ]),
    ).toBeNull();
    // "dự kiến sẽ tái kiểm tra lại 1 đến 3 đơn vị"
    const reinspections = /Dự kiến sẽ tái kiểm tra lại (\d+) đơn vị/.exec(body);
    expect(Number(reinspections?.[1])).toBeGreaterThanOrEqual(1);
    expect(Number(reinspections?.[1])).toBeLessThanOrEqual(3);
    // Each number leads to its units: the 15 communes.
    const communes = report.body.blocks
      .flatMap((block) => (block.kind === 'paragraph' ? block.runs : []))
      .find(
        (run) =>
          run.ref &&
          report.body.refs[run.ref]?.unitKind === 'commune' &&
          report.body.refs[run.ref]?.what === 'inspected',
      );
    const counted = await h.call('reports.counted', { id: report.id, ref: communes!.ref! });
    expect(counted.now).toBe(15);
    expect(counted.units.every((unit) => /^UBND (xã|thị trấn) /.test(unit.unitName))).toBe(true);
    expect(counted.units.every((unit) => unit.inspectionId !== null)).toBe(true);
  });

  it('drafts both plans into one report in the order of the usual report, closing with the signature', async () => {
    const report = await h.call('reports.draft', {
      planIds: [schoolPlan, agencyPlan],
      from: '2019-01-01',
      to: '2020-08-31',
      withCharts: true,
    });
    expect(
      missingInOrder(text(report), [
        'Căn cứ Chỉ thị số 26/CT-TTg ngày 05/9/2016',
        'Thực hiện kế hoạch “Kiểm tra KLKCHC năm 2019 tại các cơ quan, đơn vị hành chính” và kế hoạch “Kiểm tra KLKCHC năm học 2019–2020”',
        'I. CÔNG TÁC TRIỂN KHAI KIỂM TRA',
        'Quyết định số 1520/QĐ-UBND ngày 05/3/2019',
        'Quyết định số 215/QĐ-PGDĐT ngày 26/8/2019',
        'II. KẾT QUẢ KIỂM TRA',
        '1. Số cơ quan, đơn vị được kiểm tra',
        '21/30',
        '28/81',
        'Tổng cộng đã kiểm tra được 49/111 cơ quan, đơn vị',
        '2. Ưu điểm',
        'đã thực hiện tốt các nội dung',
        '3. Hạn chế, tồn tại',
        '4. Nguyên nhân',
        'Người đứng đầu chưa thường xuyên kiểm tra, đôn đốc',
        '5. Kiến nghị, yêu cầu',
        'III. TÁI KIỂM TRA, ĐƠN VỊ CHƯA KIỂM TRA VÀ ĐỀ XUẤT',
        '1. Tái kiểm tra',
        '2. Cơ quan, đơn vị chưa được kiểm tra',
        '3. Đề xuất, kiến nghị',
        'phấn đấu kiểm tra 100% các cơ quan, đơn vị',
        'Trên đây là báo cáo kết quả kiểm tra việc thực hiện kỷ luật, kỷ cương hành chính',
      ]),
    ).toBeNull();
    expect(report.body.blocks.filter((block) => block.kind === 'chart').length).toBeGreaterThanOrEqual(3);
    expect(report.appendixRows).toBe(49);
    expect(report.fields).toMatchObject({
      parentBody: 'UBND huyện Lộc Bình',
      issuingBody: 'Phòng Giáo dục và Đào tạo',
      signerTitle: 'TRƯỞNG PHÒNG',
      place: 'Lộc Bình',
    });
  });

  it('says nothing false of a period without inspections or a plan without units', async () => {
    // The agencies were inspected from May: the first quarter holds none of it.
    const quarter = flat(
      text(
        await h.call('reports.draft', {
          planIds: [agencyPlan],
          from: '2019-01-01',
          to: '2019-03-31',
          withCharts: false,
        }),
      ),
    );
    expect(quarter).toContain('Trong kỳ báo cáo chưa có cuộc kiểm tra nào được hoàn tất.');
    expect(quarter).toContain('Trong kỳ báo cáo chưa có cơ quan, đơn vị nào được kiểm tra.');
    expect(quarter).not.toContain('đều thực hiện đạt');
    expect(quarter).not.toContain('Như vậy, đã kiểm tra được');
    // The re-inspections planned follow up May's findings, not this quarter's.
    expect(quarter).not.toContain('tái kiểm tra lại');
    expect(quarter).toContain('Chưa có cơ quan, đơn vị nào phải tái kiểm tra.');

    const { plan } = await h.call('plans.create', {
      plan: {
        title: 'Kiểm tra kỷ luật, kỷ cương hành chính năm 2021',
        issuer: 'UBND huyện Lộc Bình',
        periodKind: 'calendarYear',
        periodYear: 2021,
        decisionNumber: '',
        decisionDate: null,
        decisionSigner: '',
        decisionSignerTitle: '',
        legalBasis: '',
        targetPercent: 70,
        checklistId: (await h.call('plans.get', { id: agencyPlan })).plan.checklistId,
        notes: '',
      },
    });
    const empty = flat(
      text(
        await h.call('reports.draft', { planIds: [plan.id], from: '2021-01-01', to: '2021-12-31', withCharts: false }),
      ),
    );
    expect(empty).toContain('chưa xác định cơ quan, đơn vị nào trong phạm vi kiểm tra');
    expect(empty).not.toContain('0/0');
    expect(empty).not.toContain('Đã kiểm tra hết');
  });
});
