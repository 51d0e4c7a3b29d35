import { createCore } from '../../electron/core/app/create-core';
import { searchWords } from '../../shared/text/search';
import type { BenchModule } from './bench-module';
import { measureSideBySide, ratio } from './measure';
import { generateUnits } from './registry-data';

const QUERIES = ['hiep ha', 'tieu hoc', 'dong quan 3', 'loc binh', 'nguyen van an', 'u0042', 'thcs mau son'];

/**
 * Registry search at 10,000 units, three ways side by side: the raw SQL the repository runs
 * (page + count, prepared once), the service (folding, mapping rows), and the API (validation,
 * envelope) — so the API's overhead over the raw query is visible.
 */
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
      // The same statement shapes the repository prepares, without the service around them.
      const repo = core.services.registry.repo;
      const filterFor = (query: string) => ({
        words: searchWords(query),
        kinds: [],
        managingBodies: [],
        schoolLevels: [],
        schoolTypes: [],
        active: 'active' as const,
      });
      let cursor = 0;
      const next = () => QUERIES[cursor++ % QUERIES.length] ?? '';
      const runs = quick ? 20 : 200;
      const search = await measureSideBySide(
        {
          raw_sql: () => repo.list(filterFor(next()), 'name', 0, 100),
          service: () =>
            core.services.registry.list({
              query: next(),
              kinds: [],
              managingBodies: [],
              schoolLevels: [],
              schoolTypes: [],
              active: 'active',
              sort: 'name',
              offset: 0,
              limit: 100,
            }),
          api: () => core.router.call('registry.list', { query: next(), limit: 100 }),
        },
        { runs, warmup: 20 },
      );
      const deepPage = await measureSideBySide(
        {
          raw_sql: () => repo.list(filterFor(''), 'name', Math.floor(units * 0.9), 100),
          api: () => core.router.call('registry.list', { query: '', offset: Math.floor(units * 0.9), limit: 100 }),
        },
        { runs, warmup: 10 },
      );
      return {
        units,
        generate_ms: Math.round(generateMs),
        search_first_100_raw_sql: search.raw_sql,
        search_first_100_service: search.service,
        search_first_100_api: search.api,
        api_overhead_over_raw_ms: Math.round((search.api.median_ms - search.raw_sql.median_ms) * 1000) / 1000,
        api_vs_raw_ratio: ratio(search.api.median_ms, search.raw_sql.median_ms),
        page_at_90_percent_raw_sql: deepPage.raw_sql,
        page_at_90_percent_api: deepPage.api,
      };
    } finally {
      core.close();
    }
  },
};
