import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { openDatabase, type Db } from '../db/open';
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
}

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
 * The whole back end in plain Node: opens the database in `dataDir`, builds the services and
 * the router. The Electron shell, browser mode, tests and benchmarks all start here.
 */
export function createCore(options: CoreOptions): Core {
  const paths = dataPaths(options.dataDir);
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
  const logger = options.logger ?? consoleLogger;
  // Lives above the database: a restore (its own call) replaces the database under it.
  const backup = new BackupService({
    host: {
      get db() {
        return holder.db;
      },
      reopen: (between) => holder.reopen(between),
    },
    dataDir: paths.dataDir,
    databaseFile: paths.databaseFile,
    clock,
    files,
    appVersion: options.appVersion,
    language: () => holder.services.settings.language(),
    folders,
    logger,
  });
  // What an interrupted backup or restore left, before the database is opened.
  backup.recover();
  const holder: CoreHolder = new CoreHolder(() => {
    const db: Db = openDatabase(paths.databaseFile);
    try {
      const services = createServices(db, clock, files, runtimeInfo, documents, { backup, folders });
      return { db, services, handlers: allHandlers(services) };
    } catch (error) {
      db.close();
      throw error;
    }
  }, EXCLUSIVE_CALLS);
  const router = createRouter(
    { run: (name, work) => holder.run(name, (runtime) => work(runtime.handlers)) },
    {
      language: () => holder.services.settings.language(),
      validateOutput: options.validateOutput ?? options.mode === 'test',
      logger,
      data: { file: paths.databaseFile, dir: paths.dataDir },
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
    },
  };
}
