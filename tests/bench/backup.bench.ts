import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore, type Core } from '../../electron/core/app/create-core';
import type { BenchModule } from './bench-module';
import { measure, measureSideBySide, ratio, type Figure } from './measure';
import {
  OFFICE_CASE,
  QUICK_CASE,
  SCALE_CASE,
  copyScaleDatabase,
  ensureScaleDatabase,
  type ScaleShape,
} from './scale-data';

const PASSWORD = 'Lộc Bình 2026!';

async function call<T>(core: Core, name: string, payload: unknown): Promise<T> {
  const answer = await core.router.call(name, payload);
  if (!answer.ok) throw new Error(`${name}: ${answer.error.message}`);
  return answer.value as T;
}

/** One "Sao lưu ngay" through the API, to its end (snapshot, sealed file, read back). */
async function backUp(core: Core, folder: string, password: string | null): Promise<string> {
  const job = await call<{ jobId: string }>(core, 'backup.start', { folder, password });
  const done = await core.services.backup.settle(job.jobId);
  if (done.state !== 'done' || !done.result) throw new Error(done.error);
  return done.result.path;
}

function empty(folder: string): void {
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
}

/** Median/p95/max of an API call's latency while `work` runs, every 20 ms. */
async function latencyDuring(core: Core, work: () => Promise<unknown>): Promise<Figure & { max_ms: number }> {
  const times: number[] = [];
  let running = true;
  const probing = (async () => {
    while (running) {
      const started = performance.now();
      await core.router.call('registry.counts', {});
      times.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  await work();
  running = false;
  await probing;
  times.sort((a, b) => a - b);
  const at = (fraction: number) =>
    Math.round((times[Math.min(times.length - 1, Math.ceil(fraction * times.length) - 1)] ?? 0) * 1000) / 1000;
  return { median_ms: at(0.5), p95_ms: at(0.95), max_ms: at(1), runs: times.length };
}

/** This Node's own speed at the two passes a backup makes over the data (its OpenSSL decides). */
function cryptoThroughput(): { sha256_mb_s: number; aes_256_gcm_mb_s: number } {
  const piece = randomBytes(1 << 20);
  const rate = (work: () => void) => {
    const started = performance.now();
    work();
    return Math.round(256 / ((performance.now() - started) / 1000));
  };
  return {
    sha256_mb_s: rate(() => {
      const hash = createHash('sha256');
      for (let index = 0; index < 256; index += 1) hash.update(piece);
      hash.digest();
    }),
    aes_256_gcm_mb_s: rate(() => {
      const cipher = createCipheriv('aes-256-gcm', randomBytes(32), randomBytes(12));
      for (let index = 0; index < 256; index += 1) cipher.update(piece);
      cipher.final();
    }),
  };
}

async function figuresFor(shape: ScaleShape, dir: string, seed: number, quick: boolean) {
  const scale = ensureScaleDatabase(shape, seed, { log: (line) => process.stderr.write(`  ${line}\n`) });
  const dataDir = copyScaleDatabase(scale, path.join(dir, shape.name, 'data'));
  const core = createCore({ dataDir, mode: 'test', appVersion: 'bench', validateOutput: false });
  const stick = path.join(dir, shape.name, 'stick');
  const scratch = path.join(dir, shape.name, 'scratch');
  empty(stick);
  empty(scratch);
  const big = shape.name !== 'office';
  const runs = quick ? 2 : big ? 3 : 7;
  const warmup = big ? 1 : 2;
  try {
    // The two ways SQLite offers to copy a live database, alone, on the app's own connection.
    const raw = await measureSideBySide(
      {
        vacuum_into: () => {
          const target = path.join(scratch, 'vacuum.sqlite3');
          fs.rmSync(target, { force: true });
          core.db.prepare('VACUUM INTO ?').run(target);
        },
        online_backup_api: async () => {
          const target = path.join(scratch, 'backup-api.sqlite3');
          fs.rmSync(target, { force: true });
          await core.db.backup(target);
        },
      },
      { runs, warmup },
    );
    empty(scratch);
    const plain = await measure(
      async () => {
        empty(stick);
        await backUp(core, stick, null);
      },
      { runs, warmup },
    );
    const encrypted = await measure(
      async () => {
        empty(stick);
        await backUp(core, stick, PASSWORD);
      },
      { runs, warmup },
    );
    const [backupFile] = fs.readdirSync(stick);
    const backupBytes = backupFile ? fs.statSync(path.join(stick, backupFile)).size : 0;

    // Restore: the check of the file (decryption or checksums, integrity_check, facts) and the
    // switch (a backup of today's data first, then the rename and reopen), each timed.
    const restoreOnce = async (password: string | null) => {
      empty(stick);
      const file = await backUp(core, stick, password);
      const started = performance.now();
      const inspected = await call<{ stagingId: string }>(core, 'backup.inspect', { source: { path: file }, password });
      const checked = performance.now();
      await call(core, 'backup.restore', { stagingId: inspected.stagingId });
      const switched = performance.now();
      empty(path.join(dataDir, 'backups'));
      return {
        check_ms: Math.round(checked - started),
        switch_ms: Math.round(switched - checked),
        total_ms: Math.round(switched - started),
      };
    };
    const restorePlain = [];
    const restoreEncrypted = [];
    for (let index = 0; index < (big ? 2 : 3); index += 1) {
      restorePlain.push(await restoreOnce(null));
      restoreEncrypted.push(await restoreOnce(PASSWORD));
    }

    // The API while a backup of this size runs (a worker makes the snapshot).
    const idle = await latencyDuring(core, () => new Promise((resolve) => setTimeout(resolve, 2000)));
    empty(stick);
    const duringBackup = await latencyDuring(core, () => backUp(core, stick, null));
    empty(stick);

    const median = (values: { total_ms: number }[]) =>
      values.map((value) => value.total_ms).sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    return {
      database_mb: Math.round(fs.statSync(core.paths.databaseFile).size / 1024 / 1024),
      backup_file_mb: Math.round(backupBytes / 1024 / 1024),
      raw_vacuum_into: raw.vacuum_into,
      raw_online_backup_api: raw.online_backup_api,
      backup_with_verification: plain,
      backup_with_verification_password: encrypted,
      backup_over_vacuum_into: ratio(plain.median_ms, raw.vacuum_into.median_ms),
      backup_password_over_vacuum_into: ratio(encrypted.median_ms, raw.vacuum_into.median_ms),
      restore: restorePlain,
      restore_password: restoreEncrypted,
      restore_median_ms: median(restorePlain),
      restore_password_median_ms: median(restoreEncrypted),
      api_latency_idle: idle,
      api_latency_during_backup: duringBackup,
    };
  } finally {
    core.close();
    fs.rmSync(path.join(dir, shape.name), { recursive: true, force: true });
  }
}

/**
 * The figures of backups (tests/bench/README.md): backup with its read-back at the office case
 * (target ≤ 1 s) and at the scale case (target ≤ 2× VACUUM INTO alone, measured beside it, with
 * the online backup API too, which the snapshot could have used), with and without a password;
 * restore at both; the API's latency during a backup of the scale case.
 */
export const backupBench: BenchModule = {
  name: 'backup',
  async run({ dir, seed, quick }) {
    const crypto = cryptoThroughput();
    const office = await figuresFor(quick ? QUICK_CASE : OFFICE_CASE, dir, seed, quick);
    const scale = quick ? null : await figuresFor(SCALE_CASE, dir, seed, quick);
    return { node_crypto: crypto, office, ...(scale ? { scale } : {}) };
  },
};
