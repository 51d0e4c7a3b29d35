import {
  emptyInspectionContent,
  type InspectionDetail,
  type InspectionStatus,
} from '../../../shared/domain/inspection';

/** A small inspection of one school with one criterion, in the status asked for. */
export function inspectionDetail(status: InspectionStatus, changes: Partial<InspectionDetail> = {}): InspectionDetail {
  return {
    id: '01890000-0000-7000-8000-00000000000a',
    createdAt: '2019-09-01T08:00:00.000Z',
    updatedAt: '2019-09-01T08:00:00.000Z',
    rev: 'rev-1',
    planId: '01890000-0000-7000-8000-00000000000b',
    unitId: '01890000-0000-7000-8000-00000000000c',
    kind: 'regular',
    originalId: null,
    status,
    plannedDate: null,
    content: { ...emptyInspectionContent(), place: 'Trụ sở trường' },
    checklist: {
      checklistId: 'c',
      checklistName: 'Bộ tiêu chí kiểm tra KLKCHC đối với trường học',
      versionId: 'v1',
      versionNo: 1,
      latestVersionId: 'v1',
      latestVersionNo: 1,
      groups: [
        {
          id: 'g1',
          position: 0,
          title: 'Nội quy',
          criteria: [{ id: 'k1', lineageId: 'k1', groupId: 'g1', position: 0, text: 'Ban hành nội quy' }],
        },
      ],
    },
    plan: {
      id: '01890000-0000-7000-8000-00000000000b',
      title: 'Kiểm tra KLKCHC năm học 2019–2020',
      issuer: 'Phòng Giáo dục và Đào tạo',
      periodKind: 'schoolYear',
      periodYear: 2019,
      decisionNumber: '',
      decisionDate: null,
      decisionSigner: '',
      decisionSignerTitle: '',
      legalBasis: '',
      checklistId: 'c',
    },
    unit: {
      id: '01890000-0000-7000-8000-00000000000c',
      code: 'MN01',
      name: 'Trường Mầm non Hiệp Hạ',
      kind: 'school',
      schoolLevel: 'preschool',
      headName: '',
      headTitle: '',
      address: '',
    },
    finalisedAt: status === 'finalised' ? '2019-09-02T10:00:00.000Z' : null,
    finalisedBy: '',
    amendments: [],
    original: null,
    reinspections: [],
    counts: { pass: 0, fail: 0, na: 0, total: 1 },
    isSample: false,
    ...changes,
  };
}
