import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkInBackground,
  workerDriver,
  type BackgroundCheckResult,
} from '../../../electron/core/db/background-check';
import { tempDir } from '../../support/core-harness';

describe('the background check', () => {
  it('finds better-sqlite3 outside app.asar in the packaged app, and its addon by path', () => {
    const root = path.join(path.sep, 'Program Files', 'Kiem tra KLKCHC', 'resources');
    const inAsar = path.join(root, 'app.asar', 'node_modules', 'better-sqlite3', 'lib', 'index.js');
    const unpacked = path.join(root, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'lib', 'index.js');
    const addon = path.join(
      root,
      'app.asar.unpacked',
      'node_modules',
      'better-sqlite3',
      'build',
      'Release',
      'better_sqlite3.node',
    );
    const present = new Set([unpacked, addon]);
    expect(workerDriver(inAsar, (file) => present.has(file))).toEqual({ module: unpacked, nativeBinding: addon });
    // Development and browser mode: the path as resolved.
    expect(workerDriver(require.resolve('better-sqlite3'))).toMatchObject({
      module: require.resolve('better-sqlite3'),
    });
    expect(workerDriver(require.resolve('better-sqlite3')).nativeBinding).toMatch(/better_sqlite3\.node$/);
  });

  it('reports a file it cannot check as unknown, not as damaged', async () => {
    const dir = tempDir();
    const result = await new Promise<BackgroundCheckResult>((resolve) =>
      checkInBackground(path.join(dir, 'khong-co.sqlite3'), 0, resolve),
    );
    fs.rmSync(dir, { recursive: true, force: true });
    expect(result.outcome).toBe('unknown');
  });
});
