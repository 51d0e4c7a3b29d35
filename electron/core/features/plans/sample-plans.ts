import type { Db } from '../../db/open';
import { uuidv7 } from '../../db/ids';
import type { WritePath } from '../../db/write-path';
import type { Clock } from '../../kernel/clock';
import type { InspectionContent, ResultValue } from '../../../../shared/domain/inspection';
import type { PlanInput, TeamRole } from '../../../../shared/domain/plan';
import type { InspectionService } from '../inspections/inspection-service';
import type { OfficialService } from '../officials/official-service';
import type { PlanService } from './plan-service';

/**
 * The sample plans loaded with the sample district ("Nạp dữ liệu mẫu"), shaped like the story:
 * Phòng GD&ĐT's school-year plan for the 81 schools with 28 finalised inspections ("28/81 đơn
 * vị, đạt 35% kế hoạch"), and the district's plan for its agencies with 21 finalised
 * of its 30 ("21 cơ quan: 6 phòng chuyên môn và 15 UBND xã, thị trấn", 70%), with the story's
 * limitations among the criteria not met and three units to re-inspect. Every row is flagged as sample;
 * deterministic, so every PC shows the same. Sample content is document text, not interface
 * text, so it is Vietnamese in both languages (as the sample units are).
 */

const NOTE = 'Dữ liệu mẫu — không phải số liệu thật.';
const SAMPLE_OFFICIALS: [string, string, string, TeamRole][] = [
  ['Hoàng Văn Quyết', 'Phó Trưởng phòng Giáo dục và Đào tạo', 'Phòng GD&ĐT huyện Lộc Bình', 'leader'],
  ['Lương Thị Thắm', 'Chuyên viên Phòng GD&ĐT', 'Phòng GD&ĐT huyện Lộc Bình', 'member'],
  ['Vi Văn Chiến', 'Chuyên viên Phòng GD&ĐT', 'Phòng GD&ĐT huyện Lộc Bình', 'secretary'],
  ['Nông Đức Sơn', 'Phó Chánh Văn phòng HĐND và UBND huyện', 'Văn phòng HĐND và UBND huyện', 'leader'],
  ['Lăng Thị Yến', 'Chuyên viên Phòng Nội vụ', 'Phòng Nội vụ huyện Lộc Bình', 'deputy'],
  ['Triệu Văn Nam', 'Thanh tra viên', 'Thanh tra huyện Lộc Bình', 'secretary'],
];
/**
 * The findings of the story, each on the criterion it is about: which finalised inspections
 * fail it (by their place in the plan's order), and the limitation, cause and request their
 * minutes record. The results report of the sample reads like the story from these.
 */
interface SampleFinding {
  /** The criterion, by the start of its text in the default checklists. */
  criterion: string;
  fails: (index: number) => boolean;
  limitation: string;
  cause: string;
  request: string;
}

const FILING: Omit<SampleFinding, 'criterion' | 'fails'> = {
  limitation: 'Việc sắp xếp, lưu trữ giấy tờ, văn bản, sổ ghi chép chưa khoa học.',
  cause: 'Người đứng đầu chưa thường xuyên kiểm tra, đôn đốc công tác văn thư, lưu trữ.',
  request: 'Sắp xếp lại hồ sơ, sổ sách khoa học; báo cáo kết quả khắc phục về Đoàn kiểm tra.',
};

const AGENCY_FINDINGS: SampleFinding[] = [
  { criterion: 'Sắp xếp, lưu trữ giấy tờ', fails: (index) => index % 3 === 0, ...FILING },
  {
    criterion: 'Thay thế, bổ sung kịp thời',
    fails: (index) => index % 4 === 1,
    limitation: 'Một số thủ tục hành chính đã niêm yết nhưng chưa được bổ sung, thay thế kịp thời.',
    cause: 'Cán bộ phụ trách chưa thường xuyên cập nhật các thủ tục hành chính mới được công bố.',
    request: 'Bổ sung, thay thế kịp thời các thủ tục hành chính đã thay đổi.',
  },
  {
    criterion: 'Vị trí niêm yết thuận lợi',
    fails: (index) => index % 5 === 2,
    limitation:
      'Vị trí niêm yết thủ tục hành chính chưa khoa học, hợp lý, chưa thuận lợi cho tổ chức, cá nhân tra cứu thông tin.',
    cause: 'Trụ sở làm việc chật hẹp, chưa bố trí được vị trí niêm yết phù hợp.',
    request: 'Bố trí lại vị trí niêm yết thủ tục hành chính thuận lợi cho tổ chức, cá nhân tra cứu.',
  },
];

