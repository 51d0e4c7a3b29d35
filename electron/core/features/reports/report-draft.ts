import type {
  CountRef,
  CountWhat,
  ReportAppendix,
  ReportBlock,
  ReportBody,
  ReportChart,
  ReportRun,
} from '../../../../shared/domain/report';
import { percent } from '../../../../shared/domain/progress';
import { planPeriod } from '../../../../shared/domain/report-period';
import type { Breakdown, CriterionFigure, PlanFigures, ReportFigures, TextFigure } from './report-figures';
import { reportCharts } from './report-chart-data';
import {
  capital,
  joinWords,
  keyKind,
  kindName,
  lowerFirst,
  periodPhrase,
  planPeriodPhrase,
  shortDate,
  subjectNoun,
  unitsNoun,
} from './report-wording';
import { REPORT_FORM } from './report-wording';

/**
 * The drafted text of a results report, from its figures, in the story's words and the order of
 * the usual report: I. the inspection work done; II. results (units inspected against each plan
 * and in total, strengths, limitations, causes, requests); III. re-inspections, units not yet
 * inspected, proposals. Every count carries a ref to the units it counts. Pure: the same
 * figures always give the same text.
 */

/** Units named in full when a finding concerns this many or fewer. */
export const NAMES_WHEN_FEW = 5;
/** Units not yet inspected named in full up to this many. */
const NOT_INSPECTED_NAMES = 10;
/** A criterion is a strength when at least this share of the units met it. */
const STRENGTH_SHARE = 0.8;
const STRENGTHS_SHOWN = 8;
const TEXTS_SHOWN = 8;

export interface DraftContext {
  issuingBody: string;
}

class Writer {
  readonly blocks: ReportBlock[] = [];
  readonly refs: Record<string, CountRef> = {};
  private next = 1;

  constructor(private readonly base: { planIds: string[] }) {}

  private id(prefix: string): string {
    const id = `${prefix}${this.next}`;
    this.next += 1;
    return id;
  }

  heading(level: 1 | 2 | 3, text: string): void {
    this.blocks.push({ id: this.id('b'), kind: 'heading', level, runs: [{ text }] });
  }

  paragraph(...runs: (ReportRun | string)[]): void {
    const merged: ReportRun[] = [];
    for (const run of runs.map((item) => (typeof item === 'string' ? { text: item } : item))) {
      const last = merged.at(-1);
      if (last && !last.ref && !run.ref && !last.bold && !run.bold && !last.italic && !run.italic) {
        last.text += run.text;
      } else if (run.text !== '') merged.push({ ...run });
    }
    this.blocks.push({ id: this.id('b'), kind: 'paragraph', runs: merged });
  }

  chart(chart: ReportChart): void {
    this.blocks.push({ id: this.id('c'), kind: 'chart', chart });
  }

  /** A number that counts units: its text, and what it counted. */
  count(
    value: number,
    what: CountWhat,
    options: Partial<Omit<CountRef, 'what' | 'count'>> = {},
    shown: string = String(value),
  ): ReportRun {
    const key = this.id('r');
    this.refs[key] = {
      what,
      planIds: options.planIds ?? this.base.planIds,
      unitKind: options.unitKind ?? null,
      schoolLevel: options.schoolLevel ?? null,
      criterion: options.criterion ?? null,
      text: options.text ?? null,
      count: value,
    };
    return { text: shown, ref: key };
  }
}

function breakdownRuns(
  w: Writer,
  items: Breakdown[],
  planIds: string[],
  field: 'inspected' | 'notInspected',
): (ReportRun | string)[] {
  const parts = items
    .map((item) => ({ item, value: field === 'inspected' ? item.inspected : item.scope - item.inspected }))
    .filter((part) => part.value > 0);
  const runs: (ReportRun | string)[] = [];
  parts.forEach(({ item, value }, index) => {
    if (index > 0) runs.push(index === parts.length - 1 ? ' và ' : ', ');
    const { kind, level } = keyKind(item.key);
    runs.push(w.count(value, field, { planIds, unitKind: kind, schoolLevel: level }), ` ${kindName(item.key)}`);
  });
  return runs;
}

function names(figures: ReportFigures, unitIds: readonly string[]): string {
  return joinWords(unitIds.map((id) => figures.units.get(id)?.name ?? '').filter((name) => name !== ''));
}

