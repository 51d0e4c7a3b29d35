/**
 * What the parent and the child of a crash test tell each other (see run-until-killed.ts and
 * crash-hooks.ts). The plan travels in an environment variable; the child's reports travel as
 * JSON lines on file descriptor 3, apart from whatever the script prints.
 */

/** Calls of `fs` the child can be stopped at (the steps of a backup, a restore, a durable replace). */
export const FS_CALLS = [
  'openSync',
  'writeFileSync',
  'renameSync',
  'copyFileSync',
  'unlinkSync',
  'rmSync',
  'fsyncSync',
  'closeSync',
] as const;
export type FsCall = (typeof FS_CALLS)[number];

/**
 * The moments a child can be stopped at, each counted from 1:
 * - `begin`: a transaction is about to start (nothing of it exists yet);
 * - `after-begin`: it has started, no row written yet;
 * - `write`: an INSERT, UPDATE, DELETE or REPLACE has just returned (inside its transaction);
 * - `commit`: every statement of the transaction has run, COMMIT is about to;
 * - `after-commit`: COMMIT has returned;
 * - `mark:<name>`: the script called `crashMark(name)`;
 * - `before-fs:<call>` / `after-fs:<call>`: around an `fs` call on a path inside `fsWithin`
 *   (or on a descriptor opened on one).
 */
export type CrashEvent =
  | 'begin'
  | 'after-begin'
  | 'write'
  | 'commit'
  | 'after-commit'
  | `mark:${string}`
  | `before-fs:${FsCall}`
  | `after-fs:${FsCall}`;

export interface CrashPoint {
  event: CrashEvent;
  /** Which occurrence of the event (1 = the first); 1 by default. */
  occurrence?: number;
}

export interface CrashPlan {
  /** Where to stop; none: run to the end and report how often each event happened. */
  killAt?: CrashPoint;
  /** Count nothing until the script calls `crashMark(countFrom)` (skips the setup's own writes). */
  countFrom?: string;
  /** Watch `fs` calls on paths inside this folder only (none: `fs` is not watched). */
  fsWithin?: string;
  /** How long a stopped child waits for its kill before it gives up and exits with STALE_EXIT. */
  waitMs: number;
}

/** What a child stopped at its point says about where it is. */
export interface ReachedPoint {
  type: 'reached';
  event: CrashEvent;
  occurrence: number;
  /** Row-changing statements run so far (counted from `countFrom`). */
  writes: number;
  /** Whether a transaction was open on the handle that reached the point (null for marks and fs calls). */
  inTransaction: boolean | null;
  /** The SQL, or the fs path, at the point. */
  detail: string;
}

/** What a child that was never stopped says when it exits. */
export interface EventCounts {
  type: 'counts';
  counts: Partial<Record<CrashEvent, number>>;
}

export type ChildReport = ReachedPoint | EventCounts;

export const PLAN_ENV = 'KLKCHC_CRASH_PLAN';
/** The exit code of a child that reached its point and was not killed in time. */
export const STALE_EXIT = 86;
/** The child's report channel: stdio[3]. */
export const REPORT_FD = 3;
