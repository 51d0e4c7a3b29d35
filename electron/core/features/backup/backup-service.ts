import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/open';
import type { Clock } from '../../kernel/clock';
import { AppError, isCorruption } from '../../kernel/errors';
import type { FileStore } from '../../files/file-store';
import type { FolderMemory } from '../../files/folder-memory';
import { checkedFolder } from '../../files/folder-browser';
import { folderKind as detectFolderKind } from '../../files/drives';
import { copyFileVerified, freeFileName } from '../../files/removable-write';
import { prepareKeys } from '../../files/sealed-keys';
import { translate } from '../../../../shared/i18n/translate';
import type { Language } from '../../../../shared/domain/settings';
import type { FolderKind } from '../../../../shared/domain/folders';
import type {
  BackupEntry,
  BackupJob,
  BackupManifest,
  BackupOverview,
  BackupReason,
  InspectedBackup,
} from '../../../../shared/domain/backup';
import { SETTINGS_KEYS } from '../settings/settings-service';
import { BackupJobs, type ReportProgress } from './backup-jobs';
import { BACKUP_EXTENSION, backupStem, isBackupFileName } from './backup-name';
import { readBackupManifest, writeBackupFile, type ContentChecksum } from './backup-file';
import { BackupStateFile } from './backup-state';
import { dataFingerprint, parseFingerprint, sameData } from './data-fingerprint';
import { backupsToKeep } from './retention';
import { removeStaged, stageRestore, type StagedFile } from './restore-staging';
import { backupPaths, keepDamagedFile, recoverBackupFolders, switchDatabase, type BackupPaths } from './restore-switch';
import { takeSnapshot } from './snapshot';
import { factSteps, factsFrom, type DatabaseFacts } from './database-facts';
import { runSqliteSteps } from '../../db/sqlite-worker';

/** What the backup feature needs of the core holder (electron/core/app/core-holder.ts). */
export interface DatabaseHost {
  /** The database open now (a restore replaces it). */
  readonly db: Db;
  /** Closes the database (WAL folded in), runs `between` on the closed files, opens what is then in place. */
  reopen(between: () => void | Promise<void>): Promise<void>;
  /** The database in place is known to be damaged (writes refused; see db/health.ts). */
  readonly damaged: boolean;
}

export interface BackupDeps {
  host: DatabaseHost;
  dataDir: string;
  databaseFile: string;
  clock: Clock;
  files: FileStore;
  appVersion: string;
  language: () => Language;
  folders: FolderMemory;
  /** Whether a folder is off this PC (files/drives.ts); tests name their own. */
  folderKind?: (folder: string) => Promise<FolderKind>;
  logger?: { warn(message: string): void; error(message: string, error?: unknown): void };
}

/** A backup written, with what the list shows of it. */
interface Written {
  path: string;
  fileName: string;
  folder: string;
  size: number;
  manifest: BackupManifest;
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
/** Backups taken just before a restore: the newest ones are kept whatever the thinning says. */
const KEPT_BEFORE_RESTORE = 3;
const AUTOMATIC_REASONS: ReadonlySet<BackupReason> = new Set(['daily', 'quit', 'beforeRestore']);

/**
 * Backups and restores (issue "Sao lưu ngay", "Khôi phục", automatic backups): one place that
 * outlives any one open database, since a restore replaces the database under it. Heavy work is
 * done one piece at a time (`lane`): a backup, an automatic backup, the check of a file to
 * restore, the restore itself.
 */
export class BackupService {
  readonly paths: BackupPaths;
  private readonly state: BackupStateFile;
  private readonly jobs: BackupJobs;
  private readonly folderKind: (folder: string) => Promise<FolderKind>;
  private readonly logger: NonNullable<BackupDeps['logger']>;
  private lane: Promise<unknown> = Promise.resolve();
  private busy = 0;
  private staged: StagedFile | null = null;
  private dailyTimer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: BackupDeps) {
    this.paths = backupPaths(deps.dataDir, deps.databaseFile);
    this.state = new BackupStateFile(this.paths.backupsDir);
    this.logger = deps.logger ?? {
      warn: (message) => console.warn(`[klkchc] ${message}`),
      error: (message, error) => console.error(`[klkchc] ${message}`, error ?? ''),
    };
    this.jobs = new BackupJobs(deps.language, (message, error) => this.logger.error(message, error));
    this.folderKind = deps.folderKind ?? ((folder) => detectFolderKind(folder));
  }

  /** Before the database is opened: what an interrupted backup or restore left behind. */
  recover(): void {
    recoverBackupFolders(this.paths);
  }

