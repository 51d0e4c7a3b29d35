import type { Db } from '../db/open';
import type { HandlerMap } from '../api/handler-map';
import type { Contract } from '../../../shared/api/contract';
import { AppError } from '../kernel/errors';
import type { Services } from './services';
import type { DataHealth } from '../db/health';
import type { BackgroundCheck } from '../db/background-check';

/** One open database with the services and handlers built over it. */
export interface Runtime {
  db: Db;
  services: Services;
  handlers: HandlerMap<Contract>;
  /** Whether this database is damaged, and the check of it still running in the background. */
  health: DataHealth;
  background: BackgroundCheck | null;
}

/**
 * Holds the open database and everything built on it, behind one reference, so a restore can
 * put another database in its place while the app runs (in Electron and in browser mode alike).
 * API calls go through `run`: while the database is being replaced (`exclusive`), new calls
 * wait, and the replacement waits until the calls already running have finished.
 */
export class CoreHolder {
  private current: Runtime | null = null;
  private running = 0;
  private idle: (() => void) | null = null;
  /** Settles when the replacement under way (if any) is over. */
  private replacing: Promise<void> | null = null;

  constructor(
    private readonly openRuntime: () => Runtime,
    /** Calls that replace the database themselves (a restore): run exclusively, not counted. */
    private readonly exclusiveCalls: ReadonlySet<string> = new Set(),
  ) {
    this.current = openRuntime();
  }

  /** False while no database is in place (opening the replacement failed). */
  get hasRuntime(): boolean {
    return this.current !== null;
  }

  get runtime(): Runtime {
    if (!this.current) throw new AppError('DB_CORRUPT', { params: { file: '' } });
    return this.current;
  }

  get services(): Services {
    return this.runtime.services;
  }

  get db(): Db {
    return this.runtime.db;
  }

  /** Runs one API call against the current database. */
  async run<T>(name: string, work: (runtime: Runtime) => T | Promise<T>): Promise<T> {
    if (this.exclusiveCalls.has(name)) return this.exclusive(() => work(this.runtime));
    while (this.replacing) await this.replacing;
    this.running += 1;
    try {
      return await work(this.runtime);
    } finally {
      this.running -= 1;
      if (this.running === 0) this.idle?.();
    }
  }

  /**
   * Runs `work` with no other call running and none starting until it ends (calls wait for it,
   * then go on against whatever database it left in place).
   */
  async exclusive<T>(work: () => T | Promise<T>): Promise<T> {
    while (this.replacing) await this.replacing;
    let release!: () => void;
    this.replacing = new Promise<void>((resolve) => (release = resolve));
    try {
      if (this.running > 0) await new Promise<void>((resolve) => (this.idle = resolve));
      this.idle = null;
      return await work();
    } finally {
      this.replacing = null;
      release();
    }
  }

  /**
   * Closes the database (its WAL folded back into the file, so the folder holds one file),
   * runs `between` on the closed files, then opens whatever database is now in place and
   * builds new services over it. Must run inside `exclusive`. When opening fails, the error is
   * thrown and calls are refused until a database opens again.
   */
  async reopen(between: () => void | Promise<void>): Promise<void> {
    this.closeCurrent();
    try {
      await between();
    } finally {
      this.current = this.openRuntime();
    }
  }

  close(): void {
    this.closeCurrent();
  }

  private closeCurrent(): void {
    const runtime = this.current;
    if (!runtime) return;
    this.current = null;
    runtime.background?.cancel();
    runtime.services.minutesBatches.cancelAll();
    // Also for a damaged file: a restore must never find a -wal of the old file beside the new
    // one. A damaged file's WAL holds nothing written since the damage was found (query_only).
    try {
      runtime.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // A busy checkpoint is retried by SQLite on the next open.
    }
    runtime.db.close();
  }
}
