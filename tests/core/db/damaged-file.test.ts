import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyUnitInput } from '../../../shared/domain/unit';
import type { ApiError } from '../../../shared/api/envelope';
import { createReadyCore, createTestCore, tempDir, type TestCore } from '../../support/core-harness';
import { damageBtree, sha256 } from '../../support/damaged-file';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** A closed data folder holding the sample district (120 units, plans, inspections, audit). */
async function sampleFolder(): Promise<{ dir: string; file: string }> {
  const h = await createReadyCore();
  await h.call('registry.loadSample', {});
  h.core.close();
  cleanups.push(() => fs.rmSync(h.dir, { recursive: true, force: true }));
  return { dir: h.dir, file: h.core.paths.databaseFile };
}

function opened(h: TestCore): TestCore {
  cleanups.push(() => h.core.close());
  return h;
}

/** Every kind of write the office does, each as the renderer would send it. */
async function attemptWrites(h: TestCore): Promise<ApiError[]> {
  const { rows } = await h.call('registry.list', { limit: 1 });
  const unit = rows[0];
  return [
    await h.fail('settings.update', { operatorName: 'Lành Thị Hạnh' }),
    await h.fail('registry.create', { unit: { ...emptyUnitInput('school'), name: 'Trường Mầm non Hoa Sen' } }),
    await h.fail('registry.setActive', { id: unit?.id ?? '', rev: unit?.rev ?? '', active: false }),
    await h.fail('registry.removeSample', {}),
    await h.fail('officials.create', {
      official: {
        name: 'Nông Văn An',
        position: 'Chuyên viên',
        organization: 'Phòng Nội vụ',
        phone: '',
        active: true,
        notes: '',
      },
    }),
  ];
}

function expectRefusedAsDamaged(errors: ApiError[], file: string): void {
  for (const error of errors) {
    expect(error.code).toBe('DB_DAMAGED');
    expect(error.message).toContain(file);
    expect(error.message).toContain('bị hỏng');
    expect(error.message).toContain('chưa được lưu');
    expect(error.message).toContain('khôi phục tệp từ bản sao lưu');
  }
}

describe('a data file with a damaged page', () => {
  it('is found at open; every write is refused with a message naming the file, which stays byte for byte as it was; reads go on', async () => {
    const { dir, file } = await sampleFolder();
    damageBtree(file, 'audit_log_time');
    const before = sha256(file);

    const h = opened(createTestCore({ dir }));
    expect(await h.call('system.health', {})).toMatchObject({
      damaged: true,
      reason: 'openCheck',
      file,
      checking: false,
    });
    expect((await h.call('system.health', {})).detail).toMatch(/page \d+/);

    expectRefusedAsDamaged(await attemptWrites(h), file);
    expect(sha256(file)).toBe(before);

    // Reads SQLite can still answer are answered.
    expect((await h.call('registry.counts', {})).total).toBe(120);
    expect((await h.call('registry.list', { query: 'hiep ha' })).rows.length).toBeGreaterThan(0);
    expect((await h.call('settings.get', {})).office?.name).toBeTruthy();

    h.core.close();
    expect(sha256(file)).toBe(before);
  });

  it('in English too', async () => {
    const { dir, file } = await sampleFolder();
    damageBtree(file, 'audit_log_time');
    const h = opened(createTestCore({ dir }));
    // The language cannot be switched (that is a write): read the English sentence from the same refusal.
    const error = await h.fail('settings.update', { language: 'en' });
    expect(error.code).toBe('DB_DAMAGED');
    const { translate } = await import('../../../shared/i18n/translate');
    expect(translate('en', 'errors.DB_DAMAGED', { file })).toContain(`The data file ${file} is damaged`);
  });

  it('too large to check at start-up: found by the check in the background, which then refuses writes', async () => {
    const { dir, file } = await sampleFolder();
    damageBtree(file, 'audit_log_time');
    const h = opened(createTestCore({ dir, integrityCheck: { syncLimitBytes: 0, backgroundDelayMs: 0 } }));
    await expect
      .poll(async () => (await h.call('system.health', {})).damaged, { timeout: 10_000, interval: 50 })
      .toBe(true);
    expect(await h.call('system.health', {})).toMatchObject({ reason: 'backgroundCheck', file, checking: false });
    const before = sha256(file);
    expectRefusedAsDamaged(await attemptWrites(h), file);
    expect(sha256(file)).toBe(before);
    expect((await h.call('registry.counts', {})).total).toBe(120);
  });

  it('met while running (SQLITE_CORRUPT): the call says so plainly and the app turns read-only', async () => {
    const { dir, file } = await sampleFolder();
    damageBtree(file, 'units');
    const h = opened(createTestCore({ dir, integrityCheck: { syncLimitBytes: 0, backgroundDelayMs: null } }));
    expect((await h.call('system.health', {})).damaged).toBe(false);
    const before = sha256(file);

    const read = await h.fail('registry.list', { limit: 500 });
    expect(read.code).toBe('DB_DAMAGED');
    expect(read.message).toContain(file);
    expect(read.message).toContain('không có gì được ghi vào tệp');
    expect(await h.call('system.health', {})).toMatchObject({ damaged: true, reason: 'runtime', file });

    const write = await h.fail('settings.update', { operatorName: 'Lành Thị Hạnh' });
    expect(write.code).toBe('DB_DAMAGED');
    expect(write.message).toContain('chưa được lưu');
    // A later read that meets the damage is told as a read: nothing about saving.
    const again = await h.fail('registry.list', { limit: 500 });
    expect(again.code).toBe('DB_DAMAGED');
    expect(again.message).toContain('Không đọc được');
    expect(again.message).not.toMatch(/chưa bị thay đổi|chưa được lưu/);
    expect(sha256(file)).toBe(before);
  });
});

