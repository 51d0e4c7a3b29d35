#!/usr/bin/env node
// `npm start`: the desktop app where Electron can run, browser mode where it cannot.
//   npm start -- --data-dir DIR --port N      (both optional; --browser forces browser mode)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = path.resolve(process.env.KLKCHC_DIST_DIR ?? path.join(root, 'dist'));
const args = process.argv.slice(2);
const forceBrowser = args.includes('--browser');
const passArgs = args.filter((arg) => arg !== '--browser');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function buildIfStale() {
  const stamp = path.join(dist, 'BUILD_STAMP');
  const built = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
  const sources = Math.max(
    ...['renderer', 'shared', 'electron', 'resources'].map((dir) => newestMtime(path.join(root, dir))),
  );
  if (built > sources) return;
  const result = spawnSync(process.execPath, [path.join(root, 'electron/tools/build.mjs'), '--quiet'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/**
 * The Electron binary's path, or null. Electron ≥ 42 downloads its binary on first use; try that
 * once, quietly and with a time limit, so a machine without internet falls back at once.
 */
function electronBinary() {
  const packageDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  const binary = () => {
    if (!fs.existsSync(pathFile)) return null;
    const full = path.join(packageDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
    return fs.existsSync(full) ? full : null;
  };
  if (binary() || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return binary();
  if (!fs.existsSync(path.join(packageDir, 'install.js'))) return null;
  console.log('Đang tải Electron (chỉ lần đầu) / Downloading Electron (first run only)…');
  spawnSync(process.execPath, [path.join(packageDir, 'install.js')], {
    cwd: packageDir,
    stdio: 'ignore',
    timeout: 180_000,
  });
  return binary();
}

function ensureNative(target) {
  const result = spawnSync(process.execPath, [path.join(root, 'electron/tools/ensure-native.mjs'), target], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

buildIfStale();
const binary = forceBrowser ? null : electronBinary();
let child;
if (binary) {
  ensureNative('electron');
  child = spawn(binary, [root, ...passArgs], { cwd: root, stdio: 'inherit' });
} else {
  if (!forceBrowser) {
    console.log(
      'Không có Electron trên máy này: chạy ở chế độ trình duyệt / Electron is unavailable here: starting browser mode.',
    );
  }
  ensureNative('node');
  child = spawn(process.execPath, [path.join(dist, 'node', 'browser.cjs'), ...passArgs], {
    cwd: root,
    stdio: 'inherit',
    // A build in KLKCHC_DIST_DIR outside the project still loads the project's native modules.
    env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') },
  });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
