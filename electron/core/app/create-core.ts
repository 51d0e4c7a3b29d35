import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { explainAtOpen, openCheckedDatabase, prepareDataDir, type Db, type OpenCheck } from '../db/open';
import { acquireDataLock, type DataLock } from './data-lock';
import { DataHealth } from '../db/health';
import { checkInBackground, type BackgroundCheck } from '../db/background-check';
import { firstFinding } from '../db/quick-check';
import { createRouter, consoleLogger, type Logger, type Router } from '../api/router';
import { allHandlers } from './handlers';
import { CoreHolder } from './core-holder';
import { FileStore } from '../files/file-store';
import { systemClock, type Clock } from '../kernel/clock';
import { dataPaths, defaultResourcesDir, type DataPaths } from './paths';
import type { PdfRenderer } from '../documents/pdf-renderer';
import { createChromiumPdfRenderer } from '../documents/chromium-pdf-renderer';
import { createServices, type Services } from './services';
import { BackupService } from '../features/backup/backup-service';
import { FolderMemory } from '../files/folder-memory';

export interface CoreOptions {
  dataDir: string;
  mode: 'electron' | 'browser' | 'test';
  appVersion: string;
  clock?: Clock;
  logger?: Logger;
  /** Check every answer against the contract (on in tests and development). */
  validateOutput?: boolean;
  /** Read-only resources (fonts/); see defaultResourcesDir. */
  resourcesDir?: string;
  /** Prints documents to PDF: Electron passes its own; by default the system Chromium. */
  pdfRenderer?: PdfRenderer;
  /** When the data file is checked for damage (tests tune it); see INTEGRITY_CHECK. */
  integrityCheck?: Partial<IntegrityLimits>;
}

/** Files up to `syncLimitBytes` are checked before start-up; larger ones `backgroundDelayMs` after it (null: never). */
export interface IntegrityLimits {
  syncLimitBytes: number;
  backgroundDelayMs: number | null;
}

/**
 * `PRAGMA quick_check` reads the whole file: measured at about 130 ms warm and 1 s with a cold
 * disk cache for the 26 MB office case, 1.8–2.9 s warm and 15–20 s cold for the 1.1 GB scale
 * case (bench "integrity"). Files up to 8 MB are checked before the app starts (at most a few
 * hundred ms); larger ones in a worker thread a moment after start-up, which turns the app
 * read-only if the check fails. Tests and benchmarks (mode "test") leave that worker out unless
 * they ask for it, so it cannot disturb what they measure.
 */
const INTEGRITY_CHECK: IntegrityLimits = { syncLimitBytes: 8 * 1024 * 1024, backgroundDelayMs: 1000 };

export interface Core {
  router: Router;
  /** The services over the database open now (a restore replaces them). */
  readonly services: Services;
  files: FileStore;
  paths: DataPaths;
  /** The database open now. */
  readonly db: Db;
  /** Holds the open database; a restore replaces it through `holder.exclusive` and `holder.reopen`. */
  holder: CoreHolder;
  /** Whether the database open now is damaged (then every write is refused). */
  readonly health: DataHealth;
  /** Automatic backups, for the shells: at start, on a timer (browser mode), before quitting. */
  backups: AutomaticBackups;
  close(): void;
}

export interface AutomaticBackups {
  /** The first start of the day: a backup into the data folder if the data changed since the last. */
  atStart(): Promise<void>;
  /** Browser mode, whose server may run for days: the same check once an hour. */
  startDailyTimer(): void;
  /** Quitting: a backup if the data changed since the last (waits for it). */
  beforeQuit(): Promise<void>;
}

/** Calls that replace the database themselves: they run with no other call in flight. */
export const EXCLUSIVE_CALLS: ReadonlySet<string> = new Set<string>(['backup.restore']);

const STALE_TEMP_MS = 24 * 60 * 60 * 1000;

/** Temp folders of earlier runs that crashed: remove those older than a day. */
function sweepStaleTemp(tempRoot: string): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(tempRoot, { withFileTypes: true });
  } catch {
    return;
  }
  const now = Date.now();
  for (const entry of entries) {
    const full = path.join(tempRoot, entry.name);
    try {
      if (now - fs.statSync(full).mtimeMs > STALE_TEMP_MS) fs.rmSync(full, { recursive: true, force: true });
    } catch {
      // Another process may be removing it too.
    }
  }
}

/**
 * Digests what the last version (or a restored backup of it) left undigested, before the first
 * call: at 200,000 inspections a few seconds once, instead of inside the first save or report.
 * A failure only delays it (the first write or report digests them); the data stay as they are.
 */
