import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyFileAtomic, writeFileAtomic } from '../../../electron/core/files/atomic-write';
import { AppError } from '../../../electron/core/kernel/errors';
import { translate } from '../../../shared/i18n/translate';
import { tempDir } from '../../support/core-harness';
import { mountSmallDisk } from '../../support/small-disk';

const cleanups: (() => void)[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function folder(): string {
  const dir = tempDir('klkchc-atomic-');
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('durable file replacement', () => {
  it('replaces the target with exactly the source bytes and leaves no temp file', () => {
    const dir = folder();
    const source = path.join(dir, 'source.bin');
    const target = path.join(dir, 'Danh mục đơn vị.xlsx');
    fs.writeFileSync(source, Buffer.alloc(3 * 1024 * 1024, 7));
    fs.writeFileSync(target, 'old');
    copyFileAtomic(source, target);
    expect(fs.readFileSync(target).equals(fs.readFileSync(source))).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['Danh mục đơn vị.xlsx', 'source.bin']);
  });

  it('keeps the previous file intact when the disk fills up mid-write (real small disk or injected ENOSPC)', () => {
    const dir = folder();
    const source = path.join(dir, 'big.bin');
    fs.writeFileSync(source, Buffer.alloc(512 * 1024, 1));
    const disk = mountSmallDisk(128);
    let targetDir: string;
    if (disk) {
      cleanups.push(() => disk.unmount());
      targetDir = disk.dir;
    } else {
      targetDir = folder();
      const realWrite = fs.writeSync.bind(fs);
      let calls = 0;
      const failing = (...args: Parameters<typeof fs.writeSync>): number => {
        calls += 1;
        if (calls > 2) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        return realWrite(...args);
      };
      vi.spyOn(fs, 'writeSync').mockImplementation(failing);
    }
    const target = path.join(targetDir, 'backup.sqlite3');
    fs.writeFileSync(target, 'previous good backup');
    let caught: unknown;
    try {
      copyFileAtomic(source, target);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('WRITE_FAILED');
    expect((caught as AppError).params.reason).toBe('diskFull');
    expect(translate('vi', (caught as AppError).messageKey, (caught as AppError).params)).toContain('ổ đĩa đã đầy');
    expect(translate('en', (caught as AppError).messageKey, (caught as AppError).params)).toContain('the disk is full');
    vi.restoreAllMocks();
    expect(fs.readFileSync(target, 'utf8')).toBe('previous good backup');
    expect(fs.readdirSync(targetDir)).toEqual(['backup.sqlite3']);
  });

  it('reports a folder that has gone (USB stick pulled) without leaving anything', () => {
    const dir = folder();
    const missing = path.join(dir, 'usb-gone', 'file.docx');
    let caught: unknown;
    try {
      writeFileAtomic(missing, 'x');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('WRITE_FAILED');
    expect((caught as AppError).params.reason).toBe('gone');
    expect(translate('vi', (caught as AppError).messageKey, (caught as AppError).params)).toContain(
      'ổ đĩa không còn truy cập được (USB bị rút?)',
    );
  });
});