/** Distinct units, in the order given. */
function distinct(unitIds: readonly string[]): string[] {
  return [...new Set(unitIds)];
}

function planLabel(plan: PlanFigures): string {
  return `kế hoạch “${plan.title}”`;
}

function workSection(w: Writer, figures: ReportFigures): void {
  w.heading(1, REPORT_FORM.sections.work);
  for (const plan of figures.plans) {
    const parts: string[] = [];
    if (plan.decisionNumber.trim() !== '') {
      const date = shortDate(plan.decisionDate);
      const signer = plan.decisionSignerTitle.trim();
      parts.push(
        `Quyết định số ${plan.decisionNumber.trim()}${date ? ` ngày ${date}` : ''}${signer ? ` của ${signer}` : ''} thành lập Đoàn kiểm tra` +
          (plan.teamSize > 0 ? ` gồm ${plan.teamSize} thành viên` : '') +
          (plan.leader
            ? ` do đồng chí ${plan.leader.name}${plan.leader.position ? `, ${plan.leader.position}` : ''} làm Trưởng đoàn`
            : ''),
      );
    } else if (plan.teamSize > 0) {
      parts.push(
        `Đoàn kiểm tra gồm ${plan.teamSize} thành viên` +
          (plan.leader ? ` do đồng chí ${plan.leader.name} làm Trưởng đoàn` : ''),
      );
    }
    const runs: (ReportRun | string)[] = [`- ${capital(planLabel(plan))} của ${plan.issuer}: `];
    if (parts.length > 0) runs.push(`${parts.join('; ')}; `);
    runs.push(
      'phạm vi kiểm tra ',
      w.count(plan.scope, 'scope', { planIds: [plan.id] }),
      ` ${unitsNoun(plan.breakdown.map((item) => item.key))}, chỉ tiêu kiểm tra ${plan.targetPercent}% (`,
      `${plan.targetUnits} đơn vị)`,
    );
    if (plan.firstDate && plan.lastDate) {
      runs.push(
        plan.firstDate === plan.lastDate
          ? `; các cuộc kiểm tra diễn ra ngày ${shortDate(plan.firstDate)}`
          : `; các cuộc kiểm tra diễn ra từ ngày ${shortDate(plan.firstDate)} đến ngày ${shortDate(plan.lastDate)}`,
      );
    }
    runs.push(plan === figures.plans.at(-1) ? '.' : ';');
    w.paragraph(...runs);
  }
}

/** The plan's period in the sentence, or the report's when it covers only a part of the plan's. */
function whenPhrase(figures: ReportFigures, plan: PlanFigures): string {
  const own = planPeriod(plan);
  return figures.from <= own.from && figures.to >= own.to
    ? planPeriodPhrase(plan.periodKind, plan.periodYear)
    : periodPhrase({ from: figures.from, to: figures.to });
}

/** Said instead of strengths, limitations, causes and requests when the period holds no inspection. */
const NONE_INSPECTED = 'Trong kỳ báo cáo chưa có cơ quan, đơn vị nào được kiểm tra.';

function coverageSection(w: Writer, figures: ReportFigures): void {
  w.heading(2, REPORT_FORM.sections.coverage);
  for (const plan of figures.plans) {
    if (plan.scope === 0) {
      w.paragraph(`${capital(planLabel(plan))} chưa xác định cơ quan, đơn vị nào trong phạm vi kiểm tra.`);
      continue;
    }
    const keys = plan.breakdown.map((item) => item.key);
    const noun = unitsNoun(keys);
    const kinds = plan.breakdown.filter((item) => item.inspected > 0);
    const runs: (ReportRun | string)[] = [
      `${capital(whenPhrase(figures, plan))}, Đoàn kiểm tra của ${plan.issuer} đã kiểm tra được `,
      w.count(plan.inspected, 'inspected', { planIds: [plan.id] }),
      '/',
      w.count(plan.scope, 'scope', { planIds: [plan.id] }),
      ` ${noun}, đạt ${plan.percentOfTarget}% mục tiêu đề ra`,
    ];
    if (plan.targetPercent < 100) runs.push(` (chỉ tiêu ${plan.targetPercent}%, tức ${plan.targetUnits} đơn vị)`);
    if (kinds.length > 1) runs.push(', gồm: ', ...breakdownRuns(w, kinds, [plan.id], 'inspected'));
    runs.push('.');
    w.paragraph(...runs);
  }
  const planIds = figures.plans.map((plan) => plan.id);
  const total = figures.total;
  if (figures.plans.length > 1) {
    const kinds = total.breakdown.filter((item) => item.inspected > 0);
    w.paragraph(
      'Tổng cộng đã kiểm tra được ',
      w.count(total.inspected, 'inspected', { planIds }),
      '/',
      w.count(total.scope, 'scope', { planIds }),
      ` ${unitsNoun(total.breakdown.map((item) => item.key))}`,
      ...(kinds.length > 1 ? [', gồm: ', ...breakdownRuns(w, kinds, planIds, 'inspected')] : []),
      '.',
    );
  }
  if (total.inspected === 0) {
    w.paragraph('Trong kỳ báo cáo chưa có cuộc kiểm tra nào được hoàn tất.');
    return;
  }
  w.paragraph(
    `Như vậy, đã kiểm tra được ${percent(total.inspected, total.scope)}% số cơ quan, đơn vị trong phạm vi kiểm tra (`,
    w.count(total.inspected, 'inspected', { planIds }),
    '/',
    w.count(total.scope, 'scope', { planIds }),
    ').',
  );
}