function digestReports(services: Services, logger: Logger): void {
  try {
    services.reports.queries.digest.refresh();
  } catch (error) {
    logger.warn(`report digest not refreshed at start: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Watches the data file for damage: found at open, or by the check of a large file in a worker. */
function watchHealth(
  db: Db,
  file: string,
  check: OpenCheck,
  limits: IntegrityLimits,
  logger: Logger,
): { health: DataHealth; background: BackgroundCheck | null } {
  const health = new DataHealth(db, file, (message) => logger.warn(message));
  if (check.state === 'damaged') health.markDamaged('openCheck', check.detail);
  if (check.state !== 'deferred' || limits.backgroundDelayMs === null) return { health, background: null };
  health.setChecking(true);
  const background = checkInBackground(file, limits.backgroundDelayMs, (result) => {
    health.setChecking(false);
    if (result.outcome === 'damaged') health.markDamaged('backgroundCheck', firstFinding(result.detail));
    else if (result.outcome === 'unknown')
      logger.warn(`background check of the data file did not run: ${result.detail}`);
  });
  return { health, background };
}

/**
 * The whole back end in plain Node: takes the data folder (one process at a time), opens the
 * database in it, builds the services and the router. The Electron shell, browser mode, tests
 * and benchmarks all start here. Start-up failures are AppErrors with a plain message.
 */
export function createCore(options: CoreOptions): Core {
  const paths = dataPaths(options.dataDir);
  const location = { file: paths.databaseFile, dir: paths.dataDir };
  prepareDataDir(paths.dataDir, paths.databaseFile);
  let lock: DataLock;
  try {
    lock = acquireDataLock(paths.dataDir, { mode: options.mode, appVersion: options.appVersion });
  } catch (error) {
    throw explainAtOpen(error, location) ?? error;
  }
  try {
    return openCore(options, paths, lock);
  } catch (error) {
    lock.release();
    throw explainAtOpen(error, location) ?? error;
  }
}

function openCore(options: CoreOptions, paths: DataPaths, lock: DataLock): Core {
  const logger = options.logger ?? consoleLogger;
  const limits: IntegrityLimits = {
    ...INTEGRITY_CHECK,
    ...(options.mode === 'test' ? { backgroundDelayMs: null } : {}),
    ...options.integrityCheck,
  };
  sweepStaleTemp(paths.tempDir);
  const tempDir = path.join(paths.tempDir, `${process.pid}-${randomBytes(4).toString('hex')}`);
  const files = new FileStore(tempDir);
  const clock = options.clock ?? systemClock;
  const documents = {
    pdf: options.pdfRenderer ?? createChromiumPdfRenderer(),
    resourcesDir: options.resourcesDir ?? defaultResourcesDir(),
  };
  const runtimeInfo = {
    dataFile: paths.databaseFile,
    dataDir: paths.dataDir,
    appVersion: options.appVersion,
    mode: options.mode,
  };
  const folders = new FolderMemory(path.join(paths.dataDir, 'folders.json'));
  // Lives above the database: a restore (its own call) replaces the database under it.
  const backup = new BackupService({
    host: {
      get db() {
        return holder.db;
      },
      reopen: (between) => holder.reopen(between),
      get damaged() {
        return holder.hasRuntime && holder.runtime.health.damaged;
      },
    },
    dataDir: paths.dataDir,
    databaseFile: paths.databaseFile,
    clock,
    files,
    appVersion: options.appVersion,
    language: () => (holder.hasRuntime ? holder.services.settings.language() : 'vi'),
    folders,
    logger,
  });
  let holder: CoreHolder;
  try {
    // What an interrupted backup or restore left, before the database is opened.
    backup.recover();
    // Each database put in place (at start, after a restore) is checked and watched afresh.
    holder = new CoreHolder(() => {
      const { db, check } = openCheckedDatabase(paths.databaseFile, { syncCheckLimitBytes: limits.syncLimitBytes });
      const { health, background } = watchHealth(db, paths.databaseFile, check, limits, logger);
      try {
        const services = createServices(db, clock, files, runtimeInfo, documents, { backup, folders });
        // A damaged file is read only (query_only): nothing is written to it, the digest neither.
        if (!health.damaged) digestReports(services, logger);
        return { db, services, handlers: allHandlers(services, health), health, background };
      } catch (error) {
        background?.cancel();
        db.close();
        throw error;
      }
    }, EXCLUSIVE_CALLS);
  } catch (error) {
    void documents.pdf.close();
    files.dispose();
    fs.rmSync(tempDir, { recursive: true, force: true });
    throw error;
  }
  const router = createRouter(
    { run: (name, work) => holder.run(name, (runtime) => work(runtime.handlers)) },
    {
      language: () => holder.services.settings.language(),
      validateOutput: options.validateOutput ?? options.mode === 'test',
      logger,
      data: { file: paths.databaseFile, dir: paths.dataDir },
      // No database in place (a restore failed): the holder's own refusal stands.
      explainFailure: (error) => (holder.hasRuntime ? holder.runtime.health.explain(error) : null),
    },
  );
  let closed = false;
  return {
    router,
    get services() {
      return holder.services;
    },
    files,
    paths,
    get db() {
      return holder.db;
    },
    get health() {
      return holder.runtime.health;
    },
    holder,
    backups: {
      atStart: async () => void (await backup.automatic('daily')),
      startDailyTimer: () => backup.startDailyTimer(),
      beforeQuit: async () => void (await backup.automatic('quit')),
    },
    close() {
      if (closed) return;
      closed = true;
      backup.close();
      void documents.pdf.close();
      holder.close();
      files.dispose();
      fs.rmSync(tempDir, { recursive: true, force: true });
      lock.release();
    },
  };
}
