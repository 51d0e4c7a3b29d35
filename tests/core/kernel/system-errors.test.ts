import { describe, expect, it } from 'vitest';
import { type AppError, explainSystemError } from '../../../electron/core/kernel/errors';
import { translate } from '../../../shared/i18n/translate';

const data = { file: '/du-lieu/klkchc.sqlite3', dir: '/du-lieu' };
const fail = (code: string) => Object.assign(new Error(`disk I/O error (${code})`), { code });

function explained(code: string): AppError {
  const known = explainSystemError(fail(code), data);
  if (!known) throw new Error(`${code} was not explained`);
  return known;
}

describe('disk and SQLite errors in plain words', () => {
  it('a full disk, including -shm that cannot grow, is DISK_FULL', () => {
    for (const code of ['SQLITE_FULL', 'ENOSPC', 'SQLITE_IOERR_SHMSIZE']) {
      expect(explained(code).code, code).toBe('DISK_FULL');
    }
  });

  it('a failed write or fsync says the last change may not be saved and names the file and the code', () => {
    for (const code of [
      'SQLITE_IOERR_WRITE',
      'SQLITE_IOERR_FSYNC',
      'SQLITE_IOERR_DIR_FSYNC',
      'SQLITE_IOERR_TRUNCATE',
    ]) {
      const error = explained(code);
      expect(error.code, code).toBe('DISK_IO');
      const message = translate('vi', error.messageKey, error.params);
      expect(message).toContain(data.file);
      expect(message).toContain(code);
      expect(message).toContain('có thể chưa được lưu');
    }
  });

  it('a failed read is told apart from a failed write', () => {
    for (const code of ['SQLITE_IOERR_READ', 'SQLITE_IOERR_SHORT_READ']) {
      const error = explained(code);
      expect(error.code).toBe('DISK_IO');
      expect(error.messageKey).toBe('errors.DISK_IO_read');
    }
  });

  it('any other I/O error, and EIO, is still a disk error naming the file, never an internal one', () => {
    for (const code of ['SQLITE_IOERR', 'SQLITE_IOERR_SHMOPEN', 'SQLITE_IOERR_LOCK', 'EIO']) {
      const error = explained(code);
      expect(error.code, code).toBe('DISK_IO');
      expect(translate('en', error.messageKey, error.params)).toContain(data.file);
    }
  });

  it('extended codes of corrupt, read-only, cannot-open and busy map like their base code', () => {
    expect(explained('SQLITE_CORRUPT_INDEX').code).toBe('DB_CORRUPT');
    expect(explained('SQLITE_READONLY_DIRECTORY').code).toBe('READ_ONLY');
    expect(explained('SQLITE_CANTOPEN_FULLPATH').code).toBe('READ_ONLY');
    expect(explained('SQLITE_BUSY_SNAPSHOT').code).toBe('DB_LOCKED');
  });

  it('leaves errors it does not know to the caller', () => {
    expect(explainSystemError(fail('SQLITE_CONSTRAINT_UNIQUE'), data)).toBeNull();
    expect(explainSystemError(new Error('boom'), data)).toBeNull();
  });
});
