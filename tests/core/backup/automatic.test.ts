import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../../../electron/core/kernel/clock';
import { writeBackupFile } from '../../../electron/core/features/backup/backup-file';
import { backupsToKeep } from '../../../electron/core/features/backup/retention';
import { emptyUnitInput } from '../../../shared/domain/unit';
import type { BackupManifest, BackupReason } from '../../../shared/domain/backup';
import { createReadyCore, type TestCore } from '../../support/core-harness';
import { failWritesFrom } from '../../support/inject-fault';
import { mountSmallDisk } from '../../support/small-disk';
import { extract, folder } from './backup-fixtures';

const cleanups: (() => void)[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

const DAY = 24 * 60 * 60 * 1000;

function backupsIn(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name.endsWith('.klkbak')) : [];
}

async function ready(start = '2026-12-01T08:00:00') {
  const clock = fixedClock(new Date(start));
  const h = await createReadyCore({ clock });
  cleanups.push(() => h.close());
  return { h, clock, backups: path.join(h.dir, 'backups') };
}

async function addUnit(h: TestCore, name: string): Promise<void> {
  await h.call('registry.create', { unit: { ...emptyUnitInput('school'), name } });
}

describe('automatic backups', () => {
  it('at the first start of a day and on quitting, only when the data changed since the last one', async () => {
    const { h, clock, backups } = await ready();
    const reasons = async (core: TestCore) =>
      (await core.call('backup.list', {})).entries.map((entry) => [
        entry.manifest?.reason,
        entry.manifest?.counts.units,
      ]);
    await h.core.backups.atStart();
    const [first] = backupsIn(backups);
    expect(await reasons(h)).toEqual([['daily', 0]]);
    clock.advance(60 * 60 * 1000);
    await h.core.backups.atStart();
    await h.core.backups.beforeQuit();
    expect(backupsIn(backups), 'nothing changed').toEqual([first]);

    await addUnit(h, 'Trường Tiểu học Xuân Dương');
    clock.advance(60 * 60 * 1000);
    await h.core.backups.beforeQuit();
    // The same day keeps its newest backup only.
    expect(backupsIn(backups)).not.toContain(first);
    expect(await reasons(h)).toEqual([['quit', 1]]);
    const [second] = backupsIn(backups);
    await h.core.backups.beforeQuit();
    expect(backupsIn(backups)).toEqual([second]);

    // A restart changes nothing; neither does a new day without changes.
    const again = await h.reopen();
    cleanups.push(() => again.core.close());
    clock.advance(DAY);
    await again.core.backups.atStart();
    await again.core.backups.beforeQuit();
    expect(backupsIn(backups)).toEqual([second]);

    await addUnit(again, 'Trường THCS Lục Thôn');
    await again.core.backups.atStart();
    expect(await reasons(again)).toEqual([
      ['daily', 2],
      ['quit', 1],
    ]);
    const { entries } = await again.call('backup.list', {});
    expect(entries.every((entry) => entry.place === 'dataFolder' && !entry.encrypted)).toBe(true);
  });

  it('does nothing before the office is set up', async () => {
    const { createTestCore } = await import('../../support/core-harness');
    const h = createTestCore();
    cleanups.push(() => h.close());
    await h.core.backups.atStart();
    expect(backupsIn(path.join(h.dir, 'backups'))).toEqual([]);
  });

  it('keeps the newest of the last 7 days, 4 weeks and 12 months; never a manual one or another office’s', async () => {
    const { h, clock, backups } = await ready('2027-01-01T09:00:00');
    // A real backup's database, stamped with a year of daily dates.
    await h.core.backups.atStart();
    const [first] = backupsIn(backups);
    const inner = path.join(folder(cleanups), 'inner.sqlite3');
    const manifest = await extract(path.join(backups, first!), inner);
    fs.rmSync(path.join(backups, first!));
    const write = async (name: string, at: Date, reason: BackupReason, officeId = manifest.office.id) => {
      const stamped: BackupManifest = {
        ...manifest,
        createdAt: at.toISOString(),
        reason,
        office: { ...manifest.office, id: officeId },
      };
      await writeBackupFile(path.join(backups, name), inner, () => stamped, Promise.resolve(stamped.database), {
        password: null,
      });
    };
    for (let day = 0; day < 365; day += 1) {
      const at = new Date(2026, 0, 1 + day, 17, 0);
      await write(`KLKCHC_daily_${at.toISOString().slice(0, 10)}.klkbak`, at, 'daily');
    }
    await write('KLKCHC_manual.klkbak', new Date(2026, 0, 5, 10), 'manual');
    await write(
      'KLKCHC_other-office.klkbak',
      new Date(2026, 0, 6, 10),
      'daily',
      '00000000-0000-7000-8000-000000000000',
    );

    clock.advance(DAY);
    await addUnit(h, 'Đơn vị mới');
    await h.core.backups.atStart();
    const left = backupsIn(backups).sort();
    expect(left).toContain('KLKCHC_manual.klkbak');
    expect(left).toContain('KLKCHC_other-office.klkbak');
    const kept = left.filter((name) => name.startsWith('KLKCHC_daily_')).map((name) => name.slice(13, 23));
    // The new one (2027-01-02, a Saturday of ISO week 2026-W53) is the newest day, week and month;
    // then the 6 days before it, the newest of weeks W51 and W50, and of 10 more months.
    expect(kept).toEqual([
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
      '2026-06-30',
      '2026-07-31',
      '2026-08-31',
      '2026-09-30',
      '2026-10-31',
      '2026-11-30',
      '2026-12-13',
      '2026-12-20',
      '2026-12-26',
      '2026-12-27',
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
    ]);
    expect(
      left.filter(
        (name) =>
          !name.startsWith('KLKCHC_daily_') && !['KLKCHC_manual.klkbak', 'KLKCHC_other-office.klkbak'].includes(name),
      ),
    ).toHaveLength(1);
  });

  it('retention rule on its own: a year of days keeps 20 (7 days + 2 more weeks + 11 more months)', () => {
    const days = Array.from({ length: 365 }, (_, day) => ({ id: String(day), at: new Date(2026, 0, 1 + day, 12) }));
    const keep = [...backupsToKeep(days)].map(
      (id) => days[Number(id)]!.at.getDate() + '/' + (days[Number(id)]!.at.getMonth() + 1),
    );
    expect(keep).toHaveLength(20);
    expect(keep).toEqual(expect.arrayContaining(['31/12', '25/12', '20/12', '13/12', '30/11', '31/1']));
  });

  it('copies to the second folder; a folder that is gone is shown as a failure until a copy succeeds', async () => {
    const { h, clock, backups } = await ready();
    const second = folder(cleanups);
    await h.call('backup.setSecondFolder', { folder: second });
    await h.core.backups.atStart();
    expect(backupsIn(second)).toEqual(backupsIn(backups));
    expect((await h.call('backup.list', {})).entries.map((entry) => entry.place).sort()).toEqual([
      'dataFolder',
      'secondFolder',
    ]);

    fs.rmSync(second, { recursive: true });
    await addUnit(h, 'Trường Mầm non Tú Mịch');
    clock.advance(DAY);
    await h.core.backups.beforeQuit();
    const failed = await h.call('backup.overview', {});
    expect(failed.failures).toEqual([
      expect.objectContaining({
        target: 'secondFolder',
        folder: second,
        message: expect.stringContaining(second) as string,
      }),
    ]);
    expect(backupsIn(backups)).toHaveLength(2);
    expect((await h.call('backup.list', {})).secondFolderProblem).toContain('Không tìm thấy thư mục');

    fs.mkdirSync(second);
    await addUnit(h, 'Trường Mầm non Mẫu Sơn');
    clock.advance(DAY);
    await h.core.backups.beforeQuit();
    expect((await h.call('backup.overview', {})).failures).toEqual([]);
    expect(backupsIn(second)).toHaveLength(1);
  });

  it('a full data folder is shown as a failure, and leaves no partial file', async () => {
    const { h, backups } = await ready();
    await h.core.backups.atStart();
    await addUnit(h, 'Trường Tiểu học Hữu Khánh');
    await failWritesFrom(backups, 2, 'ENOSPC');
    await h.core.backups.beforeQuit();
    vi.restoreAllMocks();
    const { failures } = await h.call('backup.overview', {});
    expect(failures).toEqual([
      expect.objectContaining({ target: 'dataFolder', message: expect.stringContaining('ổ đĩa đã đầy') as string }),
    ]);
    expect(fs.readdirSync(backups).filter((name) => name !== 'state.json')).toHaveLength(1);
  });

  it('warns after seven days without a backup off this PC (a stick)', async () => {
    const stick = mountSmallDisk(8 * 1024, '/media');
    if (!stick) {
      console.warn('cannot mount a stand-in USB stick under /media here: skipped');
      return;
    }
    cleanups.push(() => stick.unmount());
    const { h, clock } = await ready();
    expect((await h.call('backup.overview', {})).externalOverdue).toBe(true);
    const job = await h.call('backup.start', { folder: stick.dir, password: null });
    const done = await h.core.services.backup.settle(job.jobId);
    expect(done.result?.folderKind).toBe('removable');
    const overview = await h.call('backup.overview', {});
    expect(overview.lastExternalAt).not.toBeNull();
    expect(overview.externalOverdue).toBe(false);
    clock.advance(7 * DAY + 60_000);
    expect((await h.call('backup.overview', {})).externalOverdue).toBe(true);
  });
});
