import Database from 'better-sqlite3';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../../electron/core/app/create-core';
import { DATABASE_FILE_NAME } from '../../electron/core/app/paths';
import type { BenchModule } from './bench-module';
import { measure } from './measure';
import { QUICK_CASE, SCALE_CASE, copyScaleDatabase, ensureScaleDatabase } from './scale-data';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)] ?? Number.NaN);
}

/**
 * What checking the data file for damage costs at the scale case: the raw quick_check and
 * integrity_check, the app's start-up with the check deferred to a worker, and how long that
 * worker then reads (warm cache; a cold disk is several times slower).
 */
export const integrityBench: BenchModule = {
  name: 'integrity',
  async run({ dir, seed, quick }) {
    const shape = quick ? QUICK_CASE : SCALE_CASE;
    const scale = ensureScaleDatabase(shape, seed, { log: (line) => process.stderr.write(`  ${line}\n`) });
    copyScaleDatabase(scale, dir);
    const file = path.join(dir, DATABASE_FILE_NAME);
    const runs = quick ? 2 : 3;

    const raw = new Database(file, { readonly: true, fileMustExist: true });
    const quickCheck = await measure(() => raw.pragma('quick_check(1)'), { runs, warmup: 1 });
    const integrityCheck = await measure(() => raw.pragma('integrity_check(1)'), { runs: 1, warmup: 0 });
    raw.close();

    const open = (backgroundDelayMs: number | null) =>
      createCore({
        dataDir: dir,
        mode: 'test',
        appVersion: 'bench',
        validateOutput: false,
        integrityCheck: { backgroundDelayMs },
      });
    const startUp = await measure(() => open(null).close(), { runs, warmup: 1 });
    const background: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const core = open(0);
      const started = performance.now();
      while (core.health.report().checking) await new Promise((resolve) => setTimeout(resolve, 10));
      background.push(performance.now() - started);
      if (core.health.damaged) throw new Error('the scale case was found damaged');
      core.close();
    }
    return {
      file_mb: Math.round(scale.bytes / 1048576),
      raw_quick_check: quickCheck,
      raw_integrity_check: integrityCheck,
      start_up_check_deferred: startUp,
      background_check_median_ms: median(background),
    };
  },
};
