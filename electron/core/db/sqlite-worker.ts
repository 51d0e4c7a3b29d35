import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * Long SQLite work (VACUUM INTO a snapshot, integrity_check of a file to restore, hashing it)
 * run in a worker thread on a connection of its own, so the API keeps answering meanwhile: a
 * snapshot of the scale case holds one thread for seconds. WAL readers never block the app's
 * writer, and the app's writes never disturb the reader's snapshot.
 */
export type WorkerStep =
  /** Opens `file` (closing the connection before): every SQL step runs on the last one opened. */
  | { op: 'open'; file: string; readonly: boolean }
  | { op: 'vacuumInto'; target: string }
  | { op: 'get'; sql: string }
  | { op: 'all'; sql: string }
  | { op: 'pragma'; pragma: string }
  | { op: 'exec'; sql: string }
  /** SHA-256 (hex) and size of a file, read in 1 MiB pieces. */
  | { op: 'sha256File'; file: string };

/** What a step failed with: SQLite's code (SQLITE_CORRUPT…) or the system's (ENOSPC…). */
export class WorkerStepError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly step: number,
  ) {
    super(message);
    this.name = 'WorkerStepError';
  }
}

// A string, because the core is bundled into one file and a worker needs a script of its own.
// It loads the same better-sqlite3 the app loaded, by absolute path (see workerDriver).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const crypto = require('node:crypto');
const Database = require(workerData.driver.module);
let db = null;
const results = [];
let index = 0;
function open(file, readonly) {
  if (db) db.close();
  const options = { readonly, fileMustExist: true };
  if (workerData.driver.nativeBinding) options.nativeBinding = workerData.driver.nativeBinding;
  db = new Database(file, options);
  db.pragma('busy_timeout = 10000');
}
function sha256File(file) {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  const buffer = Buffer.allocUnsafe(1 << 20);
  let size = 0;
  try {
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      hash.update(buffer.subarray(0, read));
      size += read;
    }
  } finally {
    fs.closeSync(fd);
  }
  return { sha256: hash.digest('hex'), bytes: size };
}
try {
  for (const step of workerData.steps) {
    if (step.op === 'open') { open(step.file, step.readonly); results.push(null); }
    else if (step.op === 'vacuumInto') { db.prepare('VACUUM INTO ?').run(step.target); results.push(null); }
    else if (step.op === 'get') results.push(db.prepare(step.sql).get() ?? null);
    else if (step.op === 'all') results.push(db.prepare(step.sql).all());
    else if (step.op === 'pragma') results.push(db.pragma(step.pragma));
    else if (step.op === 'exec') { db.exec(step.sql); results.push(null); }
    else if (step.op === 'sha256File') results.push(sha256File(step.file));
    index += 1;
  }
  parentPort.postMessage({ ok: true, results });
} catch (error) {
  parentPort.postMessage({ ok: false, step: index, message: String(error && error.message), code: String((error && error.code) || '') });
} finally {
  if (db) db.close();
}
`;

/**
 * better-sqlite3's path as this process loads it: through `require` in the bundled app (and
 * under vitest); run as ES modules (tsx: the benchmarks; a test's child bundle), from the
 * running script's folder.
 */
function resolveDriver(): string {
  // An ES module bundle has a `require` stand-in without `resolve`.
  if (typeof require === 'function' && typeof require.resolve === 'function') return require.resolve('better-sqlite3');
  return createRequire(path.resolve(process.argv[1] ?? 'index.js')).resolve('better-sqlite3');
}

export interface WorkerDriver {
  module: string;
  nativeBinding: string | null;
}

/**
 * Where the worker finds better-sqlite3. In the packaged app the resolved path lies inside
 * app.asar, which a worker thread may not read: electron-builder unpacks the package beside it
 * (asarUnpack), so the worker loads that copy, and its addon by path.
 */
export function workerDriver(resolved = resolveDriver(), exists = (file: string) => fs.existsSync(file)): WorkerDriver {
  const asar = `app.asar${path.sep}`;
  const unpacked = resolved.replace(asar, `app.asar.unpacked${path.sep}`);
  const module = resolved.includes(asar) && exists(unpacked) ? unpacked : resolved;
  const addon = path.join(path.dirname(module), '..', 'build', 'Release', 'better_sqlite3.node');
  return { module, nativeBinding: exists(addon) ? addon : null };
}

type WorkerAnswer = { ok: true; results: unknown[] } | { ok: false; step: number; message: string; code: string };

/**
 * Runs `steps` in a fresh worker and answers their results in order. `signal` terminates the
 * worker; a step inside SQLite finishes first (a VACUUM INTO cannot be interrupted from outside).
 */
export function runSqliteSteps(steps: WorkerStep[], signal?: AbortSignal): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { steps, driver: workerDriver() } });
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', abort);
      outcome();
    };
    const abort = () => {
      void worker.terminate();
      finish(() => reject(new WorkerStepError('cancelled', 'ABORT_ERR', -1)));
    };
    if (signal?.aborted) return abort();
    signal?.addEventListener('abort', abort, { once: true });
    worker.once('message', (answer: WorkerAnswer) =>
      finish(() =>
        answer.ok ? resolve(answer.results) : reject(new WorkerStepError(answer.message, answer.code, answer.step)),
      ),
    );
    worker.once('error', (error) => finish(() => reject(error)));
    worker.once('exit', (code) => finish(() => reject(new WorkerStepError(`worker exited with ${code}`, 'EXIT', -1))));
  });
}
