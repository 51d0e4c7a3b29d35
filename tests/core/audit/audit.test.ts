import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../electron/core/kernel/clock';
import { createReadyCore, type TestCore } from '../../support/core-harness';
import { addUnit, completeContent, inspectionOf, makePlan } from '../plans/planning-fixtures';

describe('the audit trail', () => {
  let h: TestCore;
  let clock: ReturnType<typeof fixedClock>;
  beforeEach(async () => {
    clock = fixedClock('2019-10-15T01:00:00Z');
    h = await createReadyCore({ clock });
  });
  afterEach(() => h.close());

  it('records who did what and when to a record, newest first, with the fields that changed', async () => {
    const unitId = await addUnit(h, 'Trường Tiểu học Xuân Dương');
    const { planId } = await makePlan(h, [unitId]);
    const id = await inspectionOf(h, planId, unitId);
    clock.advance(60_000);
    const draft = await h.call('inspections.start', { id });
    await h.call('settings.update', { operatorName: 'Lành Thị Hạnh' });
    clock.advance(60_000);
    const content = completeContent(draft);
    // A session of autosaves is one entry.
    let rev = draft.rev;
    for (const [index, text] of ['N', 'Nề', 'Nề nếp', 'Nề nếp tốt.'].entries()) {
      clock.advance(700);
      rev = (
        await h.call('inspections.saveDraft', {
          id,
          rev,
          editorId: 'editor-aaaa',
          seq: index + 1,
          content: { ...content, strengths: text },
        })
      ).rev;
    }
    clock.advance(60_000);
    await h.call('inspections.finalise', { id, rev });

    const { rows } = await h.call('audit.list', { entityId: id });
    expect(rows.map((row) => [row.action, row.operator])).toEqual([
      ['finalise', 'Lành Thị Hạnh'],
      ['draft', 'Lành Thị Hạnh'],
      ['start', 'Nguyễn Thị Thư'],
    ]);
    const draftEntry = rows[1]!;
    expect(draftEntry.at).toBe('2019-10-15T01:02:00.700Z');
    expect(draftEntry.lastAt).toBe('2019-10-15T01:02:02.800Z');
    expect(draftEntry.summary).toBe('Trường Tiểu học Xuân Dương');
    expect(draftEntry.changes).toEqual(
      expect.arrayContaining([{ field: 'strengths', before: '', after: 'Nề nếp tốt.' }]),
    );
    const row = h.core.db.prepare(`SELECT changed_by_office, rev FROM audit_log WHERE id = ?`).get(draftEntry.id);
    expect(row).toMatchObject({ changed_by_office: h.core.services.settings.officeId() });
  });

  it('starts a new entry after a pause or when another operator types', async () => {
    const unitId = await addUnit(h, 'Trường THCS Đông Quan');
    const { planId } = await makePlan(h, [unitId]);
    const id = await inspectionOf(h, planId, unitId);
    const draft = await h.call('inspections.start', { id });
    const save = async (text: string, rev: string, seq: number) =>
      (
        await h.call('inspections.saveDraft', {
          id,
          rev,
          editorId: 'editor-aaaa',
          seq,
          content: { ...draft.content, causes: text },
        })
      ).rev;
    let rev = await save('một', draft.rev, 1);
    clock.advance(20 * 60_000);
    rev = await save('hai', rev, 2);
    await h.call('settings.update', { operatorName: 'Người khác' });
    await save('ba', rev, 3);
    const { rows } = await h.call('audit.list', { entityId: id });
    expect(rows.filter((row) => row.action === 'draft')).toHaveLength(3);
  });

  it('lists every kind of record; units joining a scope are one entry on the plan', async () => {
    const unitId = await addUnit(h, 'Trường D');
    const { planId } = await makePlan(h, [unitId]);
    await h.call('inspections.create', { planId, unitId, plannedDate: null });
    const { rows } = await h.call('audit.list', {});
    expect(new Set(rows.map((row) => row.entity))).toEqual(new Set(['unit', 'official', 'plan', 'inspection']));
    const plans = await h.call('audit.list', { entity: 'plan' });
    expect(plans.rows.map((row) => row.action).sort()).toEqual(['create', 'scopeAdd', 'team']);
  });

  it('records changes to the unit registry with the fields that changed', async () => {
    const unitId = await addUnit(h, 'Trường Tiểu học Tam Gia');
    const unit = await h.call('registry.get', { id: unitId });
    clock.advance(1000);
    const { unit: edited } = await h.call('registry.update', {
      id: unitId,
      rev: unit.rev,
      unit: { ...unit, headName: 'Vi Thị Dung' },
    });
    clock.advance(1000);
    await h.call('registry.setActive', { id: unitId, rev: edited.rev, active: false });
    const { rows } = await h.call('audit.list', { entityId: unitId });
    expect(rows.map((row) => row.action)).toEqual(['deactivate', 'update', 'create']);
    expect(rows[1]!.changes).toEqual([
      { field: 'headName', before: 'Hiệu trưởng Trường Tiểu học Tam Gia', after: 'Vi Thị Dung' },
    ]);
    expect(rows[0]!.operator).toBe('Nguyễn Thị Thư');
  });
});