  // ——— what is known ———

  overview(): BackupOverview {
    const state = this.state.read();
    const now = this.deps.clock.now().getTime();
    const external = state.lastExternal ? Date.parse(state.lastExternal.at) : null;
    return {
      lastBackupAt: state.lastBackup?.at ?? null,
      lastBackupFolder: state.lastBackup?.folder ?? '',
      lastExternalAt: state.lastExternal?.at ?? null,
      externalOverdue: external === null || now - external > WEEK_MS,
      failures: this.state.failures(),
      dataFolder: this.paths.backupsDir,
      secondFolder: state.secondFolder,
    };
  }

  /** The backups in the data folder and the second folder, newest first. */
  async list(): Promise<{ entries: BackupEntry[]; secondFolderProblem: string }> {
    const entries = await this.entriesIn(this.paths.backupsDir, 'dataFolder');
    const second = this.state.read().secondFolder;
    let secondFolderProblem = '';
    if (second) {
      if (fs.existsSync(second)) entries.push(...(await this.entriesIn(second, 'secondFolder')));
      else secondFolderProblem = this.say('files.errors.folderNotFound', { folder: second });
    }
    const time = (entry: BackupEntry) => (entry.manifest ? Date.parse(entry.manifest.createdAt) : 0);
    entries.sort((a, b) => time(b) - time(a) || b.fileName.localeCompare(a.fileName));
    return { entries, secondFolderProblem };
  }

  setSecondFolder(folder: string | null): BackupOverview {
    const checked = folder === null ? null : this.existingFolder(folder);
    this.state.update((state) => {
      state.secondFolder = checked;
      if (checked === null) state.failures.secondFolder = null;
    });
    if (checked) this.deps.folders.remember('secondFolder', checked);
    return this.overview();
  }

  // ——— back up now, copy elsewhere ———

  /** "Sao lưu ngay": a job writing one backup file into `folder`, optionally with a password. */
  start(folder: string, password: string | null): BackupJob {
    const target = this.existingFolder(folder);
    return this.jobs.start('backup', (signal, progress) =>
      this.inLane(async () => {
        const written = await this.backUp(target, 'manual', password, signal, progress);
        const kind = await this.recordBackup(written);
        this.deps.folders.remember('backup', target);
        return { ...this.resultOf(written), folderKind: kind };
      }),
    );
  }

  /** Copies a listed backup to another folder (a stick), durably and read back. */
  copy(file: string, folder: string): BackupJob {
    const target = this.existingFolder(folder);
    const source = path.resolve(file);
    if (!isBackupFileName(path.basename(source)) || !fs.existsSync(source)) throw new AppError('FILE_NOT_FOUND');
    return this.jobs.start('copy', (signal, progress) =>
      this.inLane(async () => {
        const manifest = await readBackupManifest(source).catch(() => null);
        const name = freeFileName(target, path.basename(source, BACKUP_EXTENSION), BACKUP_EXTENSION);
        const { size } = await copyFileVerified(source, path.join(target, name), {
          signal,
          onProgress: (done, total) => progress('write', done, total),
        });
        const kind = await this.folderKind(target);
        if (kind !== 'local') {
          this.state.update((state) => {
            state.lastExternal = { at: this.deps.clock.now().toISOString(), folder: target };
          });
        }
        this.deps.folders.remember('backup', target);
        return {
          fileName: name,
          path: path.join(target, name),
          folder: target,
          size,
          folderKind: kind,
          counts: manifest?.counts ?? { units: 0, plans: 0, inspections: 0, finalisedMinutes: 0 },
        };
      }),
    );
  }

  status(jobId: string): BackupJob {
    return this.jobs.status(jobId);
  }

  cancel(jobId: string): BackupJob {
    return this.jobs.cancel(jobId);
  }

  settle(jobId: string): Promise<BackupJob> {
    return this.jobs.settle(jobId);
  }

  // ——— restore ———

