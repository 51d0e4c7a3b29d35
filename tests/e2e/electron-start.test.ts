import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BROWSER_BUNDLE, bundleEnv, startApp, type RunningApp } from './harness';

const MAIN_BUNDLE = path.join(path.dirname(path.dirname(BROWSER_BUNDLE)), 'electron', 'main.cjs');

// A recording stand-in for the `electron` module (its binary cannot run here): loaded with -r
// before the built shell, it answers `require('electron')` itself. The dialogs and app.exit
// print one JSON line each; everything else accepts any call and does nothing.
const STAND_IN = `
const Module = require('node:module');
const record = (entry) => process.stdout.write(JSON.stringify(entry) + '\\n');
const inert = () => new Proxy(function () {}, {
  get: (_, key) => (key === 'then' ? undefined : inert()),
  apply: () => undefined,
  construct: () => inert(),
});
const app = new Proxy({
  isPackaged: false,
  requestSingleInstanceLock: () => true,
  whenReady: () => Promise.resolve(),
  getVersion: () => '0.0.0-stand-in',
  getAppPath: () => process.cwd(),
  exit: (code) => { record({ exit: code }); process.exit(code); },
}, { get: (target, key) => (key in target ? target[key] : inert()) });
const dialog = new Proxy({
  showErrorBox: (title, content) => record({ showErrorBox: { title, content } }),
}, { get: (target, key) => (key in target ? target[key] : inert()) });
module.exports = new Proxy({ app, dialog }, { get: (target, key) => (key in target ? target[key] : inert()) });
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? __filename : resolve.call(this, request, ...rest);
};
`;

interface ShellRun {
  code: number | null;
  errorBox: { title: string; content: string } | null;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function folder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klkchc-e2e-shell-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function runShell(dataDir: string): Promise<ShellRun> {
  const standIn = path.join(folder(), 'electron-stand-in.cjs');
  fs.writeFileSync(standIn, STAND_IN);
  const child = spawn(process.execPath, ['-r', standIn, MAIN_BUNDLE, '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: bundleEnv(),
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const box = output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { showErrorBox?: ShellRun['errorBox'] })
    .find((entry) => entry.showErrorBox);
  return { code, errorBox: box?.showErrorBox ?? null };
}

describe('the Electron shell at start-up (built bundle, stand-in electron module)', () => {
  it('shows the refusal of a data folder that browser mode holds in its error dialog, in both languages', async () => {
    const dataDir = folder();
    const browser: RunningApp = await startApp({ dataDir });
    cleanups.push(() => browser.stop());
    const run = await runShell(dataDir);
    expect(run.code).toBe(1);
    expect(run.errorBox?.title).toBe('Không khởi động được ứng dụng / The app could not start');
    const pid = browser.process.pid ?? 0;
    expect(run.errorBox?.content).toContain(
      `đang được một phiên khác của ứng dụng dùng ở chế độ trình duyệt (tiến trình ${pid}`,
    );
    expect(run.errorBox?.content).toContain(`in browser mode (process ${pid}`);
  });

  it('shows why an empty data file is refused', async () => {
    const dataDir = folder();
    fs.writeFileSync(path.join(dataDir, 'klkchc.sqlite3'), '');
    const run = await runShell(dataDir);
    expect(run.code).toBe(1);
    expect(run.errorBox?.content).toContain('trống (0 byte)');
    expect(fs.statSync(path.join(dataDir, 'klkchc.sqlite3')).size).toBe(0);
  });
});
