/**
 * Child side of a crash test: wraps `fs`'s synchronous file calls (and FileHandle.write) on
 * paths inside one folder so the child kills itself with SIGKILL exactly before or after the Nth
 * such call, as a power cut or a killed process would stop it there. `armKill()` starts counting
 * (so a test's own set-up is not counted); without a plan it only counts, and the counts are
 * printed at exit for the parent to choose points from. Product code is not changed.
 *
 * (A fuller helper of the same idea, tests/support/crash, is coming on another branch; this is
 * the small part the backup and restore tests need.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { syncBuiltinESMExports } from 'node:module';

export const KILL_PLAN_ENV = 'KLKCHC_KILL_PLAN';
export const WATCHED_CALLS = [
  'renameSync',
  'rmSync',
  'unlinkSync',
  'fsyncSync',
  'writeFileSync',
  'openSync',
  'handleWrite',
] as const;
export type WatchedCall = (typeof WATCHED_CALLS)[number];

export interface KillPlan {
  within: string;
  /** Kill here; none: count only. */
  at?: { call: WatchedCall; occurrence: number; when: 'before' | 'after' };
  /** Or kill this long after arming. */
  afterMs?: number;
}

const counts: Partial<Record<WatchedCall, number>> = {};
let armed = false;
const plan: KillPlan | null = process.env[KILL_PLAN_ENV] ? (JSON.parse(process.env[KILL_PLAN_ENV]) as KillPlan) : null;
const root = plan ? path.resolve(plan.within) + path.sep : '';
const descriptors = new Set<number>();

function inside(file: unknown): boolean {
  return typeof file === 'string' && (path.resolve(file) + path.sep).startsWith(root);
}

function reach(call: WatchedCall, when: 'before' | 'after'): void {
  if (!armed || !plan?.at) return;
  if (plan.at.call === call && plan.at.when === when && plan.at.occurrence === counts[call]) {
    process.kill(process.pid, 'SIGKILL');
  }
}

function watch(call: Exclude<WatchedCall, 'handleWrite'>): void {
  const table = fs as unknown as Record<string, (...args: unknown[]) => unknown>;
  const original = table[call]!;
  table[call] = function (...args: unknown[]) {
    const [first] = args;
    const watched = typeof first === 'number' ? descriptors.has(first) : inside(first);
    if (watched && armed) {
      counts[call] = (counts[call] ?? 0) + 1;
      reach(call, 'before');
    }
    const result = original.apply(fs, args);
    if (call === 'openSync' && inside(first) && typeof result === 'number') descriptors.add(result);
    if (watched && armed) reach(call, 'after');
    return result;
  };
}

async function watchHandleWrites(): Promise<void> {
  const probe = path.join(plan!.within, `.kill-at-probe-${process.pid}`);
  const handle = await fs.promises.open(probe, 'w');
  const proto = Object.getPrototypeOf(handle) as { write: (...args: unknown[]) => Promise<unknown> };
  await handle.close();
  fs.rmSync(probe, { force: true });
  const original = proto.write;
  const paths = new WeakMap<object, string>();
  const open = fs.promises.open.bind(fs.promises);
  fs.promises.open = async (...args: Parameters<typeof fs.promises.open>) => {
    const opened = await open(...args);
    paths.set(opened, String(args[0]));
    return opened;
  };
  proto.write = async function (this: object, ...args: unknown[]) {
    const watched = armed && inside(paths.get(this));
    if (watched) {
      counts.handleWrite = (counts.handleWrite ?? 0) + 1;
      reach('handleWrite', 'before');
    }
    const result = await original.apply(this, args);
    if (watched) reach('handleWrite', 'after');
    return result;
  };
}

/** Installs the hooks (call first in the child). */
export async function installKillHooks(): Promise<void> {
  if (!plan) return;
  for (const call of WATCHED_CALLS) if (call !== 'handleWrite') watch(call);
  syncBuiltinESMExports();
  await watchHandleWrites();
  process.on('exit', () => process.stdout.write(`\nCOUNTS ${JSON.stringify(counts)}\n`));
}

/** Starts counting (and the timer of a timed kill). */
export function armKill(): void {
  armed = true;
  if (plan?.afterMs !== undefined) setTimeout(() => process.kill(process.pid, 'SIGKILL'), plan.afterMs);
}
