#!/usr/bin/env node
// `npm start`: the desktop app where Electron can run, browser mode where it cannot.
//   npm start -- --data-dir DIR --port N      (both optional; --browser forces browser mode)
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
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
  const stamp = path.join(root, 'dist', 'BUILD_STAMP');
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

/** The Electron binary's path, or null with the reason (it is not downloadable everywhere). */
function electronBinary() {
  try {
    const require = createRequire(path.join(root, 'package.json'));
    const binary = require('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
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
  child = spawn(process.execPath, [path.join(root, 'dist/node/browser.cjs'), ...passArgs], {
    cwd: root,
    stdio: 'inherit',
  });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
