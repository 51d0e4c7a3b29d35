import { createCore } from '../../electron/core/app/create-core';
import { foldVietnamese } from '../../shared/text/fold';
import type { BenchModule } from './bench-module';
import { measure, ratio } from './measure';
import { generateUnits } from './registry-data';

const QUERIES = ['hiep ha', 'tieu hoc', 'dong quan 3', 'loc binh', 'nguyen van an', 'u0042', 'thcs mau son'];

/** Registry search at 10,000 units: raw SQL, the service, and the API (validation + envelope). */
export const registryBench: BenchModule = {
  name: 'registry',
  async run({ dir, seed, quick }) {
    const units = quick ? 1_000 : 10_000;
    const core = createCore({ dataDir: dir, mode: 'test', appVersion: 'bench', validateOutput: false });
    try {
      await core.router.call('settings.setupOffice', {
        office: { name: 'Bench', parentBody: 'Bench', placeName: 'Bench' },
      });
      const started = performance.now();
      generateUnits(core, units, seed);
      const generateMs = performance.now() - started;
      const raw = core.db.prepare(
        `SELECT * FROM units WHERE deleted_at IS NULL AND active = 1 AND search_key LIKE ? ORDER BY sort_key LIMIT 100`,
      );
      let cursor = 0;
      const next = () => QUERIES[cursor++ % QUERIES.length] ?? '';
      const runs = quick ? 20 : 200;
      const rawFigure = await measure(() => raw.all(`%${foldVietnamese(next())}%`), { runs });
      const serviceFigure = await measure(
        () =>
          core.services.registry.list({
            query: next(),
            kinds: [],
            managingBodies: [],
            active: 'active',
            sort: 'name',
            offset: 0,
            limit: 100,
          }),
        { runs },
      );
      const apiFigure = await measure(() => core.router.call('registry.list', { query: next(), limit: 100 }), { runs });
      const scrollFigure = await measure(
        () => core.router.call('registry.list', { query: '', offset: Math.floor(units * 0.9), limit: 100 }),
        { runs },
      );
      return {
        units,
        generate_ms: Math.round(generateMs),
        search_raw_sql: rawFigure,
        search_service: serviceFigure,
        search_api: apiFigure,
        api_overhead_over_service_ms: Math.round((apiFigure.median_ms - serviceFigure.median_ms) * 1000) / 1000,
        api_vs_raw_ratio: ratio(apiFigure.median_ms, rawFigure.median_ms),
        page_at_90_percent_api: scrollFigure,
      };
    } finally {
      core.close();
    }
  },
};
