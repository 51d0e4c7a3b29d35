import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../electron/core/db/migrations';
import { openDatabase } from '../../../electron/core/db/open';
import { SealedWriter } from '../../../electron/core/files/sealed-writer';
import { BackupError } from '../../../shared/api/backup';
import { FileError } from '../../../shared/api/files';
import { emptyUnitInput } from '../../../shared/domain/unit';
import { createReadyCore, TEST_OFFICE, type TestCore } from '../../support/core-harness';
import {
  PASSWORD,
  backUp,
  backUpFile,
  contentDigest,
  extract,
  fileDigest,
  folder,
  refusal,
  resealed,
} from './backup-fixtures';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

async function sampleCore(): Promise<TestCore> {
  const h = await createReadyCore();
  cleanups.push(() => h.close());
  await h.call('registry.loadSample', {});
  return h;
}

async function addUnit(h: TestCore, name: string): Promise<void> {
  await h.call('registry.create', { unit: { ...emptyUnitInput('school'), name } });
}

/** Restores `file` through the API as the renderer does: inspect, then restore. */
async function restore(h: TestCore, file: string, password: string | null = null) {
  const inspected = await h.call('backup.inspect', { source: { path: file }, password });
  if (inspected.state !== 'ready') throw new Error('expected a file ready to restore');
  return { inspected, done: await h.call('backup.restore', { stagingId: inspected.stagingId }) };
}