const SCHOOL_FINDINGS: SampleFinding[] = [
  { criterion: 'Sắp xếp, lưu trữ hồ sơ', fails: (index) => index % 4 === 0, ...FILING },
  {
    criterion: 'Niêm yết thủ tục',
    fails: (index) => [3, 10, 17, 23].includes(index),
    limitation: 'Một số thủ tục (chuyển trường, xét chế độ bán trú) chưa được niêm yết đầy đủ.',
    cause: 'Nhà trường chưa rà soát, cập nhật kịp thời các thủ tục mới.',
    request: 'Niêm yết đầy đủ các thủ tục liên quan đến học sinh trên bảng công khai của nhà trường.',
  },
];

/** The end of a criterion's text that limits it to communes and towns. */
const COMMUNE_ONLY = /\(UBND xã, thị trấn\)\s*$/u;

/** Items taken in turn from each group (in the groups' first-seen order), each group in its own order. */
function byTurns<T>(items: readonly T[], groupOf: (item: T) => string): T[] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(groupOf(item), [...(groups.get(groupOf(item)) ?? []), item]);
  const out: T[] = [];
  for (let round = 0; out.length < items.length; round += 1) {
    for (const group of groups.values()) {
      const item = group[round];
      if (item !== undefined) out.push(item);
    }
  }
  return out;
}

