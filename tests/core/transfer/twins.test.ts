import { afterEach, describe, expect, it } from 'vitest';
import { emptyUnitInput } from '../../../shared/domain/unit';
import { addUnit, inspectionOf, makePlan } from '../plans/planning-fixtures';
import { live, makeOffice, preview, receive, send, sync, type Office } from './offices';

const offices: Office[] = [];
async function office(name: string): Promise<Office> {
  const made = await makeOffice(name);
  offices.push(made);
  return made;
}
afterEach(() => {
  for (const made of offices.splice(0)) made.h.close();
});

async function unitWithCode(office: Office, name: string, code: string): Promise<string> {
  return (await office.h.call('registry.create', { unit: { ...emptyUnitInput('school'), name, code } })).unit.id;
}

describe('a unit registered separately in two offices', () => {
  it('is offered for linking, not duplicated; what referred to their unit refers to ours', async () => {
    const bureau = await office('Phòng GD&ĐT');
    const district = await office('UBND huyện');
    const theirs = await unitWithCode(bureau, 'Trường Tiểu học Hiệp Hạ', 'TH-HH');
    const ours = await unitWithCode(district, 'Trường TH Hiệp Hạ', 'th-hh');
    const { planId } = await makePlan(bureau.h, [theirs]);
    const seen = await preview(district, await send(bureau, district));
    expect(seen.summary.twins.map((twin) => [twin.reason, twin.theirs.id, twin.ours.id])).toEqual([
      ['code', theirs, ours],
    ]);
    district.h.core.services.transfer.apply(seen.sessionId, []);
    expect(live(district, 'units').map((unit) => unit.id)).toEqual([ours]);
    const inspection = await district.h.call('inspections.get', { id: await inspectionOf(district.h, planId, ours) });
    expect(inspection.unitId).toBe(ours);
    const progress = await district.h.call('progress.plan', { planId });
    expect(progress.progress.scope).toBe(1);
  });

  it('keeps units of the same name apart when the clerk says they are different', async () => {
    const a = await office('A');
    const b = await office('B');
    const theirs = await addUnit(a.h, 'Trường Mầm non Khuất Xá');
    const ours = await addUnit(b.h, 'Trường Mầm non Khuất Xá');
    const seen = await preview(b, await send(a, b));
    expect(seen.summary.twins).toEqual([expect.objectContaining({ reason: 'name' })]);
    b.h.core.services.transfer.apply(seen.sessionId, [theirs]);
    expect(
      live(b, 'units')
        .map((unit) => unit.id)
        .sort(),
    ).toEqual([ours, theirs].sort());
  });

  it('lets the link travel: the office that made the twin, and a third office, agree on one unit', async () => {
    const bureau = await office('Phòng GD&ĐT');
    const district = await office('UBND huyện');
    const third = await office('Thanh tra huyện');
    const theirs = await unitWithCode(bureau, 'Trường THCS Tú Mịch', 'THCS-TM');
    const ours = await unitWithCode(district, 'Trường THCS Tú Mịch', 'THCS-TM');
    await makePlan(bureau.h, [theirs]);
    await receive(third, await send(bureau, third));
    await receive(district, await send(bureau, district));
    await sync(district, bureau);
    await sync(district, third);
    for (const office of [bureau, district, third]) {
      expect(live(office, 'units').map((unit) => unit.id)).toEqual([ours]);
      const scope = live(office, 'plan_units').map((row) => row.unit_id);
      expect(new Set(scope)).toEqual(new Set([ours]));
    }
  });
});

describe('numbers and scopes that collide', () => {
  it('shows a minutes number given in both offices, renumbers nothing and keeps theirs aside', async () => {
    const a = await office('A');
    const b = await office('B');
    const first = await addUnit(a.h, 'Trường Tiểu học Lợi Bác');
    const second = await addUnit(a.h, 'Trường Tiểu học Nam Quan');
    const { planId } = await makePlan(a.h, [first, second]);
    await receive(b, await send(a, b));
    // Each office prints the minutes of a different inspection first: both get number 01.
    await a.h.call('minutes.setNumber', { inspectionId: await inspectionOf(a.h, planId, first), number: 1 });
    await b.h.call('minutes.setNumber', { inspectionId: await inspectionOf(b.h, planId, second), number: 1 });
    const seen = await preview(b, await send(a, b));
    expect(seen.summary.collisions).toEqual([expect.objectContaining({ kind: 'minutesNumber' })]);
    b.h.core.services.transfer.apply(seen.sessionId, []);
    const numbers = live(b, 'minutes_numbers');
    expect(numbers).toHaveLength(1);
    expect(b.h.core.services.transfer.openConflicts()).toEqual([
      expect.objectContaining({ kind: 'number', table: 'minutes_numbers' }),
    ]);
  });

  it('shows the same unit added to a plan in both offices, and counts it once', async () => {
    const a = await office('A');
    const b = await office('B');
    const first = await addUnit(a.h, 'Trường THCS Đông Quan');
    const { planId } = await makePlan(a.h, [first]);
    const extra = await addUnit(a.h, 'Trường THCS Xuân Mãn');
    await receive(b, await send(a, b));
    await a.h.call('plans.addScope', { planId, selection: { unitIds: [extra] } });
    await b.h.call('plans.addScope', { planId, selection: { unitIds: [extra] } });
    const seen = await preview(b, await send(a, b));
    expect(seen.summary.collisions).toEqual([expect.objectContaining({ kind: 'scope' })]);
    b.h.core.services.transfer.apply(seen.sessionId, []);
    expect((await b.h.call('progress.plan', { planId })).progress.scope).toBe(2);
  });
});
