import { randomBytes } from 'node:crypto';
import { AppError } from '../../kernel/errors';
import type { PendingDownload } from '../../files/file-store';
import type { Language } from '../../../../shared/domain/settings';
import type { BatchOutput } from '../../../../shared/domain/minutes';
import type { BatchStatusValue } from '../../../../shared/api/minutes';
import { compareVietnamese } from '../../../../shared/text/collate';
import { safeFileName } from '../../../../shared/format/document-text';
import { translate } from '../../../../shared/i18n/translate';
import type { MinutesService } from './minutes-service';
import { FORM } from './minutes-layout';
import { mergePdfs } from '../../documents/pdf-merge';

/**
 * Minutes of many inspections at once (a plan's whole round): one PDF, or one file each for a
 * folder. Runs in the background of the core; the renderer polls its progress and may cancel
 * it between two documents. Nothing is handed out until the whole batch has succeeded.
 */

/** What the API answers (shared/api/minutes.ts): `current` is the unit being printed, `error` in the UI language. */
export type BatchStatus = BatchStatusValue;

interface Job {
  id: string;
  state: BatchStatus['state'];
  done: number;
  total: number;
  current: string;
  downloads: PendingDownload[];
  error: AppError | null;
  cancelled: boolean;
  finished: Promise<void>;
}

const KEPT_JOBS = 20;

interface BatchItem {
  id: string;
  planTitle: string;
  unitName: string;
  inspectionDate: string | null;
  plannedDate: string | null;
}

export class MinutesBatchJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly minutes: MinutesService,
    private readonly language: () => Language,
  ) {}

  start(planId: string, output: BatchOutput, inspectionIds: string[] | null): BatchStatus {
    const wanted = inspectionIds === null ? null : new Set(inspectionIds);
    const inspections: BatchItem[] = this.minutes
      .planInspections(planId)
      .filter((row) => wanted === null || wanted.has(row.id));
    if (wanted !== null) {
      // Inspections named explicitly but not recorded (planned: blank forms) come too.
      const listed = new Set(inspections.map((row) => row.id));
      for (const id of wanted) if (!listed.has(id)) inspections.push(this.summaryOf(id, planId));
    }
    if (inspections.length === 0) {
      throw new AppError('minutes.NOTHING_TO_PRINT', { messageKey: 'minutes.errors.nothingToPrint' });
    }
    const title = `${FORM.batchTitle} ${inspections[0]?.planTitle ?? ''}`;
    // Chronological, then by unit: the order the numbers are given and the pages bound.
    inspections.sort(
      (a, b) =>
        (a.inspectionDate ?? a.plannedDate ?? '9999').localeCompare(b.inspectionDate ?? b.plannedDate ?? '9999') ||
        compareVietnamese(a.unitName, b.unitName),
    );
    const job: Job = {
      id: randomBytes(12).toString('base64url'),
      state: 'running',
      done: 0,
      total: inspections.length,
      current: '',
      downloads: [],
      error: null,
      cancelled: false,
      finished: Promise.resolve(),
    };
    job.finished = this.run(
      job,
      inspections.map((row) => ({ id: row.id, unitName: row.unitName })),
      output,
      title,
    );
    this.jobs.set(job.id, job);
    for (const old of this.jobs.keys()) {
      if (this.jobs.size <= KEPT_JOBS) break;
      if (this.jobs.get(old)?.state !== 'running') this.jobs.delete(old);
    }
    return this.describe(job);
  }

  status(jobId: string): BatchStatus {
    return this.describe(this.job(jobId));
  }

  cancel(jobId: string): BatchStatus {
    const job = this.job(jobId);
    if (job.state === 'running') job.cancelled = true;
    return this.describe(job);
  }

  /** Waits for a job to end (tests, benchmarks, and closing the core). */
  async settle(jobId: string): Promise<BatchStatus> {
    const job = this.job(jobId);
    await job.finished;
    return this.describe(job);
  }

  /** Stops every running job at its next document (the core is closing). */
  cancelAll(): void {
    for (const job of this.jobs.values()) job.cancelled = true;
  }

  private summaryOf(id: string, planId: string): BatchItem {
    const detail = this.minutes.inspection(id);
    if (detail.planId !== planId) throw new AppError('NOT_FOUND');
    return {
      id,
      planTitle: detail.plan.title,
      unitName: detail.unit.name,
      inspectionDate: detail.content.inspectionDate,
      plannedDate: detail.plannedDate,
    };
  }

  private async run(
    job: Job,
    items: { id: string; unitName: string }[],
    output: BatchOutput,
    title: string,
  ): Promise<void> {
    const results: { fileName: string; data: Uint8Array }[] = new Array<{ fileName: string; data: Uint8Array }>(
      items.length,
    );
    let next = 0;
    // The first error stops every worker (kept in an object: the workers set it from closures).
    const outcome: { failure: Error | null } = { failure: null };
    const worker = async () => {
      while (!job.cancelled && outcome.failure === null && next < items.length) {
        const index = next;
        next += 1;
        const item = items[index];
        if (!item) break;
        job.current = item.unitName;
        try {
          // Numbers are given here, one document after another, in the batch's order.
          const { document } = this.minutes.prepare(item.id);
          const data = output === 'docxFiles' ? await this.minutes.docx(document) : await this.minutes.pdf(document);
          results[index] = { fileName: document.fileName, data };
          job.done += 1;
        } catch (error) {
          outcome.failure ??= error instanceof Error ? error : new Error(String(error));
        }
      }
    };
    const workers = output === 'docxFiles' ? 1 : this.minutes.renderer.parallelism;
    try {
      await Promise.all(Array.from({ length: Math.min(workers, items.length) }, worker));
      if (outcome.failure !== null) throw outcome.failure;
      if (job.cancelled) {
        job.state = 'cancelled';
        return;
      }
      if (output === 'onePdf') {
        job.current = '';
        const merged = await mergePdfs(
          results.map((result) => result.data),
          title,
        );
        job.downloads = [await this.minutes.download(`${safeFileName(title)}.pdf`, merged)];
      } else {
        const extension = output === 'docxFiles' ? 'docx' : 'pdf';
        const used = new Set<string>();
        for (const result of results) {
          let name = `${result.fileName}.${extension}`;
          for (let copy = 2; used.has(name.toLowerCase()); copy += 1)
            name = `${result.fileName} (${copy}).${extension}`;
          used.add(name.toLowerCase());
          job.downloads.push(await this.minutes.download(name, result.data));
        }
      }
      job.state = job.cancelled ? 'cancelled' : 'done';
    } catch (error) {
      job.state = 'failed';
      job.error =
        error instanceof AppError
          ? error
          : new AppError('minutes.BATCH_FAILED', { messageKey: 'minutes.errors.batchFailed', cause: error });
      if (!(error instanceof AppError)) console.error('[klkchc] minutes batch failed', error);
    } finally {
      job.current = '';
    }
  }

  private job(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('NOT_FOUND');
    return job;
  }

  private describe(job: Job): BatchStatus {
    return {
      jobId: job.id,
      state: job.state,
      done: job.done,
      total: job.total,
      current: job.current,
      downloads: job.state === 'done' ? job.downloads : [],
      error: job.error ? translate(this.language(), job.error.messageKey, job.error.params) : '',
    };
  }
}
