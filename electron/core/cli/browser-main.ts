import fs from 'node:fs';
import path from 'node:path';
import { createCore, type Core } from '../app/create-core';
import { AppError } from '../kernel/errors';
import { defaultDataDir } from '../app/paths';
import { startBrowserServer, type BrowserServer } from '../server/browser-server';
import { translate, translateBoth } from '../../../shared/i18n/translate';
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

/** Exit codes: 1 an unexpected failure, 2 a start-up refused for a reason the printed line gives. */
const EXIT_REFUSED = 2;

/** A start-up that cannot go on: one line for the person (a terminal has no language setting of ours: both languages), then exit. */
function fail(error: unknown): never {
  if (error instanceof AppError) {
    console.error(translateBoth(error.messageKey, error.params));
    process.exit(EXIT_REFUSED);
  }
  console.error(translateBoth('shell.startUnexpected'));
  console.error(error);
  process.exit(1);
}

/** The port cannot be had: taken by another program, or reserved. */
function explainListenError(error: unknown, port: number): AppError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') {
    return new AppError('PORT_IN_USE', { messageKey: 'shell.browserMode.portInUse', params: { port }, cause: error });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new AppError('PORT_DENIED', { messageKey: 'shell.browserMode.portDenied', params: { port }, cause: error });
  }
  return null;
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
    console.error(translateBoth('shell.browserMode.notBuilt', { dir: staticDir }));
    process.exit(1);
  }
  let core: Core;
  try {
    core = createCore({ dataDir, mode: 'browser', appVersion: readVersion(here) });
  } catch (error) {
    fail(error);
  }
  let server: BrowserServer;
  try {
    server = await startBrowserServer({ core, staticDir, port: options.port });
  } catch (error) {
    // Release the data folder before saying why.
    core.close();
    fail(explainListenError(error, options.port) ?? error);
  }
  console.log(translate('vi', 'shell.browserMode.dataFile', { file: core.paths.databaseFile }));
  console.log(translateBoth('shell.browserMode.openAddress'));
  console.log(`  ${server.url}`);
  console.log(translateBoth('shell.browserMode.stop'));

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void server.close().finally(() => {
      core.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch(fail);