  /**
   * Checks a file to restore completely and stages it in the data folder (restore-staging.ts);
   * answers what it holds beside today's data, or that it needs its password. The live
   * database is not touched.
   */
  async inspect(source: { fileId: string } | { path: string }, password: string | null): Promise<InspectedBackup> {
    const chosen =
      'fileId' in source
        ? this.deps.files.open(source.fileId)
        : { path: path.resolve(source.path), name: path.basename(source.path) };
    if (!fs.existsSync(chosen.path) || !fs.statSync(chosen.path).isFile()) throw new AppError('FILE_NOT_FOUND');
    return this.inLane(async () => {
      this.discardStaged();
      const outcome = await stageRestore(chosen.path, chosen.name, password, this.paths.restoreDir);
      if (outcome.state === 'needsPassword') return outcome;
      this.staged = outcome.staged;
      const current = await this.currentFacts();
      const { staged } = outcome;
      return {
        state: 'ready',
        stagingId: staged.id,
        fileName: staged.fileName,
        source: staged.source,
        encrypted: staged.encrypted,
        office: staged.facts.office,
        takenAt: staged.takenAt,
        appVersion: staged.appVersion,
        schemaVersion: staged.facts.schemaVersion,
        migratedFrom: staged.migratedFrom,
        counts: staged.facts.counts,
        current,
      };
    });
  }

  discard(stagingId: string): void {
    if (this.staged?.id === stagingId) this.discardStaged();
  }

  /**
   * Restores the staged file. Called with no other API call running (EXCLUSIVE_CALLS): first a
   * backup of the current data into the data folder's list, then the switch on closed files
   * (restore-switch.ts) through the holder, which opens the restored database and rebuilds the
   * services over it. Refused while a backup is running; on any failure the old database is
   * open again and unchanged.
   */
  async restore(stagingId: string): Promise<{ fileName: string; safetyBackup: string; safetyDamaged: boolean }> {
    const staged = this.staged;
    if (!staged || staged.id !== stagingId || !fs.existsSync(staged.file)) {
      throw new AppError('backup.STAGING_GONE', { messageKey: 'backup.errors.stagingGone' });
    }
    if (this.busy > 0) throw new AppError('backup.BUSY', { messageKey: 'backup.errors.busy' });
    return this.inLane(async () => {
      // Today's data first. A damaged file cannot be copied through SQLite: the file itself is
      // kept instead (after its clean close), for technical support.
      let safety: Written | null = null;
      let kept = '';
      try {
        safety = await this.backUp(this.paths.backupsDir, 'beforeRestore', null);
        await this.recordBackup(safety);
      } catch (error) {
        if (!this.deps.host.damaged && !isCorruption((error as { code?: unknown }).code)) throw error;
      }
      const officeName = safety?.manifest.office.name ?? this.officeName();
      await this.deps.host.reopen(() => {
        if (!safety) kept = keepDamagedFile(this.paths, backupStem(officeName, this.deps.clock.now()));
        switchDatabase(this.paths, staged.file);
      });
      this.staged = null;
      if (safety) await this.thin(this.paths.backupsDir, safety.manifest.office.id);
      return { fileName: staged.fileName, safetyBackup: safety?.fileName ?? kept, safetyDamaged: safety === null };
    });
  }

  // ——— automatic backups ———

  /**
   * An automatic backup into the data folder, then a copy to the second folder when one is set,
   * then thinning both. `daily`: at most one a day (the first start, or browser mode's timer);
   * `quit`: when quitting. Either only when the data changed since the last automatic backup
   * (data-fingerprint.ts). A failure is recorded and shown (overview), never thrown.
   */
  async automatic(reason: 'daily' | 'quit'): Promise<{ taken: boolean }> {
    return this.inLane(async () => {
      // A damaged file is not backed up: its copies would push the good ones out of the list.
      if (this.deps.host.damaged || !this.officeSetUp()) return { taken: false };
      const fingerprint = dataFingerprint(this.deps.host.db, this.deps.databaseFile);
      const last = this.state.read().lastAutomatic;
      const now = this.deps.clock.now();
      if (last && sameData(parseFingerprint(last.fingerprint), fingerprint)) return { taken: false };
      if (reason === 'daily' && last && sameLocalDay(new Date(last.at), now)) return { taken: false };
      let written: Written;
      try {
        written = await this.backUp(this.paths.backupsDir, reason, null);
      } catch (error) {
        this.recordFailure('dataFolder', this.paths.backupsDir, error);
        return { taken: false };
      }
      await this.recordBackup(written);
      this.state.update((state) => {
        state.lastAutomatic = { at: written.manifest.createdAt, fingerprint: JSON.stringify(fingerprint) };
        state.failures.dataFolder = null;
      });
      await this.thin(this.paths.backupsDir, written.manifest.office.id);
      await this.copyToSecondFolder(written);
      return { taken: true };
    });
  }

  /** Browser mode: the server may run for weeks; check once an hour whether a day's backup is due. */
  startDailyTimer(intervalMs = 60 * 60 * 1000): void {
    if (this.dailyTimer) return;
    this.dailyTimer = setInterval(() => void this.automatic('daily'), intervalMs);
    this.dailyTimer.unref();
  }

