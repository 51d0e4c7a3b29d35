// `npm run bench`: builds the benchmark data with a fixed seed, measures each figure of
// tests/bench/README.md after a warm-up, and prints one JSON object of medians and p95s with the raw
// SQLite figure beside each. Benchmarks are never tests: nothing here fails on a slow machine.
//   npm run bench -- --only registry   (one module)   --quick   (small data, for a smoke run)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchModule } from './bench-module';
import { registryBench } from './registry.bench';
import { inspectionsBench } from './inspections.bench';
import { registryUiBench } from './registry-ui.bench';
import { unitImportBench } from './unit-import.bench';
import { minutesBench } from './minutes.bench';
import { integrityBench } from './integrity.bench';
import { backupBench } from './backup.bench';
import { reportsBench } from './reports.bench';
import { transferBench } from './transfer.bench';

const MODULES: BenchModule[] = [
  registryBench,
  registryUiBench,
  unitImportBench,
  inspectionsBench,
  minutesBench,
  integrityBench,
  backupBench,
  reportsBench,
  transferBench,
];

async function main() {
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
  const quick = args.includes('--quick');
  const results: Record<string, unknown> = {};
  for (const module of MODULES) {
    if (only && module.name !== only) continue;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `klkchc-bench-${module.name}-`));
    try {
      process.stderr.write(`bench: ${module.name}…\n`);
      results[module.name] = await module.run({ dir, seed: 20192020, quick });
    } catch (error) {
      results[module.name] = { error: error instanceof Error ? error.message : String(error) };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const output = {
    machine: {
      node: process.version,
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? '',
      platform: process.platform,
    },
    quick,
    figures: results,
  };
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
}

void main();
