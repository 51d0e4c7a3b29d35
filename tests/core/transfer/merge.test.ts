import { afterEach, describe, expect, it } from 'vitest';
import { addUnit, finaliseFor, inspectionOf, makePlan } from '../plans/planning-fixtures';
import { content, live, makeOffice, preview, receive, send, sync, type Office } from './offices';

const offices: Office[] = [];
async function office(name: string, start?: string): Promise<Office> {
  const made = await makeOffice(name, start);
  offices.push(made);
  return made;
}
afterEach(() => {
  for (const made of offices.splice(0)) made.h.close();
});

async function headName(office: Office, unitId: string, name: string): Promise<void> {
  const unit = await office.h.call('registry.get', { id: unitId });
  await office.h.call('registry.update', { id: unitId, rev: unit.rev, unit: { ...unit, headName: name } });
}

describe('receiving a package from another office', () => {
  it('takes units that point at units made after them (a school placed under its commune later)', async () => {
    const bureau = await office('Phòng GD&ĐT huyện Lộc Bình');
    const district = await office('UBND huyện Lộc Bình');
    const school = await addUnit(bureau.h, 'Trường Tiểu học Sàn Viên');
    const commune = await addUnit(bureau.h, 'UBND xã Sàn Viên', 'commune');
    expect(school < commune).toBe(true);
    const unit = await bureau.h.call('registry.get', { id: school });
    await bureau.h.call('registry.update', { id: school, rev: unit.rev, unit: { ...unit, parentId: commune } });

    await receive(district, await send(bureau, district));
    expect((await district.h.call('registry.get', { id: school })).parentName).toBe('UBND xã Sàn Viên');
  });

  it('adds what is new, shows it first, and brings the plan with its inspections and progress', async () => {
    const bureau = await office('Phòng GD&ĐT huyện Lộc Bình');
    const district = await office('UBND huyện Lộc Bình');
    const a = await addUnit(bureau.h, 'Trường Tiểu học Hiệp Hạ');
    const b = await addUnit(bureau.h, 'Trường THCS Tú Mịch');
    const { planId } = await makePlan(bureau.h, [a, b]);
    await finaliseFor(bureau.h, planId, a);

    const payload = await send(bureau, district);
    const seen = await preview(district, payload);
    expect(seen.header.sender.name).toBe('Phòng GD&ĐT huyện Lộc Bình');
    expect(seen.summary.perTable.units?.add).toBe(2);
    expect(seen.summary.perTable.inspections?.add).toBe(2);
    // Nothing is written by a preview.
    expect((await district.h.call('plans.list', {})).length).toBe(0);

    district.h.core.services.transfer.apply(seen.sessionId, []);
    const plans = await district.h.call('plans.list', {});
    expect(plans.map((plan) => plan.title)).toEqual(['Kiểm tra KLKCHC năm học 2019–2020']);
    expect(plans[0]!.originOffice).toBe(bureau.identity.officeId);
    const progress = await district.h.call('progress.plan', { planId });
    expect(progress.progress.inspected).toBe(1);
    expect(progress.progress.scope).toBe(2);
    // The district's dashboard: the bureau's plan beside its own, marked, and a total across plans.
    const own = await addUnit(district.h, 'UBND xã Hiệp Hạ', 'commune');
    const ownPlan = await makePlan(district.h, [own], { title: 'Kiểm tra KLKCHC năm 2019 tại các cơ quan' });
    await finaliseFor(district.h, ownPlan.planId, own);
    const overview = await district.h.call('progress.overview', {});
    expect(overview.plans.map((plan) => [plan.title, plan.originName])).toEqual(
      expect.arrayContaining([
        ['Kiểm tra KLKCHC năm học 2019–2020', 'Phòng GD&ĐT huyện Lộc Bình'],
        ['Kiểm tra KLKCHC năm 2019 tại các cơ quan', ''],
      ]),
    );
    expect(overview.district).toEqual({ scope: 3, inspected: 2 });
    const detail = await district.h.call('inspections.get', { id: await inspectionOf(district.h, planId, a) });
    expect(detail.status).toBe('finalised');
    expect(detail.content.results.length).toBeGreaterThan(0);
    expect(detail.content.requests).toHaveLength(1);
    // The audit trail says where each record came from, beside the sender's own entries.
    const history = await district.h.call('audit.list', { entityId: a, limit: 50 });
    expect(history.rows.map((entry) => [entry.action, entry.detail])).toEqual(
      expect.arrayContaining([
        ['receive', 'Phòng GD&ĐT huyện Lộc Bình'],
        ['create', ''],
      ]),
    );
    const inspectionHistory = await district.h.call('audit.list', { entityId: detail.id, limit: 50 });
    expect(inspectionHistory.rows.find((entry) => entry.action === 'receive')).toMatchObject({
      summary: 'Trường Tiểu học Hiệp Hạ',
      operator: 'Văn thư UBND huyện Lộc Bình',
    });
  });

  it('changes nothing when the same package is received twice', async () => {
    const bureau = await office('Phòng GD&ĐT');
    const district = await office('UBND huyện');
    const a = await addUnit(bureau.h, 'Trường Mầm non Lợi Bác');
    const { planId } = await makePlan(bureau.h, [a]);
    await finaliseFor(bureau.h, planId, a);
    const payload = await send(bureau, district);
    await receive(district, payload);
    const before = content(district);
    const second = await preview(district, payload);
    expect(second.alreadyReceived).toBe(true);
    for (const counts of Object.values(second.summary.perTable)) {
      expect(counts.add + counts.update + counts.conflict).toBe(0);
    }
    district.h.core.services.transfer.apply(second.sessionId, []);
    expect(content(district)).toEqual(before);
  });

  it('gives the same content whichever package arrives first', async () => {
    const a = await office('Văn phòng A');
    const b = await office('Văn phòng B');
    const unitA = await addUnit(a.h, 'Trường Tiểu học Khánh Xuân');
    const unitB = await addUnit(b.h, 'UBND xã Tú Đoạn', 'commune');
    const shared = await addUnit(a.h, 'Trường THCS Yên Khoái');
    await receive(b, await send(a, b));
    await headName(a, shared, 'Lộc Văn Tài');
    await headName(b, shared, 'Hoàng Thị Mai');
    await makePlan(a.h, [unitA]);
    await makePlan(b.h, [unitB]);
    const fromA = await send(a, null);
    const fromB = await send(b, null);
    const first = await office('Huyện (A rồi B)');
    const second = await office('Huyện (B rồi A)');
    await receive(first, fromA);
    await receive(first, fromB);
    await receive(second, fromB);
    await receive(second, fromA);
    expect(content(second, { receipts: false })).toEqual(content(first, { receipts: false }));
  });

  it('flags the same record edited in two offices, loses neither edit, and does not raise it again', async () => {
    const a = await office('A');
    const b = await office('B');
    const unit = await addUnit(a.h, 'Trường Tiểu học Nam Quan');
    await receive(b, await send(a, b));
    await headName(a, unit, 'Nông Văn Ba');
    await headName(b, unit, 'Vi Thị Bốn');
    const fromA = await send(a, b);
    const seen = await preview(b, fromA);
    expect(seen.summary.perTable.units?.conflict).toBe(1);
    expect(seen.summary.conflicts[0]).toMatchObject({ table: 'units', recordId: unit, kind: 'edit' });
    // The preview names whose the other version is, as the conflicts list does once it is stored.
    expect(seen.view.conflicts[0]?.fromOffice).toBe('A');
    b.h.core.services.transfer.apply(seen.sessionId, []);
    const conflicts = b.h.core.services.transfer.openConflicts();
    expect(conflicts).toHaveLength(1);
    const kept = (await b.h.call('registry.get', { id: unit })).headName;
    const aside = String(conflicts[0]!.loser.row.head_name);
    expect(new Set([kept, aside])).toEqual(new Set(['Nông Văn Ba', 'Vi Thị Bốn']));
    // Again: nothing new, no second conflict.
    const again = await preview(b, fromA);
    expect(again.summary.perTable.units?.conflict).toBe(0);
    b.h.core.services.transfer.apply(again.sessionId, []);
    expect(b.h.core.services.transfer.openConflicts()).toHaveLength(1);
  });

  it('resolves a conflict by a person: the chosen version descends from both, and no office sees it again', async () => {
    const a = await office('A');
    const b = await office('B');
    const unit = await addUnit(a.h, 'Trường Tiểu học Xuân Lễ');
    await receive(b, await send(a, b));
    await headName(a, unit, 'Bản của A');
    await headName(b, unit, 'Bản của B');
    await receive(b, await send(a, b));
    const [conflict] = b.h.core.services.transfer.openConflicts();
    // The clerk at B keeps B's own version, whichever the rule applied meanwhile.
    b.h.core.services.transfer.resolve(conflict!.id, 'ours');
    expect(b.h.core.services.transfer.openConflicts()).toHaveLength(0);
    expect((await b.h.call('registry.get', { id: unit })).headName).toBe('Bản của B');
    const back = await preview(a, await send(b, a));
    expect(back.summary.perTable.units).toMatchObject({ update: 1, conflict: 0 });
    a.h.core.services.transfer.apply(back.sessionId, []);
    expect((await a.h.call('registry.get', { id: unit })).headName).toBe('Bản của B');
    expect(a.h.core.services.transfer.openConflicts()).toHaveLength(0);
  });

  it('closes a conflict waiting in both offices once one decides it: the choice arrives descending from both', async () => {
    const a = await office('A');
    const b = await office('B');
    const unit = await addUnit(a.h, 'Phòng Dân tộc', 'department');
    await receive(b, await send(a, b));
    // A's line of edits is the longer, so A's version is the one both offices keep meanwhile and
    // each receives a version it must set aside (with equal lines, the revision ids would decide).
    await headName(a, unit, 'Bản đầu của A');
    await headName(a, unit, 'Bản của A');
    await headName(b, unit, 'Bản của B');
    // Each office receives the other's edit: the conflict waits in both.
    await receive(a, await send(b, a));
    await receive(b, await send(a, b));
    expect(a.h.core.services.transfer.openConflicts()).toHaveLength(1);
    expect(b.h.core.services.transfer.openConflicts()).toHaveLength(1);
    // A decides (for B's version); its choice reaches B.
    const [atA] = a.h.core.services.transfer.openConflicts();
    a.h.core.services.transfer.resolve(atA!.id, atA!.loserSide === 'theirs' ? 'theirs' : 'ours');
    const chosen = (await a.h.call('registry.get', { id: unit })).headName;
    await receive(b, await send(a, b));
    expect((await b.h.call('registry.get', { id: unit })).headName).toBe(chosen);
    // Nothing is left to choose at B, and nothing there could undo A's decision.
    expect(b.h.core.services.transfer.openConflicts()).toHaveLength(0);
    const history = b.h.core.db.prepare(`SELECT resolution FROM merge_conflicts WHERE record_id = ?`).pluck().all(unit);
    expect(history).toEqual(['superseded']);
  });

  it('never lets a clock a year off overwrite anything silently', async () => {
    const a = await office('A', '2020-03-02T08:00:00Z');
    const b = await office('B (đồng hồ chạy sai)', '2021-03-02T08:00:00Z');
    const unit = await addUnit(a.h, 'Trường THCS Đồng Bục');
    await receive(b, await send(a, b));
    await headName(b, unit, 'Sửa ở B (năm 2021)');
    await headName(a, unit, 'Sửa ở A (năm 2020)');
    await receive(a, await send(b, a));
    const [conflict] = a.h.core.services.transfer.openConflicts();
    expect(conflict).toBeDefined();
    const values = [(await a.h.call('registry.get', { id: unit })).headName, String(conflict!.loser.row.head_name)];
    expect(new Set(values)).toEqual(new Set(['Sửa ở B (năm 2021)', 'Sửa ở A (năm 2020)']));
  });

  it('keeps a deletion against an edit made elsewhere: flagged, never silently brought back', async () => {
    const a = await office('A');
    const b = await office('B');
    const unit = await addUnit(a.h, 'Trường Tiểu học Tam Gia');
    const { planId } = await makePlan(a.h, [unit]);
    await receive(b, await send(a, b));
    const id = await inspectionOf(a.h, planId, unit);
    // A takes the unit out of the plan (its planned inspection goes); B starts recording it.
    await a.h.call('plans.removeScope', { planId, unitIds: [unit] });
    await b.h.call('inspections.start', { id });
    await receive(b, await send(a, b));
    const inspection = b.h.core.db.prepare('SELECT deleted_at FROM inspections WHERE id = ?').get(id) as {
      deleted_at: string | null;
    };
    expect(inspection.deleted_at).not.toBeNull();
    const conflicts = b.h.core.services.transfer.openConflicts();
    expect(conflicts.map((item) => [item.table, item.kind, item.loserSide])).toContainEqual([
      'inspections',
      'delete',
      'ours',
    ]);
    expect(conflicts.find((item) => item.table === 'inspections')!.loser.row.status).toBe('draft');
  });

  it('round trip A → B → A: no duplicate, timestamps and audit entries as they were', async () => {
    const a = await office('A');
    const b = await office('B');
    const unit = await addUnit(a.h, 'Trường Mầm non Sàn Viên');
    const { planId } = await makePlan(a.h, [unit]);
    await finaliseFor(a.h, planId, unit);
    const before = content(a);
    await receive(b, await send(a, b));
    await receive(a, await send(b, a));
    expect(content(a, { receipts: false })).toEqual(before);
    expect(live(a, 'units')).toHaveLength(1);
    // What came back adds only B's notes of having received A's records.
    const receipts = a.h.core.db
      .prepare(`SELECT DISTINCT detail, changed_by_office FROM audit_log WHERE action = 'receive'`)
      .all();
    expect(receipts).toEqual([{ detail: 'A', changed_by_office: b.identity.officeId }]);
  });

  it('sends only what changed since the last package to that office', async () => {
    const a = await office('A');
    const b = await office('B');
    const first = await addUnit(a.h, 'Trường Tiểu học Lục Thôn');
    await addUnit(a.h, 'Trường THCS Lục Thôn');
    await receive(b, await send(a, b));
    await headName(a, first, 'Người mới');
    const sent = await a.h.core.services.transfer.makePackage({ kind: 'changes', since: null }, b.identity);
    expect(sent.header.counts.units).toBe(1);
    await receive(b, sent.payload);
    expect((await b.h.call('registry.get', { id: first })).headName).toBe('Người mới');
    const nothing = await a.h.core.services.transfer.makePackage({ kind: 'changes', since: null }, b.identity);
    expect(nothing.header.counts.units ?? 0).toBe(0);
  });

  it('warns when a package of changes follows one that never arrived here (lost, or undone by a restore)', async () => {
    const a = await office('A');
    const b = await office('B');
    await receive(a, await send(b, a));
    const lost = await addUnit(b.h, 'UBND xã Mẫu Sơn', 'commune');
    // B sends its changes; the stick never reaches A (or A later restores a backup from before).
    const missed = await b.h.core.services.transfer.makePackage({ kind: 'changes', since: null }, a.identity);
    await addUnit(b.h, 'UBND xã Yên Khoái', 'commune');
    const next = await b.h.core.services.transfer.makePackage({ kind: 'changes', since: null }, a.identity);
    expect(next.header.scope).toMatchObject({ kind: 'changes', after: { packageId: missed.header.packageId } });
    const opened = await preview(a, next.payload);
    expect(opened.view.missingEarlier).toEqual({ at: missed.exchange.at });
    // The next package does not carry what the lost one did: hence the warning.
    expect(opened.summary.perTable.units?.add).toBe(1);
    expect(live(a, 'units').some((unit) => unit.id === lost)).toBe(false);

    // Once the earlier package is received, the same one follows on without a warning.
    await receive(a, missed.payload);
    expect((await preview(a, next.payload)).view.missingEarlier).toBeNull();
    // And a package that follows on from one received here raises none either.
    await receive(a, next.payload);
    await addUnit(b.h, 'UBND xã Tú Đoạn', 'commune');
    expect((await preview(a, await send(b, a, { kind: 'changes', since: null }))).view.missingEarlier).toBeNull();
  });

  it('converges three offices that edit and exchange in turn', async () => {
    const a = await office('A');
    const b = await office('B');
    const c = await office('C');
    const unit = await addUnit(a.h, 'Trường Tiểu học Tú Đoạn');
    await sync(a, b);
    await sync(b, c);
    await headName(a, unit, 'A1');
    await headName(c, unit, 'C1');
    await sync(a, b);
    await sync(b, c);
    await sync(a, c);
    await sync(a, b);
    expect(content(b)).toEqual(content(a));
    expect(content(c)).toEqual(content(a));
  });
});