function day(year: number, month: number, date: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

interface SampleUnitRow {
  id: string;
  name: string;
  kind: string;
  school_level: string | null;
  head_name: string;
  head_title: string;
}

export class SamplePlans {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly writes: WritePath,
    private readonly officials: OfficialService,
    private readonly plans: PlanService,
    private readonly inspections: InspectionService,
  ) {}

  /** Adds the two sample plans once (inside the registry's sample transaction). */
  load(): void {
    const existing = this.db.prepare(`SELECT 1 FROM plans WHERE is_sample = 1 AND deleted_at IS NULL`).get();
    if (existing) return;
    const units = this.db
      .prepare<[], SampleUnitRow>(
        `SELECT id, name, kind, school_level, head_name, head_title FROM units
         WHERE is_sample = 1 AND deleted_at IS NULL AND active = 1 ORDER BY sort_key`,
      )
      .all();
    // Schools in turn by level (a preschool, a primary school, …), so the inspected ones are a
    // mix of levels as in a real year, not the first 28 names of the alphabet.
    const schools = byTurns(
      units.filter((unit) => unit.kind === 'school'),
      (unit) => unit.school_level ?? '',
    );
    const departments = units.filter((unit) => unit.kind === 'department');
    const communes = units.filter((unit) => unit.kind === 'commune');
    if (schools.length === 0) return;
    const people = SAMPLE_OFFICIALS.map(([name, position, organization, role]) => ({
      id: this.officials.create(
        { name, position, organization, phone: '', active: true, notes: NOTE },
        { isSample: true },
      ).id,
      role,
    }));
    const base: Omit<PlanInput, 'title' | 'issuer' | 'teamParentBody' | 'periodKind' | 'checklistId'> = {
      periodYear: 2019,
      decisionNumber: '',
      decisionDate: null,
      decisionSigner: '',
      decisionSignerTitle: '',
      legalBasis:
        'Chỉ thị số 26/CT-TTg ngày 05/9/2016 của Thủ tướng Chính phủ về việc tăng cường kỷ luật, kỷ cương trong các cơ quan hành chính nhà nước các cấp\nChỉ thị số 02/CT-UBND ngày 04/01/2018 của Chủ tịch UBND tỉnh Lạng Sơn về việc tăng cường kỷ luật, kỷ cương hành chính',
      targetPercent: 100,
      notes: NOTE,
    };

    const schoolPlan = this.plans.create(
      {
        ...base,
        title: 'Kiểm tra KLKCHC năm học 2019–2020',
        issuer: 'Phòng Giáo dục và Đào tạo huyện Lộc Bình',
        teamParentBody: 'PHÒNG GD&ĐT HUYỆN LỘC BÌNH',
        periodKind: 'schoolYear',
        decisionNumber: '215/QĐ-PGDĐT',
        // Before the first inspection (2 September): a team inspects only once it is formed.
        decisionDate: '2019-08-26',
        decisionSigner: 'Hoàng Văn Quyết',
        decisionSignerTitle: 'Phó Trưởng phòng Giáo dục và Đào tạo',
        checklistId: '1d383ac4-c98a-5302-8db6-3288dae85cdc',
      },
      people.slice(0, 3).map((person) => ({ officialId: person.id, role: person.role, position: '' })),
      { unitIds: schools.map((unit) => unit.id), filter: null },
      { isSample: true },
    );
    this.record(schoolPlan.plan.id, schools, 28, 2, SCHOOL_FINDINGS, 2019, 9);

    const agencies = [...departments.slice(0, 8), ...communes.slice(0, 22)];
    if (agencies.length > 0) {
      const districtPlan = this.plans.create(
        {
          ...base,
          title: 'Kiểm tra KLKCHC năm 2019 tại các cơ quan, đơn vị hành chính',
          issuer: 'UBND huyện Lộc Bình',
          teamParentBody: 'UBND HUYỆN LỘC BÌNH',
          periodKind: 'calendarYear',
          decisionNumber: '1520/QĐ-UBND',
          decisionDate: '2019-03-05',
          decisionSigner: 'Nguyễn Đặng Ân',
          decisionSignerTitle: 'Chủ tịch UBND huyện',
          checklistId: 'fe727f21-7420-5403-ba64-2cc97e6f8c81',
        },
        people.slice(3).map((person) => ({ officialId: person.id, role: person.role, position: '' })),
        { unitIds: agencies.map((unit) => unit.id), filter: null },
        { isSample: true },
      );
      // 6 departments and 15 communes finalised, as in the story.
      const order = [...departments.slice(0, 6), ...communes.slice(0, 15), ...agencies];
      this.record(districtPlan.plan.id, order, 21, 1, AGENCY_FINDINGS, 2019, 4);
    }
  }

  /** Takes the sample plans away (before the sample units go): plans, scope, team, inspections, officials. */
  remove(): void {
    this.writes.run((tx) => {
      this.plans.removeSamples(tx);
      this.officials.removeUnusedSamples(tx);
    });
  }

  /** Finalises `finalised` inspections of the first units, starts `drafts` more, dates the rest. */
  private record(
    planId: string,
    units: SampleUnitRow[],
    finalised: number,
    drafts: number,
    findings: SampleFinding[],
    year: number,
    firstMonth: number,
  ): void {
    const seen = new Set<string>();
    const ordered = units.filter((unit) => !seen.has(unit.id) && seen.add(unit.id));
    ordered.forEach((unit, index) => {
      const inspection = this.inspections.list({
        planId,
        unitId: unit.id,
        statuses: [],
        kinds: ['regular'],
        query: '',
        sort: 'date',
        offset: 0,
        limit: 1,
      }).rows[0];
      if (!inspection) return;
      const month = firstMonth + Math.floor(index / 8);
      const date = day(month > 12 ? year + 1 : year, ((month - 1) % 12) + 1, 2 + ((index * 3) % 26));
      if (index >= finalised + drafts) {
        this.inspections.schedule(inspection.id, inspection.rev, date);
        return;
      }
      const started = this.inspections.start(inspection.id);
      const criteria = started.checklist.groups.flatMap((group) => group.criteria);
      const failing = index < finalised ? findings.filter((finding) => finding.fails(index)) : [];
      const fails = new Set(
        failing.map((finding) => criteria.findIndex((criterion) => criterion.text.startsWith(finding.criterion))),
      );
      fails.delete(-1);
      // A criterion for communes only ("… (UBND xã, thị trấn)") does not apply to a department.
      const notApplicable = (text: string) => unit.kind !== 'commune' && COMMUNE_ONLY.test(text);
      const content: InspectionContent = {
        ...started.content,
        inspectionDate: date,
        startTime: index % 2 === 0 ? '08:00' : '14:00',
        endTime: index % 2 === 0 ? '10:30' : '16:30',
        place: `Trụ sở ${unit.name}`,
        minutesNumber: index < finalised ? `${String(index + 1).padStart(2, '0')}/BB-ĐKT` : '',
        results: criteria.map((criterion, at) => {
          const result: ResultValue | null =
            index >= finalised && at > criteria.length / 2
              ? null
              : fails.has(at)
                ? 'fail'
                : notApplicable(criterion.text)
                  ? 'na'
                  : 'pass';
          return { criterionId: criterion.id, result, note: fails.has(at) ? 'Chưa thực hiện đầy đủ.' : '' };
        }),
        strengths:
          'Đơn vị đã tuyên truyền, quán triệt các văn bản về KLKCHC; ban hành đầy đủ nội quy, quy chế; cán bộ chấp hành tốt giờ giấc làm việc.',
        limitations: failing.map((finding) => finding.limitation).join('\n'),
        causes: failing.map((finding) => finding.cause).join('\n'),
        requests: failing.map((finding) => ({
          id: uuidv7(this.clock.now().getTime()),
          text: finding.request,
          dueDate: day(year + 1, 1, 15),
          remediedDate: index % 3 === 0 ? day(year + 1, 1, 10) : null,
        })),
        unitResponse: 'Đơn vị nhất trí với nội dung biên bản và cam kết khắc phục các tồn tại.',
        conclusion: 'Đơn vị cơ bản chấp hành tốt kỷ luật, kỷ cương hành chính.',
      };
      const saved = this.inspections.saveDraft(started.id, started.rev, 'sample-data-loader', 1, content);
      if (index >= finalised) return;
      // Requests already remedied make the record "remedied" as it is finalised.
      const done = this.inspections.finalise(started.id, saved.rev);
      // Units with two findings are to be inspected again ("tái kiểm tra lại 1 đến 3 đơn vị").
      if (fails.size > 1) this.inspections.planReinspection(done.id, day(year + 1, 2, 20));
    });
  }
}
