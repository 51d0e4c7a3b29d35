import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReadyCore, type TestCore } from '../../support/core-harness';
import { emptyUnitInput, unitToInput, type Unit, type UnitInputRaw } from '../../../shared/domain/unit';
import { makePlan } from '../plans/planning-fixtures';
import { choose } from './support/files';

/** A list as a clerk might import by mistake: two updates to known units, three new ones (one under another). */
function csv(): Buffer {
  const rows = [
    ['Mã', 'Tên đơn vị', 'Đơn vị cấp trên', 'Người đứng đầu', 'Điện thoại'],
    ['TH01', 'Trường Tiểu học Đông Quan', '', 'Người khác', '0205 3999 001'],
    ['XA01', 'UBND xã Hiệp Hạ', '', 'Người khác nữa', ''],
    ['PB01', 'Phòng Văn hóa và Thông tin', '', 'Lý Văn Tư', ''],
    ['TV01', 'Trung tâm Văn hóa huyện', 'PB01', '', ''],
    ['TH02', 'Trường Tiểu học Tú Đoạn', '', 'Hà Thị Nga', ''],
  ];
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rows.map((row) => row.join(';')).join('\r\n'))]);
}

function unit(partial: Partial<UnitInputRaw> & Pick<UnitInputRaw, 'name' | 'kind'>): UnitInputRaw {
  return { ...emptyUnitInput(partial.kind), ...partial };
}

const content = (units: Unit[]) =>
  units
    .map((u) => [u.id, u.code, u.name, u.kind, u.parentId, u.headName, u.phone, u.active])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));

describe('taking an import back right after it', () => {
  let h: TestCore;
  let before: Unit[];

  beforeEach(async () => {
    h = await createReadyCore();
    await h.call('registry.create', {
      unit: unit({
        code: 'TH01',
        name: 'Trường Tiểu học Đông Quan',
        kind: 'school',
        schoolLevel: 'primary',
        headName: 'Hoàng Văn Bình',
        phone: '0205 3840 102',
      }),
    });
    await h.call('registry.create', { unit: unit({ code: 'XA01', name: 'UBND xã Hiệp Hạ', kind: 'commune' }) });
    before = (await h.call('registry.list', { active: 'all', limit: 100 })).rows;
  });
  afterEach(() => h.close());

  async function importList() {
    const inspected = await h.call('unitImport.inspect', { fileId: choose(h, 'nham.csv', csv()) });
    const analyzed = await h.call('unitImport.analyze', { sessionId: inspected.sessionId, sheet: 0 });
    return h.call('unitImport.apply', {
      sessionId: inspected.sessionId,
      sheet: 0,
      header: analyzed.header,
      mapping: analyzed.columns.map((column) => column.field),
    });
  }

  it('removes what it added and restores what it changed, in the audit trail too', async () => {
    const applied = await importList();
    expect(applied).toMatchObject({ created: 3, updated: 2 });
    expect(applied.undoId).not.toBe('');

    const undone = await h.call('unitImport.undo', { undoId: applied.undoId });
    expect(undone).toEqual({ removed: 3, restored: 2, kept: 0 });
    const after = (await h.call('registry.list', { active: 'all', limit: 100 })).rows;
    expect(content(after)).toEqual(content(before));
    expect((await h.call('registry.list', { query: 'tu doan' })).total).toBe(0);

    const history = await h.call('audit.list', { entity: 'unit', entityId: before[0]!.id });
    expect(history.rows.map((entry) => entry.action)).toContain('undo');

    const again = await h.fail('unitImport.undo', { undoId: applied.undoId });
    expect(again.code).toBe('unitImport.undoUnknown');
  });

  it('never overwrites later work: a unit edited since, or put in a plan, is kept and counted', async () => {
    const applied = await importList();
    const list = (await h.call('registry.list', { active: 'all', limit: 100 })).rows;
    const dongQuan = list.find((u) => u.code === 'TH01')!;
    const tuDoan = list.find((u) => u.code === 'TH02')!;
    await h.call('registry.update', {
      id: dongQuan.id,
      rev: dongQuan.rev,
      unit: { ...unitToInput(dongQuan), notes: 'Sửa sau khi nhập' },
    });
    await makePlan(h, [tuDoan.id]);

    const undone = await h.call('unitImport.undo', { undoId: applied.undoId });
    expect(undone).toEqual({ removed: 2, restored: 1, kept: 2 });
    const after = (await h.call('registry.list', { active: 'all', limit: 100 })).rows;
    expect(after.find((u) => u.code === 'TH01')).toMatchObject({ headName: 'Người khác', notes: 'Sửa sau khi nhập' });
    expect(after.find((u) => u.code === 'XA01')?.headName).toBe('');
    expect(after.map((u) => u.code).sort()).toEqual(['TH01', 'TH02', 'XA01']);
  });

  it('an undo that fails to write changes nothing and can be tried again', async () => {
    const applied = await importList();
    const db = h.core.db;
    // Every write to units fails, as on a full disk, until the trigger goes.
    db.exec(`CREATE TEMP TRIGGER fail_units BEFORE UPDATE ON units BEGIN SELECT RAISE(ABORT, 'disk full'); END;`);
    await h.fail('unitImport.undo', { undoId: applied.undoId });
    expect((await h.call('registry.list', { active: 'all', limit: 100 })).total).toBe(5);
    db.exec('DROP TRIGGER fail_units');
    expect(await h.call('unitImport.undo', { undoId: applied.undoId })).toEqual({ removed: 3, restored: 2, kept: 0 });
    expect((await h.call('registry.list', { active: 'all', limit: 100 })).total).toBe(2);
  });

  it('an import that wrote nothing has nothing to undo', async () => {
    await importList();
    const second = await importList();
    expect(second).toMatchObject({ created: 0, updated: 0, undoId: '' });
    expect((await h.fail('unitImport.undo', { undoId: 'khong-co' })).message).toBe(
      'Lần nhập này không còn hoàn tác được (đã hoàn tác, hoặc ứng dụng đã khởi động lại).',
    );
  });
});
