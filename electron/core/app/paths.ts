import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Folder name of the per-user data folder; Electron's userData is pointed at the same place. */
export const APP_FOLDER_NAME = 'Kiem tra KLKCHC';
export const DATABASE_FILE_NAME = 'klkchc.sqlite3';

/**
 * The per-user data folder, computed the way Electron's `app.getPath('userData')` does, so
 * the desktop app and browser mode open the same database:
 * Windows %APPDATA%, macOS ~/Library/Application Support, Linux $XDG_CONFIG_HOME or ~/.config.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  const home = os.homedir();
  if (platform === 'win32') {
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  }
  if (platform === 'darwin') {
    return path.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  }
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_FOLDER_NAME);
}

/**
 * The app's read-only resources (fonts/ for printed documents). The packaged Electron app passes
 * process.resourcesPath; otherwise (development, browser mode, tests) the project's resources/
 * folder, found above the running script or the working folder, unless KLKCHC_RESOURCES_DIR says.
 */
export function defaultResourcesDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.KLKCHC_RESOURCES_DIR) return path.resolve(env.KLKCHC_RESOURCES_DIR);
  const starts = [path.dirname(path.resolve(process.argv[1] ?? '.')), process.cwd()];
  for (const start of starts) {
    let dir = start;
    for (let depth = 0; depth < 8; depth += 1) {
      const candidate = path.join(dir, 'resources');
      if (fs.existsSync(path.join(candidate, 'fonts'))) return candidate;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return path.resolve('resources');
}

export interface DataPaths {
  dataDir: string;
  databaseFile: string;
  /** Temporary files (uploads for import, documents waiting to be saved). */
  tempDir: string;
}

export function dataPaths(dataDir: string): DataPaths {
  const resolved = path.resolve(dataDir);
  return {
    dataDir: resolved,
    databaseFile: path.join(resolved, DATABASE_FILE_NAME),
    tempDir: path.join(resolved, 'tmp'),
  };
}
