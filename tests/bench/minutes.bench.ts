import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createCore, type Core } from '../../electron/core/app/create-core';
import type { ApiInput, ApiName, ApiOutput } from '../../shared/api/contract';
import type { BenchModule } from './bench-module';
import { measure, ratio, seededRandom } from './measure';

/**
 * The minutes (targets: one inspection → PDF ≤ 1 s; 81 minutes as one batch ≤ 30 s), on
 * 81 schools recorded the way the story's Phòng GD&ĐT did (28/81 in the article; here all 81).
 * Raw figure beside each: Chromium's print engine alone on the same prepared HTML.
 */

const SCHOOL_CHECKLIST = '1d383ac4-c98a-5302-8db6-3288dae85cdc';
const LEVELS = ['Mầm non', 'Tiểu học', 'THCS', 'PTDTBT Tiểu học'];
const PLACES = [
  'Hiệp Hạ',
  'Lợi Bác',
  'Na Dương',
  'Mẫu Sơn',
  'Tú Đoạn',
  'Khánh Xuân',
  'Đông Quan',
  'Xuân Tình',
  'Nam Quan',
];

async function call<K extends ApiName>(core: Core, name: K, input: ApiInput<K>): Promise<ApiOutput<K>> {
  const result = await core.router.call(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as ApiOutput<K>;
}

/** A plan of `count` schools, each inspected and finalised with results, findings and requests. */
async function recordPlan(core: Core, count: number, seed: number): Promise<{ planId: string; ids: string[] }> {
  const random = seededRandom(seed);
  await call(core, 'settings.setupOffice', {
    office: {
      name: 'Phòng Giáo dục và Đào tạo huyện Lộc Bình',
      parentBody: 'UBND huyện Lộc Bình',
      placeName: 'Lộc Bình',
    },
  });
  const units: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const name = `Trường ${LEVELS[index % LEVELS.length]} ${PLACES[index % PLACES.length]} ${Math.floor(index / PLACES.length) + 1}`;
    const created = await call(core, 'registry.create', {
      unit: {
        code: '',
        name,
        kind: 'school',
        schoolLevel: 'primary',
        managingBody: 'education',
        parentId: null,
        headName: `Hiệu trưởng số ${index + 1}`,
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
      await call(core, 'officials.create', {
        official: { name, position, organization: 'Phòng GD&ĐT', phone: '', active: true, notes: '' },
      })
    ).id;
  const team = [
    { officialId: await official('Hoàng Văn Dũng', 'Phó Trưởng phòng'), role: 'leader' as const, position: '' },
    { officialId: await official('Nông Văn Quý', 'Chuyên viên'), role: 'member' as const, position: '' },
    { officialId: await official('Nguyễn Thị Thư', 'Chuyên viên'), role: 'secretary' as const, position: '' },
  ];
  const { plan } = await call(core, 'plans.create', {
    plan: {
      title: 'Kiểm tra KLKCHC năm học 2019–2020',
      issuer: 'Phòng Giáo dục và Đào tạo huyện Lộc Bình',
      periodKind: 'schoolYear',
      periodYear: 2019,
      decisionNumber: '125/QĐ-PGDĐT',
      decisionDate: '2019-09-05',
      decisionSigner: '',
      decisionSignerTitle: 'Trưởng phòng Giáo dục và Đào tạo',
      legalBasis: 'Chỉ thị số 26/CT-TTg ngày 05/9/2016 của Thủ tướng Chính phủ',
      targetPercent: 100,
      checklistId: SCHOOL_CHECKLIST,
      notes: '',
    },
    team,
    scope: { unitIds: units },
  });
  const ids: string[] = [];
  const { rows } = await call(core, 'inspections.list', { planId: plan.id, limit: 500 });
  for (const [index, row] of rows.entries()) {
    const started = await call(core, 'inspections.start', { id: row.id });
    const criteria = started.checklist.groups.flatMap((group) => group.criteria);
    const day = 1 + (index % 28);
    const saved = await call(core, 'inspections.saveDraft', {
      id: row.id,
      rev: started.rev,
      editorId: 'bench-minutes',
      seq: 1,
      content: {
        ...started.content,
        inspectionDate: `2019-${index < 40 ? '10' : '11'}-${String(day).padStart(2, '0')}`,
        startTime: '08:00',
        endTime: '11:00',
        place: row.unitName,
        results: criteria.map((criterion) => {
          const roll = random();
          return {
            criterionId: criterion.id,
            result: roll < 0.8 ? ('pass' as const) : roll < 0.95 ? ('fail' as const) : ('na' as const),
            note: roll >= 0.8 && roll < 0.95 ? 'Chưa thực hiện đầy đủ theo quy định' : '',
          };
        }),
        strengths: 'Nhà trường ban hành đầy đủ các quy chế.\nCán bộ, giáo viên chấp hành nghiêm giờ giấc.',
        limitations: 'Một số nội dung niêm yết chưa cập nhật.',
        causes: 'Chưa thường xuyên kiểm tra, đôn đốc.',
        requests: [{ id: randomUUID(), text: 'Cập nhật niêm yết thủ tục', dueDate: '2020-01-15', remediedDate: null }],
        unitResponse: 'Nhất trí với kết quả kiểm tra.',
        conclusion: 'Đơn vị chấp hành tốt kỷ luật, kỷ cương hành chính.',
      },
    });
    await call(core, 'inspections.finalise', { id: row.id, rev: saved.rev });
    ids.push(row.id);
  }
  return { planId: plan.id, ids };
}

async function batch(core: Core, planId: string, output: 'onePdf' | 'docxFiles'): Promise<{ pages: number }> {
  const started = await call(core, 'minutes.batch.start', { planId, output });
  await core.services.minutesBatches.settle(started.jobId);
  const status = await call(core, 'minutes.batch.status', { jobId: started.jobId });
  if (status.state !== 'done') throw new Error(`batch ${status.state}: ${status.error}`);
  return { pages: status.downloads.length };
}

export const minutesBench: BenchModule = {
  name: 'minutes',
  async run({ dir, seed, quick }) {
    const count = quick ? 9 : 81;
    const core = createCore({ dataDir: dir, mode: 'test', appVersion: 'bench', validateOutput: false });
    try {
      const recordStarted = performance.now();
      const { planId, ids } = await recordPlan(core, count, seed);
      const recordMs = performance.now() - recordStarted;
      const first = ids[0]!;
      // The browser starts once per process; measured apart, then warm for the rest.
      const coldStarted = performance.now();
      await call(core, 'minutes.exportPdf', { inspectionId: first });
      const coldMs = performance.now() - coldStarted;

      const runs = quick ? 3 : 15;
      let cursor = 0;
      const next = () => ids[cursor++ % ids.length]!;
      const html = core.services.minutes.html(core.services.minutes.prepare(first).document);
      const renderOnly = await measure(() => core.services.minutes.renderer.render(html), { runs, warmup: 2 });
      const onePdf = await measure(() => call(core, 'minutes.exportPdf', { inspectionId: next() }), {
        runs,
        warmup: 2,
      });
      const oneDocx = await measure(() => call(core, 'minutes.exportDocx', { inspectionId: next() }), {
        runs,
        warmup: 2,
      });
      const oneHtml = await measure(() => call(core, 'minutes.printHtml', { inspectionId: next() }), {
        runs,
        warmup: 2,
      });
      const preview = await measure(() => call(core, 'minutes.preview', { inspectionId: next() }), { runs, warmup: 2 });

      const batchRuns = quick ? 1 : 3;
      const batchPdf = await measure(() => batch(core, planId, 'onePdf'), { runs: batchRuns, warmup: 0 });
      const batchDocx = await measure(() => batch(core, planId, 'docxFiles'), { runs: batchRuns, warmup: 0 });
      return {
        inspections: count,
        record_plan_ms: Math.round(recordMs),
        first_pdf_with_browser_start_ms: Math.round(coldMs),
        one_pdf_render_only_raw: renderOnly,
        one_pdf_api: onePdf,
        one_pdf_api_vs_render_ratio: ratio(onePdf.median_ms, renderOnly.median_ms),
        one_preview_api: preview,
        one_docx_api: oneDocx,
        one_print_html_api: oneHtml,
        [`batch_${count}_one_pdf`]: batchPdf,
        [`batch_${count}_docx_files`]: batchDocx,
        batch_per_minutes_ms: Math.round(batchPdf.median_ms / count),
      };
    } finally {
      core.close();
    }
  },
};
