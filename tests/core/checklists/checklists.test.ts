import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { versionToContent } from '../../../shared/domain/checklist';
import { createReadyCore, createTestCore, type TestCore } from '../../support/core-harness';
import {
  AGENCY_CHECKLIST,
  SCHOOL_CHECKLIST,
  addUnit,
  completeContent,
  finaliseFor,
  inspectionOf,
  makePlan,
} from '../plans/planning-fixtures';

describe('checklists and their versions', () => {
  let h: TestCore;
  beforeEach(async () => {
    h = await createReadyCore();
  });
  afterEach(() => h.close());

  it('ships the two default checklists with the same ids in every office', async () => {
    const list = await h.call('checklists.list', {});
    expect(list.map((item) => [item.id, item.name, item.criterionCount, item.isDefault])).toEqual([
      [AGENCY_CHECKLIST, 'Bộ tiêu chí kiểm tra KLKCHC đối với cơ quan, đơn vị', 18, true],
      [SCHOOL_CHECKLIST, 'Bộ tiêu chí kiểm tra KLKCHC đối với trường học', 14, true],
    ]);
    const other = createTestCore();
    try {
      const rows = (db: TestCore) =>
        db.core.db.prepare(`SELECT id, rev, text FROM checklist_criteria ORDER BY id`).all() as {
          id: string;
          rev: string;
          text: string;
        }[];
      expect(rows(other)).toEqual(rows(h));
      expect(rows(h)[0]!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      other.close();
    }
    const agency = await h.call('checklists.get', { checklistId: AGENCY_CHECKLIST });
    expect(agency.version.groups.map((group) => group.title)).toEqual([
      'Tuyên truyền, quán triệt và ban hành văn bản',
      'Thủ tục hành chính',
      'Thời gian làm việc và tác phong',
      'Văn thư, lưu trữ',
      'Thực hiện nhiệm vụ',
    ]);
  });

  it('edits the newest version in place while no finalised inspection uses it', async () => {
    const { version, checklist } = await h.call('checklists.get', { checklistId: SCHOOL_CHECKLIST });
    const content = versionToContent(version);
    content.groups[0]!.criteria.push({ id: null, text: 'Ban hành quy chế phối hợp với cha mẹ học sinh' });
    content.groups[1]!.criteria.splice(0, 1);
    const saved = await h.call('checklists.save', {
      checklistId: SCHOOL_CHECKLIST,
      baseVersionId: version.id,
      header: { name: checklist.name, target: 'school', description: checklist.description, active: true },
      content,
    });
    expect(saved).toMatchObject({ changed: true, newVersion: false });
    expect(saved.version.id).toBe(version.id);
    expect(saved.version.groups[0]!.criteria.map((c) => c.text).at(-1)).toBe(
      'Ban hành quy chế phối hợp với cha mẹ học sinh',
    );
    expect(saved.checklist.criterionCount).toBe(14);
    const again = await h.call('checklists.save', {
      checklistId: SCHOOL_CHECKLIST,
      baseVersionId: version.id,
      header: { name: checklist.name, target: 'school', description: checklist.description, active: true },
      content: versionToContent(saved.version),
    });
    expect(again.changed).toBe(false);
  });

  it('makes a new version once a finalised inspection uses it; the old inspection keeps its criteria', async () => {
    const unitId = await addUnit(h, 'Trường Tiểu học Tú Đoạn');
    const { planId } = await makePlan(h, [unitId]);
    const finalisedId = await finaliseFor(h, planId, unitId);
    const before = await h.call('inspections.get', { id: finalisedId });

    const { version, checklist } = await h.call('checklists.get', { checklistId: SCHOOL_CHECKLIST });
    expect(version.locked).toBe(true);
    const content = versionToContent(version);
    const renamed = content.groups[0]!.criteria[0]!;
    renamed.text = 'Ban hành nội quy nhà trường (sửa đổi)';
    content.groups[4]!.criteria.splice(0, 1, { id: null, text: 'Hoàn thành kế hoạch năm học' });
    const saved = await h.call('checklists.save', {
      checklistId: SCHOOL_CHECKLIST,
      baseVersionId: version.id,
      header: { name: checklist.name, target: 'school', description: checklist.description, active: true },
      content,
      note: 'Sửa tiêu chí 1',
    });
    expect(saved).toMatchObject({ changed: true, newVersion: true });
    expect(saved.version.versionNo).toBe(2);
    expect(saved.version.locked).toBe(false);
    expect(saved.versions.map((v) => [v.versionNo, v.locked])).toEqual([
      [2, false],
      [1, true],
    ]);
    // Same lineage for the edited criterion, a new id in the new version.
    const newFirst = saved.version.groups[0]!.criteria[0]!;
    const oldFirst = version.groups[0]!.criteria[0]!;
    expect(newFirst.id).not.toBe(oldFirst.id);
    expect(newFirst.lineageId).toBe(oldFirst.lineageId);

    // The finalised inspection still shows version 1, word for word.
    const after = await h.call('inspections.get', { id: finalisedId });
    expect(after.checklist.versionId).toBe(version.id);
    expect(after.checklist.groups).toEqual(before.checklist.groups);
    expect(after.checklist.latestVersionNo).toBe(2);
    const v1 = await h.call('checklists.get', { checklistId: SCHOOL_CHECKLIST, versionId: version.id });
    expect(v1.version.groups[0]!.criteria[0]!.text).toBe('Ban hành nội quy nhà trường');
    expect(v1.version).toMatchObject({ versionNo: 1, locked: true, inspectionCount: 1 });
    expect(v1.versions.map((v) => [v.versionNo, v.inspectionCount, v.criterionCount])).toEqual([
      [2, 0, 14],
      [1, 1, 14],
    ]);
    const listed = (await h.call('checklists.list', {})).find((item) => item.id === SCHOOL_CHECKLIST);
    expect(listed).toMatchObject({ latestVersionNo: 2, versionCount: 2, criterionCount: 14, latestLocked: false });
    // A version of another checklist is not this one's.
    expect((await h.fail('checklists.get', { checklistId: AGENCY_CHECKLIST, versionId: version.id })).code).toBe(
      'NOT_FOUND',
    );

    // A stale editor (based on version 1) is refused.
    const stale = await h.fail('checklists.save', {
      checklistId: SCHOOL_CHECKLIST,
      baseVersionId: version.id,
      header: { name: checklist.name, target: 'school', description: checklist.description, active: true },
      content: versionToContent(version),
    });
    expect(stale.code).toBe('CONFLICT');
  });

  it('moves a draft to the newest version, carrying results by lineage', async () => {
    const first = await addUnit(h, 'Trường THCS Lợi Bác');
    const second = await addUnit(h, 'Trường THCS Nam Quan');
    const { planId } = await makePlan(h, [first, second]);
    await finaliseFor(h, planId, first);
    const draftId = await inspectionOf(h, planId, second);
    const draft = await h.call('inspections.start', { id: draftId });
    const filled = completeContent(draft);
    const saved = await h.call('inspections.saveDraft', {
      id: draftId,
      rev: draft.rev,
      editorId: 'editor-aaaa',
      seq: 1,
      content: filled,
    });
    const { version, checklist } = await h.call('checklists.get', { checklistId: SCHOOL_CHECKLIST });
    const content = versionToContent(version);
    content.groups[3]!.criteria = [{ id: null, text: 'Hồ sơ điện tử' }];
    await h.call('checklists.save', {
      checklistId: SCHOOL_CHECKLIST,
      baseVersionId: version.id,
      header: { name: checklist.name, target: 'school', description: checklist.description, active: true },
      content,
    });
    const before = await h.call('inspections.get', { id: draftId });
    expect(before.checklist.versionNo).toBe(1);
    expect(before.checklist.latestVersionNo).toBe(2);
    const upgraded = await h.call('inspections.upgradeChecklist', { id: draftId, rev: saved.rev });
    expect(upgraded.checklist.versionNo).toBe(2);
    // 14 results carried: 13 criteria kept their lineage, the replaced one starts empty.
    expect(upgraded.counts).toMatchObject({ total: 14, pass: 12, fail: 1 });
    const lineage = new Map(
      upgraded.checklist.groups.flatMap((g) => g.criteria).map((c) => [c.id, c.lineageId] as const),
    );
    for (const result of upgraded.content.results) expect(lineage.has(result.criterionId)).toBe(true);
    // The carried rows are the record's own (owned rows): replaced under its new revision.
    expect(upgraded.rev).not.toBe(saved.rev);
    const rows = h.core.db
      .prepare(`SELECT criterion_id, result FROM inspection_results WHERE inspection_id = ?`)
      .all(draftId) as { criterion_id: string; result: string }[];
    expect(rows).toHaveLength(13);
    for (const row of rows) expect(lineage.has(row.criterion_id)).toBe(true);
  });

  it('creates a checklist from a copy and refuses one without groups', async () => {
    const { version } = await h.call('checklists.get', { checklistId: AGENCY_CHECKLIST });
    const copy = versionToContent(version);
    for (const group of copy.groups) {
      group.id = null;
      for (const criterion of group.criteria) criterion.id = null;
    }
    const created = await h.call('checklists.create', {
      header: { name: 'Bộ tiêu chí UBND xã 2020', target: 'agency', description: '', active: true },
      content: copy,
    });
    expect(created.checklist.criterionCount).toBe(18);
    expect(created.version.versionNo).toBe(1);
    const empty = await h.fail('checklists.create', {
      header: { name: 'Trống', target: 'any', description: '', active: true },
      content: { groups: [] },
    });
    expect(empty.fields).toEqual({ 'content.groups': 'checklists.validation.noGroups' });
  });
});