/** The plans' records grouped by checklist (criteria differ between checklists). */
function checklistGroups(
  figures: ReportFigures,
): { checklistId: string; keys: Breakdown['key'][]; criteria: CriterionFigure[] }[] {
  const groups = new Map<string, { checklistId: string; keys: Set<Breakdown['key']>; criteria: CriterionFigure[] }>();
  for (const criterion of figures.criteria) {
    const group = groups.get(criterion.checklistId) ?? {
      checklistId: criterion.checklistId,
      keys: new Set(),
      criteria: [],
    };
    group.criteria.push(criterion);
    groups.set(criterion.checklistId, group);
  }
  for (const plan of figures.plans) {
    const group = groups.get(plan.checklistId);
    if (group) for (const item of plan.breakdown) if (item.inspected > 0) group.keys.add(item.key);
  }
  return [...groups.values()].map((group) => ({ ...group, keys: [...group.keys] }));
}

function listEnd(index: number, length: number): string {
  return index === length - 1 ? '.' : ';';
}

function strengthsSection(w: Writer, figures: ReportFigures): void {
  w.heading(2, REPORT_FORM.sections.strengths);
  if (figures.records.length === 0) {
    w.paragraph(NONE_INSPECTED);
    return;
  }
  const groups = checklistGroups(figures);
  let any = false;
  for (const group of groups) {
    const strong = group.criteria
      .filter(
        (criterion) =>
          criterion.pass + criterion.fail > 0 && criterion.pass / (criterion.pass + criterion.fail) >= STRENGTH_SHARE,
      )
      .sort(
        (a, b) =>
          b.pass / (b.pass + b.fail) - a.pass / (a.pass + a.fail) ||
          b.pass - a.pass ||
          compareNumber(a.number, b.number),
      )
      .slice(0, STRENGTHS_SHOWN)
      .sort((a, b) => compareNumber(a.number, b.number));
    if (strong.length === 0) continue;
    any = true;
    const planIds = figures.plans.filter((plan) => plan.checklistId === group.checklistId).map((plan) => plan.id);
    w.paragraph(`Qua kiểm tra cho thấy, ${subjectNoun(group.keys)} được kiểm tra đã thực hiện tốt các nội dung:`);
    strong.forEach((criterion, index) => {
      const decided = criterion.pass + criterion.fail;
      w.paragraph(
        `- ${criterion.text} (`,
        w.count(criterion.pass, 'criterionPass', { planIds, criterion: criterion.lineage }),
        `/${decided} đơn vị đạt)${listEnd(index, strong.length)}`,
      );
    });
  }
  if (!any) w.paragraph('Chưa có nội dung kiểm tra nào được đa số cơ quan, đơn vị thực hiện đạt yêu cầu.');
}

function compareNumber(a: string, b: string): number {
  const [a1 = 0, a2 = 0] = a.split('.').map(Number);
  const [b1 = 0, b2 = 0] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
}

function textLines(w: Writer, figures: ReportFigures, texts: TextFigure[], what: CountWhat): void {
  const shown = texts.slice(0, TEXTS_SHOWN);
  const planIds = figures.plans.map((plan) => plan.id);
  shown.forEach((item, index) => {
    w.paragraph(
      `- ${item.text} (`,
      w.count(item.units, what, { planIds, text: item.text }),
      ` đơn vị)${listEnd(index, shown.length)}`,
    );
  });
}

