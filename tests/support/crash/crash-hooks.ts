/**
 * Loaded first in a crash test's child process (`--import`): instruments better-sqlite3 (and,
 * when asked, `fs`) so the child can stop at an exact point of a write — before a transaction,
 * after its Nth row, just before or right after COMMIT — report it on fd 3, and block until the
 * parent SIGKILLs it. Product code is not changed: every statement, including the BEGIN and
 * COMMIT that `db.transaction()` runs, goes through Statement.prototype.
 */
import fs from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import type Database from 'better-sqlite3';
import {
  FS_CALLS,
  PLAN_ENV,
  REPORT_FD,
  STALE_EXIT,
  type ChildReport,
  type CrashEvent,
  type CrashPlan,
  type FsCall,
} from './crash-plan';

interface State {
  plan: CrashPlan | null;
  counting: boolean;
  counts: Partial<Record<CrashEvent, number>>;
  writes: number;
}

// One state per process even if this file were loaded twice (once by --import, once by the script).
const STATE_KEY = Symbol.for('klkchc.crash-hooks');
const globalState = globalThis as { [STATE_KEY]?: State };

function report(message: ChildReport): void {
  fs.writeSync(REPORT_FD, `${JSON.stringify(message)}\n`);
}

/** Counts an event and, if it is the planned one, reports it and waits to be killed. */
function reach(state: State, event: CrashEvent, inTransaction: boolean | null, detail: string): void {
  if (!state.counting) return;
  const occurrence = (state.counts[event] ?? 0) + 1;
  state.counts[event] = occurrence;
  const target = state.plan?.killAt;
  if (!target || target.event !== event || (target.occurrence ?? 1) !== occurrence) return;
  report({ type: 'reached', event, occurrence, writes: state.writes, inTransaction, detail });
  // A synchronous wait: no other JavaScript (no timer, no pending promise) runs while we wait.
  const waited = Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, state.plan?.waitMs ?? 60_000);
  process.stderr.write(`crash point ${event} #${occurrence} reached but not killed (${waited})\n`);
  process.exit(STALE_EXIT);
}

type Kind = 'begin' | 'commit' | 'write' | 'other';

function kindOf(sql: string): Kind {
  if (/^\s*BEGIN\b/i.test(sql)) return 'begin';
  if (/^\s*(COMMIT|END)\b/i.test(sql)) return 'commit';
  if (/^\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i.test(sql)) return 'write';
  return 'other';
}

/** Runs one statement (or exec'd script) between the events its kind calls for. */
function around<T>(state: State, db: Database.Database, sql: string, run: () => T): T {
  const kind = kindOf(sql);
  if (kind === 'begin') reach(state, 'begin', db.inTransaction, sql);
  if (kind === 'commit') reach(state, 'commit', db.inTransaction, sql);
  const result = run();
  if (kind === 'begin') reach(state, 'after-begin', db.inTransaction, sql);
  if (kind === 'write' && state.counting) {
    state.writes += 1;
    reach(state, 'write', db.inTransaction, sql);
  }
  if (kind === 'commit') reach(state, 'after-commit', db.inTransaction, sql);
  return result;
}

type StatementMethod = (this: Database.Statement, ...args: unknown[]) => unknown;

function instrumentSqlite(state: State): void {
  const require = createRequire(import.meta.url);
  const BetterSqlite = require('better-sqlite3') as typeof Database;
  const probe = new BetterSqlite(':memory:');
  const statementProto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, StatementMethod>;
  probe.close();
  for (const name of ['run', 'get', 'all'] as const) {
    const original = statementProto[name]!;
    statementProto[name] = function (this: Database.Statement, ...args: unknown[]) {
      return around(state, this.database, this.source, () => original.apply(this, args));
    };
  }
  const databaseProto = BetterSqlite.prototype as unknown as Record<
    'exec',
    (this: Database.Database, sql: string) => Database.Database
  >;
  const exec = databaseProto.exec;
  databaseProto.exec = function (this: Database.Database, sql: string) {
    return around(state, this, sql, () => exec.call(this, sql));
  };
}

function instrumentFs(state: State, within: string): void {
  const root = path.resolve(within) + path.sep;
  const inside = (file: unknown) => typeof file === 'string' && (path.resolve(file) + path.sep).startsWith(root);
  // Descriptors opened on watched paths, so fsyncSync(fd) and closeSync(fd) are watched too.
  const descriptors = new Map<number, string>();
  const table = fs as unknown as Record<FsCall, (...args: unknown[]) => unknown>;
  for (const call of FS_CALLS) {
    const original = table[call];
    table[call] = function (...args: unknown[]) {
      const [first] = args;
      const file = typeof first === 'number' ? descriptors.get(first) : inside(first) ? String(first) : undefined;
      if (file !== undefined) reach(state, `before-fs:${call}`, null, file);
      const result = original.apply(fs, args);
      if (call === 'openSync' && file !== undefined && typeof result === 'number') descriptors.set(result, file);
      if (call === 'closeSync' && typeof first === 'number') descriptors.delete(first);
      if (file !== undefined) reach(state, `after-fs:${call}`, null, file);
      return result;
    };
  }
  // `import { renameSync } from 'node:fs'` sees the wrapped functions too.
  syncBuiltinESMExports();
}

function install(): State {
  const existing = globalState[STATE_KEY];
  if (existing) return existing;
  const raw = process.env[PLAN_ENV];
  const plan = raw ? (JSON.parse(raw) as CrashPlan) : null;
  const state: State = { plan, counting: plan !== null && !plan.countFrom, counts: {}, writes: 0 };
  globalState[STATE_KEY] = state;
  if (!plan) return state;
  instrumentSqlite(state);
  if (plan.fsWithin) instrumentFs(state, plan.fsWithin);
  process.on('exit', () => report({ type: 'counts', counts: state.counts }));
  return state;
}

const state = install();

/**
 * Called by a child script at a named step: the plan may stop here (`mark:<name>`), and
 * counting starts here when the plan says `countFrom: name`. Does nothing outside a crash test.
 */
export function crashMark(name: string): void {
  if (!state.plan) return;
  if (state.plan.countFrom === name) state.counting = true;
  reach(state, `mark:${name}`, null, name);
}
