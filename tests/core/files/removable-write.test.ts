import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  copyFileVerified,
  freeFileName,
  isPartialName,
  removeStalePartials,
  verifyFailed,
  writeNewFile,
} from '../../../electron/core/files/removable-write';
import { AppError } from '../../../electron/core/kernel/errors';
import { FileError } from '../../../shared/api/files';
import { CommonError } from '../../../shared/api/errors';
import { translate } from '../../../shared/i18n/translate';
import { tempDir } from '../../support/core-harness';
import { failWritesFrom } from '../../support/inject-fault';
import { mountSmallDisk } from '../../support/small-disk';

const cleanups: (() => void)[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function folder(): string {
  const dir = tempDir('klkchc-removable-');
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function caught(work: () => Promise<unknown>): Promise<AppError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

/** A "stick" holding two earlier backups, and a 3 MiB source to copy onto it. */
function stickWithBackups(dir: string): { source: string; earlier: Record<string, Buffer> } {
  const earlier = {
    'KLKCHC_phong-gd_2026-11-01_0800.klkbak': Buffer.alloc(200_000, 1),
    'KLKCHC_phong-gd_2026-11-20_1630.klkbak': Buffer.alloc(300_000, 2),
  };
  for (const [name, data] of Object.entries(earlier)) fs.writeFileSync(path.join(dir, name), data);
  const sourceDir = folder();
  const source = path.join(sourceDir, 'new.klkbak');
  fs.writeFileSync(source, Buffer.alloc(3 * 1024 * 1024, 9));
  return { source, earlier };
}

function expectUntouched(dir: string, earlier: Record<string, Buffer>): void {
  expect(fs.readdirSync(dir).sort()).toEqual(Object.keys(earlier).sort());
  for (const [name, data] of Object.entries(earlier)) {
    expect(fs.readFileSync(path.join(dir, name)).equals(data), name).toBe(true);
  }
}

describe('writing a new file to removable media', () => {
  it('writes, flushes, renames and reads back; leaves nothing else', async () => {
    const dir = folder();
    const { source, earlier } = stickWithBackups(dir);
    const target = path.join(dir, 'KLKCHC_phong-gd_2026-12-04_1325.klkbak');
    const progress: number[] = [];
    const { size } = await copyFileVerified(source, target, { onProgress: (done) => progress.push(done) });
    expect(size).toBe(3 * 1024 * 1024);
    expect(fs.readFileSync(target).equals(fs.readFileSync(source))).toBe(true);
    expect(progress.at(-1)).toBe(size);
    expect(fs.readdirSync(dir).sort()).toEqual([...Object.keys(earlier), path.basename(target)].sort());
  });

  it('never replaces a file that is already there', async () => {
    const dir = folder();
    const { source, earlier } = stickWithBackups(dir);
    const existing = Object.keys(earlier)[0]!;
    const error = await caught(() => copyFileVerified(source, path.join(dir, existing)));
    expect(error.code).toBe(CommonError.writeFailed);
    expectUntouched(dir, earlier);
    expect(freeFileName(dir, 'KLKCHC_phong-gd_2026-11-01_0800', '.klkbak')).toBe(
      'KLKCHC_phong-gd_2026-11-01_0800_2.klkbak',
    );
  });

  // Reliability test 4 (tests/README.md): the stick fills up or is pulled at any write.
  it.each([
    ['ENOSPC', 1, 'diskFull', 'ổ đĩa đã đầy'],
    ['ENOSPC', 3, 'diskFull', 'ổ đĩa đã đầy'],
    ['EIO', 2, 'gone', 'USB bị rút?'],
    ['EIO', 3, 'gone', 'USB bị rút?'],
  ] as const)('%s at write %i: earlier files intact, no partial file left', async (code, nth, reason, words) => {
    const dir = folder();
    const { source, earlier } = stickWithBackups(dir);
    const target = path.join(dir, 'KLKCHC_phong-gd_2026-12-04_1325.klkbak');
    const fault = await failWritesFrom(dir, nth, code);
    const error = await caught(() => copyFileVerified(source, target));
    expect(fault.seen()).toBe(nth);
    vi.restoreAllMocks();
    expect(error.code).toBe(CommonError.writeFailed);
    expect(error.params.reason).toBe(reason);
    expect(translate('vi', error.messageKey, error.params)).toContain(words);
    expect(translate('vi', error.messageKey, error.params)).toContain(target);
    expectUntouched(dir, earlier);
  });

  it('a real full stick (a small tmpfs where the machine allows it): earlier backup intact, no partial', async () => {
    const disk = mountSmallDisk(1024);
    if (!disk) {
      console.warn('tmpfs not available here: the injected ENOSPC cases above stand in for it');
      return;
    }
    cleanups.push(() => disk.unmount());
    const earlier = { 'KLKCHC_phong-gd_2026-11-01_0800.klkbak': Buffer.alloc(400_000, 3) };
    fs.writeFileSync(path.join(disk.dir, Object.keys(earlier)[0]!), Object.values(earlier)[0]!);
    const sourceDir = folder();
    const source = path.join(sourceDir, 'big.klkbak');
    fs.writeFileSync(source, Buffer.alloc(2 * 1024 * 1024, 5));
    const error = await caught(() => copyFileVerified(source, path.join(disk.dir, 'KLKCHC_new.klkbak')));
    expect(error.params.reason).toBe('diskFull');
    expectUntouched(disk.dir, earlier);
  });

  it('removes a file that reads back wrong, and says the medium may be faulty', async () => {
    const dir = folder();
    const target = path.join(dir, 'KLKCHC_x.klkbak');
    const error = await caught(() =>
      writeNewFile(target, (output) => output.write(Buffer.from('nội dung')), {
        verify: (file) => {
          fs.writeFileSync(file, 'bytes the stick changed');
          return Promise.reject(verifyFailed(file));
        },
      }),
    );
    expect(error.code).toBe(FileError.verifyFailed);
    expect(translate('vi', error.messageKey, error.params)).toContain('đọc lại thấy không khớp');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('stops on cancel without leaving a partial file', async () => {
    const dir = folder();
    const controller = new AbortController();
    const error = await caught(() =>
      writeNewFile(
        path.join(dir, 'KLKCHC_y.klkbak'),
        async (output) => {
          await output.write(Buffer.alloc(1000));
          controller.abort();
          await output.write(Buffer.alloc(1000));
        },
        { verify: () => Promise.resolve(), signal: controller.signal },
      ),
    );
    expect(error.code).toBe(FileError.cancelled);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('removes the temporaries a pulled stick or a killed process left, the next time it writes there', async () => {
    const dir = folder();
    const { source } = stickWithBackups(dir);
    const ownHost = createHash('sha256').update(os.hostname()).digest('hex').slice(0, 8);
    // Left on this computer by process 999999 (long gone), and by another computer just now and long ago.
    const deadOwn = `.KLKCHC_a.klkbak.${ownHost}.999999.abcdef01.partial`;
    const freshForeign = '.KLKCHC_b.klkbak.00000000.42.abcdef02.partial';
    const oldForeign = '.KLKCHC_c.klkbak.ffffffff.42.abcdef03.partial';
    for (const name of [deadOwn, freshForeign, oldForeign]) fs.writeFileSync(path.join(dir, name), 'half a backup');
    const longAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    fs.utimesSync(path.join(dir, oldForeign), longAgo, longAgo);
    expect([deadOwn, freshForeign, oldForeign].every(isPartialName)).toBe(true);
    await copyFileVerified(source, path.join(dir, 'KLKCHC_z.klkbak'));
    expect(fs.readdirSync(dir).filter(isPartialName)).toEqual([freshForeign]);
    expect(removeStalePartials(dir, Date.now() + 2 * 60 * 60 * 1000)).toBe(1);
    expect(fs.readdirSync(dir).filter(isPartialName)).toEqual([]);
  });
});