const LETTERS = 'abcdđeghiklmnopqrstuvxy';

function limitationsSection(w: Writer, figures: ReportFigures): void {
  w.heading(2, REPORT_FORM.sections.limitations);
  if (figures.records.length === 0) {
    w.paragraph(NONE_INSPECTED);
    return;
  }
  const planIds = figures.plans.map((plan) => plan.id);
  const groups = checklistGroups(figures);
  const failing = groups.flatMap((group) => group.criteria).filter((criterion) => criterion.fail > 0);
  if (failing.length === 0 && figures.limitations.length === 0) {
    w.paragraph('Qua kiểm tra, các cơ quan, đơn vị đều thực hiện đạt các nội dung kiểm tra.');
    return;
  }
  const allKeys = figures.plans.flatMap((plan) => plan.breakdown.map((item) => item.key));
  const onlySchools = allKeys.length > 0 && allKeys.every((key) => key.startsWith('school:'));
  w.paragraph(
    'Bên cạnh những kết quả đạt được, qua kiểm tra vẫn còn ',
    w.count(figures.withFindings, 'criterionFail', { planIds }),
    ` ${onlySchools ? 'trường' : 'cơ quan, đơn vị'} có nội dung chưa đạt yêu cầu, cần khắc phục trong thời gian tới:`,
  );
  for (const group of groups) {
    const inGroup = group.criteria.filter((criterion) => criterion.fail > 0);
    if (inGroup.length === 0) continue;
    const planIds = figures.plans.filter((plan) => plan.checklistId === group.checklistId).map((plan) => plan.id);
    if (groups.filter((item) => item.criteria.some((criterion) => criterion.fail > 0)).length > 1) {
      w.paragraph({ text: `Đối với ${subjectNoun(group.keys)}:`, italic: true });
    }
    // Sections of the checklist, most findings first; in each, the criteria most often not met first.
    const sections = new Map<string, CriterionFigure[]>();
    for (const criterion of inGroup) {
      const list = sections.get(criterion.groupTitle) ?? [];
      list.push(criterion);
      sections.set(criterion.groupTitle, list);
    }
    const ordered = [...sections.entries()]
      .map(([title, criteria]) => ({
        title,
        criteria: criteria.sort((a, b) => b.fail - a.fail || compareNumber(a.number, b.number)),
        fails: criteria.reduce((sum, criterion) => sum + criterion.fail, 0),
      }))
      .sort((a, b) => b.fails - a.fails || compareNumber(a.criteria[0]?.number ?? '', b.criteria[0]?.number ?? ''));
    ordered.forEach((section, sectionIndex) => {
      w.paragraph(`${LETTERS[sectionIndex % LETTERS.length]}) ${section.title}:`);
      section.criteria.forEach((criterion, index) => {
        // A unit is in a list once per plan at most: a longer list cannot name few units.
        const few = criterion.failing.length <= NAMES_WHEN_FEW * figures.plans.length;
        const unitIds = few ? distinct(criterion.failing.map((item) => item.unitId)) : [];
        const named = few && unitIds.length <= NAMES_WHEN_FEW ? ` (${names(figures, unitIds)})` : '';
        w.paragraph(
          `- ${criterion.text}: `,
          w.count(criterion.fail, 'criterionFail', { planIds, criterion: criterion.lineage }),
          ` đơn vị chưa đạt${named}${listEnd(index, section.criteria.length)}`,
        );
      });
    });
  }
  if (figures.limitations.length > 0) {
    w.paragraph('Các hạn chế được nêu trong biên bản kiểm tra:');
    textLines(w, figures, figures.limitations, 'limitationText');
  }
}

function causesSection(w: Writer, figures: ReportFigures): void {
  w.heading(2, REPORT_FORM.sections.causes);
  if (figures.records.length === 0) {
    w.paragraph(NONE_INSPECTED);
    return;
  }
  if (figures.causes.length === 0) {
    w.paragraph('Các biên bản kiểm tra chưa ghi nhận nguyên nhân của hạn chế.');
    return;
  }
  w.paragraph('Các đoàn kiểm tra đã chỉ ra nguyên nhân của các hạn chế, chủ yếu là:');
  textLines(w, figures, figures.causes, 'causeText');
}

