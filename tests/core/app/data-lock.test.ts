import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/app/create-core';
import { AppError } from '../../../electron/core/kernel/errors';
import { translate } from '../../../shared/i18n/translate';
import { createTestCore, tempDir, type TestCore } from '../../support/core-harness';
import { mountSmallDisk } from '../../support/small-disk';

const LOCK = 'klkchc.lock';
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function folder(): string {
  const dir = tempDir('klkchc-lock-');
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function open(dir: string): TestCore {
  const h = createTestCore({ dir });
  cleanups.push(() => h.core.close());
  return h;
}

function refusal(dir: string): AppError {
  try {
    const core = createCore({ dataDir: dir, mode: 'test', appVersion: '0.0.0-test' });
    core.close();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the folder to be refused');
}

/** The pid of a process that has certainly ended. */
function deadPid(): number {
  const run = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(run.stdout);
}

function writeLock(dir: string, fields: Record<string, unknown>): string {
  const text = JSON.stringify({
    app: 'kiem-tra-klkchc',
    pid: 1,
    hostname: os.hostname(),
    mode: 'browser',
    startedAt: '2026-12-04T02:30:00.000Z',
    appVersion: '0.1.0',
    token: 'abc',
    ...fields,
  });
  fs.writeFileSync(path.join(dir, LOCK), text);
  return text;
}

describe('one process per data folder', () => {
  it('a second opening of a folder in use is refused, naming the process, the mode and since when', async () => {
    const dir = folder();
    const first = open(dir);
    const lock = JSON.parse(fs.readFileSync(path.join(dir, LOCK), 'utf8')) as Record<string, unknown>;
    expect(lock).toMatchObject({ pid: process.pid, hostname: os.hostname(), mode: 'test', appVersion: '0.0.0-test' });
    expect(typeof lock.startedAt).toBe('string');

    const error = refusal(dir);
    expect(error.code).toBe('DATA_IN_USE');
    const message = translate('vi', error.messageKey, error.params);
    expect(message).toContain(`tiến trình ${process.pid} trên máy ${os.hostname()}`);
    expect(message).toContain(path.join(dir, LOCK));
    // The first keeps working.
    await first.call('settings.update', { operatorName: 'Lành Thị Hạnh' });

    first.core.close();
    expect(fs.existsSync(path.join(dir, LOCK))).toBe(false);
    open(dir);
  });

  it('says which mode holds it and since when, in both languages', () => {
    const dir = folder();
    writeLock(dir, { pid: process.ppid, mode: 'electron' });
    const error = refusal(dir);
    const since = new Date('2026-12-04T02:30:00.000Z');
    const time = `${String(since.getHours()).padStart(2, '0')}:${String(since.getMinutes()).padStart(2, '0')}`;
    expect(translate('vi', error.messageKey, error.params)).toContain(
      'đang được mở trong một cửa sổ khác của ứng dụng',
    );
    expect(translate('vi', error.messageKey, error.params)).toContain(
      `từ ${String(since.getDate()).padStart(2, '0')}/12/2026 ${time}`,
    );
    expect(translate('en', error.messageKey, error.params)).toContain(`process ${process.ppid} on computer`);
  });

  it('takes over a lock left by a process that has ended on this computer', async () => {
    const dir = folder();
    writeLock(dir, { pid: deadPid() });
    const h = open(dir);
    await h.call('settings.update', { operatorName: 'Lành Thị Hạnh' });
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK), 'utf8'))).toMatchObject({ pid: process.pid });
  });

  it('takes over a lock bearing its own pid that it does not hold (a pid reused after a crash)', () => {
    const dir = folder();
    writeLock(dir, { pid: process.pid, token: 'earlier-life' });
    open(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK), 'utf8'))).not.toMatchObject({ token: 'earlier-life' });
  });

  it('never takes over a lock from another computer, and leaves it as it was', () => {
    const dir = folder();
    const text = writeLock(dir, { hostname: 'PGD-LOCBINH-02', pid: deadPid() });
    const error = refusal(dir);
    expect(translate('vi', error.messageKey, error.params)).toContain('trên máy PGD-LOCBINH-02');
    expect(fs.readFileSync(path.join(dir, LOCK), 'utf8')).toBe(text);
  });

  it('an unreadable lock is respected while fresh (it may be being written) and taken over once old', () => {
    const dir = folder();
    fs.writeFileSync(path.join(dir, LOCK), '');
    const error = refusal(dir);
    expect(error.messageKey).toBe('errors.DATA_IN_USE_unknown');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(dir, LOCK), old, old);
    open(dir);
  });

  it('a process that exits without closing releases the folder on its way out', () => {
    const dir = folder();
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'support', 'exit-child.ts'), dir],
      { encoding: 'utf8' },
    );
    expect(run.stdout).toContain('opened');
    expect(run.status).toBe(0);
    expect(fs.existsSync(path.join(dir, LOCK))).toBe(false);
  });

  it('release removes only its own lock', () => {
    const dir = folder();
    const h = open(dir);
    // Someone deleted the lock by hand and another process took the folder meanwhile.
    const other = writeLock(dir, { pid: process.ppid, token: 'someone-else' });
    h.core.close();
    expect(fs.readFileSync(path.join(dir, LOCK), 'utf8')).toBe(other);
  });

  it('a refusal after the lock was taken (an empty data file) releases it', () => {
    const dir = folder();
    fs.writeFileSync(path.join(dir, 'klkchc.sqlite3'), '');
    expect(refusal(dir).code).toBe('DB_EMPTY');
    expect(fs.readdirSync(dir)).toEqual(['klkchc.sqlite3']);
  });

  it('a full disk that cannot take the lock file says the data file cannot be opened, and leaves nothing', (context) => {
    // A real tiny disk where the machine allows mounting one; the mapping itself is tested without.
    const disk = mountSmallDisk(256);
    if (!disk) return context.skip();
    try {
      const dir = path.join(disk.dir, 'du-lieu');
      fs.mkdirSync(dir);
      const filler = fs.openSync(path.join(disk.dir, 'filler'), 'w');
      try {
        for (;;) fs.writeSync(filler, Buffer.alloc(4096, 1));
      } catch {
        // Full.
      } finally {
        fs.closeSync(filler);
      }
      const error = refusal(dir);
      expect(error.code).toBe('DISK_FULL');
      expect(translate('vi', error.messageKey, error.params)).toContain(
        `Không mở được tệp dữ liệu ${path.join(dir, 'klkchc.sqlite3')}: ổ đĩa chứa thư mục dữ liệu đã đầy`,
      );
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      disk.unmount();
    }
  });
});
