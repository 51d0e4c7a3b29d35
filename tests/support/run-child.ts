/**
 * Parent side of a crash test: bundles a TypeScript child script once (loading the core through
 * tsx for every run would cost seconds each on a busy machine), runs it with a kill plan
 * (kill-at.ts) and says whether it was killed, and what it counted when it was not.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { build } from 'esbuild';
import { KILL_PLAN_ENV, type KillPlan, type WatchedCall } from './kill-at';

const OUTPUT = path.join(import.meta.dirname, '..', '.output', 'kill-at');
const bundles = new Map<string, Promise<string>>();

function bundled(script: string): Promise<string> {
  let result = bundles.get(script);
  if (!result) {
    const outfile = path.join(OUTPUT, `${createHash('sha256').update(script).digest('hex').slice(0, 12)}.mjs`);
    result = build({
      entryPoints: [script],
      outfile,
      bundle: true,
      packages: 'external',
      platform: 'node',
      target: 'node20',
      format: 'esm',
      logLevel: 'warning',
    }).then(() => outfile);
    bundles.set(script, result);
  }
  return result;
}

export type ChildOutcome =
  { killed: true; stdout: string } | { killed: false; stdout: string; counts: Partial<Record<WatchedCall, number>> };

export async function runChild(
  script: string,
  args: string[],
  plan: KillPlan,
  timeoutMs = 120_000,
): Promise<ChildOutcome> {
  const file = await bundled(script);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, [KILL_PLAN_ENV]: JSON.stringify(plan) },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') return resolve({ killed: true, stdout });
      if (code !== 0) return reject(new Error(`child failed (${code}): ${stderr}\n${stdout}`));
      const counts = /COUNTS (\{.*\})/.exec(stdout)?.[1];
      resolve({ killed: false, stdout, counts: counts ? (JSON.parse(counts) as Record<WatchedCall, number>) : {} });
    });
  });
}
