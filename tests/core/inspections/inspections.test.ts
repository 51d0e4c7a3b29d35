import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newRowId } from '../../../shared/domain/row-id';
import { fixedClock } from '../../../electron/core/kernel/clock';
import { createReadyCore, type TestCore } from '../../support/core-harness';
import { addOfficial, addUnit, completeContent, finaliseFor, inspectionOf, makePlan } from '../plans/planning-fixtures';

describe('recording an inspection', () => {
  let h: TestCore;
  let planId: string;
  let unitId: string;
  let id: string;

  beforeEach(async () => {
    h = await createReadyCore({ clock: fixedClock('2019-10-15T01:30:00Z', 1000) });
    unitId = await addUnit(h, 'Trường Tiểu học Hiệp Hạ');
    ({ planId } = await makePlan(h, [unitId]));
    id = await inspectionOf(h, planId, unitId);
  });
  afterEach(() => h.close());

  it('is planned when its unit joins the scope, and starting it fills in what is known', async () => {
    const planned = await h.call('inspections.get', { id });
    expect(planned.status).toBe('planned');
    expect(planned.checklist.groups.length).toBe(5);
    const draft = await h.call('inspections.start', { id });
    expect(draft.status).toBe('draft');
    expect(draft.content.team.map((member) => [member.name, member.role, member.position])).toEqual([
      ['Nguyễn Văn An', 'leader', 'Phó Trưởng phòng'],
      ['Hoàng Thị Mai', 'secretary', 'Chuyên viên'],
    ]);
    expect(draft.content.representatives.map((person) => person.name)).toEqual(['Hiệu trưởng Trường Tiểu học Hiệp Hạ']);
    // Starting twice changes nothing.
    const again = await h.call('inspections.start', { id });
    expect(again.rev).toBe(draft.rev);
  });

  it('saves a draft as one write, writes nothing when nothing changed, and reads back intact', async () => {
    const draft = await h.call('inspections.start', { id });
    const criteria = draft.checklist.groups.flatMap((group) => group.criteria);
    const content = {
      ...draft.content,
      results: [
        { criterionId: criteria[0]!.id, result: 'pass' as const, note: '' },
        { criterionId: criteria[1]!.id, result: 'fail' as const, note: 'Chưa ban hành quy chế '.normalize('NFD') },
      ],
      strengths: 'Nề nếp tốt.',
    };
    const saved = await h.call('inspections.saveDraft', {
      id,
      rev: draft.rev,
      editorId: 'editor-aaaa',
      seq: 1,
      content,
    });
    expect(saved.changed).toBe(true);
    expect(saved.rev).not.toBe(draft.rev);
    const same = await h.call('inspections.saveDraft', {
      id,
      rev: saved.rev,
      editorId: 'editor-aaaa',
      seq: 2,
      content,
    });
    expect(same).toMatchObject({ changed: false, rev: saved.rev });
    const reopened = await h.reopen();
    h = reopened;
    const read = await h.call('inspections.get', { id });
    expect(read.content.results).toHaveLength(2);
    expect(read.content.results.find((r) => r.criterionId === criteria[1]!.id)?.note).toBe('Chưa ban hành quy chế');
    expect(read.content.strengths).toBe('Nề nếp tốt.');
    expect(read.counts).toMatchObject({ pass: 1, fail: 1, na: 0, total: criteria.length });
  });

  it('keeps results as owned rows of the record: each change moves its revision, a cleared one leaves no row', async () => {
    const draft = await h.call('inspections.start', { id });
    const [first, second, third] = draft.checklist.groups.flatMap((group) => group.criteria);
    const stored = () =>
      h.core.db
        .prepare(
          `SELECT criterion_id, result, note FROM inspection_results WHERE inspection_id = ? ORDER BY criterion_id`,
        )
        .all(id) as { criterion_id: string; result: string | null; note: string }[];
    const record = () =>
      h.core.db.prepare(`SELECT rev, rev_history FROM inspections WHERE id = ?`).get(id) as {
        rev: string;
        rev_history: string;
      };
    const save = (rev: string, seq: number, results: typeof draft.content.results) =>
      h.call('inspections.saveDraft', {
        id,
        rev,
        editorId: 'editor-aaaa',
        seq,
        content: { ...draft.content, results },
      });

    const byCriterion = <T extends { criterion_id: string }>(rows: T[]) =>
      [...rows].sort((a, b) => (a.criterion_id < b.criterion_id ? -1 : 1));
    const recorded = [
      { criterionId: first!.id, result: 'pass' as const, note: '' },
      { criterionId: second!.id, result: 'fail' as const, note: 'Chưa niêm yết' },
      { criterionId: third!.id, result: null, note: 'Chờ bổ sung hồ sơ' },
    ];
    const one = await save(draft.rev, 1, recorded);
    expect(record().rev).toBe(one.rev);
    expect(stored()).toEqual(
      byCriterion([
        { criterion_id: first!.id, result: 'pass', note: '' },
        { criterion_id: second!.id, result: 'fail', note: 'Chưa niêm yết' },
        { criterion_id: third!.id, result: null, note: 'Chờ bổ sung hồ sơ' },
      ]),
    );

    // Only a note changes: the record still gets a new revision, of the next generation.
    const two = await save(one.rev, 2, [recorded[0]!, { ...recorded[1]!, note: 'Đã niêm yết một phần' }, recorded[2]!]);
    expect(two.changed).toBe(true);
    expect(record().rev).toBe(two.rev);
    expect(Number(two.rev.split('-')[0])).toBe(Number(one.rev.split('-')[0]) + 1);

    // Cleared (undecided, no note) and left out both mean no row.
    const three = await save(two.rev, 3, [
      { ...recorded[0]!, result: null },
      { ...recorded[1]!, note: 'Đã niêm yết một phần' },
    ]);
    expect(three.rev).not.toBe(two.rev);
    expect(stored()).toEqual([{ criterion_id: second!.id, result: 'fail', note: 'Đã niêm yết một phần' }]);
    expect((await h.call('inspections.get', { id })).content.results).toEqual([
      { criterionId: second!.id, result: 'fail', note: 'Đã niêm yết một phần' },
    ]);

    // A refused save (stale revision, or a bad criterion after good ones) leaves the rows as they were.
    const before = stored();
    const stale = await h.fail('inspections.saveDraft', {
      id,
      rev: two.rev,
      editorId: 'editor-bbbb',
      seq: 1,
      content: { ...draft.content, results: recorded },
    });
    expect(stale.code).toBe('CONFLICT');
    const bad = await h.fail('inspections.saveDraft', {
      id,
      rev: three.rev,
      editorId: 'editor-aaaa',
      seq: 4,
      content: { ...draft.content, results: [...recorded, { criterionId: newRowId(), result: 'pass', note: '' }] },
    });
    expect(bad.code).toBe('VALIDATION');
    expect(stored()).toEqual(before);
    expect(record().rev).toBe(three.rev);
  });

  it('refuses a stale revision from another editor, but lets an editor overtake its own unanswered save', async () => {
    const draft = await h.call('inspections.start', { id });
    const first = { ...draft.content, strengths: 'một' };
    const saved = await h.call('inspections.saveDraft', {
      id,
      rev: draft.rev,
      editorId: 'editor-aaaa',
      seq: 1,
      content: first,
    });
    // The same editor sends again with the old revision (it had not heard back): accepted.
    const overtaking = await h.call('inspections.saveDraft', {
      id,
      rev: draft.rev,
      editorId: 'editor-aaaa',
      seq: 2,
      content: { ...first, strengths: 'một hai' },
    });
    expect(overtaking.changed).toBe(true);
    // An older save of that editor arriving late is ignored.
    const late = await h.call('inspections.saveDraft', {
      id,
      rev: saved.rev,
      editorId: 'editor-aaaa',
      seq: 1,
      content: first,
    });
    expect(late.changed).toBe(false);
    // Another editor with a stale revision is refused and nothing changes.
    const conflict = await h.fail('inspections.saveDraft', {
      id,
      rev: draft.rev,
      editorId: 'editor-bbbb',
      seq: 1,
      content: { ...first, strengths: 'khác' },
    });
    expect(conflict.code).toBe('CONFLICT');
    expect((await h.call('inspections.get', { id })).content.strengths).toBe('một hai');
  });

  it('moves the revision for any change to a child row, even one no label shows', async () => {
    const draft = await h.call('inspections.start', { id });
    const stand = await addOfficial(h, 'Nguyễn Văn An', 'Phó Trưởng phòng');
    // Another official of the same name, position and role: only the link changes.
    const team = draft.content.team.map((member, index) => (index === 0 ? { ...member, officialId: stand } : member));
    const saved = await h.call('inspections.saveDraft', {
      id,
      rev: draft.rev,
      editorId: 'editor-aaaa',
      seq: 1,
      content: { ...draft.content, team },
    });
    expect(saved.changed).toBe(true);
    expect(saved.rev).not.toBe(draft.rev);
    const read = await h.call('inspections.get', { id });
    expect(read.rev).toBe(saved.rev);
    expect(read.content.team[0]!.officialId).toBe(stand);
    // An editor still holding the old revision must reload rather than undo it unseen.
    const stale = await h.fail('inspections.saveDraft', {
      id,
      rev: draft.rev,
      editorId: 'editor-bbbb',
      seq: 1,
      content: draft.content,
    });
    expect(stale.code).toBe('CONFLICT');
  });

  it('refuses results for criteria outside the checklist version and child ids owned by another inspection', async () => {
    const draft = await h.call('inspections.start', { id });
    const bad = await h.fail('inspections.saveDraft', {
      id,
      rev: draft.rev,
      editorId: 'editor-aaaa',
      seq: 1,
      content: { ...draft.content, results: [{ criterionId: newRowId(), result: 'pass', note: '' }] },
    });
    expect(bad.code).toBe('VALIDATION');
    const otherUnit = await addUnit(h, 'Trường THCS Tam Gia');
    await h.call('plans.addScope', { planId, selection: { unitIds: [otherUnit] } });
    const other = await h.call('inspections.start', { id: await inspectionOf(h, planId, otherUnit) });
    const stolen = await h.fail('inspections.saveDraft', {
      id,
      rev: draft.rev,
      editorId: 'editor-aaaa',
      seq: 1,
      content: { ...draft.content, team: other.content.team },
    });
    expect(stolen.code).toBe('VALIDATION');
    expect((await h.call('inspections.get', { id })).rev).toBe(draft.rev);
  });

  it('finalises only a complete record, naming each missing field', async () => {
    const draft = await h.call('inspections.start', { id });
    const emptied = await h.call('inspections.saveDraft', {
      id,
      rev: draft.rev,
      editorId: 'editor-aaaa',
      seq: 1,
      content: { ...draft.content, team: draft.content.team.filter((m) => m.role !== 'leader'), representatives: [] },
    });
    const error = await h.fail('inspections.finalise', { id, rev: emptied.rev });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/^Chưa hoàn tất được: còn \d+ mục cần bổ sung/);
    const fields = error.fields ?? {};
    expect(fields).toMatchObject({
      startTime: 'inspections.finalise.startTime',
      team: 'inspections.finalise.leader',
      representatives: 'inspections.finalise.representative',
      conclusion: 'inspections.finalise.conclusion',
    });
    const firstCriterion = draft.checklist.groups[0]!.criteria[0]!.id;
    expect(fields[`results.${firstCriterion}`]).toBe('inspections.finalise.result');
    expect((await h.call('inspections.get', { id })).status).toBe('draft');

    const content = {
      ...completeContent(draft),
      requests: [{ id: newRowId(), text: 'Bổ sung quy chế', dueDate: null, remediedDate: null }],
    };
    const filled = await h.call('inspections.saveDraft', {
      id,
      rev: emptied.rev,
      editorId: 'editor-aaaa',
      seq: 2,
      content,
    });
    const noDeadline = await h.fail('inspections.finalise', { id, rev: filled.rev });
    expect(noDeadline.fields).toEqual({ 'requests.0.dueDate': 'inspections.finalise.dueDate' });
  });

  it('locks a finalised record: drafts are refused, an amendment needs a reason and is kept', async () => {
    await finaliseFor(h, planId, unitId);
    const finalised = await h.call('inspections.get', { id });
    expect(finalised).toMatchObject({ status: 'finalised', finalisedBy: 'Nguyễn Thị Thư' });
    expect(finalised.finalisedAt).not.toBeNull();

    const locked = await h.fail('inspections.saveDraft', {
      id,
      rev: finalised.rev,
      editorId: 'editor-aaaa',
      seq: 9,
      content: { ...finalised.content, conclusion: 'Sửa lén' },
    });
    expect(locked.code).toBe('inspections.locked');
    const noReason = await h.fail('inspections.amend', {
      id,
      rev: finalised.rev,
      content: { ...finalised.content, conclusion: 'Kết luận mới' },
      reason: '  ',
    });
    expect(noReason.fields).toEqual({ reason: 'inspections.validation.reason' });

    const criterion = finalised.checklist.groups[0]!.criteria[0]!;
    const amended = await h.call('inspections.amend', {
      id,
      rev: finalised.rev,
      reason: 'Ghi nhầm kết quả tiêu chí 1',
      content: {
        ...finalised.content,
        conclusion: 'Kết luận mới',
        results: finalised.content.results.map((r) =>
          r.criterionId === criterion.id ? { ...r, result: 'pass' as const, note: '' } : r,
        ),
      },
    });
    expect(amended.status).toBe('finalised');
    expect(amended.content.conclusion).toBe('Kết luận mới');
    expect(amended.amendments).toHaveLength(1);
    const amendment = amended.amendments[0]!;
    expect(amendment).toMatchObject({ reason: 'Ghi nhầm kết quả tiêu chí 1', operator: 'Nguyễn Thị Thư' });
    expect(amendment.changes).toEqual(
      expect.arrayContaining([
        {
          field: 'conclusion',
          label: '',
          before: 'Đơn vị chấp hành tốt kỷ luật, kỷ cương hành chính.',
          after: 'Kết luận mới',
        },
        { field: `results.${criterion.id}.result`, label: criterion.text, before: 'fail', after: 'pass' },
      ]),
    );
    // An amendment may not leave the record incomplete.
    const incomplete = await h.fail('inspections.amend', {
      id,
      rev: amended.rev,
      reason: 'Xóa kết luận',
      content: { ...amended.content, conclusion: '' },
    });
    expect(incomplete.fields).toEqual({ conclusion: 'inspections.finalise.conclusion' });
  });

  it('becomes remedied when every request has a remedy date, and goes back when one is cleared', async () => {
    await finaliseFor(h, planId, unitId);
    const finalised = await h.call('inspections.get', { id });
    const requestId = finalised.content.requests[0]!.id;
    const remedied = await h.call('inspections.setRemedied', {
      id,
      rev: finalised.rev,
      requestId,
      remediedDate: '2019-11-10',
    });
    expect(remedied.status).toBe('remedied');
    expect(remedied.content.requests[0]!.remediedDate).toBe('2019-11-10');
    // A remedy date based on the record as it was before is refused, not silently written.
    const stale = await h.fail('inspections.setRemedied', { id, rev: finalised.rev, requestId, remediedDate: null });
    expect(stale.code).toBe('CONFLICT');
    const back = await h.call('inspections.setRemedied', { id, rev: remedied.rev, requestId, remediedDate: null });
    expect(back.status).toBe('finalised');
  });

  it('links a re-inspection to the first inspection, with its own record', async () => {
    const notYet = await h.fail('inspections.planReinspection', { originalId: id, plannedDate: '2020-01-10' });
    expect(notYet.code).toBe('inspections.notFinalised');
    await finaliseFor(h, planId, unitId);
    const follow = await h.call('inspections.planReinspection', { originalId: id, plannedDate: '2020-01-10' });
    expect(follow).toMatchObject({
      kind: 'reinspection',
      originalId: id,
      status: 'planned',
      plannedDate: '2020-01-10',
    });
    const original = await h.call('inspections.get', { id });
    expect(original.reinspections.map((r) => r.id)).toEqual([follow.id]);
    const started = await h.call('inspections.start', { id: follow.id });
    expect(started.original).toMatchObject({ id, status: 'finalised', inspectionDate: '2019-10-15' });
    expect(started.content.results).toEqual([]);
    // The first record is untouched by the second.
    expect((await h.call('inspections.get', { id })).content.results.length).toBeGreaterThan(0);
  });

  it('lists a plan by date, filters by status and finds units without diacritics', async () => {
    const second = await addUnit(h, 'Trường Mầm non Đông Quan');
    await h.call('plans.addScope', { planId, selection: { unitIds: [second] } });
    const secondId = await inspectionOf(h, planId, second);
    const revOf = async (inspectionId: string) => (await h.call('inspections.get', { id: inspectionId })).rev;
    await h.call('inspections.schedule', { id: secondId, rev: await revOf(secondId), plannedDate: '2019-10-01' });
    const seen = await revOf(id);
    const scheduled = await h.call('inspections.schedule', { id, rev: seen, plannedDate: '2019-10-20' });
    expect(scheduled.rev).not.toBe(seen);
    // Two clerks moving the same visit: the one who saw the older schedule is refused.
    const stale = await h.fail('inspections.schedule', { id, rev: seen, plannedDate: null });
    expect(stale.code).toBe('CONFLICT');
    expect((await h.call('inspections.get', { id })).plannedDate).toBe('2019-10-20');
    const all = await h.call('inspections.list', { planId });
    expect(all.rows.map((row) => row.unitName)).toEqual(['Trường Mầm non Đông Quan', 'Trường Tiểu học Hiệp Hạ']);
    await h.call('inspections.start', { id });
    expect((await h.call('inspections.list', { planId, statuses: ['draft'] })).rows.map((r) => r.id)).toEqual([id]);
    expect((await h.call('inspections.list', { query: 'dong quan' })).rows.map((r) => r.id)).toEqual([secondId]);

    // A page smaller than the matches: the total is counted, with and without search words.
    const third = await addUnit(h, 'Trường Tiểu học Đông Quan');
    await h.call('plans.addScope', { planId, selection: { unitIds: [third] } });
    const firstPage = await h.call('inspections.list', { limit: 1 });
    expect(firstPage).toMatchObject({ total: 3, rows: [{ id: secondId }] });
    expect((await h.call('inspections.list', { offset: 2, limit: 1 })).total).toBe(3);
    expect(await h.call('inspections.list', { query: 'dong quan', limit: 1 })).toMatchObject({ total: 2 });
    expect((await h.call('inspections.list', { statuses: ['planned'], limit: 1 })).total).toBe(2);
  });
});

