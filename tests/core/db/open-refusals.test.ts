import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open';
import { AppError } from '../../../electron/core/kernel/errors';
import { translate } from '../../../shared/i18n/translate';
import { tempDir } from '../../support/core-harness';
import { mountSmallDisk } from '../../support/small-disk';

const dirs: string[] = [];
function folder(): string {
  const dir = tempDir('klkchc-open-');
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('opening a data file that is not what it should be', () => {
  it('refuses an empty (0-byte) file, says so, and leaves it as it was', () => {
    const dir = folder();
    const file = path.join(dir, 'klkchc.sqlite3');
    fs.writeFileSync(file, '');
    const error = refusal(() => openDatabase(file));
    expect(error.code).toBe('DB_EMPTY');
    const message = translate('vi', error.messageKey, error.params);
    expect(message).toContain(file);
    expect(message).toContain('0 byte');
    expect(message).toContain('bản sao lưu');
    expect(translate('en', error.messageKey, error.params)).toContain('empty (0 bytes)');
    expect(fs.statSync(file).size).toBe(0);
    expect(fs.readdirSync(dir)).toEqual(['klkchc.sqlite3']);
  });

  it('says a folder in place of the data file is a folder, not a permission problem', () => {
    const dir = folder();
    const file = path.join(dir, 'klkchc.sqlite3');
    fs.mkdirSync(file);
    fs.writeFileSync(path.join(file, 'ghi-chu.txt'), 'x');
    const error = refusal(() => openDatabase(file));
    expect(error.code).toBe('DB_IS_FOLDER');
    expect(translate('vi', error.messageKey, error.params)).toContain(`Đường dẫn ${file} là một thư mục`);
    expect(fs.readdirSync(file)).toEqual(['ghi-chu.txt']);
    expect(fs.readdirSync(dir)).toEqual(['klkchc.sqlite3']);
  });

  it('says a file in place of the data folder is a file', () => {
    const dir = folder();
    const notADir = path.join(dir, 'du-lieu');
    fs.writeFileSync(notADir, 'x');
    const error = refusal(() => openDatabase(path.join(notADir, 'klkchc.sqlite3')));
    expect(error.code).toBe('DATA_DIR_NOT_FOLDER');
    expect(translate('vi', error.messageKey, error.params)).toContain(notADir);
    expect(fs.readFileSync(notADir, 'utf8')).toBe('x');
  });

  it('a first start on a full disk says so and leaves no empty file behind', (context) => {
    // A real tiny disk where the machine allows mounting one; the mapping itself is tested without.
    const disk = mountSmallDisk(256);
    if (!disk) return context.skip();
    try {
      const filler = fs.openSync(path.join(disk.dir, 'filler'), 'w');
      try {
        for (;;) fs.writeSync(filler, Buffer.alloc(4096, 1));
      } catch {
        // Full.
      } finally {
        fs.closeSync(filler);
      }
      const file = path.join(disk.dir, 'klkchc.sqlite3');
      const error = refusal(() => openDatabase(file));
      expect(error.code).toBe('DISK_FULL');
      expect(translate('vi', error.messageKey, error.params)).toContain(file);
      expect(fs.readdirSync(disk.dir)).toEqual(['filler']);
    } finally {
      disk.unmount();
    }
  });
});
