import { randomBytes } from 'node:crypto';
import { AppError, explainSystemError } from '../../kernel/errors';
import { translate } from '../../../../shared/i18n/translate';
import type { Language } from '../../../../shared/domain/settings';
import type { BackupJob } from '../../../../shared/domain/backup';

type Result = NonNullable<BackupJob['result']>;

interface Job {
  id: string;
  kind: BackupJob['kind'];
  state: BackupJob['state'];
  phase: BackupJob['phase'];
  done: number;
  total: number;
  result: Result | null;
  error: AppError | null;
  abort: AbortController;
  finished: Promise<void>;
}

/** Progress the work reports: the phase it is in, bytes done of the phase's total. */
export type ReportProgress = (phase: BackupJob['phase'], done: number, total: number) => void;

const KEPT_JOBS = 20;

/**
 * Backups and copies run in the background of the core: the API answers at once with a job the
 * renderer polls for progress and may cancel (between two pieces of work; a snapshot in SQLite
 * finishes its step first). The error is kept as an AppError and said in the language of the
 * moment it is read.
 */
export class BackupJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly language: () => Language,
    private readonly logError: (message: string, error: unknown) => void,
  ) {}

  start(kind: BackupJob['kind'], work: (signal: AbortSignal, progress: ReportProgress) => Promise<Result>): BackupJob {
    const job: Job = {
      id: randomBytes(12).toString('base64url'),
      kind,
      state: 'running',
      phase: 'snapshot',
      done: 0,
      total: 0,
      result: null,
      error: null,
      abort: new AbortController(),
      finished: Promise.resolve(),
    };
    const progress: ReportProgress = (phase, done, total) => {
      job.phase = phase;
      job.done = done;
      job.total = total;
    };
    job.finished = work(job.abort.signal, progress).then(
      (result) => {
        job.result = result;
        job.phase = 'done';
        job.state = 'done';
      },
      (error: unknown) => {
        if (job.abort.signal.aborted) {
          job.state = 'cancelled';
          return;
        }
        job.state = 'failed';
        job.error = this.explain(error);
      },
    );
    this.jobs.set(job.id, job);
    for (const old of this.jobs.keys()) {
      if (this.jobs.size <= KEPT_JOBS) break;
      if (this.jobs.get(old)?.state !== 'running') this.jobs.delete(old);
    }
    return this.describe(job);
  }

  status(jobId: string): BackupJob {
    return this.describe(this.job(jobId));
  }

  cancel(jobId: string): BackupJob {
    const job = this.job(jobId);
    if (job.state === 'running') job.abort.abort();
    return this.describe(job);
  }

  async settle(jobId: string): Promise<BackupJob> {
    const job = this.job(jobId);
    await job.finished;
    return this.describe(job);
  }

  running(): boolean {
    return [...this.jobs.values()].some((job) => job.state === 'running');
  }

  cancelAll(): void {
    for (const job of this.jobs.values()) if (job.state === 'running') job.abort.abort();
  }

  /** Waits for every job to end (the core is closing). */
  async settleAll(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((job) => job.finished));
  }

  explain(error: unknown): AppError {
    const known = explainSystemError(error);
    if (known) return known;
    this.logError('backup failed unexpectedly', error);
    return new AppError('INTERNAL', { cause: error });
  }

  private job(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('NOT_FOUND');
    return job;
  }

  private describe(job: Job): BackupJob {
    return {
      jobId: job.id,
      kind: job.kind,
      state: job.state,
      phase: job.phase,
      done: job.done,
      total: job.total,
      result: job.result,
      error: job.error ? translate(this.language(), job.error.messageKey, job.error.params) : '',
    };
  }
}
