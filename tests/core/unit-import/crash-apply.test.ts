import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReadyCore, createTestCore, tempDir } from '../../support/core-harness';
import type { CrashPoint, ReachedPoint } from '../../support/crash/crash-plan';
import { runUntilKilled } from '../../support/crash/run-until-killed';

const ROWS = 2_000;
const CHILD = path.join(import.meta.dirname, 'support', 'apply-child.ts');

function csv(): string {
  const lines = ['STT;Mã đơn vị;Tên đơn vị;Hiệu trưởng;Điện thoại'];
  for (let index = 1; index <= ROWS; index += 1) {
    lines.push(
      `${index};DV${String(index).padStart(5, '0')};Trường Tiểu học Hiệp Hạ số ${index};Nguyễn Văn An;0205 3840 123`,
    );
  }
  return `\uFEFF${lines.join('\r\n')}`;
}

/** A point to kill at, where the child must be when it is killed, and what must survive. */
interface KillCase {
  name: string;
  point: CrashPoint;
  where: (at: ReachedPoint) => void;
  survives: 'nothing' | 'everything';
}

/** A small deterministic generator, so a failing random point can be replayed from its seed. */
function randomInts(seed: number, count: number, max: number): number[] {
  let state = seed >>> 0 || 1;
  return Array.from({ length: count }, () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return ((state >>> 0) % max) + 1;
  });
}

/**
 * Reliability test 1 (tests/README.md) for the importer: the child import is stopped inside its
 * write — before the transaction, after its first, middle and last row write (an INSERT or
 * UPDATE), just before COMMIT and right after it, and at two random writes — and SIGKILLed
 * while it waits there. Each time the
 * database opens, passes integrity_check, and holds none of the import before the commit and
 * all of it after.
 */
describe('an import killed mid-write', () => {
  let pristine: string;
  let csvPath: string;
  let writes = 0;
  const folders: string[] = [];

  /** A fresh copy of the set-up office, so every kill starts from the same database. */
  function freshDataDir(): string {
    const dir = tempDir('klkchc-crash-');
    fs.cpSync(pristine, dir, { recursive: true });
    folders.push(dir);
    return dir;
  }

  async function unitsAndIntegrity(dir: string): Promise<{ total: number; integrity: unknown }> {
    const reopened = createTestCore({ dir });
    try {
      const integrity = reopened.core.db.pragma('integrity_check', { simple: true });
      const { total } = await reopened.call('registry.counts', {});
      return { total, integrity };
    } finally {
      reopened.core.close();
    }
  }

  beforeAll(async () => {
    const setup = await createReadyCore();
    pristine = tempDir('klkchc-crash-pristine-');
    // The office is set up once; each run imports into a copy. Closed before copying: a folder
    // in use holds its lock file, and a live database is never copied.
    setup.core.close();
    fs.cpSync(setup.dir, pristine, { recursive: true });
    fs.rmSync(setup.dir, { recursive: true, force: true });
    csvPath = path.join(tempDir('klkchc-crash-csv-'), 'danh-sach.csv');
    fs.writeFileSync(csvPath, csv());
  });
  afterAll(() => {
    for (const dir of [pristine, path.dirname(csvPath), ...folders]) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs to the end when nobody kills it, in one transaction', async () => {
    const dir = freshDataDir();
    const outcome = await runUntilKilled({ script: CHILD, args: [dir, csvPath], countFrom: 'apply' });
    if (outcome.killed) throw new Error('a run without a point was killed');
    writes = outcome.counts.write ?? 0;
    expect(outcome.stdout).toContain(`created ${ROWS}`);
    expect(outcome.counts.begin).toBe(1);
    expect(outcome.counts.commit).toBe(1);
    expect(writes).toBeGreaterThanOrEqual(ROWS);
    expect(await unitsAndIntegrity(dir)).toEqual({ total: ROWS, integrity: 'ok' });
  }, 120_000);

  const seed = Number(process.env.KLKCHC_CRASH_SEED ?? Date.now() % 1_000_000);

  function cases(): KillCase[] {
    const inside = (count: number) => (at: ReachedPoint) => {
      expect.soft(at.inTransaction, 'a transaction is open').toBe(true);
      expect.soft(at.writes).toBe(count);
    };
    return [
      {
        name: 'before the transaction',
        point: { event: 'begin' },
        where: (at) => {
          expect.soft(at.inTransaction).toBe(false);
          expect.soft(at.writes).toBe(0);
        },
        survives: 'nothing',
      },
      {
        name: 'at the start of the transaction',
        point: { event: 'after-begin' },
        where: inside(0),
        survives: 'nothing',
      },
      {
        name: 'after the first write',
        point: { event: 'write', occurrence: 1 },
        where: inside(1),
        survives: 'nothing',
      },
      {
        name: 'half-way through the writes',
        point: { event: 'write', occurrence: Math.ceil(writes / 2) },
        where: inside(Math.ceil(writes / 2)),
        survives: 'nothing',
      },
      {
        name: 'after the last write',
        point: { event: 'write', occurrence: writes },
        where: inside(writes),
        survives: 'nothing',
      },
      ...randomInts(seed, 2, writes).map((row): KillCase => ({
        name: `after write ${row} of ${writes} (seed ${seed})`,
        point: { event: 'write', occurrence: row },
        where: inside(row),
        survives: 'nothing',
      })),
      {
        name: 'just before COMMIT',
        point: { event: 'commit' },
        where: (at) => {
          expect.soft(at.detail).toBe('COMMIT');
          inside(writes)(at);
        },
        survives: 'nothing',
      },
      {
        name: 'right after COMMIT',
        point: { event: 'after-commit' },
        where: (at) => {
          expect.soft(at.inTransaction).toBe(false);
          expect.soft(at.writes).toBe(writes);
        },
        survives: 'everything',
      },
    ];
  }

  it('keeps none of the import when killed before the commit, all of it after, and stays sound', async () => {
    expect(writes, 'the uninterrupted run counted the writes').toBeGreaterThan(0);
    for (const killCase of cases()) {
      const dir = freshDataDir();
      const outcome = await runUntilKilled({
        script: CHILD,
        args: [dir, csvPath],
        countFrom: 'apply',
        killAt: killCase.point,
      });
      // Soft checks: one run of the test tells about every point.
      expect.soft(outcome.killed, `${killCase.name}: the child reached its point`).toBe(true);
      if (outcome.killed) killCase.where(outcome.at);
      expect.soft(await unitsAndIntegrity(dir), `killed ${killCase.name}`).toEqual({
        total: killCase.survives === 'nothing' ? 0 : ROWS,
        integrity: 'ok',
      });
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