describe('searching inspections across all plans', () => {
  let h: TestCore;
  beforeEach(async () => {
    h = await createReadyCore();
  });
  afterEach(() => h.close());

  // A rare word is looked up through the units it matches, a common one by walking the sort
  // order (inspection-queries.ts, FEW_UNITS = 200): both must give the same answers.
  it('a word matching a few units and one matching hundreds give every inspection, counted right', async () => {
    const ids: string[] = [];
    for (let n = 1; n <= 230; n += 1) ids.push(await addUnit(h, `Trường Tiểu học Xã ${n}`));
    const communeId = await addUnit(h, 'UBND xã Tú Đoạn', 'commune');
    const { planId } = await makePlan(h, [...ids.slice(0, 120), communeId]);
    const { planId: secondPlanId } = await makePlan(h, ids.slice(100), { title: 'Kế hoạch thứ hai' });

    const rare = await h.call('inspections.list', { query: 'xa 17' });
    // "Xã 17" (first plan), "Xã 170"…"Xã 179" (second plan).
    expect(rare.total).toBe(11);
    expect(new Set(rare.rows.map((row) => row.unitName))).toEqual(
      new Set(['Trường Tiểu học Xã 17', ...Array.from({ length: 10 }, (_, i) => `Trường Tiểu học Xã ${170 + i}`)]),
    );
    expect(rare.rows.filter((row) => row.planId === secondPlanId)).toHaveLength(10);

    const common = await h.call('inspections.list', { query: 'tieu hoc', limit: 100 });
    expect(common.total).toBe(120 + 130);
    expect(common.rows).toHaveLength(100);
    const everyPage = [
      ...common.rows,
      ...(await h.call('inspections.list', { query: 'tieu hoc', offset: 100, limit: 100 })).rows,
      ...(await h.call('inspections.list', { query: 'tieu hoc', offset: 200, limit: 100 })).rows,
    ];
    expect(new Set(everyPage.map((row) => row.id)).size).toBe(250);

    expect((await h.call('inspections.list', { query: 'tu doan' })).rows.map((row) => row.planId)).toEqual([planId]);
    expect(await h.call('inspections.list', { query: 'khong co' })).toEqual({ total: 0, rows: [] });
    const inPlan = await h.call('inspections.list', { planId: secondPlanId, query: 'xa 17' });
    expect(inPlan.total).toBe(10);
  }, 60_000);
});
