/**
 * Runs a TypeScript script in a child process with crash-hooks.ts loaded first, and SIGKILLs it
 * the moment it reports its planned point (the child is blocked there, so the kill lands exactly
 * where the plan says, however slow the machine). Without a point the script runs to the end
 * and the parent learns how often each event happened, to choose points from. The parent then
 * opens the database itself and checks what survived.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { Readable } from 'node:stream';
import {
  PLAN_ENV,
  STALE_EXIT,
  type ChildReport,
  type CrashEvent,
  type CrashPlan,
  type CrashPoint,
  type ReachedPoint,
} from './crash-plan';

const HOOKS = path.join(import.meta.dirname, 'crash-hooks.ts');
// Inside the project, so the bundles find node_modules and resources/ as the sources do.
const OUTPUT = path.join(import.meta.dirname, '..', '..', '.output', 'crash');

/** Test workers are stopped without an exit event: the next run removes what ended ones left. */
function sweepBundlesOfEndedProcesses(): void {
  const entries = fs.existsSync(OUTPUT) ? fs.readdirSync(OUTPUT) : [];
  for (const entry of entries) {
    const pid = Number(entry.split('-').pop());
    try {
      process.kill(pid, 0);
    } catch {
      fs.rmSync(path.join(OUTPUT, entry), { recursive: true, force: true });
    }
  }
}

const bundles = new Map<string, Promise<{ script: string; hooks: string }>>();

/**
 * The script and the hooks bundled once per test process: a crash test starts its child many
 * times, and loading the core's sources through tsx costs seconds each time on a busy machine.
 * Packages stay external, so the hooks patch the very better-sqlite3 the script uses.
 */
function bundled(script: string): Promise<{ script: string; hooks: string }> {
  let result = bundles.get(script);
  if (!result) {
    // One folder per script and test process (test files run in parallel).
    if (bundles.size === 0) sweepBundlesOfEndedProcesses();
    const name = `${createHash('sha256').update(script).digest('hex').slice(0, 12)}-${process.pid}`;
    const outdir = path.join(OUTPUT, name);
    result = build({
      entryPoints: { script, hooks: HOOKS },
      outdir,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      packages: 'external',
      platform: 'node',
      target: 'node20',
      format: 'esm',
      sourcemap: 'inline',
      logLevel: 'warning',
    }).then(() => ({ script: path.join(outdir, 'script.mjs'), hooks: path.join(outdir, 'hooks.mjs') }));
    bundles.set(script, result);
  }
  return result;
}

export interface CrashRun {
  /** Absolute path of the script (TypeScript; it may import crashMark from crash-hooks.ts). */
  script: string;
  args?: string[];
  killAt?: CrashPoint;
  countFrom?: string;
  fsWithin?: string;
  /** The whole run, killed or not (default two minutes). */
  timeoutMs?: number;
}

export type CrashOutcome =
  | { killed: true; at: ReachedPoint; stdout: string }
  | { killed: false; counts: Partial<Record<CrashEvent, number>>; stdout: string };

function readReports(stream: Readable, onReport: (report: ChildReport) => void): void {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    pending += chunk;
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      onReport(JSON.parse(pending.slice(0, newline)) as ChildReport);
      pending = pending.slice(newline + 1);
      newline = pending.indexOf('\n');
    }
  });
}

export async function runUntilKilled(run: CrashRun): Promise<CrashOutcome> {
  const files = await bundled(run.script);
  const timeoutMs = run.timeoutMs ?? 120_000;
  const plan: CrashPlan = {
    ...(run.killAt ? { killAt: run.killAt } : {}),
    ...(run.countFrom ? { countFrom: run.countFrom } : {}),
    ...(run.fsWithin ? { fsWithin: run.fsWithin } : {}),
    // The child gives up waiting well after the parent would have killed it.
    waitMs: timeoutMs,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--enable-source-maps', '--import', files.hooks, files.script, ...(run.args ?? [])],
      {
        stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
        env: { ...process.env, [PLAN_ENV]: JSON.stringify(plan) },
      },
    );
    let stdout = '';
    let stderr = '';
    let reached: ReachedPoint | null = null;
    let counts: Partial<Record<CrashEvent, number>> | null = null;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the child ran over ${timeoutMs} ms without reaching its point or finishing\n${stderr}`));
    }, timeoutMs);
    // All three are pipes (see stdio above).
    const [out, err, reports] = [child.stdio[1], child.stdio[2], child.stdio[3]] as [Readable, Readable, Readable];
    out.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    err.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    readReports(reports, (report) => {
      if (report.type === 'counts') counts = report.counts;
      else if (!reached) {
        reached = report;
        child.kill('SIGKILL');
      }
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (reached && signal === 'SIGKILL') resolve({ killed: true, at: reached, stdout });
      else if (code === STALE_EXIT) reject(new Error(`the child reached its point but outlived its kill\n${stderr}`));
      else if (code === 0 && counts) resolve({ killed: false, counts, stdout });
      else reject(new Error(`the child failed (code ${code}, signal ${signal})\n${stderr}`));
    });
  });
}