  /** Stops the timer and any job (the core is closing). */
  close(): void {
    if (this.dailyTimer) clearInterval(this.dailyTimer);
    this.dailyTimer = null;
    this.jobs.cancelAll();
    this.discardStaged();
  }

  // ——— the pieces ———

  /** Runs heavy work one at a time. */
  private inLane<T>(work: () => Promise<T>): Promise<T> {
    this.busy += 1;
    const run = this.lane.then(work, work);
    this.lane = run.catch(() => undefined);
    return run.finally(() => {
      this.busy -= 1;
    });
  }

  /** Snapshot, manifest, sealed file written and read back in `folder`. */
  private async backUp(
    folder: string,
    reason: BackupReason,
    password: string | null,
    signal?: AbortSignal,
    progress?: ReportProgress,
  ): Promise<Written> {
    fs.mkdirSync(this.paths.snapshotsDir, { recursive: true });
    const hashing = new AbortController();
    let checksumDone: Promise<unknown> = Promise.resolve();
    const snapshotFile = path.join(
      this.paths.snapshotsDir,
      `snapshot-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}.sqlite3`,
    );
    // scrypt (0.3–1 s, thread pool) runs while the worker takes the snapshot: derived once, here.
    const prepared = password ? prepareKeys(password) : null;
    try {
      const snapshot = await takeSnapshot(this.deps.databaseFile, snapshotFile, () => this.deps.clock.now(), {
        signal,
        onProgress: (done, total) => progress?.('snapshot', done, total),
      });
      const manifestFor = (database: ContentChecksum): BackupManifest => ({
        format: 'klkchc.backup',
        manifestVersion: 1,
        appVersion: this.deps.appVersion,
        schemaVersion: snapshot.schemaVersion,
        office: snapshot.office,
        createdAt: snapshot.takenAt.toISOString(),
        reason,
        counts: snapshot.counts,
        database,
      });
      fs.mkdirSync(folder, { recursive: true });
      const fileName = freeFileName(folder, backupStem(snapshot.office.name, snapshot.takenAt), BACKUP_EXTENSION);
      const target = path.join(folder, fileName);
      // Hashed in a worker on the other core while the main thread seals and writes it.
      const checksum = runSqliteSteps([{ op: 'sha256File', file: snapshotFile }], hashing.signal).then(
        (results) => results[0] as ContentChecksum,
      );
      checksumDone = checksum.catch(() => undefined);
      const size = await writeBackupFile(target, snapshotFile, manifestFor, checksum, {
        password,
        prepared,
        signal,
        onProgress: (phase, done, total) => progress?.(phase, done, total),
      });
      const manifest = manifestFor(await checksum);
      return { path: target, fileName, folder, size, manifest };
    } finally {
      // The hashing worker lets go of the snapshot before it is removed (Windows keeps open files).
      hashing.abort();
      await checksumDone;
      // Wiped here too when the snapshot failed before the writer took them.
      await prepared?.keys.then(
        (keys) => keys.wipe(),
        () => undefined,
      );
      fs.rmSync(snapshotFile, { force: true });
    }
  }

  /** Remembers the newest backup, and the newest off this PC. */
  private async recordBackup(written: Written): Promise<FolderKind> {
    const kind = written.folder === this.paths.backupsDir ? 'local' : await this.folderKind(written.folder);
    this.state.update((state) => {
      state.lastBackup = { at: written.manifest.createdAt, folder: written.folder };
      if (kind !== 'local') state.lastExternal = { at: written.manifest.createdAt, folder: written.folder };
    });
    return kind;
  }

  private async copyToSecondFolder(written: Written): Promise<void> {
    const second = this.state.read().secondFolder;
    if (!second) return;
    try {
      if (!fs.existsSync(second)) {
        throw new AppError('file.FOLDER_NOT_FOUND', {
          messageKey: 'files.errors.folderNotFound',
          params: { folder: second },
        });
      }
      const name = freeFileName(second, path.basename(written.fileName, BACKUP_EXTENSION), BACKUP_EXTENSION);
      await copyFileVerified(written.path, path.join(second, name));
      const kind = await this.folderKind(second);
      this.state.update((state) => {
        state.failures.secondFolder = null;
        if (kind !== 'local') state.lastExternal = { at: written.manifest.createdAt, folder: second };
      });
      await this.thin(second, written.manifest.office.id);
    } catch (error) {
      this.recordFailure('secondFolder', second, error);
    }
  }

