import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyUnitInput, unitToInput, type UnitInputRaw } from '../../../shared/domain/unit';
import type { ApiInput } from '../../../shared/api/contract';
import { ApiFailure, createReadyCore, type TestCore } from '../../support/core-harness';

function unit(overrides: Partial<UnitInputRaw> = {}): UnitInputRaw {
  return { ...emptyUnitInput('school'), name: 'Trường Tiểu học Hiệp Hạ', ...overrides };
}

describe('the unit registry', () => {
  let h: TestCore;
  beforeEach(async () => {
    h = await createReadyCore();
  });
  afterEach(() => h.close());

  it('creates a unit in NFC with sync metadata and finds it without diacritics', async () => {
    const { unit: created, undoId } = await h.call('registry.create', {
      unit: unit({ name: '  Trường   Tiểu học Hiệp Hạ '.normalize('NFD'), code: ' TH-HH ', phone: '0205 3840 123' }),
    });
    expect(created.name).toBe('Trường Tiểu học Hiệp Hạ');
    expect(created.name).toBe(created.name.normalize('NFC'));
    expect(created.code).toBe('TH-HH');
    expect(created.rev).toMatch(/^1-[0-9a-f]{16}$/);
    expect(undoId).not.toBe('');
    const row = h.core.db
      .prepare('SELECT changed_by_office, created_at, deleted_at FROM units WHERE id = ?')
      .get(created.id);
    expect(row).toMatchObject({ changed_by_office: h.core.services.settings.officeId(), deleted_at: null });
    for (const query of ['hiep ha', 'HIỆP HẠ', 'Hiệp Hạ'.normalize('NFD'), 'tieu hoc hiep', 'th-hh', 'ha hiep']) {
      const found = await h.call('registry.list', { query });
      expect(
        found.rows.map((r) => r.id),
        query,
      ).toEqual([created.id]);
    }
    expect((await h.call('registry.list', { query: 'dong quan' })).total).toBe(0);
  });

  it('requires a name and kind; a school needs its level; other kinds drop it', async () => {
    const noLevel = await h.fail('registry.create', { unit: unit({ schoolLevel: null }) });
    expect(noLevel.fields).toEqual({ 'unit.schoolLevel': 'registry.validation.schoolLevelRequired' });
    const commune = await h.call('registry.create', {
      unit: unit({ name: 'UBND xã Tam Gia', kind: 'commune', schoolLevel: 'primary', schoolType: 'ethnicBoarding' }),
    });
    expect(commune.unit).toMatchObject({ schoolLevel: null, schoolType: null });
    const noKind = await h.fail('registry.create', { unit: { ...unit(), kind: 'castle' } });
    expect(Object.keys(noKind.fields ?? {})).toContain('unit.kind');
  });

  it('keeps codes unique without regard to case or diacritics, and names the other unit', async () => {
    await h.call('registry.create', { unit: unit({ code: 'MN-Đông' }) });
    const error = await h.fail('registry.create', { unit: unit({ name: 'Trường khác', code: 'mn-dong' }) });
    expect(error.code).toBe('VALIDATION');
    expect(error.fields).toEqual({ code: 'registry.validation.duplicateCode' });
    expect(error.message).toBe('Mã "mn-dong" đã được dùng cho "Trường Tiểu học Hiệp Hạ". Chưa có gì được lưu.');
    expect((await h.call('registry.counts', {})).total).toBe(1);
  });

  it('refuses a second unit of a kind whose name differs only in case, spacing or the eth for Đ', async () => {
    const { unit: first } = await h.call('registry.create', { unit: unit({ name: 'Trường Mầm non Hiệp Hạ' }) });
    const error = await h.fail('registry.create', { unit: unit({ name: '  trường  mầm non HIỆP hạ ' }) });
    expect(error.code).toBe('VALIDATION');
    expect(error.fields).toEqual({ name: 'registry.validation.duplicateName' });
    expect(error.message).toContain('Danh mục đã có đơn vị "Trường Mầm non Hiệp Hạ"');
    expect((await h.call('registry.counts', {})).total).toBe(1);
    // Renaming another unit into it is refused the same way; an inactive one is named as such.
    const { unit: other } = await h.call('registry.create', { unit: unit({ name: 'Trường Mầm non Ðồng Bục' }) });
    expect(other.name).toBe('Trường Mầm non Đồng Bục');
    await h.call('registry.setActive', { id: first.id, rev: first.rev, active: false });
    const renamed = await h.fail('registry.update', {
      id: other.id,
      rev: other.rev,
      unit: unit({ name: 'Trường mầm non Hiệp Hạ' }),
    });
    expect(renamed.message).toContain('đang ngừng hoạt động');
    // Another kind of the same name, or two units both told apart by a code, are allowed.
    await h.call('registry.create', {
      unit: unit({ name: 'Trường Mầm non Hiệp Hạ', kind: 'other', schoolLevel: null }),
    });
    await h.call('registry.update', {
      id: other.id,
      rev: other.rev,
      unit: unit({ name: 'Trường Mầm non Đồng Bục', code: 'MN-DB' }),
    });
    await h.call('registry.create', { unit: unit({ name: 'Trường Mầm non Đồng Bục', code: 'MN-DB2' }) });
    const uncoded = await h.fail('registry.create', { unit: unit({ name: 'Trường Mầm non Đồng Bục' }) });
    expect(uncoded.fields).toEqual({ name: 'registry.validation.duplicateName' });
    expect((await h.call('registry.counts', {})).total).toBe(4);
  });

  it('refuses a stale edit (CONFLICT) and saves nothing', async () => {
    const { unit: created } = await h.call('registry.create', { unit: unit() });
    const first = await h.call('registry.update', {
      id: created.id,
      rev: created.rev,
      unit: unit({ headName: 'Lương Văn Hùng' }),
    });
    expect(first.unit.rev).toMatch(/^2-/);
    const stale = await h.fail('registry.update', {
      id: created.id,
      rev: created.rev,
      unit: unit({ headName: 'Người khác' }),
    });
    expect(stale.code).toBe('CONFLICT');
    expect((await h.call('registry.get', { id: created.id })).headName).toBe('Lương Văn Hùng');
  });

  it('does not make a new revision when nothing changed', async () => {
    const { unit: created } = await h.call('registry.create', { unit: unit() });
    const same = await h.call('registry.update', { id: created.id, rev: created.rev, unit: unit() });
    expect(same.unit.rev).toBe(created.rev);
    expect(same.undoId).toBe('');
  });

  it('gives each change a new revision; the history keeps the revisions other offices may know', async () => {
    const { unit: created } = await h.call('registry.create', { unit: unit() });
    const second = await h.call('registry.update', {
      id: created.id,
      rev: created.rev,
      unit: unit({ address: 'Xã Hiệp Hạ' }),
    });
    const row = () =>
      h.core.db.prepare('SELECT rev, rev_history FROM units WHERE id = ?').get(created.id) as {
        rev: string;
        rev_history: string;
      };
    expect(row().rev).toBe(second.unit.rev);
    expect(second.unit.rev).toMatch(/^2-/);
    // Never sent anywhere: no other office can know the first revision, so none is kept.
    expect(JSON.parse(row().rev_history)).toEqual([]);
    // Once a package carried it, the next change remembers it.
    await h.core.services.transfer.makePackage({ kind: 'all' }, null);
    const third = await h.call('registry.update', {
      id: created.id,
      rev: second.unit.rev,
      unit: unit({ address: 'Thị trấn Lộc Bình' }),
    });
    expect(JSON.parse(row().rev_history)).toEqual([second.unit.rev]);
    expect(third.unit.rev).toMatch(/^3-/);
  });

  it('deactivates and reactivates instead of deleting; filters by status', async () => {
    const { unit: created } = await h.call('registry.create', { unit: unit() });
    const { unit: inactive } = await h.call('registry.setActive', { id: created.id, rev: created.rev, active: false });
    expect((await h.call('registry.list', {})).total).toBe(0);
    expect((await h.call('registry.list', { active: 'inactive' })).rows[0]?.active).toBe(false);
    expect((await h.call('registry.list', { active: 'all' })).total).toBe(1);
    await h.call('registry.setActive', { id: created.id, rev: inactive.rev, active: true });
    expect((await h.call('registry.list', {})).total).toBe(1);
  });

  it('refuses to deactivate a unit that changed since the clerk saw it (a stale write never wins)', async () => {
    const { unit: created } = await h.call('registry.create', { unit: unit() });
    const { unit: edited } = await h.call('registry.update', {
      id: created.id,
      rev: created.rev,
      unit: unit({ headName: 'Hoàng Văn Mạnh' }),
    });
    const error = await h.fail('registry.setActive', { id: created.id, rev: created.rev, active: false });
    expect(error.code).toBe('CONFLICT');
    const after = await h.call('registry.get', { id: created.id });
    expect(after).toMatchObject({ active: true, headName: 'Hoàng Văn Mạnh', rev: edited.rev });
  });

  it('undoes the last change, but never over a later edit', async () => {
    const { unit: created, undoId: undoCreate } = await h.call('registry.create', { unit: unit() });
    const edited = await h.call('registry.update', { id: created.id, rev: created.rev, unit: unit({ headName: 'A' }) });
    await h.call('registry.update', { id: created.id, rev: edited.unit.rev, unit: unit({ headName: 'B' }) });
    // The first edit's undo is stale: the unit moved on.
    const stale = await h.fail('registry.undo', { undoId: edited.undoId });
    expect(stale.code).toBe('registry.undoStale');
    expect((await h.call('registry.get', { id: created.id })).headName).toBe('B');
    // Undoing a creation hides the unit (a tombstone, not a delete).
    const other = await h.call('registry.create', {
      unit: unit({ name: 'Trường Mầm non Hoa Sen', schoolLevel: 'preschool' }),
    });
    expect((await h.call('registry.undo', { undoId: other.undoId })).unit).toBeNull();
    expect((await h.call('registry.list', { query: 'hoa sen', active: 'all' })).total).toBe(0);
    expect(
      h.core.db.prepare('SELECT deleted_at IS NOT NULL AS gone FROM units WHERE id = ?').get(other.unit.id),
    ).toEqual({ gone: 1 });
    // An undo id works once.
    expect((await h.fail('registry.undo', { undoId: other.undoId })).code).toBe('registry.undoUnknown');
    expect(undoCreate).not.toBe('');
  });

  it('restores the previous content on undo of an edit', async () => {
    const { unit: created } = await h.call('registry.create', { unit: unit({ headName: 'Cũ' }) });
    const edited = await h.call('registry.update', {
      id: created.id,
      rev: created.rev,
      unit: unit({ headName: 'Mới' }),
    });
    const undone = await h.call('registry.undo', { undoId: edited.undoId });
    expect(undone.unit?.headName).toBe('Cũ');
    expect(undone.unit?.rev).toMatch(/^3-/);
  });

  it('links a parent unit, refusing itself and cycles', async () => {
    const parent = await h.call('registry.create', {
      unit: unit({ name: 'Phòng Giáo dục và Đào tạo', kind: 'department' }),
    });
    const child = await h.call('registry.create', { unit: unit({ parentId: parent.unit.id }) });
    expect(child.unit.parentName).toBe('Phòng Giáo dục và Đào tạo');
    const self = await h.fail('registry.update', {
      id: parent.unit.id,
      rev: parent.unit.rev,
      unit: unit({ kind: 'department', parentId: parent.unit.id }),
    });
    expect(self.fields).toEqual({ parentId: 'registry.validation.parentSelf' });
    const cycle = await h.fail('registry.update', {
      id: parent.unit.id,
      rev: parent.unit.rev,
      unit: unit({ name: 'Phòng Giáo dục và Đào tạo', kind: 'department', parentId: child.unit.id }),
    });
    expect(cycle.fields).toEqual({ parentId: 'registry.validation.parentSelf' });
    // Undoing the parent's creation is refused while a child refers to it.
    expect((await h.fail('registry.undo', { undoId: parent.undoId })).code).toBe('registry.undoInUse');
  });

  it('refuses an undo that would bring back a parent link now making a cycle', async () => {
    const office = await h.call('registry.create', { unit: unit({ name: 'Phòng Nội vụ', kind: 'department' }) });
    const school = await h.call('registry.create', { unit: unit({ parentId: office.unit.id }) });
    const detached = await h.call('registry.update', {
      id: school.unit.id,
      rev: school.unit.rev,
      unit: unit({ parentId: null }),
    });
    // Now the office hangs under the school; restoring the school's old parent would close a loop.
    await h.call('registry.update', {
      id: office.unit.id,
      rev: office.unit.rev,
      unit: unit({ name: 'Phòng Nội vụ', kind: 'department', parentId: school.unit.id }),
    });
    const refused = await h.fail('registry.undo', { undoId: detached.undoId });
    expect(refused.fields).toEqual({ parentId: 'registry.validation.parentSelf' });
    expect((await h.call('registry.get', { id: school.unit.id })).parentId).toBeNull();
  });

  it('sorts in Vietnamese order and by code', async () => {
    for (const [name, code] of [
      ['UBND xã Đông Quan', 'X3'],
      ['UBND xã Ái Quốc', 'X10'],
      ['UBND xã Dương Đông', 'X2'],
      ['UBND xã Hữu Khánh', ''],
    ] as const) {
      await h.call('registry.create', { unit: unit({ name, code, kind: 'commune' }) });
    }
    const byName = await h.call('registry.list', { sort: 'name' });
    expect(byName.rows.map((r) => r.name)).toEqual([
      'UBND xã Ái Quốc',
      'UBND xã Dương Đông',
      'UBND xã Đông Quan',
      'UBND xã Hữu Khánh',
    ]);
    const byCode = await h.call('registry.list', { sort: 'code' });
    expect(byCode.rows.map((r) => r.code)).toEqual(['X10', 'X2', 'X3', '']);
  });

  it('filters by kind and managing body, and pages with a total', async () => {
    for (let index = 0; index < 25; index += 1) {
      await h.call('registry.create', { unit: unit({ name: `Trường Tiểu học số ${index + 1}` }) });
    }
    await h.call('registry.create', {
      unit: unit({ name: 'Phòng Nội vụ', kind: 'department', managingBody: 'district' }),
    });
    const page = await h.call('registry.list', { kinds: ['school'], offset: 20, limit: 10 });
    expect(page.total).toBe(25);
    expect(page.rows).toHaveLength(5);
    expect(page.rows.at(-1)?.name).toBe('Trường Tiểu học số 25');
    expect((await h.call('registry.list', { managingBodies: ['district'] })).rows.map((r) => r.name)).toEqual([
      'Phòng Nội vụ',
    ]);
    const counts = await h.call('registry.counts', {});
    expect(counts).toMatchObject({ total: 26, active: 26, byKind: { school: 25, department: 1 } });
  });

  it('keeps a school type beside the level: a PTDTBT THCS is found and counted among the THCS', async () => {
    const school = async (name: string, overrides: Partial<UnitInputRaw>) =>
      (await h.call('registry.create', { unit: unit({ name, ...overrides }) })).unit;
    const regular = await school('Trường THCS Khánh Xuân', { schoolLevel: 'lowerSecondary' });
    expect(regular.schoolType).toBe('regular');
    const semi = await school('Trường PTDTBT THCS Mẫu Sơn', {
      schoolLevel: 'lowerSecondary',
      schoolType: 'ethnicSemiBoarding',
    });
    await school('Trường PTDTBT Tiểu học Hữu Lân', { schoolLevel: 'primary', schoolType: 'ethnicSemiBoarding' });
    await school('Trường PTDTNT THCS và THPT Lộc Bình', { schoolLevel: 'multiLevel', schoolType: 'ethnicBoarding' });
    const names = async (filter: ApiInput<'registry.list'>) =>
      (await h.call('registry.list', filter)).rows.map((row) => row.name);
    expect(await names({ schoolLevels: ['lowerSecondary'] })).toEqual([
      'Trường PTDTBT THCS Mẫu Sơn',
      'Trường THCS Khánh Xuân',
    ]);
    expect(await names({ schoolTypes: ['ethnicSemiBoarding'] })).toEqual([
      'Trường PTDTBT THCS Mẫu Sơn',
      'Trường PTDTBT Tiểu học Hữu Lân',
    ]);
    expect(await names({ schoolLevels: ['lowerSecondary'], schoolTypes: ['regular'] })).toEqual([
      'Trường THCS Khánh Xuân',
    ]);
    const counts = await h.call('registry.counts', {});
    expect(counts.bySchoolLevel).toEqual({ preschool: 0, primary: 1, lowerSecondary: 2, multiLevel: 1, other: 0 });
    expect(counts.bySchoolType).toEqual({ regular: 1, ethnicSemiBoarding: 2, ethnicBoarding: 1 });
    // The type is one field of the unit: edited, audited, undone like the others.
    const edited = await h.call('registry.update', {
      id: semi.id,
      rev: semi.rev,
      unit: { ...unitToInput(semi), schoolType: 'regular' },
    });
    expect(edited.unit.schoolType).toBe('regular');
    await h.call('registry.undo', { undoId: edited.undoId });
    expect((await h.call('registry.get', { id: semi.id })).schoolType).toBe('ethnicSemiBoarding');
  });

  it('loads the labelled sample district once, and removes the untouched part of it', async () => {
    const loaded = await h.call('registry.loadSample', {});
    expect(loaded.created).toBeGreaterThan(100);
    const counts = await h.call('registry.counts', {});
    expect(counts.byKind.school).toBe(81);
    // Level and type read from the sample's names: its four PTDTBT schools count by their level.
    expect(counts.bySchoolLevel).toEqual({ preschool: 24, primary: 25, lowerSecondary: 25, multiLevel: 7, other: 0 });
    expect(counts.bySchoolType).toEqual({ regular: 77, ethnicSemiBoarding: 4, ethnicBoarding: 0 });
    expect(counts.sample).toBe(loaded.created);
    expect((await h.call('registry.loadSample', {})).created).toBe(0);
    const hiepHa = await h.call('registry.list', { query: 'ubnd xa hiep ha' });
    expect(hiepHa.rows[0]).toMatchObject({ name: 'UBND xã Hiệp Hạ', isSample: true });
    const edited = hiepHa.rows[0]!;
    await h.call('registry.update', {
      id: edited.id,
      rev: edited.rev,
      unit: { ...unit(), name: edited.name, kind: 'commune', managingBody: 'district', code: 'MAU-XA03' },
    });
    const removed = await h.call('registry.removeSample', {});
    expect(removed).toEqual({ removed: loaded.created - 1, kept: 1 });
    expect((await h.call('registry.counts', {})).total).toBe(1);
  });

  it('survives a restart with everything in place', async () => {
    const { unit: created } = await h.call('registry.create', { unit: unit({ notes: 'Dòng 1\nDòng 2' }) });
    h = await h.reopen();
    expect(await h.call('registry.get', { id: created.id })).toEqual(created);
  });

  it('reports a missing unit plainly', async () => {
    await expect(h.call('registry.get', { id: '01930000-0000-7000-8000-000000000000' })).rejects.toBeInstanceOf(
      ApiFailure,
    );
  });
});
