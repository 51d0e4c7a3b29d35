import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createReadyCore, type TestCore } from '../../support/core-harness';
import { extract, folder } from './backup-fixtures';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** Some tens of MB of audit entries, written straight in (a test's filler, not office work). */
function fill(h: TestCore, rows: number): void {
  const insert = h.core.db.prepare(
    `INSERT INTO audit_log (id, entity, entity_id, action, summary, detail, last_at, created_at, updated_at, changed_by_office, rev)
     VALUES (?, 'unit', ?, 'update', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const now = new Date().toISOString();
  h.core.db.transaction(() => {
    for (let index = 0; index < rows; index += 1) {
      const id = `filler-${index}`;
      insert.run(id, id, `Sửa đơn vị ${index}`, randomBytes(400).toString('hex'), now, now, now, 'office', '1-a');
    }
  })();
}

// Another process writing to the same database all the time: one small transaction after another.
const WRITER = `
const Database = require(process.argv[2]);
const db = new Database(process.argv[1]);
db.pragma('busy_timeout = 10000');
db.pragma('synchronous = FULL');
const set = db.prepare("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
let count = 0;
const until = Date.now() + Number(process.argv[3]);
while (Date.now() < until) {
  count += 1;
  db.transaction(() => {
    set.run('test.counter', String(count));
    set.run('test.blob.' + (count % 50), 'x'.repeat(20000));
  })();
  // The parent starts the backup once a first transaction is in (a loaded machine starts slowly).
  if (count === 1) process.stderr.write('first-commit-done');
}
db.close();
process.stdout.write(String(count));
`;

describe('a backup while the app keeps working', () => {
  /**
   * Reliability test 3 (tests/README.md): another connection commits all the time while the backup
   * runs; the backup finishes within a bound (VACUUM INTO is one read transaction: it never
   * restarts as the online backup API does) and holds a consistent, sound copy.
   */
  it('finishes within a bound while another connection keeps writing, and its copy is sound', async () => {
    const h = await createReadyCore();
    cleanups.push(() => h.close());
    await h.call('registry.loadSample', {});
    fill(h, 30_000);
    const stick = folder(cleanups);
    const writer = spawn(
      process.execPath,
      ['-e', WRITER, h.core.paths.databaseFile, require.resolve('better-sqlite3'), '15000'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let written = '';
    writer.stdout.on('data', (chunk: Buffer) => (written += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => writer.on('exit', resolve));
    cleanups.push(() => writer.kill('SIGKILL'));
    // Let it get going: its first commit is in.
    let said = '';
    await new Promise<void>((resolve, reject) => {
      writer.stderr.on('data', (chunk: Buffer) => {
        said += chunk.toString();
        if (said.includes('first-commit-done')) resolve();
      });
      writer.on('exit', () => reject(new Error(`the writer ended before its first commit: ${said}`)));
    });

    const started = performance.now();
    const job = await h.call('backup.start', { folder: stick, password: null });
    const done = await Promise.race([
      h.core.services.backup.settle(job.jobId),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('backup took over 60 s')), 60_000)),
    ]);
    const elapsed = performance.now() - started;
    expect(done.state, done.error).toBe('done');
    expect(elapsed).toBeLessThan(60_000);
    expect(writer.exitCode, `the writer was still writing when the backup ended ${said}`).toBeNull();

    const inner = path.join(folder(cleanups), 'inner.sqlite3');
    await extract(done.result!.path, inner);
    const copy = new Database(inner, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      // The copy holds a committed state: the counter and both rows of one transaction agree.
      const counter = Number(
        (copy.prepare(`SELECT value FROM settings WHERE key = 'test.counter'`).get() as { value: string }).value,
      );
      expect(counter).toBeGreaterThan(0);
      const blob = copy.prepare(`SELECT value FROM settings WHERE key = ?`).get(`test.blob.${counter % 50}`) as {
        value: string;
      };
      expect(blob.value).toHaveLength(20000);
      expect(copy.prepare(`SELECT count(*) AS n FROM audit_log WHERE id LIKE 'filler-%'`).get()).toEqual({ n: 30_000 });
    } finally {
      copy.close();
    }
    await exited;
    expect(Number(written)).toBeGreaterThan(10);
  }, 120_000);

  /**
   * The API keeps answering while a backup runs: the copy is made in a worker thread, and the
   * sealing and writing yield between pieces. A backup that blocked the thread would hold a call
   * for as long as its snapshot takes.
   */
  it('keeps answering API calls while it backs up', async () => {
    const h = await createReadyCore();
    cleanups.push(() => h.close());
    fill(h, 60_000);
    const stick = folder(cleanups);
    const latencies: number[] = [];
    let running = true;
    const pinging = (async () => {
      while (running) {
        const started = performance.now();
        await h.call('registry.counts', {});
        latencies.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const started = performance.now();
    const job = await h.call('backup.start', { folder: stick, password: null });
    const done = await h.core.services.backup.settle(job.jobId);
    const elapsed = performance.now() - started;
    running = false;
    await pinging;
    expect(done.state, done.error).toBe('done');
    latencies.sort((a, b) => a - b);
    const worst = latencies.at(-1) ?? 0;
    console.log(
      `backup of ${(fs.statSync(h.core.paths.databaseFile).size / 1e6).toFixed(0)} MB: ${elapsed.toFixed(0)} ms; ` +
        `${latencies.length} calls meanwhile, median ${latencies[Math.floor(latencies.length / 2)]?.toFixed(1)} ms, worst ${worst.toFixed(0)} ms`,
    );
    expect(latencies.length).toBeGreaterThan(10);
    // Far below the backup's own length: no call waited for the snapshot.
    expect(worst).toBeLessThan(elapsed / 3);
  }, 120_000);
});
