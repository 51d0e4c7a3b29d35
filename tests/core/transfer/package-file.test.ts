import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../support/core-harness';
import { failWritesFrom } from '../../support/inject-fault';
import { refusal } from '../backup/backup-fixtures';
import { addUnit, finaliseFor, makePlan } from '../plans/planning-fixtures';
import { live, makeOffice, type Office } from './offices';

const offices: Office[] = [];
const cleanups: (() => void)[] = [];
async function office(name: string): Promise<Office> {
  const made = await makeOffice(name);
  offices.push(made);
  return made;
}
function stick(): string {
  const dir = tempDir('klkchc-stick-');
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}
afterEach(() => {
  vi.restoreAllMocks();
  for (const made of offices.splice(0)) made.h.close();
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function packagesIn(dir: string): string[] {
  return fs.readdirSync(dir).filter((name) => name.endsWith('.klkgoi'));
}

async function bureauWithPlan(): Promise<{ bureau: Office; planId: string }> {
  const bureau = await office('Phòng GD&ĐT huyện Lộc Bình');
  const a = await addUnit(bureau.h, 'Trường Tiểu học Hiệp Hạ');
  const b = await addUnit(bureau.h, 'Trường THCS Tú Mịch');
  const { planId } = await makePlan(bureau.h, [a, b]);
  await finaliseFor(bureau.h, planId, a);
  return { bureau, planId };
}

describe('packages on a USB stick', () => {
  it('are written as a .klkgoi file named for the offices, opened from it and merged', async () => {
    const { bureau } = await bureauWithPlan();
    const district = await office('UBND huyện Lộc Bình');
    const usb = stick();

    const sent = await bureau.h.call('transfer.send', { scope: { kind: 'all' }, folder: usb });
    expect(sent.fileName).toMatch(/^KLKCHC_goi_phong-gd-dt-huyen-loc-binh_\d{4}-\d{2}-\d{2}_\d{4}\.klkgoi$/);
    expect(packagesIn(usb)).toEqual([sent.fileName]);
    expect(fs.statSync(sent.path).size).toBe(sent.size);
    // Only the package: no temporaries left beside it.
    expect(fs.readdirSync(usb)).toEqual([sent.fileName]);
    expect((await bureau.h.call('transfer.history', {}))[0]).toMatchObject({
      direction: 'sent',
      fileName: sent.fileName,
    });

    const opened = await district.h.call('transfer.open', { source: { path: sent.path } });
    if (opened.state !== 'ready') throw new Error('expected a preview');
    expect(opened.preview.sender.name).toBe('Phòng GD&ĐT huyện Lộc Bình');
    expect(opened.preview.totals.add).toBeGreaterThan(0);
    expect(live(district, 'plans')).toHaveLength(0);
    await district.h.call('transfer.apply', { sessionId: opened.preview.sessionId });
    expect(live(district, 'plans')).toHaveLength(1);
    expect(live(district, 'units')).toHaveLength(2);
    // Both offices count the package alike: an inspection with its results is one record.
    const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);
    const [received] = await district.h.call('transfer.history', {});
    expect(sent.counts.inspection_results).toBeUndefined();
    expect(total(sent.counts)).toBe(total(received!.counts));
    expect(total((await bureau.h.call('transfer.history', {}))[0]!.counts)).toBe(total(received!.counts));

    // The district now knows the bureau: "what changed since" can be sent back, named for both.
    const offices = await district.h.call('transfer.offices', {});
    expect(offices.map((known) => known.name)).toEqual(['Phòng GD&ĐT huyện Lộc Bình']);
    const back = await district.h.call('transfer.send', {
      scope: { kind: 'changes' },
      recipientId: offices[0]!.officeId,
      folder: usb,
    });
    expect(back.fileName).toContain('_den_phong-gd-dt-huyen-loc-binh_');
  });

  it('with a password: asked for, refused when wrong, opened when right', async () => {
    const { bureau } = await bureauWithPlan();
    const district = await office('UBND huyện Lộc Bình');
    const sent = await bureau.h.call('transfer.send', {
      scope: { kind: 'all' },
      folder: stick(),
      password: 'mật khẩu dài',
    });
    expect(await district.h.call('transfer.open', { source: { path: sent.path } })).toEqual({
      state: 'needsPassword',
      fileName: sent.fileName,
    });
    const wrong = await refusal(
      district.h.call('transfer.open', { source: { path: sent.path }, password: 'mật khẩu sai' }),
    );
    expect(wrong.code).toBe('file.WRONG_PASSWORD');
    expect(wrong.message).toMatch(/mật khẩu/i);
    const opened = await district.h.call('transfer.open', { source: { path: sent.path }, password: 'mật khẩu dài' });
    expect(opened.state).toBe('ready');
    // The password is too short to protect anything: refused before anything is written.
    const short = await refusal(
      bureau.h.call('transfer.send', { scope: { kind: 'all' }, folder: stick(), password: 'ngắn' }),
    );
    expect(short.code).toBe('VALIDATION');
  });

  it('refuses a package cut short or changed on the way, and a file that is no package, changing nothing', async () => {
    const { bureau } = await bureauWithPlan();
    const district = await office('UBND huyện Lộc Bình');
    const usb = stick();
    const sent = await bureau.h.call('transfer.send', { scope: { kind: 'all' }, folder: usb });
    const bytes = fs.readFileSync(sent.path);

    const cut = path.join(usb, 'cut.klkgoi');
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const cutRefusal = await refusal(district.h.call('transfer.open', { source: { path: cut } }));
    expect(cutRefusal.code).toBe('file.TRUNCATED');
    expect(cutRefusal.message).toContain('cut.klkgoi');

    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 40] = (flipped[flipped.length - 40] ?? 0) ^ 0xff;
    const changed = path.join(usb, 'changed.klkgoi');
    fs.writeFileSync(changed, flipped);
    expect((await refusal(district.h.call('transfer.open', { source: { path: changed } }))).code).toBe('file.DAMAGED');

    const empty = path.join(usb, 'empty.klkgoi');
    fs.writeFileSync(empty, '');
    expect((await refusal(district.h.call('transfer.open', { source: { path: empty } }))).message).toContain(
      'trống (0 byte)',
    );

    const workbook = path.join(usb, 'Danh sach don vi.xlsx');
    fs.writeFileSync(workbook, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('xl/workbook.xml')]));
    expect((await refusal(district.h.call('transfer.open', { source: { path: workbook } }))).message).toContain(
      'bảng tính Excel',
    );

    // A backup chosen by mistake is named as one.
    const backupJob = await bureau.h.call('backup.start', { folder: usb });
    const backup = await bureau.h.core.services.backup.settle(backupJob.jobId);
    const backupRefusal = await refusal(district.h.call('transfer.open', { source: { path: backup.result!.path } }));
    expect(backupRefusal.message).toContain('là bản sao lưu');

    expect(live(district, 'units')).toHaveLength(0);
    expect(await district.h.call('transfer.history', {})).toEqual([]);
  });

  it('a stick that fills up or is pulled mid-write leaves no package and records nothing sent', async () => {
    const { bureau, planId } = await bureauWithPlan();
    const district = await office('UBND huyện Lộc Bình');
    const usb = stick();
    // The district is known to the bureau after one exchange both ways.
    const first = await bureau.h.call('transfer.send', { scope: { kind: 'all' }, folder: usb });
    const opened = await district.h.call('transfer.open', { source: { path: first.path } });
    if (opened.state !== 'ready') throw new Error('expected a preview');
    await district.h.call('transfer.apply', { sessionId: opened.preview.sessionId });
    const reply = await district.h.call('transfer.send', { scope: { kind: 'all' }, folder: usb });
    const replyOpened = await bureau.h.call('transfer.open', { source: { path: reply.path } });
    if (replyOpened.state !== 'ready') throw new Error('expected a preview');
    await bureau.h.call('transfer.apply', { sessionId: replyOpened.preview.sessionId });
    const [districtOffice] = await bureau.h.call('transfer.offices', {});

    const c = await addUnit(bureau.h, 'Trường Mầm non Na Dương');
    await bureau.h.call('plans.addScope', { planId, selection: { unitIds: [c], filter: null } });
    const full = stick();
    for (const code of ['ENOSPC', 'EIO'] as const) {
      await failWritesFrom(full, 2, code);
      const failed = await refusal(
        bureau.h.call('transfer.send', {
          scope: { kind: 'changes' },
          recipientId: districtOffice!.officeId,
          folder: full,
        }),
      );
      vi.restoreAllMocks();
      expect(failed.message).toMatch(code === 'ENOSPC' ? /đầy/ : /USB|đọc|ghi/i);
      expect(fs.readdirSync(full)).toEqual([]);
    }
    // Nothing was recorded as sent: the next package still carries the new unit.
    const history = await bureau.h.call('transfer.history', {});
    expect(history.filter((entry) => entry.direction === 'sent')).toHaveLength(1);
    const again = await bureau.h.call('transfer.send', {
      scope: { kind: 'changes' },
      recipientId: districtOffice!.officeId,
      folder: full,
    });
    expect(again.counts.units).toBe(1);
  });
});

