/**
 * Loads a built Electron bundle (dist/electron/main.cjs, preload.cjs) in this Node process with
 * `require('electron')` answered by a recording stand-in, and puts everything back afterwards.
 * The bundle is what the packaged app runs, so the test sees the shell as shipped, not its sources.
 */
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { createFakeElectron, type ShellRecord } from './fake-electron';

interface ModuleInternals {
  _load(request: string, parent: unknown, isMain: boolean): unknown;
  _resolveFilename(request: string, parent: unknown, isMain: boolean, options?: unknown): string;
}

export interface LoadedShell {
  record: ShellRecord;
  /** Takes the stand-in away again and forgets the bundle. */
  restore(): void;
}

/** A built bundle, or a clear failure when it is missing or older than the sources it is built from. */
export function builtBundle(root: string, dist: string, name: 'main.cjs' | 'preload.cjs'): string {
  const bundle = path.join(dist, 'electron', name);
  if (!fs.existsSync(bundle)) throw new Error(`${bundle} is missing: run "npm run build" first.`);
  const built = fs.statSync(bundle).mtimeMs;
  for (const folder of ['electron/main', 'electron/core', 'electron/preload', 'shared']) {
    const files = fs.readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true });
    const newer = files.find(
      (entry) =>
        entry.isFile() &&
        entry.name.endsWith('.ts') &&
        fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs > built,
    );
    if (newer) {
      throw new Error(`${bundle} is older than ${path.join(newer.parentPath, newer.name)}: run "npm run build" first.`);
    }
  }
  return bundle;
}

/**
 * Requires `bundle` with `electron` replaced by `electron`, and `args` as its command line.
 * Returns the function that undoes it (call it when the test is done with the bundle).
 */
export function loadBundle(options: { bundle: string; root: string; args?: string[]; electron: unknown }): () => void {
  const internals = Module as unknown as ModuleInternals;
  const { _load: load, _resolveFilename: resolveFilename } = internals;
  internals._load = function (request, parent, isMain) {
    if (request === 'electron') return options.electron;
    return load.call(this, request, parent, isMain);
  };
  // A bundle built outside the project (KLKCHC_DIST_DIR) still finds the project's packages.
  internals._resolveFilename = function (request, parent, isMain, resolveOptions) {
    try {
      return resolveFilename.call(this, request, parent, isMain, resolveOptions);
    } catch (error) {
      if (request.startsWith('.') || path.isAbsolute(request)) throw error;
      return resolveFilename.call(this, request, parent, isMain, { paths: [options.root] });
    }
  };
  const restore = () => {
    internals._load = load;
    internals._resolveFilename = resolveFilename;
    const require = createRequire(import.meta.url);
    delete require.cache[require.resolve(options.bundle)];
  };
  // The shell reads its command line when it loads (--data-dir): give it one, then put ours back.
  const argv = process.argv;
  process.argv = [process.execPath, options.bundle, ...(options.args ?? [])];
  try {
    createRequire(import.meta.url)(options.bundle);
  } catch (error) {
    restore();
    throw error;
  } finally {
    process.argv = argv;
  }
  return restore;
}

/** The main bundle against the recording stand-in (fake-electron.ts). */
export function loadMainBundle(options: { bundle: string; root: string; args: string[] }): LoadedShell {
  const fake = createFakeElectron(options.root);
  const restore = loadBundle({ ...options, electron: fake.module });
  return { record: fake.record, restore };
}
