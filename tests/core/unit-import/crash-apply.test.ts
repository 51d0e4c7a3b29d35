import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReadyCore, createTestCore, tempDir } from '../../support/core-harness';

const ROWS = 6_000;
const CHILD = path.join(import.meta.dirname, 'support', 'apply-child.ts');

function csv(): string {
  const lines = ['STT;Mã đơn vị;Tên đơn vị;Hiệu trưởng;Điện thoại'];
  for (let index = 1; index <= ROWS; index += 1) {
    lines.push(
      `${index};DV${String(index).padStart(5, '0')};Trường Tiểu học Hiệp Hạ số ${index};Nguyễn Văn An;0205 3840 123`,
    );
  }
  return `\uFEFF${lines.join('\r\n')}`;
}

/** Runs the import in a child process and kills it `delayMs` after the write transaction starts. */
function killDuringApply(dataDir: string, csvPath: string, delayMs: number): Promise<'killed' | 'finished'> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, csvPath], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('applying') && !output.includes('done')) {
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(output.includes('done') ? 'finished' : 'killed');
      else if (code === 0) resolve('finished');
      else reject(new Error(`child failed (${code}): ${errors}`));
    });
  });
}

/**
 * Reliability test 1 (tests/README.md) for the importer: a large import killed with SIGKILL at random points
 * of its write leaves a database that opens, passes integrity_check, and holds the import
 * entirely or not at all.
 */
describe('an import killed mid-write', () => {
  let dataDir: string;
  let csvPath: string;

  beforeAll(async () => {
    dataDir = tempDir('klkchc-crash-');
    const setup = await createReadyCore();
    // The office is set up once in this folder; the child processes import into it. Closed
    // before copying: a folder in use holds its lock file, and a live database is never copied.
    setup.core.close();
    fs.cpSync(setup.dir, dataDir, { recursive: true });
    setup.close();
    csvPath = path.join(tempDir('klkchc-crash-csv-'), 'danh-sach.csv');
    fs.writeFileSync(csvPath, csv());
  });
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(path.dirname(csvPath), { recursive: true, force: true });
  });

  it('is applied entirely or not at all, and the database stays sound', async () => {
    const outcomes: string[] = [];
    for (const delay of [0, 40, 150, 400, 900]) {
      const outcome = await killDuringApply(dataDir, csvPath, delay);
      outcomes.push(outcome);
      const reopened = createTestCore({ dir: dataDir });
      try {
        expect(reopened.core.db.pragma('integrity_check', { simple: true })).toBe('ok');
        const { total } = await reopened.call('registry.counts', {});
        expect([0, ROWS], `after a kill ${delay} ms into the write`).toContain(total);
        if (total === ROWS) break;
      } finally {
        reopened.core.close();
      }
    }
    expect(outcomes).toContain('killed');
  }, 300_000);
});