describe('Vietnamese text in a package', () => {
  it('arrives whole even where a character is cut between two of the package’s internal chunks', async () => {
    const bureau = await office('Phòng GD&ĐT huyện Lộc Bình');
    const district = await office('UBND huyện Lộc Bình');
    // About 240 KB of three-byte characters: the unpacked stream's chunk boundaries (16 KB) fall
    // inside a character almost every time.
    const notes = 'Ghi chú: tiếp nhận hồ sơ, niêm yết thủ tục; ' + 'ệ'.repeat(1200);
    const ids: string[] = [];
    for (let index = 0; index < 60; index += 1) {
      const id = await addUnit(bureau.h, `Trường Tiểu học Hữu Khánh số ${index}`);
      const unit = await bureau.h.call('registry.get', { id });
      await bureau.h.call('registry.update', { id, rev: unit.rev, unit: { ...unit, notes } });
      ids.push(id);
    }
    const sent = await bureau.h.call('transfer.send', { scope: { kind: 'all' }, folder: stick() });
    const opened = await district.h.call('transfer.open', { source: { path: sent.path } });
    if (opened.state !== 'ready') throw new Error('expected a preview');
    await district.h.call('transfer.apply', { sessionId: opened.preview.sessionId });
    for (const id of ids) expect((await district.h.call('registry.get', { id })).notes).toBe(notes);
  });
});
