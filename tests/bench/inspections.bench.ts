import { performance } from 'node:perf_hooks';
import { createCore } from '../../electron/core/app/create-core';
import type { InspectionContent } from '../../shared/domain/inspection';
import type { BenchModule } from './bench-module';
import { measure, ratio } from './measure';
import { QUICK_CASE, SCALE_CASE, copyScaleDatabase, ensureScaleDatabase } from './scale-data';

/**
 * The figures (tests/bench/README.md) of plans and inspections, at the scale case (200,000 inspections):
 * saving a draft with 20 results (p95, synchronous=FULL), opening the all-plans dashboard from
 * the summary beside the same figures recomputed from scratch, and the first 100 inspections
 * of one plan — each with the raw SQLite figure beside it.
 */
export const inspectionsBench: BenchModule = {
  name: 'inspections',
  async run({ dir, seed, quick }) {
    const shape = quick ? QUICK_CASE : SCALE_CASE;
    const scale = ensureScaleDatabase(shape, seed, { log: (line) => process.stderr.write(`  ${line}\n`) });
    const started = performance.now();
    copyScaleDatabase(scale, dir);
    const copyMs = Math.round(performance.now() - started);
    const core = createCore({ dataDir: dir, mode: 'test', appVersion: 'bench', validateOutput: false });
    try {
      const { inspections, progress } = core.services;
      const runs = quick ? 30 : 200;

      // Save a draft with 20 results: each run flips one result and one note, as typing does.
      const draft = inspections.get(scale.sample.draftId);
      const criteria = draft.checklist.groups.flatMap((group) => group.criteria.map((criterion) => criterion.id));
      let rev = draft.rev;
      let seq = 0;
      const contentFor = (step: number): InspectionContent => ({
        ...draft.content,
        strengths: `Nề nếp tốt (${step})`,
        results: criteria.map((criterionId, index) => ({
          criterionId,
          result: index === step % criteria.length ? 'fail' : 'pass',
          note: index === step % criteria.length ? `Ghi chú ${step}` : '',
        })),
      });
      const saveService = await measure(
        () => {
          seq += 1;
          rev = inspections.saveDraft(draft.id, rev, 'bench-editor', seq, contentFor(seq)).rev;
        },
        { runs, warmup: 10 },
      );
      const saveApi = await measure(
        async () => {
          seq += 1;
          const answer = await core.router.call('inspections.saveDraft', {
            id: draft.id,
            rev,
            editorId: 'bench-editor',
            seq,
            content: contentFor(seq),
          });
          if (!answer.ok) throw new Error(answer.error.message);
          rev = (answer.value as { rev: string }).rev;
        },
        { runs, warmup: 10 },
      );
      // Raw: the same 20 result rows (owned by the record, keyed by it and the criterion) and the
      // record's new revision, in their own transaction.
      const rawUpdateResult = core.db.prepare(
        `INSERT INTO inspection_results (inspection_id, criterion_id, result, note) VALUES (?, ?, ?, ?)
         ON CONFLICT (inspection_id, criterion_id) DO UPDATE SET result = excluded.result, note = excluded.note`,
      );
      const rawTouch = core.db.prepare(`UPDATE inspections SET strengths = ?, updated_at = ?, rev = ? WHERE id = ?`);
      let rawStep = 0;
      const saveRaw = await measure(
        () => {
          rawStep += 1;
          const at = new Date().toISOString();
          core.db.transaction(() => {
            criteria.forEach((criterionId, index) => {
              rawUpdateResult.run(draft.id, criterionId, index === rawStep % 20 ? 'fail' : 'pass', '');
            });
            rawTouch.run(`raw ${rawStep}`, at, `9-${rawStep}`, draft.id);
          })();
        },
        { runs, warmup: 10 },
      );

      // The all-plans dashboard: summary vs recomputation.
      const dashboardService = await measure(() => progress.overview(), { runs: quick ? 20 : 50 });
      const dashboardApi = await measure(() => core.router.call('progress.overview', {}), { runs: quick ? 20 : 50 });
      const recomputed = await measure(() => progress.overviewRecomputed(), { runs: quick ? 5 : 10, warmup: 2 });
      const agree = JSON.stringify(progress.overview()) === JSON.stringify(progress.overviewRecomputed());

      // First 100 inspections of one plan, joined to unit names.
      const rawList = core.db.prepare(
        `SELECT i.id, u.name FROM inspections AS i JOIN units AS u ON u.id = i.unit_id
         WHERE i.plan_id = ? AND i.deleted_at IS NULL
         ORDER BY coalesce(i.inspection_date, i.planned_date, '9999-12-31') LIMIT 100`,
      );
      const listRaw = await measure(() => rawList.all(scale.sample.planId), { runs: 100 });
      const listApi = await measure(
        () => core.router.call('inspections.list', { planId: scale.sample.planId, limit: 100 }),
        { runs: 100 },
      );
      const openApi = await measure(() => core.router.call('inspections.get', { id: scale.sample.finalisedId }), {
        runs: 100,
      });

      // The inspections page across all plans, searched as a clerk types: a unit code (rare),
      // two common words, one very common word; each answer is a first page and the total.
      const search = async (query: string) =>
        measure(() => core.router.call('inspections.list', { query, limit: 100 }), { runs: quick ? 5 : 20 });
      const searchAllPlans = {
        unit_code_s00001: await search('s00001'),
        words_khanh_xuan: await search('khanh xuan'),
        word_truong: await search('truong'),
        no_search: await search(''),
      };

      const inspectionCount = (core.db.prepare(`SELECT count(*) AS n FROM inspections`).get() as { n: number }).n;
      const resultCount = (core.db.prepare(`SELECT count(*) AS n FROM inspection_results`).get() as { n: number }).n;
      return {
        case: shape.name,
        inspections: inspectionCount,
        criterion_results: resultCount,
        database_mb: Math.round(scale.bytes / 1024 / 1024),
        build_ms: scale.buildMs ?? 'cached',
        copy_ms: copyMs,
        save_draft_20_results_service: saveService,
        save_draft_20_results_api: saveApi,
        save_20_results_raw_sql: saveRaw,
        save_draft_api_vs_raw_p95_ratio: ratio(saveApi.p95_ms, saveRaw.p95_ms),
        dashboard_all_plans_summary_service: dashboardService,
        dashboard_all_plans_summary_api: dashboardApi,
        dashboard_all_plans_recomputed: recomputed,
        dashboard_recomputed_over_summary: ratio(recomputed.median_ms, dashboardService.median_ms),
        dashboard_summary_equals_recomputed: agree,
        first_100_inspections_of_plan_raw_sql: listRaw,
        first_100_inspections_of_plan_api: listApi,
        open_one_inspection_api: openApi,
        search_all_plans_api: searchAllPlans,
      };
    } finally {
      core.close();
    }
  },
};
