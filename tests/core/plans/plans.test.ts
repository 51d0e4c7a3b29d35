import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReadyCore, type TestCore } from '../../support/core-harness';
import { addOfficial, addUnit, finaliseFor, inspectionOf, makePlan, planInput } from './planning-fixtures';

describe('plans, scope and team', () => {
  let h: TestCore;
  beforeEach(async () => {
    h = await createReadyCore();
  });
  afterEach(() => h.close());

  it('creates a plan with its team and picks the scope by kind, body and search', async () => {
    const schools = await Promise.all(
      ['Trường Tiểu học Hiệp Hạ', 'Trường THCS Hiệp Hạ', 'Trường Mầm non Tam Gia'].map((name) => addUnit(h, name)),
    );
    await addUnit(h, 'UBND xã Hiệp Hạ', 'commune');
    const leader = await addOfficial(h, 'Lương Văn Hùng', 'Trưởng phòng');
    const preview = await h.call('plans.previewScope', {
      selection: { filter: { kinds: ['school'], managingBodies: ['education'], query: 'hiep ha' } },
    });
    expect(preview).toMatchObject({ matching: 2, alreadyInScope: 0, byKind: { school: 2, commune: 0 } });
    const { plan, team } = await h.call('plans.create', {
      plan: planInput(),
      team: [{ officialId: leader, role: 'leader', position: '' }],
      scope: { filter: { kinds: ['school'], query: 'hiep ha' } },
    });
    expect(plan).toMatchObject({
      scopeCount: 2,
      targetPercent: 100,
      checklistName: 'Bộ tiêu chí kiểm tra KLKCHC đối với trường học',
    });
    expect(team).toEqual([
      expect.objectContaining({ officialId: leader, name: 'Lương Văn Hùng', role: 'leader', position: 'Trưởng phòng' }),
    ]);
    // The scope grows; units already in it are not added twice.
    const added = await h.call('plans.addScope', { planId: plan.id, selection: { unitIds: schools } });
    expect(added).toEqual({ added: 1, alreadyInScope: 2 });
    const schedule = await h.call('inspections.list', { planId: plan.id });
    expect(schedule.total).toBe(3);
    expect(new Set(schedule.rows.map((row) => row.status))).toEqual(new Set(['planned']));
  });

  it('refuses a team with two leaders or one person twice, and replaces the team in order', async () => {
    const unit = await addUnit(h, 'Trường Tiểu học Khánh Xuân');
    const { planId, leaderId } = await makePlan(h, [unit]);
    const deputy = await addOfficial(h, 'Vi Thị Dung', 'Chuyên viên');
    const { teamRev } = await h.call('plans.get', { id: planId });
    const twoLeaders = await h.fail('plans.setTeam', {
      planId,
      teamRev,
      team: [
        { officialId: leaderId, role: 'leader', position: '' },
        { officialId: deputy, role: 'leader', position: '' },
      ],
    });
    expect(twoLeaders.fields).toEqual({ team: 'plans.validation.oneLeader' });
    const twice = await h.fail('plans.setTeam', {
      planId,
      teamRev,
      team: [
        { officialId: leaderId, role: 'leader', position: '' },
        { officialId: leaderId, role: 'member', position: '' },
      ],
    });
    expect(twice.fields).toEqual({ 'team.1.officialId': 'plans.validation.duplicateMember' });
    const { team } = await h.call('plans.setTeam', {
      planId,
      teamRev,
      team: [
        { officialId: deputy, role: 'deputy', position: 'Phó trưởng đoàn' },
        { officialId: leaderId, role: 'leader', position: '' },
      ],
    });
    expect(team.map((member) => [member.name, member.role, member.position])).toEqual([
      ['Vi Thị Dung', 'deputy', 'Phó trưởng đoàn'],
      ['Nguyễn Văn An', 'leader', 'Phó Trưởng phòng'],
    ]);
  });

  it('refuses a team list based on a team another editor changed since (no member silently lost)', async () => {
    const unit = await addUnit(h, 'Trường Tiểu học Tú Đoạn');
    const { planId, leaderId } = await makePlan(h, [unit]);
    const first = await addOfficial(h, 'Hoàng Thị Mai', 'Chuyên viên');
    const second = await addOfficial(h, 'Lộc Văn Tài', 'Chuyên viên');
    // Two editors open the same team.
    const { teamRev } = await h.call('plans.get', { id: planId });
    const leader = { officialId: leaderId, role: 'leader' as const, position: '' };
    await h.call('plans.setTeam', {
      planId,
      teamRev,
      team: [leader, { officialId: first, role: 'member', position: '' }],
    });
    const stale = await h.fail('plans.setTeam', {
      planId,
      teamRev,
      team: [leader, { officialId: second, role: 'secretary', position: '' }],
    });
    expect(stale.code).toBe('CONFLICT');
    const { team, teamRev: now } = await h.call('plans.get', { id: planId });
    expect(team.map((member) => member.name)).toEqual(['Nguyễn Văn An', 'Hoàng Thị Mai']);
    // Saving again from what is there now works.
    const merged = await h.call('plans.setTeam', {
      planId,
      teamRev: now,
      team: [
        leader,
        { officialId: first, role: 'member', position: '' },
        { officialId: second, role: 'secretary', position: '' },
      ],
    });
    expect(merged.team).toHaveLength(3);
  });

  it('removes units from scope with their unfinished inspections, keeping units with finalised minutes', async () => {
    const a = await addUnit(h, 'Trường THCS Sàn Viên');
    const b = await addUnit(h, 'Trường THCS Tú Mịch');
    const { planId } = await makePlan(h, [a, b]);
    await finaliseFor(h, planId, a);
    await h.call('inspections.start', { id: await inspectionOf(h, planId, b) });
    const result = await h.call('plans.removeScope', { planId, unitIds: [a, b] });
    expect(result).toEqual({ removed: 1, kept: [{ unitId: a, unitName: 'Trường THCS Sàn Viên' }] });
    const { rows } = await h.call('inspections.list', { planId });
    expect(rows.map((row) => row.unitId)).toEqual([a]);
    expect((await h.call('plans.get', { id: planId })).plan.scopeCount).toBe(1);
  });

  it('validates plan fields and refuses a stale edit', async () => {
    const bad = await h.fail('plans.create', { plan: planInput({ title: ' ', targetPercent: 120, periodYear: 1999 }) });
    expect(bad.fields).toMatchObject({
      'plan.title': 'validation.required',
      'plan.targetPercent': 'plans.validation.target',
      'plan.periodYear': 'plans.validation.year',
    });
    const { plan } = await h.call('plans.create', { plan: planInput() });
    const updated = await h.call('plans.update', {
      id: plan.id,
      rev: plan.rev,
      plan: planInput({ legalBasis: 'Chỉ thị số 26/CT-TTg', targetPercent: 80 }),
    });
    expect(updated.plan.targetPercent).toBe(80);
    const stale = await h.fail('plans.update', { id: plan.id, rev: plan.rev, plan: planInput() });
    expect(stale.code).toBe('CONFLICT');
  });
});
