import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReadyCore, createTestCore, tempDir } from '../../support/core-harness';
import type { CrashPoint, ReachedPoint } from '../../support/crash/crash-plan';
import { runUntilKilled } from '../../support/crash/run-until-killed';
import { makeOffice } from './offices';

const CHILD = path.join(import.meta.dirname, 'support', 'apply-child.ts');

interface Held {
  units: number;
  plans: number;
  inspections: number;
  received: number;
  integrity: unknown;
}

/**
 * Reliability test 1 (tests/README.md) for receiving a package: the sample district (its units,
 * two plans and their inspections) merged into another office, killed before the transaction,
 * at its first, middle and last write, just before and right after COMMIT. Each time the
 * database opens sound and holds none of the package (and no record of receiving it) before
 * the commit, all of it after.
 */
describe('receiving a package, killed mid-merge', () => {
  let pristine: string;
  let packageFile: string;
  let full: Held;
  let writes = 0;
  const folders: string[] = [];

  function freshDataDir(): string {
    const dir = tempDir('klkchc-crash-transfer-');
    fs.cpSync(pristine, dir, { recursive: true });
    folders.push(dir);
    return dir;
  }

  function held(dir: string): Held {
    const reopened = createTestCore({ dir });
    try {
      const db = reopened.core.db;
      const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      return {
        units: count('SELECT count(*) AS n FROM units WHERE deleted_at IS NULL'),
        plans: count('SELECT count(*) AS n FROM plans WHERE deleted_at IS NULL'),
        inspections: count('SELECT count(*) AS n FROM inspections WHERE deleted_at IS NULL'),
        received: count(`SELECT count(*) AS n FROM exchanges WHERE direction = 'received'`),
        integrity: db.pragma('integrity_check', { simple: true }),
      };
    } finally {
      reopened.core.close();
    }
  }

  beforeAll(async () => {
    const sender = await makeOffice('Phòng GD&ĐT huyện Lộc Bình');
    await sender.h.call('registry.loadSample', {});
    const stick = tempDir('klkchc-crash-stick-');
    folders.push(stick);
    packageFile = (await sender.h.call('transfer.send', { scope: { kind: 'all' }, folder: stick })).path;
    sender.h.close();
    const receiver = await createReadyCore();
    receiver.core.close();
    pristine = tempDir('klkchc-crash-transfer-pristine-');
    fs.cpSync(receiver.dir, pristine, { recursive: true });
    fs.rmSync(receiver.dir, { recursive: true, force: true });
  }, 120_000);
  afterAll(() => {
    for (const dir of [pristine, ...folders]) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('merges the whole package in one transaction when nobody kills it', async () => {
    const dir = freshDataDir();
    const outcome = await runUntilKilled({ script: CHILD, args: [dir, packageFile], countFrom: 'apply' });
    if (outcome.killed) throw new Error('a run without a point was killed');
    writes = outcome.counts.write ?? 0;
    expect(outcome.stdout).toMatch(/added \d+/);
    expect(outcome.counts.begin).toBe(1);
    expect(outcome.counts.commit).toBe(1);
    full = held(dir);
    expect(full.units).toBeGreaterThan(100);
    expect(full.plans).toBe(2);
    expect(full.inspections).toBeGreaterThan(50);
    expect(full).toMatchObject({ received: 1, integrity: 'ok' });
    expect(writes).toBeGreaterThan(full.units);
  }, 120_000);

  it('keeps none of the package when killed before the commit, all of it after, and stays sound', async () => {
    expect(writes, 'the uninterrupted run counted the writes').toBeGreaterThan(0);
    const inside = (count: number) => (at: ReachedPoint) => {
      expect.soft(at.inTransaction, 'a transaction is open').toBe(true);
      expect.soft(at.writes).toBe(count);
    };
    const cases: { name: string; point: CrashPoint; where: (at: ReachedPoint) => void; survives: boolean }[] = [
      { name: 'before the transaction', point: { event: 'begin' }, where: () => undefined, survives: false },
      { name: 'after the first write', point: { event: 'write', occurrence: 1 }, where: inside(1), survives: false },
      {
        name: 'half-way through the writes',
        point: { event: 'write', occurrence: Math.ceil(writes / 2) },
        where: inside(Math.ceil(writes / 2)),
        survives: false,
      },
      {
        name: 'after the last write',
        point: { event: 'write', occurrence: writes },
        where: inside(writes),
        survives: false,
      },
      { name: 'just before COMMIT', point: { event: 'commit' }, where: inside(writes), survives: false },
      {
        name: 'right after COMMIT',
        point: { event: 'after-commit' },
        where: (at) => expect.soft(at.inTransaction).toBe(false),
        survives: true,
      },
    ];
    const empty = held(freshDataDir());
    for (const killCase of cases) {
      const dir = freshDataDir();
      const outcome = await runUntilKilled({
        script: CHILD,
        args: [dir, packageFile],
        countFrom: 'apply',
        killAt: killCase.point,
      });
      expect.soft(outcome.killed, `${killCase.name}: the child reached its point`).toBe(true);
      if (outcome.killed) killCase.where(outcome.at);
      expect.soft(held(dir), `killed ${killCase.name}`).toEqual(killCase.survives ? full : empty);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
