#!/usr/bin/env node
// `npm run dist [-- --win|--linux]`: builds the app, prepares better-sqlite3 for Electron and
// runs electron-builder with electron-builder.yml. Needs internet (Electron and NSIS downloads).
// Afterwards run `npm test` once: its pretest step switches better-sqlite3 back to Node's ABI.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const targets = process.argv.slice(2);

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run([path.join(root, 'electron/tools/build.mjs')]);
run([
  path.join(root, 'node_modules/electron-builder/cli.js'),
  '--config',
  'electron-builder.yml',
  ...(targets.length ? targets : ['--win', '--linux']),
]);