describe('back up now', () => {
  it('writes one readable, sortable file holding a consistent, non-WAL copy and a manifest', async () => {
    const h = await sampleCore();
    const stick = folder(cleanups);
    const job = await backUp(h, stick);
    expect(job).toMatchObject({ state: 'done', phase: 'done', error: '' });
    const file = job.result!.path;
    expect(path.dirname(file)).toBe(stick);
    expect(path.basename(file)).toMatch(
      /^KLKCHC_phong-giao-duc-va-dao-tao-huyen-loc-binh_\d{4}-\d{2}-\d{2}_\d{4}\.klkbak$/,
    );
    expect(fs.readdirSync(stick)).toEqual([path.basename(file)]);

    const inner = path.join(folder(cleanups), 'inner.sqlite3');
    const manifest = await extract(file, inner);
    const counts = await h.call('registry.counts', {});
    expect(manifest).toMatchObject({
      format: 'klkchc.backup',
      appVersion: '0.0.0-test',
      schemaVersion: LATEST_SCHEMA_VERSION,
      office: { id: h.core.services.settings.officeId(), name: TEST_OFFICE.name },
      reason: 'manual',
      counts: { units: counts.total, plans: 2 },
    });
    expect(manifest.counts.inspections).toBeGreaterThan(0);
    expect(manifest.counts.finalisedMinutes).toBeGreaterThan(0);
    expect(job.result!.counts).toEqual(manifest.counts);
    // One self-contained file: rollback-journal mode in its header (bytes 18–19 = 1), sound, same data.
    const header = fs.readFileSync(inner).subarray(0, 100);
    expect([header[18], header[19]]).toEqual([1, 1]);
    const copy = new Database(inner, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    expect(fileDigest(inner)).toBe(contentDigest(h.core.db));
    // Said as the last backup; a temp folder is "on this PC".
    const overview = await h.call('backup.overview', {});
    expect(overview.lastBackupAt).toBe(manifest.createdAt);
    expect(overview.externalOverdue).toBe(true);
  });

  it('a second backup in the same minute gets its own name and never replaces the first', async () => {
    const h = await sampleCore();
    const stick = folder(cleanups);
    const first = await backUpFile(h, stick);
    const firstBytes = fs.readFileSync(first);
    const second = await backUpFile(h, stick);
    expect(second).not.toBe(first);
    if (path.basename(second).slice(0, -7) === path.basename(first).slice(0, -7).concat('_2')) {
      expect([path.basename(first), path.basename(second)].sort()).toEqual([
        path.basename(first),
        path.basename(second),
      ]);
    }
    expect(fs.readFileSync(first).equals(firstBytes)).toBe(true);
  });

  it('refuses a folder that is not there and a password that is too short', async () => {
    const h = await sampleCore();
    const missing = await refusal(h.call('backup.start', { folder: '/khong/co/thu-muc-nay', password: null }));
    expect(missing.code).toBe(FileError.folderNotFound);
    const short = await refusal(h.call('backup.start', { folder: folder(cleanups), password: '1234' }));
    expect(short.code).toBe('VALIDATION');
    expect(short.message).toContain('Mật khẩu cần ít nhất 8 ký tự.');
    expect(short.message).not.toContain('1234');
  });
});

describe('restore', () => {
  it('brings back the data of a backup, after putting today’s data in the backup list', async () => {
    const h = await sampleCore();
    const stick = folder(cleanups);
    const before = contentDigest(h.core.db);
    const file = await backUpFile(h, stick);
    await addUnit(h, 'Trường Mầm non Thử Nghiệm Sao Lưu');
    const changed = contentDigest(h.core.db);
    expect(changed).not.toBe(before);

    const { inspected, done } = await restore(h, file);
    expect(inspected).toMatchObject({
      state: 'ready',
      source: 'backup',
      encrypted: false,
      office: { name: TEST_OFFICE.name },
      migratedFrom: null,
    });
    if (inspected.state === 'ready') expect(inspected.current.counts.units).toBe(inspected.counts.units + 1);
    expect(done.fileName).toBe(path.basename(file));
    // Without a restart, calls answer from the restored database.
    expect(contentDigest(h.core.db)).toBe(before);
    const found = await h.call('registry.list', { query: 'thu nghiem sao luu' });
    expect(found.total).toBe(0);
    // Today's data went into the list first, and can itself be restored.
    const { entries } = await h.call('backup.list', {});
    const safety = entries.find((entry) => entry.fileName === done.safetyBackup);
    expect(safety?.manifest?.reason).toBe('beforeRestore');
    expect(safety?.place).toBe('dataFolder');
    await restore(h, safety!.path);
    expect(contentDigest(h.core.db)).toBe(changed);
    // No stray files: one database, no -wal of the other, nothing staged.
    const data = fs.readdirSync(h.dir);
    expect(data.filter((name) => name.startsWith('klkchc.sqlite3'))).toEqual(
      expect.arrayContaining(['klkchc.sqlite3']),
    );
    expect(fs.readdirSync(path.join(h.dir, 'restore'))).toEqual([]);
  });

  it('opens an encrypted backup only with its password, and names a wrong one', async () => {
    const h = await sampleCore();
    const stick = folder(cleanups);
    const before = contentDigest(h.core.db);
    const file = await backUpFile(h, stick, PASSWORD);
    expect(fs.readFileSync(file).includes(Buffer.from(TEST_OFFICE.name, 'utf8'))).toBe(false);
    await addUnit(h, 'Trường THCS Tú Đoạn (mới)');
    const after = contentDigest(h.core.db);

    const asked = await h.call('backup.inspect', { source: { path: file }, password: null });
    expect(asked).toEqual({ state: 'needsPassword', fileName: path.basename(file) });
    const wrong = await refusal(h.call('backup.inspect', { source: { path: file }, password: 'mat-khau-sai' }));
    expect(wrong.code).toBe(FileError.wrongPassword);
    expect(wrong.message).toContain('Sai mật khẩu');
    expect(contentDigest(h.core.db)).toBe(after);

    const { inspected } = await restore(h, file, PASSWORD);
    expect(inspected).toMatchObject({ state: 'ready', encrypted: true });
    expect(contentDigest(h.core.db)).toBe(before);
  });

  it('accepts a bare data file copied by hand from another PC, after the same checks', async () => {
    const other = await createReadyCore();
    await other.call('settings.update', { office: { ...TEST_OFFICE, name: 'UBND huyện Đình Lập' } });
    await addUnit(other, 'UBND xã Bắc Xa');
    const expected = contentDigest(other.core.db);
    // Copied while the other app was closed, as people do: klkchc.sqlite3 alone, still marked WAL.
    const hand = path.join(folder(cleanups), 'klkchc.sqlite3');
    other.core.close();
    fs.copyFileSync(path.join(other.dir, 'klkchc.sqlite3'), hand);
    fs.rmSync(other.dir, { recursive: true, force: true });
    expect(fs.readFileSync(hand)[18]).toBe(2);

    const h = await sampleCore();
    const { inspected } = await restore(h, hand);
    expect(inspected).toMatchObject({ state: 'ready', source: 'dataFile', office: { name: 'UBND huyện Đình Lập' } });
    expect(contentDigest(h.core.db)).toBe(expected);
    expect((await h.call('settings.get', {})).office?.name).toBe('UBND huyện Đình Lập');
  });

  it('brings an older schema up to date on a copy, never on the chosen file', async () => {
    const oldDir = folder(cleanups);
    const oldFile = path.join(oldDir, 'klkchc.sqlite3');
    const old = openDatabase(oldFile, { targetVersion: 2 });
    old.prepare(`INSERT INTO settings (key, value) VALUES ('office.name', 'Phòng GD&ĐT cũ')`).run();
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.pragma('journal_mode = DELETE');
    old.close();
    const untouched = fs.readFileSync(oldFile);

    const h = await sampleCore();
    const { inspected } = await restore(h, oldFile);
    expect(inspected).toMatchObject({ state: 'ready', migratedFrom: 2, schemaVersion: LATEST_SCHEMA_VERSION });
    expect(Number(h.core.db.pragma('user_version', { simple: true }))).toBe(LATEST_SCHEMA_VERSION);
    expect((await h.call('settings.get', {})).office?.name).toBe('Phòng GD&ĐT cũ');
    expect(fs.readFileSync(oldFile).equals(untouched)).toBe(true);
  });
});

/**
 * Reliability test 5 (tests/README.md): a truncated, bit-flipped, empty, wrong-type or newer file, or a
 * wrong password, is refused with a message naming the problem, before the live database is
 * touched: its content, its file and its folder are as they were, and nothing is left staged.
 */
describe('restore refuses, naming the problem, with nothing changed', () => {
  async function expectRefused(h: TestCore, file: string, code: string, words: string, password: string | null = null) {
    const before = contentDigest(h.core.db);
    const inode = fs.statSync(path.join(h.dir, 'klkchc.sqlite3')).ino;
    const error = await refusal(h.call('backup.inspect', { source: { path: file }, password }));
    expect(error.code, path.basename(file)).toBe(code);
    expect(error.message).toContain(words);
    expect(error.message).toMatch(/Chưa có gì bị thay đổi\.$/);
    expect(contentDigest(h.core.db)).toBe(before);
    expect(fs.statSync(path.join(h.dir, 'klkchc.sqlite3')).ino).toBe(inode);
    expect(fs.existsSync(path.join(h.dir, 'restore')) ? fs.readdirSync(path.join(h.dir, 'restore')) : []).toEqual([]);
  }

  it('truncated, one byte flipped, empty', async () => {
    const h = await sampleCore();
    const stick = folder(cleanups);
    const file = await backUpFile(h, stick);
    const bytes = fs.readFileSync(file);
    await addUnit(h, 'Đơn vị thêm sau');

    const cut = path.join(stick, 'cut.klkbak');
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await expectRefused(h, cut, FileError.truncated, 'không trọn vẹn');

    for (const offset of [200, Math.floor(bytes.length / 2), bytes.length - 3]) {
      const flipped = Buffer.from(bytes);
      flipped[offset] = (flipped[offset] ?? 0) ^ 0x01;
      const damaged = path.join(stick, `flipped-${offset}.klkbak`);
      fs.writeFileSync(damaged, flipped);
      await expectRefused(h, damaged, FileError.damaged, 'bị hỏng');
    }

    const empty = path.join(stick, 'empty.klkbak');
    fs.writeFileSync(empty, '');
    await expectRefused(h, empty, BackupError.emptyFile, 'trống (0 byte)');
  });

  it('another kind of file: a .docx, a zip, a PDF, another program’s SQLite, a transfer package', async () => {
    const h = await sampleCore();
    const dir = folder(cleanups);
    const docx = path.join(dir, 'Biên bản kiểm tra.docx');
    fs.writeFileSync(
      docx,
      Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(26), Buffer.from('word/document.xml')]),
    );
    await expectRefused(h, docx, BackupError.notBackup, 'là văn bản Word');

    const zip = path.join(dir, 'du-lieu.zip');
    fs.writeFileSync(zip, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(26), Buffer.from('anh.jpg')]));
    await expectRefused(h, zip, BackupError.notBackup, 'tệp nén (.zip)');

    const pdf = path.join(dir, 'bao-cao.pdf');
    fs.writeFileSync(pdf, '%PDF-1.7\n');
    await expectRefused(h, pdf, BackupError.notBackup, 'tệp PDF');

    const foreign = path.join(dir, 'places.sqlite');
    const db = new Database(foreign);
    db.exec('CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)');
    db.pragma('user_version = 53');
    db.close();
    await expectRefused(h, foreign, BackupError.notBackup, 'chương trình khác');

    const pkg = path.join(dir, 'goi.klkbak');
    const pieces: Buffer[] = [];
    const writer = await SealedWriter.start({ kind: 'klkchc.transfer' }, (bytes) => {
      pieces.push(bytes);
      return Promise.resolve();
    });
    await writer.write(Buffer.from('{}'));
    await writer.finish();
    fs.writeFileSync(pkg, Buffer.concat(pieces));
    await expectRefused(h, pkg, BackupError.otherKind, 'không phải bản sao lưu');
  });

  it('a backup or a data file from a newer version of the app, and a wrong password', async () => {
    const h = await sampleCore();
    const stick = folder(cleanups);
    const file = await backUpFile(h, stick);
    const newer = path.join(stick, 'newer.klkbak');
    await resealed(file, newer, (db) => db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`), folder(cleanups));
    await expectRefused(h, newer, BackupError.newer, 'phiên bản mới hơn');

    const bare = path.join(stick, 'klkchc.sqlite3');
    await extract(file, bare);
    const raw = new Database(bare);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    await expectRefused(h, bare, BackupError.newer, 'phiên bản mới hơn');

    const locked = await backUpFile(h, stick, PASSWORD);
    await expectRefused(h, locked, FileError.wrongPassword, 'Sai mật khẩu', 'Loc Binh 2026!');
  });

  it('a data file whose pages are damaged fails integrity_check', async () => {
    const h = await sampleCore();
    const stick = folder(cleanups);
    const file = await backUpFile(h, stick);
    const bare = path.join(stick, 'klkchc.sqlite3');
    await extract(file, bare);
    const bytes = fs.readFileSync(bare);
    // Garbage over a page in the middle: the header is fine, the b-tree is not.
    const pageSize = bytes.readUInt16BE(16);
    const page = Math.floor(bytes.length / pageSize / 2);
    bytes.fill(0x5a, page * pageSize + 8, (page + 1) * pageSize);
    fs.writeFileSync(bare, bytes);
    await expectRefused(h, bare, BackupError.damagedData, 'bị hỏng');
  });
});
