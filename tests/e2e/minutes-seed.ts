import { randomUUID } from 'node:crypto';
import type { ApiInput, ApiName, ApiOutput } from '../../shared/api/contract';

type Call = <K extends ApiName>(name: K, input: ApiInput<K>) => Promise<ApiOutput<K>>;

/** Ids of the shipped school checklist (migration 0011): the same in every office. */
const SCHOOL_CHECKLIST = '1d383ac4-c98a-5302-8db6-3288dae85cdc';

export interface MinutesSeed {
  planId: string;
  /** Finalised, in date order. */
  inspectionIds: string[];
  unitNames: string[];
}

/**
 * A plan of the Phòng GD&ĐT with a team, three schools inspected and finalised with findings,
 * results, requests and the unit's response, the way a clerk records them.
 */
export async function seedMinutes(call: Call): Promise<MinutesSeed> {
  const unitNames = ['Trường Tiểu học Hiệp Hạ', 'Trường Mầm non Lợi Bác', 'Trường THCS Thị trấn Na Dương'];
  const heads = ['Triệu Thị Mai', 'Vi Văn Toàn', 'Lộc Thị Hằng'];
  const units: string[] = [];
  for (const [index, name] of unitNames.entries()) {
    const created = await call('registry.create', {
      unit: {
        code: '',
        name,
        kind: 'school',
        schoolLevel: index === 1 ? 'preschool' : index === 2 ? 'lowerSecondary' : 'primary',
        managingBody: 'education',
        parentId: null,
        headName: heads[index]!,
        headTitle: 'Hiệu trưởng',
        address: '',
        phone: '',
        active: true,
        notes: '',
      },
    });
    units.push(created.unit.id);
  }
  const official = async (name: string, position: string) =>
    (
      await call('officials.create', {
        official: { name, position, organization: 'Phòng GD&ĐT huyện Lộc Bình', phone: '', active: true, notes: '' },
      })
    ).id;
  const leader = await official('Hoàng Văn Dũng', 'Phó Trưởng phòng Giáo dục và Đào tạo');
  const member = await official('Nông Văn Quý', 'Chuyên viên Phòng Giáo dục và Đào tạo');
  const secretary = await official('Nguyễn Thị Thư', 'Chuyên viên Phòng Giáo dục và Đào tạo');
  const { plan } = await call('plans.create', {
    plan: {
      title: 'Kiểm tra KLKCHC năm học 2019–2020',
      issuer: 'Phòng Giáo dục và Đào tạo huyện Lộc Bình',
      periodKind: 'schoolYear',
      periodYear: 2019,
      decisionNumber: '125/QĐ-PGDĐT',
      decisionDate: '2019-09-05',
      decisionSigner: 'Hoàng Văn Bình',
      decisionSignerTitle: 'Trưởng phòng Giáo dục và Đào tạo huyện Lộc Bình',
      legalBasis:
        'Chỉ thị số 26/CT-TTg ngày 05/9/2016 của Thủ tướng Chính phủ về việc tăng cường kỷ luật, kỷ cương trong các cơ quan hành chính nhà nước các cấp\nChỉ thị số 02/CT-UBND ngày 04/01/2018 của Chủ tịch UBND tỉnh Lạng Sơn về việc tăng cường kỷ luật, kỷ cương hành chính',
      targetPercent: 100,
      checklistId: SCHOOL_CHECKLIST,
      notes: '',
    },
    team: [
      { officialId: leader, role: 'leader', position: '' },
      { officialId: member, role: 'member', position: '' },
      { officialId: secretary, role: 'secretary', position: '' },
    ],
    scope: { unitIds: units },
  });
  const dates = ['2019-10-09', '2019-10-16', '2019-11-05'];
  const inspectionIds: string[] = [];
  for (const [index, unitId] of units.entries()) {
    const { rows } = await call('inspections.list', { planId: plan.id, unitId });
    const id = rows[0]!.id;
    const started = await call('inspections.start', { id });
    const criteria = started.checklist.groups.flatMap((group) => group.criteria);
    const saved = await call('inspections.saveDraft', {
      id,
      rev: started.rev,
      editorId: 'seed-minutes',
      seq: 1,
      content: {
        ...started.content,
        inspectionDate: dates[index]!,
        startTime: '08:00',
        endTime: '11:30',
        place: `Văn phòng ${unitNames[index]}`,
        representatives: [
          { id: randomUUID(), name: heads[index]!, position: 'Hiệu trưởng' },
          { id: randomUUID(), name: 'Hoàng Thị Lan', position: 'Phó Hiệu trưởng' },
        ],
        results: criteria.map((criterion, position) => ({
          criterionId: criterion.id,
          result: position === 2 ? 'fail' : position === 6 ? 'na' : 'pass',
          note: position === 2 ? 'Chưa cập nhật theo quy định mới' : '',
        })),
        strengths:
          'Nhà trường đã ban hành đầy đủ các văn bản về nội quy, quy chế hoạt động, chi tiêu nội bộ, dân chủ trong trường học.\nCán bộ, giáo viên chấp hành nghiêm giờ giấc; không có trường hợp đến trường, đến lớp muộn.',
        limitations: 'Quy chế chi tiêu nội bộ chưa được sửa đổi, bổ sung theo định mức mới.',
        causes: 'Người đứng đầu chưa thường xuyên kiểm tra, đôn đốc.',
        requests: [
          {
            id: randomUUID(),
            text: 'Rà soát, sửa đổi, bổ sung quy chế chi tiêu nội bộ theo quy định hiện hành',
            dueDate: '2020-02-28',
            remediedDate: null,
          },
        ],
        unitResponse: 'Nhà trường nhất trí với kết quả kiểm tra và cam kết khắc phục đúng thời hạn.',
        conclusion: 'Nhà trường thực hiện tốt kỷ luật, kỷ cương hành chính.',
      },
    });
    await call('inspections.finalise', { id, rev: saved.rev });
    inspectionIds.push(id);
  }
  return { planId: plan.id, inspectionIds, unitNames };
}
