import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReadyCore, type TestCore } from '../../support/core-harness';
import type { PreviewRow } from '../../../shared/domain/unit-import';
import type { UnitInputRaw } from '../../../shared/domain/unit';
import { choose } from './support/files';

function csv(rows: string[][], delimiter = ';'): Buffer {
  const text = rows.map((row) => row.join(delimiter)).join('\r\n');
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

const HEADER = [
  'STT',
  'Mã',
  'Tên đơn vị',
  'Loại hình',
  'Cấp học',
  'Đơn vị cấp trên',
  'Người đứng đầu',
  'Điện thoại',
  'Trạng thái',
];

function unit(partial: Partial<UnitInputRaw> & Pick<UnitInputRaw, 'name' | 'kind'>): UnitInputRaw {
  return {
    code: '',
    schoolLevel: null,
    managingBody: partial.kind === 'school' ? 'education' : 'district',
    parentId: null,
    headName: '',
    headTitle: '',
    address: '',
    phone: '',
    active: true,
    notes: '',
    ...partial,
  };
}

async function open(harness: TestCore, rows: string[][], name = 'danh-sach.csv') {
  const inspected = await harness.call('unitImport.inspect', { fileId: choose(harness, name, csv(rows)) });
  const analyzed = await harness.call('unitImport.analyze', { sessionId: inspected.sessionId, sheet: 0 });
  const request = {
    sessionId: inspected.sessionId,
    sheet: 0,
    header: analyzed.header,
    mapping: analyzed.columns.map((column) => column.field),
  };
  return { inspected, analyzed, request };
}

function byRow(rows: PreviewRow[], row: number): PreviewRow {
  const found = rows.find((candidate) => candidate.row === row);
  if (!found) throw new Error(`row ${row} not in the preview`);
  return found;
}

describe('preview rules against the registry, and apply', () => {
  let harness: TestCore;
  let ids: Record<'dongQuan' | 'hiepHa' | 'education', string>;

  beforeEach(async () => {
    harness = await createReadyCore();
    const create = async (input: UnitInputRaw) => (await harness.call('registry.create', { unit: input })).unit.id;
    ids = {
      dongQuan: await create(
        unit({
          code: 'TH01',
          name: 'Trường Tiểu học Đông Quan',
          kind: 'school',
          schoolLevel: 'primary',
          headName: 'Nguyễn Văn An',
          phone: '0205 3840 100',
        }),
      ),
      hiepHa: await create(unit({ name: 'UBND xã Hiệp Hạ', kind: 'commune', headName: 'Lương Văn Hùng' })),
      education: await create(unit({ code: 'PB10', name: 'Phòng Giáo dục và Đào tạo', kind: 'department' })),
    };
  });
  afterEach(() => harness.close());

  const FILE = [
    HEADER,
    ['1', 'TH01', 'Trường Tiểu học Đông Quan', '', '', 'Phòng Giáo dục và Đào tạo', 'Hoàng Văn Bình', '', ''],
    ['2', '', 'UBND xã Hiệp Hạ', '', '', '', '', '0205 3840 999', ''],
    ['3', 'TH02', 'Trường Tiểu học Tú Mịch', '', '', 'PB10', '', '', ''],
    ['4', 'th-02'.toUpperCase().replace('-', ''), 'Trường TH Tú Mịch (bản sao)', '', '', '', '', '', ''],
    ['5', '', 'Trường THCS Khánh Xuân', '', '', 'TH02', '', '', ''],
    ['6', '', '', '', '', '', '', '0205', ''],
    ['7', 'TH03', 'Trường Mầm non Xuân Dương', '', '', '', '', '12345', ''],
    ['8', 'TH04', 'Trung tâm học tập cộng đồng', '', '', 'Đơn vị không có', '', '', ''],
    ['9', 'TH05', 'Trường Hoa Lư', 'Trường học', '', '', '', '', ''],
    ['10', '', 'UBND XÃ HIỆP HẠ', '', '', '', '', '', ''],
    ['11', 'TH06', 'Trường PTDTBT Tiểu học Mẫu Sơn', '', '', '', '', '', 'Ngừng hoạt động'],
  ];

  it('marks each row new, update, duplicate or error, with its reason and row number', async () => {
    const { request, analyzed } = await open(harness, FILE);
    expect(analyzed.detectedEncoding).toBe('utf-8-bom');
    expect(analyzed.delimiter).toBe(';');
    const preview = await harness.call('unitImport.preview', request);
    expect(preview.counts).toEqual({ new: 3, update: 2, unchanged: 0, duplicate: 2, error: 4, skipped: 0 });

    expect(byRow(preview.rows, 2)).toMatchObject({
      status: 'update',
      unitId: ids.dongQuan,
      headName: 'Hoàng Văn Bình',
    });
    expect(byRow(preview.rows, 2).changes).toEqual(['headName', 'parent']);
    // An empty cell keeps what the registry has.
    expect(byRow(preview.rows, 2).phone).toBe('0205 3840 100');
    expect(byRow(preview.rows, 3)).toMatchObject({ status: 'update', unitId: ids.hiepHa, changes: ['phone'] });
    expect(byRow(preview.rows, 4)).toMatchObject({
      status: 'new',
      kind: 'school',
      schoolLevel: 'primary',
      schoolType: 'regular',
    });
    expect(byRow(preview.rows, 5)).toMatchObject({ status: 'duplicate', duplicateOf: 4 });
    expect(byRow(preview.rows, 6)).toMatchObject({ status: 'new', schoolLevel: 'lowerSecondary', parent: 'TH02' });
    expect(byRow(preview.rows, 7).errors.map((issue) => issue.key)).toEqual(['unitImport.reasons.nameMissing']);
    expect(byRow(preview.rows, 8).errors).toEqual([{ field: 'phone', key: 'registry.validation.phone' }]);
    expect(byRow(preview.rows, 9).errors).toEqual([
      { field: 'parent', key: 'unitImport.reasons.parentNotFound', params: { value: 'Đơn vị không có' } },
    ]);
    expect(byRow(preview.rows, 10).errors).toEqual([
      { field: 'schoolLevel', key: 'registry.validation.schoolLevelRequired' },
    ]);
    expect(byRow(preview.rows, 11)).toMatchObject({ status: 'duplicate', duplicateOf: 3 });
    expect(byRow(preview.rows, 12)).toMatchObject({
      status: 'new',
      schoolLevel: 'primary',
      schoolType: 'ethnicSemiBoarding',
      active: false,
      managingBody: 'education',
    });
  });

  it('writes the good rows in one transaction, parents before children; the second run changes nothing', async () => {
    const { request } = await open(harness, FILE);
    const result = await harness.call('unitImport.apply', request);
    const { undoId: resultUndoId, ...resultCounts } = result;
    expect(resultUndoId).not.toBe('');
    expect(resultCounts).toEqual({
      created: 3,
      updated: 2,
      unchanged: 0,
      excluded: 0,
      duplicates: 2,
      errors: 4,
      skipped: 0,
    });
    const dongQuan = await harness.call('registry.get', { id: ids.dongQuan });
    expect(dongQuan).toMatchObject({ headName: 'Hoàng Văn Bình', phone: '0205 3840 100', parentId: ids.education });
    const tuMich = (await harness.call('registry.list', { query: 'TH02' })).rows[0];
    const khanhXuan = (await harness.call('registry.list', { query: 'khanh xuan' })).rows[0];
    expect(tuMich?.parentId).toBe(ids.education);
    expect(khanhXuan?.parentId).toBe(tuMich?.id);
    expect(khanhXuan?.parentName).toBe('Trường Tiểu học Tú Mịch');

    const again = await harness.call('unitImport.apply', request);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
    const preview = await harness.call('unitImport.preview', request);
    expect(preview.counts.unchanged).toBe(5);
  });

  it('records every unit it creates or changes in the audit trail, as the registry form does', async () => {
    const { request } = await open(harness, FILE);
    await harness.call('unitImport.apply', request);
    const history = await harness.call('audit.list', { entityId: ids.dongQuan });
    expect(history.rows[0]).toMatchObject({
      action: 'update',
      operator: 'Nguyễn Thị Thư',
      summary: 'Trường Tiểu học Đông Quan',
      changes: [
        { field: 'parentId', before: '', after: ids.education },
        { field: 'headName', before: 'Nguyễn Văn An', after: 'Hoàng Văn Bình' },
      ],
    });
    const created = (await harness.call('audit.list', { entity: 'unit', limit: 500 })).rows
      .filter((entry) => entry.action === 'create')
      .map((entry) => entry.summary);
    // The three units made in beforeEach and the three new rows of the file.
    expect(created).toHaveLength(6);
    expect(created).toEqual(
      expect.arrayContaining(['Trường Tiểu học Tú Mịch', 'Trường THCS Khánh Xuân', 'Trường PTDTBT Tiểu học Mẫu Sơn']),
    );
    // Applying the same file again changes nothing and records nothing.
    const total = (await harness.call('audit.list', {})).total;
    await harness.call('unitImport.apply', request);
    expect((await harness.call('audit.list', {})).total).toBe(total);
  });

  it('a correction in the preview turns an error into a unit', async () => {
    const { request } = await open(harness, FILE);
    const fixed = await harness.call('unitImport.preview', {
      ...request,
      overrides: [{ row: 10, schoolLevel: 'primary' }],
    });
    expect(byRow(fixed.rows, 10)).toMatchObject({ status: 'new', schoolLevel: 'primary' });
  });

  it('"update existing" off leaves registry units alone', async () => {
    const { request } = await open(harness, FILE);
    const preview = await harness.call('unitImport.preview', { ...request, updateExisting: false });
    expect(byRow(preview.rows, 2).warnings.map((issue) => issue.key)).toContain('unitImport.reasons.notUpdated');
    const result = await harness.call('unitImport.apply', { ...request, updateExisting: false });
    expect(result).toMatchObject({ created: 3, updated: 0, excluded: 2 });
    expect((await harness.call('registry.get', { id: ids.dongQuan })).headName).toBe('Nguyễn Văn An');
  });

  it('an unticked parent row takes its children with it, and says why', async () => {
    const { request } = await open(harness, FILE);
    const result = await harness.call('unitImport.apply', { ...request, excludedRows: [4] });
    expect(result).toMatchObject({ created: 1, updated: 2, excluded: 1, errors: 5 });
    expect((await harness.call('registry.list', { query: 'khanh xuan' })).total).toBe(0);
  });

  it('NFC and NFD forms of one name are the same unit', async () => {
    const nfd = 'UBND xã Hiệp Hạ'.normalize('NFD');
    const { request } = await open(harness, [
      ['Tên đơn vị', 'Người đứng đầu'],
      [nfd, 'Lương Văn Hùng'],
    ]);
    const preview = await harness.call('unitImport.preview', request);
    expect(preview.rows[0]).toMatchObject({ status: 'unchanged', unitId: ids.hiepHa, name: 'UBND xã Hiệp Hạ' });
  });

  it('parents: by code or name, ambiguous names refused, loops refused', async () => {
    await harness.call('registry.create', { unit: unit({ name: 'Trung tâm Văn hóa', kind: 'publicService' }) });
    await harness.call('registry.create', { unit: unit({ name: 'Trung tâm Văn hóa', kind: 'other' }) });
    const { request } = await open(harness, [
      ['Mã', 'Tên đơn vị', 'Đơn vị cấp trên'],
      ['N1', 'Nhà văn hóa thôn Nà Sla', 'Trung tâm Văn hóa'],
      ['PB10', 'Phòng Giáo dục và Đào tạo', 'TH09'],
      ['TH09', 'Trường Tiểu học Nà Sla', 'PB10'],
      ['S1', 'Tổ công tác', 'S1'],
    ]);
    const preview = await harness.call('unitImport.preview', request);
    expect(byRow(preview.rows, 2).errors[0]?.key).toBe('unitImport.reasons.parentAmbiguous');
    expect(byRow(preview.rows, 3).errors[0]?.key).toBe('unitImport.reasons.parentCycle');
    // Once the loop is broken by refusing row 3, row 4 hangs under the existing PB10: fine.
    expect(byRow(preview.rows, 4)).toMatchObject({ status: 'new', parent: 'PB10' });
    expect(byRow(preview.rows, 5).errors[0]?.key).toBe('unitImport.reasons.parentSelf');
    const before = await harness.call('registry.counts', {});
    const result = await harness.call('unitImport.apply', request);
    expect(result).toMatchObject({ created: 1, updated: 0, errors: 3 });
    expect((await harness.call('registry.counts', {})).total).toBe(before.total + 1);
    expect((await harness.call('registry.get', { id: ids.education })).parentId).toBeNull();
  });

  it('refuses a row whose name matches several units, rather than updating one of them at random', async () => {
    await harness.call('registry.create', {
      unit: unit({ name: 'Phòng Văn hóa và Thông tin', code: 'VH-B', kind: 'department' }),
    });
    await harness.call('registry.create', {
      unit: unit({ name: 'Phòng Văn hóa và Thông tin', code: 'VH-N', kind: 'department' }),
    });
    const { request } = await open(harness, [
      ['Mã', 'Tên đơn vị', 'Loại hình', 'Điện thoại'],
      ['', 'Phòng Văn hóa và Thông tin', 'Phòng chuyên môn', '0205 3840 111'],
      ['VH-N', 'Phòng Văn hóa và Thông tin', 'Phòng chuyên môn', '0205 3840 222'],
    ]);
    const preview = await harness.call('unitImport.preview', request);
    expect(byRow(preview.rows, 2)).toMatchObject({ status: 'error' });
    expect(byRow(preview.rows, 2).errors[0]).toMatchObject({
      key: 'unitImport.reasons.nameAmbiguous',
      params: { count: 2 },
    });
    expect(byRow(preview.rows, 3)).toMatchObject({ status: 'update', changes: ['phone'] });
  });

  it('a code typed with other case or spaces is the same code', async () => {
    const { request } = await open(harness, [
      ['Mã', 'Tên đơn vị', 'Điện thoại'],
      [' th01 ', 'Trường Tiểu học Đông Quan', '0205 3840 100'],
    ]);
    const preview = await harness.call('unitImport.preview', request);
    expect(preview.rows[0]).toMatchObject({ status: 'update', unitId: ids.dongQuan, changes: ['code'] });
  });
});
