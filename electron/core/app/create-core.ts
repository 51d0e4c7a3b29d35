import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { openCheckedDatabase, type Db } from '../db/open';
import { DataHealth } from '../db/health';
import { checkInBackground, type BackgroundCheck } from '../db/background-check';
import { firstFinding } from '../db/quick-check';
import { createRouter, consoleLogger, type Logger, type Router } from '../api/router';
import { allHandlers } from '../api/handlers';
import { FileStore } from '../files/file-store';
import { systemClock, type Clock } from '../kernel/clock';
import { dataPaths, defaultResourcesDir, type DataPaths } from './paths';
import type { PdfRenderer } from '../features/minutes/pdf-renderer';
import { createChromiumPdfRenderer } from '../features/minutes/chromium-pdf-renderer';
import { createServices, type Services } from './services';

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
  integrityCheck?: { syncLimitBytes?: number; backgroundDelayMs?: number | null };
}

/**
 * `PRAGMA quick_check` reads the whole file: measured at about 130 ms warm and 1 s with a cold
 * disk cache for the 26 MB office case, 1.8 s warm and 15–20 s cold for the 1.1 GB scale case.
 * Files up to 8 MB are checked before the app starts (at most a few hundred ms); larger ones in
 * a worker thread a moment after start-up, which turns the app read-only if the check fails.
 */
const INTEGRITY_CHECK = { syncLimitBytes: 8 * 1024 * 1024, backgroundDelayMs: 1000 };

export interface Core {
  router: Router;
  services: Services;
  files: FileStore;
  paths: DataPaths;
  db: Db;
  /** Whether the data file is damaged (then every write is refused). */
  health: DataHealth;
  close(): void;
}

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
  const logger = options.logger ?? consoleLogger;
  const limits = { ...INTEGRITY_CHECK, ...options.integrityCheck };
  const { db, check } = openCheckedDatabase(paths.databaseFile, { syncCheckLimitBytes: limits.syncLimitBytes });
  const health = new DataHealth(db, paths.databaseFile, (message) => logger.warn(message));
  let background: BackgroundCheck | null = null;
  if (check.state === 'damaged') health.markDamaged('openCheck', check.detail);
  if (check.state === 'deferred' && limits.backgroundDelayMs !== null) {
    health.setChecking(true);
    background = checkInBackground(paths.databaseFile, limits.backgroundDelayMs, (result) => {
      health.setChecking(false);
      if (result.outcome === 'damaged') health.markDamaged('backgroundCheck', firstFinding(result.detail));
      else if (result.outcome === 'unknown')
        logger.warn(`background check of the data file did not run: ${result.detail}`);
    });
  }
  sweepStaleTemp(paths.tempDir);
  const tempDir = path.join(paths.tempDir, `${process.pid}-${randomBytes(4).toString('hex')}`);
  const files = new FileStore(tempDir);
  const clock = options.clock ?? systemClock;
  const services = createServices(
    db,
    clock,
    files,
    {
      dataFile: paths.databaseFile,
      dataDir: paths.dataDir,
      appVersion: options.appVersion,
      mode: options.mode,
    },
    {
      pdf: options.pdfRenderer ?? createChromiumPdfRenderer(),
      resourcesDir: options.resourcesDir ?? defaultResourcesDir(),
    },
  );
  const router = createRouter(allHandlers(services, health), {
    language: () => services.settings.language(),
    validateOutput: options.validateOutput ?? options.mode === 'test',
    logger,
    data: { file: paths.databaseFile, dir: paths.dataDir },
    explainFailure: (error) => health.explain(error),
  });
  let closed = false;
  return {
    router,
    services,
    files,
    paths,
    db,
    health,
    close() {
      if (closed) return;
      closed = true;
      background?.cancel();
      services.minutesBatches.cancelAll();
      void services.minutes.renderer.close();
      files.dispose();
      fs.rmSync(tempDir, { recursive: true, force: true });
      // Fold the WAL back into the main file so the folder holds one tidy file at rest (a
      // damaged file is left exactly as it is, for whoever tries to rescue it).
      if (!health.damaged) {
        try {
          db.pragma('wal_checkpoint(TRUNCATE)');
        } catch {
          // A busy checkpoint is retried by SQLite on the next open.
        }
      }
      db.close();
    },
  };
}
