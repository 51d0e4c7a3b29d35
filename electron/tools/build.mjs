#!/usr/bin/env node
// Builds everything `npm start`, the tests and the installers need into dist/:
//   dist/renderer/        the React app (vite)
//   dist/electron/        main.cjs and preload.cjs for the Electron shell (esbuild)
//   dist/node/browser.cjs browser mode: the same core served on 127.0.0.1 (esbuild)
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// KLKCHC_DIST_DIR lets parallel work (several checkouts, CI jobs) build side by side.
const dist = path.resolve(process.env.KLKCHC_DIST_DIR ?? path.join(root, 'dist'));
const quiet = process.argv.includes('--quiet');

// Native and heavy runtime modules stay in node_modules (electron-builder packs "dependencies").
const external = ['electron', 'better-sqlite3', 'exceljs', 'docx', 'playwright-core'];
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external,
  logLevel: 'warning',
};

const started = Date.now();
fs.rmSync(dist, { recursive: true, force: true });
await viteBuild({
  configFile: path.join(root, 'renderer', 'vite.config.ts'),
  logLevel: quiet ? 'warn' : 'info',
  mode: 'production',
  // The config's own outDir is dist/renderer; a parallel build must write into its own dist.
  build: { outDir: path.join(dist, 'renderer') },
});
await esbuild({
  ...common,
  entryPoints: [path.join(root, 'electron/main/main.ts')],
  outfile: path.join(dist, 'electron/main.cjs'),
});
// A sandboxed preload can only require a few Electron modules: bundle everything else in.
await esbuild({
  ...common,
  entryPoints: [path.join(root, 'electron/preload/preload.ts')],
  outfile: path.join(dist, 'electron/preload.cjs'),
  platform: 'browser',
  external: ['electron'],
});
await esbuild({
  ...common,
  entryPoints: [path.join(root, 'electron/core/cli/browser-main.ts')],
  outfile: path.join(dist, 'node/browser.cjs'),
});
fs.writeFileSync(path.join(dist, 'BUILD_STAMP'), new Date().toISOString());
console.log(`Đã dựng xong / built in ${((Date.now() - started) / 1000).toFixed(1)} s → ${path.relative(root, dist)}/`);
