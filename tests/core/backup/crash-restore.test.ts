import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyUnitInput } from '../../../shared/domain/unit';
import { createReadyCore, createTestCore, tempDir } from '../../support/core-harness';
import { runChild } from '../../support/run-child';
import type { KillPlan, WatchedCall } from '../../support/kill-at';
import { backUpFile, contentDigest, fileDigest } from './backup-fixtures';

const CHILD = path.join(import.meta.dirname, 'support', 'restore-child.ts');

/**
 * Reliability test 2 (tests/README.md): a restore killed with SIGKILL at each step of its file work (before
 * and after every rename, removal and flush in the data folder) and at random moments: the app
 * then starts on the whole old or the whole new database (its content exactly the one or the
 * other, so no -wal of the old file was paired with the new one), passing integrity_check, with
 * nothing staged left over.
 */
describe('a restore killed at any point', () => {
  let root: string;
  let pristine: string;
  let work: string;
  let backup: string;
  let oldDigest: string;
  let newDigest: string;

  beforeAll(async () => {
    root = tempDir('klkchc-crash-restore-');
    const h = await createReadyCore();
    await h.call('registry.loadSample', {});
    backup = await backUpFile(h, root);
    newDigest = contentDigest(h.core.db);
    await h.call('registry.create', { unit: { ...emptyUnitInput('school'), name: 'Trường thêm sau khi sao lưu' } });
    // Edits left in the WAL, as a running app has them.
    oldDigest = contentDigest(h.core.db);
    pristine = path.join(root, 'pristine');
    h.core.close();
    fs.cpSync(h.dir, pristine, { recursive: true });
    fs.rmSync(h.dir, { recursive: true, force: true });
    work = path.join(root, 'work');
  }, 120_000);
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  function reset(): void {
    fs.rmSync(work, { recursive: true, force: true });
    fs.cpSync(pristine, work, { recursive: true });
  }

  /** What is in the data folder after the kill, and what the app starts on. */
  function check(label: string): 'old' | 'new' {
    const main = path.join(work, 'klkchc.sqlite3');
    const alone = path.join(root, 'alone.sqlite3');
    fs.copyFileSync(main, alone);
    const mainIsNew = fileDigest(alone) === newDigest;
    fs.rmSync(alone, { force: true });
    // A -wal beside the new file can only be its own (the app had opened it before the kill):
    // the old one's frames would be replayed over the new pages when it opens, and the content
    // checked below would no longer be the backup's, or would fail integrity_check.
    const started = createTestCore({ dir: work });
    try {
      expect(started.core.db.pragma('integrity_check', { simple: true }), label).toBe('ok');
      const digest = contentDigest(started.core.db);
      expect([oldDigest, newDigest], label).toContain(digest);
      if (mainIsNew) expect(digest, label).toBe(newDigest);
      const staged = path.join(work, 'restore');
      expect(fs.existsSync(staged) ? fs.readdirSync(staged) : [], `${label}: staged files left`).toEqual([]);
      return digest === newDigest ? 'new' : 'old';
    } finally {
      started.core.close();
    }
  }

  let counts: Partial<Record<WatchedCall, number>> = {};

  it('runs to the end without a kill, and counts its steps', async () => {
    reset();
    const outcome = await runChild(CHILD, [work, backup], { within: work });
    expect(outcome.killed).toBe(false);
    if (!outcome.killed) counts = outcome.counts;
    expect(outcome.stdout).toContain('restored');
    expect(check('no kill')).toBe('new');
    expect(counts.renameSync ?? 0).toBeGreaterThan(0);
  }, 120_000);

  it('is whole, old or new, when killed before or after any rename, removal or flush', async () => {
    const seen = { old: 0, new: 0 };
    for (const call of ['renameSync', 'rmSync', 'unlinkSync', 'fsyncSync'] as const) {
      for (let occurrence = 1; occurrence <= (counts[call] ?? 0); occurrence += 1) {
        for (const when of ['before', 'after'] as const) {
          reset();
          const plan: KillPlan = { within: work, at: { call, occurrence, when } };
          const outcome = await runChild(CHILD, [work, backup], plan);
          const label = `${when} ${call} #${occurrence}`;
          expect(outcome.killed, label).toBe(true);
          seen[check(label)] += 1;
        }
      }
    }
    // Both sides of the switch were reached.
    expect(seen.old).toBeGreaterThan(0);
    expect(seen.new).toBeGreaterThan(0);
  }, 600_000);

  it('is whole, old or new, when killed at random moments', async () => {
    for (const afterMs of [5, 40, 120, 250, 500, 900]) {
      reset();
      const outcome = await runChild(CHILD, [work, backup], { within: work, afterMs });
      check(`${outcome.killed ? 'killed' : 'finished'} after ${afterMs} ms`);
    }
  }, 600_000);
});
