import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type CoreOptions } from '../../../electron/core/app/create-core';
import { fixedClock } from '../../../electron/core/kernel/clock';
import type { ApiInput, ApiName, ApiOutput } from '../../../shared/api/contract';
import { ApiFailure, TEST_OFFICE, createReadyCore, tempDir, type TestCore } from '../../support/core-harness';
import { addUnit, finaliseFor, inspectionOf, makePlan } from '../plans/planning-fixtures';
import { pdfInfo, pdfPages } from '../documents/pdf-tools';

/** Many minutes at once: one PDF or one file each; progress, cancelling, and what fails. */

let h: TestCore;
let planId: string;
let recorded: string[];
let planned: string;

async function settle(core: TestCore, jobId: string) {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const status = await core.call('minutes.batch.status', { jobId });
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('batch did not finish');
}

function bytesOf(core: TestCore, downloadId: string): Buffer {
  return fs.readFileSync(core.core.files.download(downloadId).path);
}

beforeAll(async () => {
  h = await createReadyCore({ clock: fixedClock('2019-10-15T01:30:00Z', 1000) });
  const names = ['Trường Tiểu học Hiệp Hạ', 'Trường Mầm non Lợi Bác', 'Trường THCS Na Dương', 'Trường TH Mẫu Sơn'];
  const units: string[] = [];
  for (const name of names) units.push(await addUnit(h, name));
  ({ planId } = await makePlan(h, units));
  // Recorded out of date order: the batch binds and numbers them by date.
  recorded = [
    await finaliseFor(h, planId, units[1]!, { date: '2019-10-22' }),
    await finaliseFor(h, planId, units[0]!, { date: '2019-10-15' }),
    await finaliseFor(h, planId, units[2]!, { date: '2019-10-29' }),
  ];
  planned = await inspectionOf(h, planId, units[3]!);
});
afterAll(() => h.close());