function requestsSection(w: Writer, figures: ReportFigures): void {
  w.heading(2, REPORT_FORM.sections.requests);
  const planIds = figures.plans.map((plan) => plan.id);
  const { requests } = figures;
  if (figures.records.length === 0) {
    w.paragraph(NONE_INSPECTED);
    return;
  }
  if (requests.total === 0) {
    w.paragraph('Các đoàn kiểm tra không đưa ra kiến nghị, yêu cầu nào phải khắc phục.');
    return;
  }
  const overdue = requests.unitsOverdue;
  w.paragraph(
    'Các đoàn kiểm tra đã đề nghị ',
    w.count(requests.unitsWith, 'requests', { planIds }),
    ` cơ quan, đơn vị thực hiện ${requests.total} kiến nghị, yêu cầu. Đến ngày ${shortDate(figures.today)}, `,
    ...(requests.remedied > 0
      ? [
          `${requests.remedied} kiến nghị đã được khắc phục (tại `,
          w.count(requests.unitsRemedied, 'requestsRemedied', { planIds }),
          ' đơn vị); ',
        ]
      : ['chưa có kiến nghị nào được khắc phục; ']),
    requests.overdue > 0
      ? `${requests.overdue} kiến nghị đã quá thời hạn nhưng chưa khắc phục`
      : 'không có kiến nghị nào quá thời hạn mà chưa khắc phục',
    ...(overdue.length > 0
      ? [
          ' (tại ',
          w.count(overdue.length, 'requestsOverdue', { planIds }),
          ` đơn vị${overdue.length <= NAMES_WHEN_FEW ? `: ${names(figures, overdue)}` : ''})`,
        ]
      : []),
    requests.open > 0 ? `; ${requests.open} kiến nghị chưa đến hạn.` : '.',
  );
  if (requests.texts.length > 0) {
    w.paragraph('Nội dung kiến nghị, yêu cầu chủ yếu:');
    textLines(w, figures, requests.texts, 'requestText');
  }
}

function nextSection(w: Writer, figures: ReportFigures): void {
  const planIds = figures.plans.map((plan) => plan.id);
  w.heading(1, REPORT_FORM.sections.next);
  w.heading(2, REPORT_FORM.sections.reinspections);
  const planned = distinct(figures.reinspections.planned.map((item) => item.unitId));
  const done = distinct(figures.reinspections.done.map((item) => item.unitId));
  if (planned.length === 0 && done.length === 0) {
    w.paragraph('Chưa có cơ quan, đơn vị nào phải tái kiểm tra.');
  } else {
    const runs: (ReportRun | string)[] = [];
    if (planned.length > 0) {
      runs.push(
        'Dự kiến sẽ tái kiểm tra lại ',
        w.count(planned.length, 'reinspectionPlanned', { planIds }),
        ` đơn vị${planned.length <= NAMES_WHEN_FEW ? ` (${names(figures, planned)})` : ''} có nhiều nội dung chưa đạt`,
      );
    }
    if (done.length > 0) {
      runs.push(
        planned.length > 0 ? '; đã tái kiểm tra ' : 'Đã tái kiểm tra ',
        w.count(done.length, 'reinspectionDone', { planIds }),
        ` đơn vị${done.length <= NAMES_WHEN_FEW ? ` (${names(figures, done)})` : ''}`,
      );
    }
    runs.push('.');
    w.paragraph(...runs);
  }

  w.heading(2, REPORT_FORM.sections.notInspected);
  if (figures.total.scope === 0) {
    w.paragraph('Các kế hoạch chưa xác định cơ quan, đơn vị nào trong phạm vi kiểm tra.');
  } else if (figures.total.notInspected === 0) {
    w.paragraph('Đã kiểm tra hết các cơ quan, đơn vị trong phạm vi kiểm tra.');
  } else {
    for (const plan of figures.plans) {
      const left = plan.notInspected;
      if (left.length === 0) continue;
      const kinds = plan.breakdown.filter((item) => item.scope > item.inspected);
      w.paragraph(
        `- ${capital(planLabel(plan))}: còn `,
        w.count(left.length, 'notInspected', { planIds: [plan.id] }),
        ` ${unitsNoun(plan.breakdown.map((item) => item.key))} chưa được kiểm tra`,
        ...(left.length <= NOT_INSPECTED_NAMES
          ? [` (${names(figures, left)})`]
          : kinds.length > 1
            ? [', gồm: ', ...breakdownRuns(w, kinds, [plan.id], 'notInspected')]
            : []),
        plan === figures.plans.filter((item) => item.notInspected.length > 0).at(-1) ? '.' : ';',
      );
    }
    w.paragraph('Các cơ quan, đơn vị này sẽ được kiểm tra trong thời gian tới.');
  }

  w.heading(2, REPORT_FORM.sections.proposals);
  const proposals = [
    'Tiếp tục đẩy mạnh công tác kiểm tra kỷ luật, kỷ cương hành chính; phấn đấu kiểm tra 100% các cơ quan, đơn vị trong phạm vi kế hoạch',
    'Đề nghị người đứng đầu các cơ quan, đơn vị bám sát chức trách, nhiệm vụ được giao, chỉ đạo khắc phục ngay các hạn chế đã được chỉ ra và báo cáo kết quả khắc phục đúng thời hạn',
    ...(planned.length > 0 ? ['Tổ chức tái kiểm tra các cơ quan, đơn vị có nhiều nội dung chưa đạt'] : []),
  ];
  proposals.forEach((text, index) => w.paragraph(`- ${text}${listEnd(index, proposals.length)}`));
}

