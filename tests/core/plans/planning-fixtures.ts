import { emptyUnitInput, type UnitKind } from '../../../shared/domain/unit';
import type { InspectionContent, InspectionDetail } from '../../../shared/domain/inspection';
import { emptyPlanInput, type PlanInputRaw } from '../../../shared/domain/plan';
import { newRowId } from '../../../shared/domain/row-id';
import type { TestCore } from '../../support/core-harness';

/** Ids of the two shipped checklists (migration 0011): the same in every office. */
export const AGENCY_CHECKLIST = 'fe727f21-7420-5403-ba64-2cc97e6f8c81';
export const SCHOOL_CHECKLIST = '1d383ac4-c98a-5302-8db6-3288dae85cdc';

export async function addUnit(h: TestCore, name: string, kind: UnitKind = 'school'): Promise<string> {
  const input = { ...emptyUnitInput(kind), name, headName: `Hiệu trưởng ${name}`, headTitle: 'Hiệu trưởng' };
  return (await h.call('registry.create', { unit: input })).unit.id;
}

export async function addOfficial(h: TestCore, name: string, position = 'Chuyên viên'): Promise<string> {
  const created = await h.call('officials.create', {
    official: { name, position, organization: 'Phòng GD&ĐT', phone: '', active: true, notes: '' },
  });
  return created.id;
}

export function planInput(overrides: Partial<PlanInputRaw> = {}): PlanInputRaw {
  return {
    ...emptyPlanInput(SCHOOL_CHECKLIST, 'Phòng Giáo dục và Đào tạo huyện Lộc Bình', 2019),
    title: 'Kiểm tra KLKCHC năm học 2019–2020',
    periodKind: 'schoolYear',
    decisionNumber: '125/QĐ-PGDĐT',
    decisionDate: '2019-09-10',
    ...overrides,
  };
}

/** A plan with a leader and a secretary and the given units in scope. */
export async function makePlan(
  h: TestCore,
  unitIds: string[],
  overrides: Partial<PlanInputRaw> = {},
): Promise<{ planId: string; leaderId: string }> {
  const leaderId = await addOfficial(h, 'Nguyễn Văn An', 'Phó Trưởng phòng');
  const secretaryId = await addOfficial(h, 'Hoàng Thị Mai', 'Chuyên viên');
  const { plan } = await h.call('plans.create', {
    plan: planInput(overrides),
    team: [
      { officialId: leaderId, role: 'leader', position: '' },
      { officialId: secretaryId, role: 'secretary', position: '' },
    ],
    scope: { unitIds },
  });
  return { planId: plan.id, leaderId };
}

export async function inspectionOf(h: TestCore, planId: string, unitId: string): Promise<string> {
  const { rows } = await h.call('inspections.list', { planId, unitId });
  const found = rows.find((row) => row.kind === 'regular');
  if (!found) throw new Error('no inspection for the unit');
  return found.id;
}

/** Content that satisfies finalising: every criterion answered (the first one failed, with a request). */
export function completeContent(detail: InspectionDetail, options: { withRequest?: boolean } = {}): InspectionContent {
  const criteria = detail.checklist.groups.flatMap((group) => group.criteria);
  return {
    ...detail.content,
    inspectionDate: detail.content.inspectionDate ?? '2019-10-15',
    startTime: '08:00',
    endTime: '10:30',
    place: detail.content.place || 'Trụ sở nhà trường',
    results: criteria.map((criterion, index) => ({
      criterionId: criterion.id,
      result: index === 0 ? 'fail' : 'pass',
      note: index === 0 ? 'Chưa niêm yết đầy đủ' : '',
    })),
    limitations: 'Việc niêm yết thủ tục chưa đầy đủ.',
    requests:
      options.withRequest === false
        ? []
        : [{ id: newRowId(), text: 'Niêm yết đầy đủ bộ thủ tục.', dueDate: '2019-11-15', remediedDate: null }],
    conclusion: 'Đơn vị chấp hành tốt kỷ luật, kỷ cương hành chính.',
  };
}

/** Starts, fills and finalises the regular inspection of a unit; answers its id. */
export async function finaliseFor(
  h: TestCore,
  planId: string,
  unitId: string,
  options: { withRequest?: boolean; date?: string } = {},
): Promise<string> {
  const id = await inspectionOf(h, planId, unitId);
  const started = await h.call('inspections.start', { id });
  const content = completeContent(started, options);
  if (options.date) content.inspectionDate = options.date;
  const saved = await h.call('inspections.saveDraft', {
    id,
    rev: started.rev,
    editorId: 'test-editor',
    seq: 1,
    content,
  });
  await h.call('inspections.finalise', { id, rev: saved.rev });
  return id;
}
