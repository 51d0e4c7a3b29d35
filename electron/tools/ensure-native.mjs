#!/usr/bin/env node
// better-sqlite3 is a native module compiled for one ABI at a time: Node's (tests, browser
// mode) or Electron's (the desktop app). This checks that it loads in the runtime asked for
// and rebuilds it when it does not. Never run from postinstall: there a rebuild for Electron fails
// offline and deletes the compiled module, or silently builds for the wrong ABI.
//   node electron/tools/ensure-native.mjs            → Node's ABI (pretest, prebench, browser mode)
//   node electron/tools/ensure-native.mjs electron   → Electron's ABI (start, dist)
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const target = process.argv[2] === 'electron' ? 'electron' : 'node';
const marker = path.join(root, 'node_modules', 'better-sqlite3', 'build', 'klkchc-abi.txt');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function loadsInNode() {
  const probe = spawnSync(
    process.execPath,
    ['-e', "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()"],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  return {
    ok: probe.status === 0,
    detail:
      `${probe.stderr ?? ''}`
        .split('\n')
        .find((line) => line.includes('NODE_MODULE_VERSION') || line.includes('Error')) ?? '',
  };
}

function run(command, args, env = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (target === 'node') {
  const probe = loadsInNode();
  if (probe.ok) {
    fs.mkdirSync(path.dirname(marker), { recursive: true });
    fs.writeFileSync(marker, `node-${process.versions.modules}`);
    process.exit(0);
  }
  console.log(
    `better-sqlite3 chưa dùng được với Node ${process.version} (${probe.detail.trim()}); đang dựng lại (khoảng 2 phút)…`,
  );
  run(npm, ['rebuild', 'better-sqlite3']);
  const again = loadsInNode();
  if (!again.ok) {
    console.error(`Không dựng lại được better-sqlite3: ${again.detail}`);
    process.exit(1);
  }
  fs.writeFileSync(marker, `node-${process.versions.modules}`);
} else {
  const require = createRequire(path.join(root, 'package.json'));
  const electronVersion = require('electron/package.json').version;
  const wanted = `electron-${electronVersion}`;
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === wanted) process.exit(0);
  console.log(`Đang chuẩn bị better-sqlite3 cho Electron ${electronVersion}…`);
  // Downloads the prebuilt binary better-sqlite3 publishes for this Electron ABI, or compiles it.
  run(process.execPath, [path.join(root, 'node_modules', 'electron-builder', 'cli.js'), 'install-app-deps']);
  fs.writeFileSync(marker, wanted);
}