function openingBlocks(w: Writer, figures: ReportFigures, context: DraftContext): void {
  const basis = new Map<string, string>();
  for (const plan of figures.plans) {
    for (const raw of plan.legalBasis.split('\n')) {
      const item = raw
        .trim()
        .replace(/^[-–•+]\s*/, '')
        .replace(/[;.,]+$/, '');
      if (item !== '' && !basis.has(item.toLowerCase())) basis.set(item.toLowerCase(), item);
    }
  }
  for (const item of basis.values()) {
    w.paragraph(/^(căn cứ|thực hiện)\b/i.test(item) ? `${item};` : `Căn cứ ${item};`);
  }
  const plans = joinWords(figures.plans.map(planLabel));
  w.paragraph(
    `Thực hiện ${plans}, ${context.issuingBody || 'cơ quan'} báo cáo kết quả kiểm tra việc thực hiện kỷ luật, kỷ cương hành chính ${periodPhrase(figures)} như sau:`,
  );
}

/** The whole drafted text (and its refs), with charts where `withCharts`. */
export function draftBody(figures: ReportFigures, context: DraftContext & { withCharts: boolean }): ReportBody {
  const w = new Writer({ planIds: figures.plans.map((plan) => plan.id) });
  const charts = context.withCharts ? reportCharts(figures) : null;
  openingBlocks(w, figures, context);
  workSection(w, figures);
  w.heading(1, REPORT_FORM.sections.results);
  coverageSection(w, figures);
  if (charts) {
    w.chart(charts.progress);
    w.chart(charts.kinds);
  }
  strengthsSection(w, figures);
  limitationsSection(w, figures);
  if (charts) for (const chart of charts.criteria) w.chart(chart);
  causesSection(w, figures);
  requestsSection(w, figures);
  nextSection(w, figures);
  return { blocks: w.blocks, refs: w.refs };
}

/** The subject line: "Kết quả kiểm tra việc thực hiện kỷ luật, kỷ cương hành chính năm 2019". */
export function draftTitle(figures: Pick<ReportFigures, 'from' | 'to'>): string {
  return `${REPORT_FORM.subject} ${periodPhrase(figures)}`;
}

/** The closing sentence, before the signature. */
export function closingSentence(title: string, issuingBody: string): string {
  const subject = lowerFirst(title.replace(/^kết quả\s+/i, 'kết quả '));
  return `Trên đây là báo cáo ${subject}${issuingBody ? ` của ${issuingBody}` : ''}./.`;
}

/** The appendix: every inspected unit with its date, minutes number and result counts. */
export function draftAppendix(figures: ReportFigures): ReportAppendix {
  const index = new Map(figures.plans.map((plan, at) => [plan.id, at]));
  return {
    plans: figures.plans.map((plan) => ({ title: plan.title })),
    rows: figures.records.map((record) => [
      index.get(record.planId) ?? 0,
      figures.units.get(record.unitId)?.name ?? '',
      record.date,
      record.minutesNumber,
      record.pass,
      record.fail,
      record.na,
    ]),
  };
}
