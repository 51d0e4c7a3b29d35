import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPartialName } from '../../../electron/core/files/removable-write';
import { createReadyCore, createTestCore, tempDir } from '../../support/core-harness';
import { runChild } from '../../support/run-child';
import type { KillPlan } from '../../support/kill-at';
import { PASSWORD, backUpFile, contentDigest } from './backup-fixtures';

const CHILD = path.join(import.meta.dirname, 'support', 'backup-child.ts');

/**
 * A backup killed with SIGKILL while it writes to a stick (at a write, before or after the
 * rename, at random moments): the database opens, passes integrity_check and is unchanged; the
 * earlier backup on the stick is intact; the stick holds no file that passes for a backup and
 * is not one (every .klkbak there restores); the next backup removes the temporary left behind.
 */
describe('a backup killed at any point', () => {
  let root: string;
  let data: string;
  let stick: string;
  let earlier: { name: string; bytes: Buffer };
  let digest: string;

  beforeAll(async () => {
    root = tempDir('klkchc-crash-backup-');
    const h = await createReadyCore();
    await h.call('registry.loadSample', {});
    stick = path.join(root, 'stick');
    fs.mkdirSync(stick);
    const file = await backUpFile(h, stick);
    earlier = { name: path.basename(file), bytes: fs.readFileSync(file) };
    digest = contentDigest(h.core.db);
    h.core.close();
    data = path.join(root, 'data');
    fs.cpSync(h.dir, data, { recursive: true });
    fs.rmSync(h.dir, { recursive: true, force: true });
  }, 120_000);
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  async function check(label: string): Promise<void> {
    const h = createTestCore({ dir: data });
    try {
      expect(h.core.db.pragma('integrity_check', { simple: true }), label).toBe('ok');
      expect(contentDigest(h.core.db), label).toBe(digest);
      expect(fs.readFileSync(path.join(stick, earlier.name)).equals(earlier.bytes), label).toBe(true);
      // Every file named as a backup is a whole one; anything else is a named temporary.
      for (const name of fs.readdirSync(stick)) {
        if (name === earlier.name) continue;
        if (isPartialName(name)) continue;
        expect(name, label).toMatch(/\.klkbak$/);
        const inspected = await h.call('backup.inspect', {
          source: { path: path.join(stick, name) },
          password: PASSWORD,
        });
        expect(inspected.state, `${label}: ${name}`).toBe('ready');
        if (inspected.state === 'ready') await h.call('backup.discard', { stagingId: inspected.stagingId });
        fs.rmSync(path.join(stick, name));
      }
    } finally {
      h.core.close();
    }
  }

  it('leaves the data sound and no file mistaken for a good backup', async () => {
    const plans: KillPlan[] = [
      { within: stick, at: { call: 'handleWrite', occurrence: 1, when: 'after' } },
      { within: stick, at: { call: 'handleWrite', occurrence: 3, when: 'after' } },
      { within: stick, at: { call: 'fsyncSync', occurrence: 1, when: 'before' } },
      { within: stick, at: { call: 'renameSync', occurrence: 1, when: 'before' } },
      { within: stick, at: { call: 'renameSync', occurrence: 1, when: 'after' } },
      ...[30, 150, 400, 800, 1500].map((afterMs) => ({ within: stick, afterMs })),
    ];
    let partials = 0;
    for (const plan of plans) {
      const label = plan.at ? `${plan.at.when} ${plan.at.call} #${plan.at.occurrence}` : `after ${plan.afterMs} ms`;
      const outcome = await runChild(CHILD, [data, stick, PASSWORD], plan);
      if (plan.at) expect(outcome.killed, label).toBe(true);
      partials += fs.readdirSync(stick).filter(isPartialName).length;
      await check(label);
    }
    expect(partials, 'some kills left a temporary behind').toBeGreaterThan(0);
    // The next backup to the stick removes what the killed ones left.
    const outcome = await runChild(CHILD, [data, stick], { within: stick });
    expect(outcome.killed).toBe(false);
    expect(fs.readdirSync(stick).filter(isPartialName)).toEqual([]);
  }, 600_000);
});
