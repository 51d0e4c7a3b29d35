import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createCore, type Core } from '../../electron/core/app/create-core';
import { computeFigures } from '../../electron/core/features/reports/report-figures';
import type { ApiInput, ApiName, ApiOutput } from '../../shared/api/contract';
import type { BenchModule } from './bench-module';
import { measure, ratio } from './measure';
import { QUICK_CASE, SCALE_CASE, copyScaleDatabase, ensureScaleDatabase } from './scale-data';

/**
 * The results report and the statistics workbook for every plan at the scale case (10,000
 * units, 100 plans, 200,000 inspections): targets ≤ 2 s for the draft and ≤ 10 s for the
 * workbook (tests/bench/README.md), with the raw aggregate query beside them — every locked
 * inspection dated in the period joined to all its results, counted per criterion and result,
 * in one SQL statement — and the memory the draft takes.
 */

async function call<K extends ApiName>(core: Core, name: K, input: ApiInput<K>): Promise<ApiOutput<K>> {
  const result = await core.router.call(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as ApiOutput<K>;
}

export const reportsBench: BenchModule = {
  name: 'reports',
  async run({ dir, seed, quick }) {
    const shape = quick ? QUICK_CASE : SCALE_CASE;
    const scale = ensureScaleDatabase(shape, seed, { log: (line) => process.stderr.write(`  ${line}\n`) });
    copyScaleDatabase(scale, dir);
    const core = createCore({ dataDir: dir, mode: 'test', appVersion: 'bench', validateOutput: false });
    try {
      const { reports } = core.services;
      const planIds = core.db
        .prepare<[], { id: string }>(`SELECT id FROM plans WHERE deleted_at IS NULL`)
        .all()
        .map((row) => row.id);
      const scope = { planIds, from: '2015-01-01', to: '2026-12-31' };
      const today = reports.today();
      const runs = quick ? 3 : 7;

      // The raw figure: one SQL aggregate over every result of the period's locked inspections.
      const raw = await measure(() => reports.queries.aggregate(planIds, scope.from, scope.to), { runs, warmup: 1 });
      const figures = await measure(() => computeFigures(reports.queries, { ...scope, today }), { runs, warmup: 1 });
      const heapBefore = process.memoryUsage().heapUsed;
      const draft = await measure(() => call(core, 'reports.draft', { ...scope, withCharts: true }), {
        runs,
        warmup: 1,
      });
      const heapAfter = process.memoryUsage().heapUsed;
      const one = await call(core, 'reports.draft', { planIds: [scale.sample.planId], from: scope.from, to: scope.to });
      const draftOnePlan = await measure(
        () => call(core, 'reports.draft', { planIds: [scale.sample.planId], from: scope.from, to: scope.to }),
        { runs: runs * 3, warmup: 2 },
      );
      const statistics = await measure(() => call(core, 'reports.statistics', scope), { runs, warmup: 1 });

      let workbookBytes = 0;
      let matrixRows = 0;
      const workbook = await measure(
        async () => {
          const download = await call(core, 'reports.workbook', scope);
          workbookBytes = fs.statSync(core.files.download(download.downloadId).path).size;
        },
        { runs: quick ? 2 : 3, warmup: 0 },
      );
      matrixRows = core.db
        .prepare<[], { n: number }>(
          `SELECT count(*) AS n FROM (SELECT DISTINCT plan_id, unit_id FROM inspections NOT INDEXED
           WHERE deleted_at IS NULL AND kind = 'regular' AND status IN ('finalised', 'remedied'))`,
        )
        .get()!.n;

      // The whole digest rebuilt (an upgrade, or a transfer of every inspection): once, last.
      const digestRebuild = await measure(
        () => {
          core.db.exec(`INSERT OR IGNORE INTO report_stale (inspection_id) SELECT id FROM inspections`);
          reports.queries.digest.refresh();
        },
        { runs: 1, warmup: 0 },
      );

      const saved = await call(core, 'reports.get', { id: one.id });
      const started = performance.now();
      await call(core, 'reports.save', { id: saved.id, rev: saved.rev, fields: saved.fields, body: saved.body });
      const saveUnchangedMs = Math.round((performance.now() - started) * 10) / 10;
      return {
        shape: shape.name,
        plans: planIds.length,
        matrix_rows: matrixRows,
        raw_aggregate_query: raw,
        figures_only: figures,
        figures_vs_raw_ratio: ratio(figures.median_ms, raw.median_ms),
        draft_all_plans_api: draft,
        draft_vs_raw_ratio: ratio(draft.median_ms, raw.median_ms),
        draft_heap_growth_mb: Math.round((heapAfter - heapBefore) / 1e5) / 10,
        draft_one_plan_api: draftOnePlan,
        statistics_all_plans_api: statistics,
        workbook_all_plans_api: workbook,
        workbook_vs_raw_ratio: ratio(workbook.median_ms, raw.median_ms),
        workbook_mb: Math.round(workbookBytes / 1e5) / 10,
        save_unchanged_report_ms: saveUnchangedMs,
        digest_rebuild_all_inspections: digestRebuild,
        targets: { draft_ms: 2000, workbook_ms: 10000 },
      };
    } finally {
      core.close();
    }
  },
};