  private recordFailure(target: 'dataFolder' | 'secondFolder', folder: string, error: unknown): void {
    const explained = this.jobs.explain(error);
    const message = this.say(explained.messageKey, explained.params);
    this.logger.warn(`automatic backup to ${folder} failed: ${message}`);
    this.state.update((state) => {
      state.failures[target] = { at: this.deps.clock.now().toISOString(), target, folder, message };
    });
  }

  /**
   * Thins this office's automatic backups in `folder` (retention.ts); a manual backup, another
   * office's (a shared network folder) or one that cannot be read is never removed.
   */
  private async thin(folder: string, officeId: string): Promise<void> {
    try {
      const candidates: { id: string; at: Date; reason: BackupReason }[] = [];
      for (const name of fs.readdirSync(folder).filter(isBackupFileName)) {
        try {
          const manifest = await readBackupManifest(path.join(folder, name));
          if (manifest.office.id !== officeId || !AUTOMATIC_REASONS.has(manifest.reason)) continue;
          candidates.push({ id: name, at: new Date(manifest.createdAt), reason: manifest.reason });
        } catch {
          // Unreadable or encrypted: not ours to judge.
        }
      }
      const keep = backupsToKeep(candidates);
      candidates
        .filter((candidate) => candidate.reason === 'beforeRestore')
        .sort((a, b) => b.at.getTime() - a.at.getTime())
        .slice(0, KEPT_BEFORE_RESTORE)
        .forEach((candidate) => keep.add(candidate.id));
      for (const candidate of candidates) {
        if (!keep.has(candidate.id)) fs.rmSync(path.join(folder, candidate.id), { force: true });
      }
    } catch (error) {
      this.logger.warn(`thinning backups in ${folder} failed: ${String(error)}`);
    }
  }

  private async entriesIn(folder: string, place: BackupEntry['place']): Promise<BackupEntry[]> {
    let names: string[];
    try {
      names = fs.readdirSync(folder).filter(isBackupFileName);
    } catch {
      return [];
    }
    const entries: BackupEntry[] = [];
    for (const name of names) {
      const file = path.join(folder, name);
      let size: number;
      try {
        size = fs.statSync(file).size;
      } catch {
        continue;
      }
      try {
        entries.push({
          path: file,
          fileName: name,
          place,
          size,
          encrypted: false,
          manifest: await readBackupManifest(file),
          problem: '',
        });
      } catch (error) {
        const explained = error instanceof AppError ? error : this.jobs.explain(error);
        const encrypted = explained.code === 'file.PASSWORD_REQUIRED';
        entries.push({
          path: file,
          fileName: name,
          place,
          size,
          encrypted,
          manifest: null,
          problem: encrypted ? '' : this.say(explained.messageKey, explained.params),
        });
      }
    }
    return entries;
  }

  private resultOf(written: Written): Omit<NonNullable<BackupJob['result']>, 'folderKind'> {
    return {
      fileName: written.fileName,
      path: written.path,
      folder: written.folder,
      size: written.size,
      counts: written.manifest.counts,
    };
  }

  private existingFolder(folder: string): string {
    const checked = checkedFolder(folder);
    if (!fs.existsSync(checked) || !fs.statSync(checked).isDirectory()) {
      throw new AppError('file.FOLDER_NOT_FOUND', { messageKey: 'files.errors.folderNotFound', params: { folder } });
    }
    return checked;
  }

  private officeName(): string {
    try {
      const row = this.deps.host.db
        .prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
        .get(SETTINGS_KEYS.officeName);
      return row?.value ?? '';
    } catch {
      return '';
    }
  }

  private officeSetUp(): boolean {
    const row = this.deps.host.db
      .prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
      .get(SETTINGS_KEYS.officeName);
    return row !== undefined;
  }

  /** Today's office and counts, read like the file's (a connection of its own, in a worker). */
  private async currentFacts(): Promise<Pick<DatabaseFacts, 'office' | 'counts'>> {
    const facts = factsFrom(
      await runSqliteSteps([{ op: 'open', file: this.deps.databaseFile, readonly: true }, ...factSteps()]),
      1,
    );
    return { office: facts.office, counts: facts.counts };
  }

  private discardStaged(): void {
    if (this.staged) removeStaged(this.staged.file);
    this.staged = null;
  }

  private say(key: string, params: Record<string, string | number> = {}): string {
    return translate(this.deps.language(), key, params);
  }
}

function sameLocalDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}