describe('minutes in bulk', () => {
  it('bind every recorded inspection of a plan into one PDF, by date, each numbered on from its own page 1', async () => {
    const started = await h.call('minutes.batch.start', { planId, output: 'onePdf' });
    expect(started).toMatchObject({ state: 'running', total: 3 });
    const done = await settle(h, started.jobId);
    expect(done).toMatchObject({ state: 'done', done: 3, total: 3, error: '' });
    expect(done.downloads).toHaveLength(1);
    expect(done.downloads[0]!.fileName).toBe('Biên bản kiểm tra – Kiểm tra KLKCHC năm học 2019–2020.pdf');
    const pdf = new Uint8Array(bytesOf(h, done.downloads[0]!.downloadId));
    const pages = pdfPages(pdf);
    // Each minutes alone has the same pages as in the bound file.
    const counts: number[] = [];
    for (const id of [recorded[1]!, recorded[0]!, recorded[2]!]) {
      counts.push((await h.call('minutes.preview', { inspectionId: id })).pageCount);
    }
    expect(pdfInfo(pdf).pages).toBe(counts.reduce((a, b) => a + b, 0));
    // Documents start where expected: a first page without a number, then 2, 3, …
    let page = 0;
    const expected = [
      ['Số: 01/BB-ĐKT', 'Trường Tiểu học Hiệp Hạ'],
      ['Số: 02/BB-ĐKT', 'Trường Mầm non Lợi Bác'],
      ['Số: 03/BB-ĐKT', 'Trường THCS Na Dương'],
    ];
    counts.forEach((count, index) => {
      const first = pages[page]!;
      // The plan's issuer (Phòng GD&ĐT) heads each document's first page.
      expect(first.trimStart().startsWith('PHÒNG GD&ĐT')).toBe(true);
      for (const phrase of expected[index]!) expect(first.replace(/\s+/g, ' ')).toContain(phrase);
      for (let next = 1; next < count; next += 1) {
        expect(pages[page + next]!.split('\n')[0]!.trim()).toBe(String(next + 1));
      }
      page += count;
    });
  });

  it('make one file each, PDF or Word, with names that never collide', async () => {
    const pdfs = await settle(h, (await h.call('minutes.batch.start', { planId, output: 'pdfFiles' })).jobId);
    expect(pdfs.state).toBe('done');
    expect(pdfs.downloads.map((download) => download.fileName)).toEqual([
      'Biên bản 01-BB-ĐKT Trường Tiểu học Hiệp Hạ.pdf',
      'Biên bản 02-BB-ĐKT Trường Mầm non Lợi Bác.pdf',
      'Biên bản 03-BB-ĐKT Trường THCS Na Dương.pdf',
    ]);
    for (const download of pdfs.downloads)
      expect(bytesOf(h, download.downloadId).subarray(0, 5).toString()).toBe('%PDF-');
    // A second visit to the unit not yet inspected: two blank forms of one unit.
    const unitId = (await h.call('inspections.get', { id: planned })).unitId;
    const second = await h.call('inspections.create', { planId, unitId, plannedDate: '2019-12-01' });
    const words = await settle(
      h,
      (
        await h.call('minutes.batch.start', {
          planId,
          output: 'docxFiles',
          inspectionIds: [...recorded, planned, second.id],
        })
      ).jobId,
    );
    expect(words.state).toBe('done');
    expect(words.downloads.map((download) => download.fileName)).toEqual([
      'Biên bản 01-BB-ĐKT Trường Tiểu học Hiệp Hạ.docx',
      'Biên bản 02-BB-ĐKT Trường Mầm non Lợi Bác.docx',
      'Biên bản 03-BB-ĐKT Trường THCS Na Dương.docx',
      // Not recorded yet: a blank form, no number given.
      'Biên bản Trường TH Mẫu Sơn.docx',
      'Biên bản Trường TH Mẫu Sơn (2).docx',
    ]);
    for (const download of words.downloads)
      expect(bytesOf(h, download.downloadId).subarray(0, 2).toString()).toBe('PK');
  });

  it('print an inspection listed twice only once', async () => {
    const started = await h.call('minutes.batch.start', {
      planId,
      output: 'docxFiles',
      inspectionIds: [planned, recorded[1]!, planned, recorded[1]!],
    });
    expect(started.total).toBe(2);
    const done = await settle(h, started.jobId);
    expect(done.state).toBe('done');
    expect(done.downloads.map((download) => download.fileName)).toEqual([
      'Biên bản 01-BB-ĐKT Trường Tiểu học Hiệp Hạ.docx',
      'Biên bản Trường TH Mẫu Sơn.docx',
    ]);
  });

  it('stop when cancelled and hand out nothing', async () => {
    const started = await h.call('minutes.batch.start', { planId, output: 'onePdf' });
    const cancelled = await h.call('minutes.batch.cancel', { jobId: started.jobId });
    expect(['running', 'cancelled']).toContain(cancelled.state);
    const final = await settle(h, started.jobId);
    expect(final.state).toBe('cancelled');
    expect(final.done).toBeLessThan(final.total);
    expect(final.downloads).toEqual([]);
  });

  it('say clearly when there is nothing to print, or the job is unknown', async () => {
    const empty = await addUnit(h, 'Trường chưa kiểm tra');
    const { planId: other } = await makePlan(h, [empty], { title: 'Kế hoạch chưa kiểm tra' });
    const nothing = await h.fail('minutes.batch.start', { planId: other, output: 'onePdf' });
    expect(nothing.code).toBe('minutes.NOTHING_TO_PRINT');
    expect(nothing.message).toContain('chưa có cuộc kiểm tra nào');
    expect((await h.fail('minutes.batch.status', { jobId: 'no-such-job-123' })).code).toBe('NOT_FOUND');
    // An inspection of another plan cannot be slipped into this plan's batch.
    const stranger = await inspectionOf(h, other, empty);
    expect((await h.fail('minutes.batch.start', { planId, output: 'onePdf', inspectionIds: [stranger] })).code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('when printing cannot work', () => {
  /** A real core on a temp folder, with the office set up, built with the given options. */
  async function coreWith(options: Partial<CoreOptions>): Promise<TestCore> {
    const dir = tempDir();
    const core = createCore({ dataDir: dir, mode: 'test', appVersion: '0', validateOutput: true, ...options });
    const harness: TestCore = {
      core,
      dir,
      async call<K extends ApiName>(name: K, input: ApiInput<K>): Promise<ApiOutput<K>> {
        const result = await core.router.call(name, input);
        if (!result.ok) throw new ApiFailure(result.error);
        return result.value as ApiOutput<K>;
      },
      async fail(name, payload) {
        const result = await core.router.call(name, payload);
        if (result.ok) throw new Error(`${name} did not fail`);
        return result.error;
      },
      reopen: () => Promise.reject(new Error('not needed')),
      close() {
        core.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
    await harness.call('settings.setupOffice', { office: TEST_OFFICE });
    return harness;
  }

  async function oneInspection(core: TestCore): Promise<{ planId: string; id: string }> {
    const unit = await addUnit(core, 'Trường Tiểu học Hiệp Hạ');
    const plan = await makePlan(core, [unit]);
    return { planId: plan.planId, id: await finaliseFor(core, plan.planId, unit) };
  }

  it('names the browser that would not start, changes nothing, and fails a batch whole', async () => {
    const { createChromiumPdfRenderer } = await import('../../../electron/core/documents/chromium-pdf-renderer');
    const core = await coreWith({ pdfRenderer: createChromiumPdfRenderer({ executablePath: '/khong-co/chromium' }) });
    try {
      const { planId: plan, id } = await oneInspection(core);
      const error = await core.fail('minutes.exportPdf', { inspectionId: id });
      expect(error.code).toBe('documents.BROWSER_FAILED');
      expect(error.message).toContain('Không khởi động được trình duyệt /khong-co/chromium');
      const batch = await settle(
        core,
        (await core.call('minutes.batch.start', { planId: plan, output: 'onePdf' })).jobId,
      );
      expect(batch.state).toBe('failed');
      expect(batch.downloads).toEqual([]);
      expect(batch.error).toContain('/khong-co/chromium');
      // Word needs no browser: it still works.
      expect((await core.call('minutes.exportDocx', { inspectionId: id })).fileName).toMatch(/\.docx$/);
    } finally {
      core.close();
    }
  });

  it('refuses to print without the bundled font rather than fall back to another', async () => {
    const emptyResources = tempDir('klkchc-res-');
    const core = await coreWith({ resourcesDir: emptyResources });
    try {
      const { id } = await oneInspection(core);
      const error = await core.fail('minutes.printHtml', { inspectionId: id });
      expect(error.code).toBe('documents.FONT_MISSING');
      expect(error.message).toContain('tinos-latin-400-normal.woff2');
      expect(error.message).toContain('Hãy cài lại ứng dụng');
    } finally {
      core.close();
      fs.rmSync(emptyResources, { recursive: true, force: true });
    }
  });
});
