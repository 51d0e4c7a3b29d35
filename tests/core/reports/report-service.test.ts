import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Report, ReportBlock } from '../../../shared/domain/report';
import { createReadyCore, ApiFailure, type TestCore } from '../../support/core-harness';

/**
 * A report as office data: drafted, edited (text with bold and italic, reordered, deleted,
 * added), saved on the revision the editor holds, finalised, amended with a reason, drafted
 * again; every change with its audit entry and the sync columns.
 */

let h: TestCore;
let planIds: string[];
beforeEach(async () => {
  h = await createReadyCore();
  await h.call('registry.loadSample', {});
  planIds = (await h.call('plans.list', {})).map((plan) => plan.id);
});
afterEach(() => h.close());

function draft(): Promise<Report> {
  return h.call('reports.draft', { planIds, from: '2019-01-01', to: '2020-08-31', withCharts: false });
}

function paragraphs(report: Report): Extract<ReportBlock, { kind: 'paragraph' }>[] {
  return report.body.blocks.filter(
    (block): block is Extract<ReportBlock, { kind: 'paragraph' }> => block.kind === 'paragraph',
  );
}

describe('the results report as a record', () => {
  it('is office data: a UUID, a revision, its history, the office that changed it', async () => {
    const report = await draft();
    const row = h.core.db
      .prepare<
        [string],
        { id: string; rev: string; rev_history: string; changed_by_office: string; deleted_at: string | null }
      >(`SELECT id, rev, rev_history, changed_by_office, deleted_at FROM reports WHERE id = ?`)
      .get(report.id)!;
    expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(row.rev).toMatch(/^1-[0-9a-f]{16}$/);
    expect(row.changed_by_office).toBe(h.core.services.settings.officeId());
    expect((await h.call('reports.list', {})).map((item) => item.id)).toEqual([report.id]);
  });

  it('keeps the clerk’s edits: bold and italic, a paragraph moved, one deleted, one added', async () => {
    const report = await draft();
    const [first, second, third] = paragraphs(report);
    const edited: ReportBlock = {
      ...first!,
      runs: [{ text: 'Căn cứ ' }, { text: 'Chỉ thị số 26/CT-TTg', bold: true }, { text: ' (đã sửa)', italic: true }],
    };
    const added: ReportBlock = { id: 'n1', kind: 'paragraph', runs: [{ text: 'Đoạn mới do văn thư thêm.' }] };
    const blocks = report.body.blocks
      .filter((block) => block.id !== third!.id)
      .map((block) => (block.id === first!.id ? edited : block));
    // The second paragraph moves to the top, the new one goes after it.
    const moved = [
      blocks.find((block) => block.id === second!.id)!,
      added,
      ...blocks.filter((block) => block.id !== second!.id),
    ];
    const saved = await h.call('reports.save', {
      id: report.id,
      rev: report.rev,
      fields: { ...report.fields, number: '12/BC-PGDĐT', signerName: 'Lương Văn Hùng' },
      body: { blocks: moved, refs: report.body.refs },
    });
    expect(saved.rev).not.toBe(report.rev);
    expect(saved.fields.number).toBe('12/BC-PGDĐT');
    expect(saved.body.blocks.slice(0, 3).map((block) => block.id)).toEqual([second!.id, 'n1', first!.id]);
    expect(saved.body.blocks.find((block) => block.id === first!.id)).toEqual(edited);
    expect(saved.body.blocks.some((block) => block.id === third!.id)).toBe(false);
    const again = await h.call('reports.get', { id: report.id });
    expect(again.body).toEqual(saved.body);

    const history = await h.call('audit.list', { entityId: report.id });
    expect(history.rows.map((entry) => entry.action)).toEqual(['update', 'create']);
    const fields = history.rows[0]!.changes.map((change) => change.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'number',
        'signerName',
        `body.${first!.id}`,
        `body.${third!.id}`,
        'body.n1',
        'body.order',
      ]),
    );
  });

  it('refuses a save based on a revision someone else changed since', async () => {
    const report = await draft();
    await h.call('reports.save', {
      id: report.id,
      rev: report.rev,
      fields: { ...report.fields, number: '01/BC' },
      body: report.body,
    });
    await expect(
      h.call('reports.save', {
        id: report.id,
        rev: report.rev,
        fields: { ...report.fields, number: '02/BC' },
        body: report.body,
      }),
    ).rejects.toMatchObject({ error: { code: 'CONFLICT' } });
    expect((await h.call('reports.get', { id: report.id })).fields.number).toBe('01/BC');
  });

  it('drops links to counts that are not the report’s, and counts no one points at', async () => {
    const report = await draft();
    const [first] = paragraphs(report);
    const body = {
      blocks: report.body.blocks.map((block) =>
        block.id === first!.id ? { ...first!, runs: [{ text: '99', ref: 'r99999' }] } : block,
      ),
      refs: { ...report.body.refs, r88888: { ...Object.values(report.body.refs)[0]!, count: 1 } },
    };
    const saved = await h.call('reports.save', { id: report.id, rev: report.rev, fields: report.fields, body });
    expect(saved.body.blocks.find((block) => block.id === first!.id)).toEqual({ ...first!, runs: [{ text: '99' }] });
    expect(saved.body.refs.r88888).toBeUndefined();
    await expect(h.call('reports.counted', { id: report.id, ref: 'r99999' })).rejects.toMatchObject({
      error: { code: 'reports.UNKNOWN_COUNT' },
    });
  });

  it('is locked once finalised; an amendment needs a reason and is kept', async () => {
    const report = await draft();
    const done = await h.call('reports.finalise', { id: report.id, rev: report.rev });
    expect(done.status).toBe('finalised');
    expect(done.finalisedBy).toBe('Nguyễn Thị Thư');
    await expect(
      h.call('reports.save', { id: report.id, rev: done.rev, fields: report.fields, body: report.body }),
    ).rejects.toMatchObject({ error: { code: 'reports.LOCKED' } });
    await expect(h.call('reports.remove', { id: report.id, rev: done.rev })).rejects.toMatchObject({
      error: { code: 'reports.LOCKED' },
    });
    const empty = await h.fail('reports.amend', {
      id: report.id,
      rev: done.rev,
      fields: report.fields,
      body: report.body,
      reason: ' ',
    });
    expect(empty.code).toBe('VALIDATION');
    const amended = await h.call('reports.amend', {
      id: report.id,
      rev: done.rev,
      fields: { ...report.fields, signerName: 'Lương Văn Hùng' },
      body: report.body,
      reason: 'Bổ sung tên người ký',
    });
    expect(amended.status).toBe('finalised');
    expect(amended.amendments).toEqual([
      expect.objectContaining({
        reason: 'Bổ sung tên người ký',
        operator: 'Nguyễn Thị Thư',
        changes: [{ field: 'signerName', before: '', after: 'Lương Văn Hùng' }],
      }),
    ]);
    const history = await h.call('audit.list', { entityId: report.id });
    expect(history.rows.map((entry) => entry.action)).toEqual(['amend', 'finaliseReport', 'create']);
    expect(history.rows[0]!.detail).toBe('Bổ sung tên người ký');
    // A draft is edited directly, not amended.
    const other = await draft();
    await expect(
      h.call('reports.amend', { id: other.id, rev: other.rev, fields: other.fields, body: other.body, reason: 'x' }),
    ).rejects.toMatchObject({ error: { code: 'reports.NOT_FINALISED' } });
  });

  it('drafts the text again from today’s figures, keeping the fields the clerk typed', async () => {
    const report = await draft();
    const saved = await h.call('reports.save', {
      id: report.id,
      rev: report.rev,
      fields: { ...report.fields, number: '07/BC-PGDĐT' },
      body: { blocks: report.body.blocks.slice(0, 2), refs: report.body.refs },
    });
    const redrafted = await h.call('reports.redraft', {
      id: report.id,
      rev: saved.rev,
      planIds: planIds.slice(0, 1),
      from: '2019-01-01',
      to: '2019-12-31',
      withCharts: true,
    });
    expect(redrafted.fields.number).toBe('07/BC-PGDĐT');
    expect(redrafted.fields.title).toBe('Kết quả kiểm tra việc thực hiện kỷ luật, kỷ cương hành chính năm 2019');
    expect(redrafted.periodTo).toBe('2019-12-31');
    expect(redrafted.plans.map((plan) => plan.id)).toEqual(planIds.slice(0, 1));
    expect(redrafted.body.blocks.length).toBeGreaterThan(10);
    expect(redrafted.body.blocks.some((block) => block.kind === 'chart')).toBe(true);
  });

  it('removes a draft as a tombstone', async () => {
    const report = await draft();
    expect(await h.call('reports.remove', { id: report.id, rev: report.rev })).toEqual({ removed: true });
    expect(await h.call('reports.list', {})).toEqual([]);
    const row = h.core.db
      .prepare<[string], { deleted_at: string | null }>(`SELECT deleted_at FROM reports WHERE id = ?`)
      .get(report.id);
    expect(row?.deleted_at).not.toBeNull();
    await expect(h.call('reports.get', { id: report.id })).rejects.toBeInstanceOf(ApiFailure);
  });

  it('opens a report whose appendix rows are damaged, and refuses to print them', async () => {
    const report = await draft();
    expect(report.appendixRows).toBeGreaterThan(0);
    // As another office's app might have written it: two rows, the second not in the appendix's shape.
    const damaged = JSON.stringify({
      plans: [{ title: 'X' }],
      rows: [[0, 'Trường A', '2020-01-02', '1/BB', 1, 0, 0], ['?']],
    });
    h.core.db.prepare(`UPDATE reports SET appendix = ? WHERE id = ?`).run(damaged, report.id);
    expect((await h.call('reports.get', { id: report.id })).appendixRows).toBe(2);
    expect((await h.fail('reports.exportPdf', { id: report.id })).code).toBe('INTERNAL');
    // Not even a list of rows: the report is not shown half.
    h.core.db.prepare(`UPDATE reports SET appendix = '{"plans":[]}' WHERE id = ?`).run(report.id);
    expect((await h.fail('reports.get', { id: report.id })).code).toBe('INTERNAL');
  });

  it('says which input is wrong: no plan, a period backwards, a plan that does not exist', async () => {
    expect((await h.fail('reports.draft', { planIds: [], from: '2019-01-01', to: '2019-12-31' })).fields).toMatchObject(
      {
        planIds: 'reports.validation.plans',
      },
    );
    expect((await h.fail('reports.draft', { planIds, from: '2020-01-01', to: '2019-12-31' })).fields).toMatchObject({
      to: 'reports.validation.period',
    });
    const missing = await h.fail('reports.draft', {
      planIds: ['0190a0b0-0000-7000-8000-000000000000'],
      from: '2019-01-01',
      to: '2019-12-31',
    });
    expect(missing.code).toBe('reports.NO_PLANS');
    expect(missing.message).toContain('Không tìm thấy kế hoạch');
  });
});