describe('restoring a backup over a damaged file', () => {
  it('puts a sound file in place under the running app: no longer damaged, writes go through', async () => {
    const { dir, file } = await sampleFolder();
    const backup = path.join(tempDir(), 'ban-sao-luu.sqlite3');
    cleanups.push(() => fs.rmSync(path.dirname(backup), { recursive: true, force: true }));
    fs.copyFileSync(file, backup);
    damageBtree(file, 'audit_log_time');
    const h = opened(createTestCore({ dir }));
    expect((await h.call('system.health', {})).damaged).toBe(true);

    const { holder } = h.core;
    await holder.exclusive(() =>
      holder.reopen(() => {
        // The damaged file's WAL was folded in and removed on close: nothing of it pairs with the backup.
        expect(fs.existsSync(`${file}-wal`)).toBe(false);
        fs.copyFileSync(backup, file);
      }),
    );
    expect(await h.call('system.health', {})).toMatchObject({ damaged: false, reason: null });
    await h.call('settings.update', { operatorName: 'Lành Thị Hạnh' });
  });
});

describe('a sound data file', () => {
  it('passes the check at open and takes writes', async () => {
    const { dir, file } = await sampleFolder();
    const h = opened(createTestCore({ dir }));
    expect(await h.call('system.health', {})).toEqual({
      damaged: false,
      reason: null,
      file,
      detail: '',
      checking: false,
    });
    await h.call('settings.update', { operatorName: 'Lành Thị Hạnh' });
  });

  it('checked in the background says so while it runs, then stays writable', async () => {
    const { dir } = await sampleFolder();
    const h = opened(createTestCore({ dir, integrityCheck: { syncLimitBytes: 0, backgroundDelayMs: 0 } }));
    expect((await h.call('system.health', {})).checking).toBe(true);
    await expect
      .poll(async () => (await h.call('system.health', {})).checking, { timeout: 10_000, interval: 50 })
      .toBe(false);
    expect((await h.call('system.health', {})).damaged).toBe(false);
    await h.call('settings.update', { operatorName: 'Lành Thị Hạnh' });
  });

  it('a new, empty folder needs no check', async () => {
    const dir = tempDir();
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const h = opened(createTestCore({ dir }));
    expect(await h.call('system.health', {})).toMatchObject({ damaged: false, checking: false });
    expect(fs.existsSync(path.join(dir, 'klkchc.sqlite3'))).toBe(true);
  });
});
