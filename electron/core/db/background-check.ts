import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/** What the worker answers. */
export type BackgroundCheckResult =
  | { outcome: 'sound' }
  | { outcome: 'damaged'; detail: string }
  /** The check itself could not run (busy, I/O error, no worker): nothing is known. */
  | { outcome: 'unknown'; detail: string };

export interface BackgroundCheck {
  /** Stops the check (the app is closing); the result is never reported. */
  cancel(): void;
}

// Evaluated in a worker thread, so the check runs beside the app instead of blocking it: a
// string, because the core is bundled into one file and a worker needs a script of its own.
// It opens its own read-only connection (WAL readers never block the app's writes) and loads
// the same better-sqlite3 the app loaded, by absolute path (see workerDriver).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let db = null;
try {
  const Database = require(workerData.driver.module);
  const options = { readonly: true, fileMustExist: true };
  if (workerData.driver.nativeBinding) options.nativeBinding = workerData.driver.nativeBinding;
  db = new Database(workerData.file, options);
  db.pragma('busy_timeout = 10000');
  const result = String(db.pragma('quick_check(1)', { simple: true }));
  parentPort.postMessage(result === 'ok' ? { outcome: 'sound' } : { outcome: 'damaged', detail: result });
} catch (error) {
  const code = error && error.code;
  const corrupt = typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
  parentPort.postMessage({ outcome: corrupt ? 'damaged' : 'unknown', detail: String(error && error.message) });
} finally {
  if (db) db.close();
}
`;

/**
 * better-sqlite3's path as this process loads it: through `require` in the bundled app (and
 * under vitest); run as ES modules (tsx: the benchmarks), from the running script's folder.
 */
function resolveDriver(): string {
  const resolver = typeof require === 'function' ? require : createRequire(path.resolve(process.argv[1] ?? 'index.js'));
  return resolver.resolve('better-sqlite3');
}

export interface WorkerDriver {
  /** better-sqlite3's main script. */
  module: string;
  /** Its compiled addon, loaded directly (no lookup through the `bindings` package). */
  nativeBinding: string | null;
}

/**
 * Where the worker finds better-sqlite3. In the packaged app the resolved path lies inside
 * app.asar, which a worker thread may not be able to read: electron-builder unpacks the whole
 * package beside it (asarUnpack), so the worker loads that copy, and its addon by path.
 */
export function workerDriver(
  resolved: string,
  exists: (file: string) => boolean = (file) => fs.existsSync(file),
): WorkerDriver {
  const asar = `app.asar${path.sep}`;
  const unpacked = resolved.replace(asar, `app.asar.unpacked${path.sep}`);
  const module = resolved.includes(asar) && exists(unpacked) ? unpacked : resolved;
  const addon = path.join(path.dirname(module), '..', 'build', 'Release', 'better_sqlite3.node');
  return { module, nativeBinding: exists(addon) ? addon : null };
}

/**
 * Runs `PRAGMA quick_check` on `file` in a worker thread after `delayMs` (so a cold start's
 * first screen does not compete with it for the disk) and reports once. The timer and the
 * worker never keep the process alive.
 */
export function checkInBackground(
  file: string,
  delayMs: number,
  report: (result: BackgroundCheckResult) => void,
): BackgroundCheck {
  let worker: Worker | null = null;
  let done = false;
  const finish = (result: BackgroundCheckResult) => {
    if (done) return;
    done = true;
    void worker?.terminate();
    report(result);
  };
  const start = () => {
    try {
      const driver = workerDriver(resolveDriver());
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver } });
    } catch (error) {
      finish({ outcome: 'unknown', detail: String(error) });
      return;
    }
    worker.unref();
    worker.once('message', (message: BackgroundCheckResult) => finish(message));
    worker.once('error', (error) => finish({ outcome: 'unknown', detail: String(error) }));
    worker.once('exit', (code) => finish({ outcome: 'unknown', detail: `worker exited with ${code}` }));
  };
  const timer = setTimeout(start, delayMs);
  timer.unref();
  return {
    cancel() {
      clearTimeout(timer);
      done = true;
      void worker?.terminate();
    },
  };
}
