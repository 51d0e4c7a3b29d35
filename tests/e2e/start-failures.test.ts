import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256 } from '../support/damaged-file';
import { mountSmallDisk } from '../support/small-disk';
import { runAppToExit, setUpOffice, startApp } from './harness';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function dataFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klkchc-e2e-start-'));
  dirs.push(dir);
  return dir;
}

/** One line for the person (Vietnamese / English), no stack trace, and the exit code of a refused start. */
function expectOneClearLine(run: { code: number | null; output: string }, vietnamese: string, english: string): void {
  expect(run.code).toBe(2);
  const lines = run.output.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(vietnamese);
  expect(lines[0]).toContain(english);
  expect(run.output).not.toMatch(/\bat \S+ \(|Error:|SQLITE_|EADDRINUSE/);
}

/** A database set up by the app and closed cleanly (no -wal or -shm beside it). */
async function closedDatabase(): Promise<string> {
  const app = await startApp();
  dirs.push(app.dataDir);
  await setUpOffice(app);
  await app.stop();
  return path.join(app.dataDir, 'klkchc.sqlite3');
}

describe('start-up failures are told in one clear line', () => {
  it('a --port another program holds', async () => {
    const holder = http.createServer((_, res) => res.end('other'));
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as AddressInfo).port;
    try {
      const dataDir = dataFolder();
      const run = await runAppToExit(['--data-dir', dataDir, '--port', String(port)]);
      expectOneClearLine(run, `Cổng ${port} đang được một chương trình khác dùng`, `Port ${port} is in use`);
      // The data folder is released for the next try.
      expect(fs.existsSync(path.join(dataDir, 'klkchc.lock'))).toBe(false);
      const body = await (await fetch(`http://127.0.0.1:${port}/`)).text();
      expect(body).toBe('other');
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });

  it('an empty (0-byte) data file: refused, left as it was', async () => {
    const dataDir = dataFolder();
    const file = path.join(dataDir, 'klkchc.sqlite3');
    fs.writeFileSync(file, '');
    const run = await runAppToExit(['--data-dir', dataDir, '--port', '0']);
    expectOneClearLine(run, `Tệp dữ liệu ${file} trống (0 byte)`, 'is empty (0 bytes)');
    expect(fs.statSync(file).size).toBe(0);
    expect(fs.readdirSync(dataDir)).toEqual(['klkchc.sqlite3']);
  });

  it('a folder where the data file should be', async () => {
    const dataDir = dataFolder();
    const file = path.join(dataDir, 'klkchc.sqlite3');
    fs.mkdirSync(file);
    const run = await runAppToExit(['--data-dir', dataDir, '--port', '0']);
    expectOneClearLine(run, `Đường dẫn ${file} là một thư mục`, 'is a folder, not a data file');
  });

  it('a full disk under a cleanly closed database (WAL cannot create its -shm): refused, the file unchanged', async (context) => {
    // A real tiny disk where the machine allows mounting one; the mapping itself is tested without.
    const disk = mountSmallDisk(1024);
    if (!disk) return context.skip();
    try {
      const source = await closedDatabase();
      const dataDir = path.join(disk.dir, 'du-lieu');
      fs.mkdirSync(dataDir);
      const file = path.join(dataDir, 'klkchc.sqlite3');
      fs.copyFileSync(source, file);
      // Fill the disk but for two pages: room for the lock file, none for SQLite's 32 KB -shm.
      const spare = path.join(disk.dir, 'spare');
      fs.writeFileSync(spare, Buffer.alloc(8192, 1));
      const filler = fs.openSync(path.join(disk.dir, 'filler'), 'w');
      try {
        for (;;) fs.writeSync(filler, Buffer.alloc(4096, 1));
      } catch {
        // Full.
      } finally {
        fs.closeSync(filler);
      }
      fs.rmSync(spare);
      const before = sha256(file);

      const run = await runAppToExit(['--data-dir', dataDir, '--port', '0']);
      expectOneClearLine(
        run,
        `Không mở được tệp dữ liệu ${file}: ổ đĩa chứa thư mục dữ liệu đã đầy`,
        'the disk holding the data folder is full',
      );
      expect(sha256(file)).toBe(before);
      expect(fs.existsSync(path.join(dataDir, 'klkchc.lock'))).toBe(false);
    } finally {
      disk.unmount();
    }
  });
});
