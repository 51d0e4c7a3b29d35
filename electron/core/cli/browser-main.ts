import fs from 'node:fs';
import path from 'node:path';
import { createCore } from '../app/create-core';
import { AppError } from '../kernel/errors';
import { defaultDataDir } from '../app/paths';
import { startBrowserServer } from '../server/browser-server';
import { translate, type TranslateParams } from '../../../shared/i18n/translate';
import { parseLaunchArgs } from './args';

/** Finds the project's package.json above the running bundle (dist/node/browser.cjs). */
function readVersion(from: string): string {
  let dir = from;
  for (let depth = 0; depth < 5; depth += 1) {
    const candidate = path.join(dir, 'package.json');
    if (fs.existsSync(candidate)) {
      const parsed = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { version?: unknown };
      return typeof parsed.version === 'string' ? parsed.version : '0.0.0';
    }
    dir = path.dirname(dir);
  }
  return '0.0.0';
}

/** A terminal has no language setting of ours: say it in Vietnamese, then in English. */
function bothLanguages(key: string, params: TranslateParams = {}): string {
  const vi = translate('vi', key, params);
  const en = translate('en', key, params);
  return vi === en ? vi : `${vi} / ${en}`;
}

/**
 * `npm start` where Electron cannot run: the same core and renderer, served on 127.0.0.1.
 * Prints the address (with its per-launch token) for the user to open.
 */
async function main(): Promise<void> {
  const here = path.dirname(path.resolve(process.argv[1] ?? '.'));
  const options = parseLaunchArgs(process.argv.slice(2));
  const dataDir = options.dataDir ? path.resolve(options.dataDir) : defaultDataDir();
  const staticDir = process.env.KLKCHC_STATIC_DIR ?? path.resolve(here, '..', 'renderer');
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    console.error(bothLanguages('shell.browserMode.notBuilt', { dir: staticDir }));
    process.exit(1);
  }
  let core;
  try {
    core = createCore({ dataDir, mode: 'browser', appVersion: readVersion(here) });
  } catch (error) {
    if (error instanceof AppError) {
      console.error(bothLanguages(error.messageKey, error.params));
      process.exit(2);
    }
    throw error;
  }
  const server = await startBrowserServer({ core, staticDir, port: options.port });
  console.log(translate('vi', 'shell.browserMode.dataFile', { file: core.paths.databaseFile }));
  console.log(bothLanguages('shell.browserMode.openAddress'));
  console.log(`  ${server.url}`);
  console.log(bothLanguages('shell.browserMode.stop'));

  // Automatic backups: the first start of the day, then a check every hour (the server may run
  // for days), and one on shutdown if the data changed.
  void core.backups.atStart();
  core.backups.startDailyTimer();

  let stopping = false;
  const stop = () => {
    if (stopping) {
      // A second Ctrl+C does not wait for the backup: what it leaves is tidied at the next start.
      process.exit(1);
    }
    stopping = true;
    void server
      .close()
      .then(() => {
        console.log(bothLanguages('shell.browserMode.backingUp'));
        return core.backups.beforeQuit();
      })
      .finally(() => {
        core.close();
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
