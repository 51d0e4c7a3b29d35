import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/core-harness';
import { runUntilKilled } from '../../support/crash/run-until-killed';

const CHILD = path.join(import.meta.dirname, 'replace-child.ts');

/**
 * The crash helper itself (tests/support/crash), which the import, backup, restore and transfer
 * crash tests rely on: a child stopped at a point is killed there and nowhere later, whatever
 * the point — a transaction's edge, its Nth row, a file call, a named step.
 */
describe('runUntilKilled', () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  function folder(): string {
    const dir = tempDir('klkchc-crash-helper-');
    folders.push(dir);
    return dir;
  }
  function notes(dir: string): number {
    const db = new Database(path.join(dir, 'data.sqlite3'));
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      return (db.prepare('SELECT count(*) AS n FROM note').get() as { n: number }).n;
    } finally {
      db.close();
    }
  }

  it('runs to the end without a point and counts the events after countFrom', async () => {
    const dir = folder();
    const outcome = await runUntilKilled({ script: CHILD, args: [dir], countFrom: 'ready', fsWithin: dir });
    expect(outcome.killed).toBe(false);
    if (outcome.killed) return;
    expect(outcome.stdout).toBe('replaced\n');
    // The CREATE TABLE before 'ready' is not counted; the ten rows and the file steps are.
    expect(outcome.counts).toMatchObject({
      'mark:ready': 1,
      begin: 1,
      write: 10,
      commit: 1,
      'mark:written': 1,
      'before-fs:writeFileSync': 1,
      'before-fs:fsyncSync': 1,
      'before-fs:renameSync': 1,
    });
    expect(notes(dir)).toBe(10);
  });

  it('kills after the Nth row, inside the transaction: none of the rows survive', async () => {
    const dir = folder();
    const outcome = await runUntilKilled({ script: CHILD, args: [dir], killAt: { event: 'write', occurrence: 7 } });
    expect(outcome.killed && outcome.at).toMatchObject({
      event: 'write',
      occurrence: 7,
      writes: 7,
      inTransaction: true,
    });
    expect(notes(dir)).toBe(0);
  });

  it('kills just before and right after COMMIT', async () => {
    const before = folder();
    const atCommit = await runUntilKilled({ script: CHILD, args: [before], killAt: { event: 'commit' } });
    expect(atCommit.killed && atCommit.at).toMatchObject({ detail: 'COMMIT', writes: 10, inTransaction: true });
    expect(notes(before)).toBe(0);
    const after = folder();
    const afterCommit = await runUntilKilled({ script: CHILD, args: [after], killAt: { event: 'after-commit' } });
    expect(afterCommit.killed && afterCommit.at).toMatchObject({ writes: 10, inTransaction: false });
    expect(notes(after)).toBe(10);
  });

  it('kills around a file call inside fsWithin, and at a named step', async () => {
    const beforeRename = folder();
    const first = await runUntilKilled({
      script: CHILD,
      args: [beforeRename],
      fsWithin: beforeRename,
      killAt: { event: 'before-fs:renameSync' },
    });
    expect(first.killed && first.at.detail).toBe(path.join(beforeRename, 'copy.txt.tmp'));
    expect(fs.readdirSync(beforeRename)).toContain('copy.txt.tmp');
    expect(fs.readdirSync(beforeRename)).not.toContain('copy.txt');

    const afterRename = folder();
    const second = await runUntilKilled({
      script: CHILD,
      args: [afterRename],
      fsWithin: afterRename,
      killAt: { event: 'after-fs:renameSync' },
    });
    expect(second.killed).toBe(true);
    expect(fs.readFileSync(path.join(afterRename, 'copy.txt'), 'utf8')).toBe('new');
    // Killed before the script's next line ran.
    expect(second.stdout).toBe('');

    const marked = folder();
    const third = await runUntilKilled({ script: CHILD, args: [marked], killAt: { event: 'mark:written' } });
    expect(third.killed && third.at.event).toBe('mark:written');
    expect(notes(marked)).toBe(10);
    expect(fs.readdirSync(marked)).not.toContain('copy.txt.tmp');
  });

  it('says so when the point is never reached', async () => {
    const dir = folder();
    const outcome = await runUntilKilled({ script: CHILD, args: [dir], killAt: { event: 'write', occurrence: 11 } });
    expect(outcome.killed).toBe(false);
  });
});
