import { performance } from 'node:perf_hooks';

export interface Figure {
  median_ms: number;
  p95_ms: number;
  runs: number;
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times; medians and p95 in milliseconds. */
export async function measure(fn: () => unknown, options: { runs?: number; warmup?: number } = {}): Promise<Figure> {
  const runs = options.runs ?? 30;
  for (let index = 0; index < (options.warmup ?? 5); index += 1) await fn();
  const times: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median_ms: round(percentile(times, 0.5)), p95_ms: round(percentile(times, 0.95)), runs };
}

/** A deterministic pseudo-random generator (mulberry32), so every run builds the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function ratio(a: number, b: number): number {
  return b === 0 ? Number.NaN : Math.round((a / b) * 100) / 100;
}

/**
 * Measures several variants of one operation in alternation (a, b, c, a, b, c, …), so that
 * warm-up, garbage collection and a noisy neighbour fall on all of them alike.
 */
export async function measureSideBySide<K extends string>(
  variants: Record<K, () => unknown>,
  options: { runs?: number; warmup?: number } = {},
): Promise<Record<K, Figure>> {
  const names = Object.keys(variants) as K[];
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let index = 0; index < (options.warmup ?? 5); index += 1) {
    for (const name of names) await variants[name]();
  }
  const runs = options.runs ?? 30;
  for (let index = 0; index < runs; index += 1) {
    for (const name of names) {
      const started = performance.now();
      await variants[name]();
      times[name].push(performance.now() - started);
    }
  }
  return Object.fromEntries(
    names.map((name) => {
      const sorted = times[name].sort((a, b) => a - b);
      return [name, { median_ms: round(percentile(sorted, 0.5)), p95_ms: round(percentile(sorted, 0.95)), runs }];
    }),
  ) as Record<K, Figure>;
}
