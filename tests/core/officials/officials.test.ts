import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReadyCore, type TestCore } from '../../support/core-harness';

const official = {
  name: 'Lành Thị Hạnh',
  position: 'Chuyên viên',
  organization: 'Phòng Nội vụ huyện Lộc Bình',
  phone: '',
  active: true,
  notes: '',
};

describe('officials', () => {
  let h: TestCore;
  beforeEach(async () => {
    h = await createReadyCore();
  });
  afterEach(() => h.close());

  it('lists people by given name, finds them without diacritics and keeps each change in the trail', async () => {
    const created = await h.call('officials.create', { official });
    await h.call('officials.create', { official: { ...official, name: 'Nông Văn An' } });
    expect((await h.call('officials.list', {})).rows.map((row) => row.name)).toEqual(['Nông Văn An', 'Lành Thị Hạnh']);
    expect((await h.call('officials.list', { query: 'lanh thi' })).rows.map((row) => row.id)).toEqual([created.id]);
    // Words in any order, by their starts, across name, position and organisation.
    expect((await h.call('officials.list', { query: 'noi vu hanh' })).rows.map((row) => row.id)).toEqual([created.id]);
    expect((await h.call('officials.list', { query: 'anh' })).total).toBe(0);
    expect((await h.call('officials.list', { query: 'lộc bình', limit: 1 })).total).toBe(2);

    // The same values again change nothing, not even the revision.
    expect((await h.call('officials.update', { id: created.id, rev: created.rev, official })).rev).toBe(created.rev);
    const promoted = await h.call('officials.update', {
      id: created.id,
      rev: created.rev,
      official: { ...official, position: 'Phó Trưởng phòng Nội vụ' },
    });
    expect(promoted).toMatchObject({ position: 'Phó Trưởng phòng Nội vụ' });
    expect(promoted.rev).not.toBe(created.rev);
    const retired = await h.call('officials.update', {
      id: created.id,
      rev: promoted.rev,
      official: { ...official, position: 'Phó Trưởng phòng Nội vụ', active: false },
    });
    expect((await h.call('officials.list', {})).rows.map((row) => row.name)).toEqual(['Nông Văn An']);
    expect((await h.call('officials.list', { active: 'all' })).rows.map((row) => row.id)).toContain(retired.id);

    const { rows } = await h.call('audit.list', { entityId: created.id });
    expect(rows.map((row) => row.action)).toEqual(['deactivate', 'update', 'create']);
    expect(rows[1]!.changes).toEqual([{ field: 'position', before: 'Chuyên viên', after: 'Phó Trưởng phòng Nội vụ' }]);
  });

  it('refuses a stale revision and an unknown official, changing nothing', async () => {
    const created = await h.call('officials.create', { official });
    await h.call('officials.update', { id: created.id, rev: created.rev, official: { ...official, phone: '0205' } });
    const stale = await h.fail('officials.update', {
      id: created.id,
      rev: created.rev,
      official: { ...official, name: 'Lành Thị Hạnh (sửa)' },
    });
    expect(stale.code).toBe('CONFLICT');
    const missing = await h.fail('officials.update', {
      id: '01890000-0000-7000-8000-000000000001',
      rev: created.rev,
      official,
    });
    expect(missing.code).toBe('NOT_FOUND');
    expect((await h.call('officials.list', {})).rows.map((row) => [row.name, row.phone])).toEqual([
      ['Lành Thị Hạnh', '0205'],
    ]);
  });
});
