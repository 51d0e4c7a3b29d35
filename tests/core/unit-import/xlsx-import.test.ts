import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReadyCore, type TestCore } from '../../support/core-harness';
import type { AnalyzeResult, InspectResult, PreviewResult } from '../../../shared/domain/unit-import';
import { choose, simpleWorkbook, workbookBytes } from './support/files';
import { MESSY_EXPECTED, messyWorkbook } from './support/messy-workbook';

describe('importing a messy .xlsx the way offices keep them', () => {
  let harness: TestCore;
  let inspected: InspectResult;
  let analyzed: AnalyzeResult;

  beforeEach(async () => {
    harness = await createReadyCore();
    const fileId = choose(harness, 'Danh sach don vi 2019.xlsx', await messyWorkbook());
    inspected = await harness.call('unitImport.inspect', { fileId });
    analyzed = await harness.call('unitImport.analyze', {
      sessionId: inspected.sessionId,
      sheet: inspected.suggestedSheet,
    });
  });
  afterEach(() => harness.close());

  const previewRequest = () => ({
    sessionId: inspected.sessionId,
    sheet: inspected.suggestedSheet,
    header: analyzed.header,
    mapping: analyzed.columns.map((column) => column.field),
  });

  it('lists the sheets and opens the one with the table, skipping the instructions and the hidden sheet', () => {
    expect(inspected.format).toBe('xlsx');
    expect(inspected.sheets.map((sheet) => [sheet.name, sheet.hidden, sheet.hasHeader])).toEqual([
      ['Hướng dẫn', false, false],
      ['Danh sách', false, true],
      ['Ẩn', true, true],
    ]);
    expect(inspected.suggestedSheet).toBe(1);
  });

  it('finds the two-line header under the title and the date, and proposes the mapping', () => {
    expect(analyzed.detectedHeader).toEqual({ row: 6, lines: 2 });
    expect(analyzed.columns.map((column) => [column.letter, column.label, column.field])).toEqual([
      ['A', 'STT', 'number'],
      ['B', 'Mã đơn vị', 'code'],
      ['C', 'Tên đơn vị', 'name'],
      ['D', 'Người đứng đầu – Họ và tên', 'headName'],
      ['E', 'Người đứng đầu – Chức vụ', 'headTitle'],
      ['F', 'Điện thoại', 'phone'],
      ['G', 'Địa chỉ', 'address'],
      ['H', 'Ghi chú', 'notes'],
    ]);
    // Samples are shown converted: the .VnTime name reads as Unicode.
    expect(analyzed.columns[2]?.samples).toContain('Trường Mầm non Hoa Sen');
    expect(analyzed.legacy).toBe('tcvn3');
    expect(analyzed.convertedCells).toBe(4);
    expect(analyzed.topRows[3]?.[0]).toBe('DANH SÁCH CÁC ĐƠN VỊ ĐƯỢC KIỂM TRA NĂM 2019');
  });

  it('previews every row: units new, titles/totals/signatures set aside with their reason', async () => {
    const preview: PreviewResult = await harness.call('unitImport.preview', previewRequest());
    expect(preview.mappingErrors).toEqual([]);
    const units = preview.rows.filter((row) => row.status === 'new');
    expect(units.map((row) => row.row)).toEqual(MESSY_EXPECTED.map((unit) => unit.row));
    for (const expected of MESSY_EXPECTED) {
      const row = units.find((candidate) => candidate.row === expected.row);
      expect(row).toMatchObject({ ...expected });
    }
    expect(units.find((row) => row.row === 10)?.warnings.map((w) => w.key)).toContain(
      'unitImport.reasons.phoneZeroRestored',
    );
    expect(units.find((row) => row.row === 13)?.originalName).toBe('Tr\u00adêng MÇm non Hoa Mai');
    expect(units.find((row) => row.row === 10)?.kindInferred).toBe(true);
    const skipped = preview.rows.filter((row) => row.status === 'skipped').map((row) => [row.row, row.skipReason]);
    expect(skipped).toEqual([
      [8, 'numbering'],
      [9, 'section'],
      [14, 'section'],
      [18, 'totals'],
      [19, 'totals'],
      [21, 'footer'],
      [22, 'footer'],
      [24, 'footer'],
    ]);
    expect(preview.counts).toEqual({ new: 6, update: 0, unchanged: 0, duplicate: 0, error: 0, skipped: 8 });
    expect(preview.blankRows).toBe(3);
    // Nothing is written by a preview.
    expect((await harness.call('registry.counts', {})).total).toBe(0);
  });

  it('applies in one go, finds the units without diacritics, and a second import changes nothing', async () => {
    const first = await harness.call('unitImport.apply', previewRequest());
    const { undoId: firstUndoId, ...firstCounts } = first;
    expect(firstUndoId).not.toBe('');
    expect(firstCounts).toEqual({
      created: 6,
      updated: 0,
      unchanged: 0,
      excluded: 0,
      duplicates: 0,
      errors: 0,
      skipped: 8,
    });
    const found = await harness.call('registry.list', { query: 'truong mam non hoa mai' });
    expect(found.rows.map((unit) => [unit.name, unit.code, unit.kind, unit.schoolLevel, unit.headName])).toContainEqual(
      ['Trường Mầm non Hoa Mai', '003', 'school', 'preschool', 'Lương Thị Hoa'],
    );
    const sen = (await harness.call('registry.list', { query: 'hoa sen' })).rows[0];
    expect(sen).toMatchObject({
      phone: '02053840123',
      notes: '05/09/2019',
      managingBody: 'education',
      headTitle: 'Hiệu trưởng',
    });
    const town = (await harness.call('registry.list', { query: 'na duong' })).rows.map((unit) => unit.name);
    expect(town).toContain('UBND THỊ TRẤN NA DƯƠNG');
    const before = await harness.call('registry.list', { active: 'all', limit: 500 });

    const again = await harness.call('unitImport.apply', previewRequest());
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 6 });
    const after = await harness.call('registry.list', { active: 'all', limit: 500 });
    expect(after.rows.map((unit) => unit.rev)).toEqual(before.rows.map((unit) => unit.rev));
  });

  it('a corrected kind or level in the preview is what gets written', async () => {
    const preview = await harness.call('unitImport.preview', {
      ...previewRequest(),
      overrides: [
        { row: 17, kind: 'other' },
        { row: 10, schoolLevel: 'multiLevel' },
      ],
    });
    expect(preview.rows.find((row) => row.row === 17)).toMatchObject({ kind: 'other', kindInferred: false });
    await harness.call('unitImport.apply', {
      ...previewRequest(),
      overrides: [
        { row: 17, kind: 'other' },
        { row: 10, schoolLevel: 'multiLevel' },
      ],
      excludedRows: [11],
    });
    const units = (await harness.call('registry.list', { limit: 50 })).rows;
    expect(units.find((unit) => unit.name === 'UBND xã Tú Đoạn')?.kind).toBe('other');
    expect(units.find((unit) => unit.name === 'Trường Mầm non Hoa Sen')?.schoolLevel).toBe('multiLevel');
    expect(units.some((unit) => unit.name === 'Trường Mầm non Na Dương')).toBe(false);
  });

  it('the user can change the header row and a column mapping', async () => {
    const changed = await harness.call('unitImport.analyze', {
      sessionId: inspected.sessionId,
      sheet: 1,
      header: { row: 7, lines: 1 },
    });
    expect(changed.header).toEqual({ row: 7, lines: 1 });
    expect(changed.columns[3]).toMatchObject({ label: 'Họ và tên', field: 'headName' });
    const mapping = changed.columns.map((column) => column.field);
    mapping[6] = 'notes';
    mapping[7] = 'ignore';
    const preview = await harness.call('unitImport.preview', {
      sessionId: inspected.sessionId,
      sheet: 1,
      header: changed.header,
      mapping,
    });
    expect(preview.rows.find((row) => row.row === 15)).toMatchObject({ address: '' });
    await harness.call('unitImport.apply', {
      sessionId: inspected.sessionId,
      sheet: 1,
      header: changed.header,
      mapping,
    });
    const hiepHa = (await harness.call('registry.list', { query: 'hiep ha' })).rows[0];
    expect(hiepHa).toMatchObject({ address: '', notes: 'Xã Hiệp Hạ' });
  });

  it('refuses a mapping without a name column, and one field on two columns', async () => {
    const mapping = analyzed.columns.map((column) => (column.field === 'name' ? 'ignore' : column.field));
    const preview = await harness.call('unitImport.preview', { ...previewRequest(), mapping });
    expect(preview.mappingErrors.map((issue) => issue.key)).toEqual(['unitImport.errors.needName']);
    const doubled = analyzed.columns.map((column) => (column.field === 'address' ? 'phone' : column.field));
    const second = await harness.call('unitImport.preview', { ...previewRequest(), mapping: doubled });
    expect(second.mappingErrors[0]).toMatchObject({ field: 'phone', params: { columns: 'F, G' } });
    const failure = await harness.fail('unitImport.apply', { ...previewRequest(), mapping });
    expect(failure.message).toBe('Chưa chọn cột chứa tên đơn vị.');
    expect((await harness.call('registry.counts', {})).total).toBe(0);
  });
});

describe('cells as people type them', () => {
  let harness: TestCore;
  beforeEach(async () => {
    harness = await createReadyCore();
  });
  afterEach(() => harness.close());

  it('a sheet without any header row: the user maps columns by letter', async () => {
    const bytes = await simpleWorkbook([
      ['Trường Tiểu học Đông Quan', '0205 3840 123'],
      ['UBND xã Tú Mịch', '0205 3840 124'],
    ]);
    const inspected = await harness.call('unitImport.inspect', {
      fileId: choose(harness, 'khong tieu de.xlsx', bytes),
    });
    expect(inspected.sheets[0]?.hasHeader).toBe(false);
    const analyzed = await harness.call('unitImport.analyze', { sessionId: inspected.sessionId, sheet: 0 });
    expect(analyzed.detectedHeader).toBeNull();
    expect(analyzed.header).toEqual({ row: 0, lines: 1 });
    expect(analyzed.columns.map((column) => column.field)).toEqual(['ignore', 'ignore']);
    const request = {
      sessionId: inspected.sessionId,
      sheet: 0,
      header: analyzed.header,
      mapping: ['name', 'phone'] as const,
    };
    const preview = await harness.call('unitImport.preview', { ...request, mapping: [...request.mapping] });
    expect(preview.rows.map((row) => [row.row, row.status, row.kind, row.schoolLevel])).toEqual([
      [1, 'new', 'school', 'primary'],
      [2, 'new', 'commune', null],
    ]);
  });

  it('__proto__ and constructor as headers and values do nothing harmful', async () => {
    const bytes = await simpleWorkbook([
      ['__proto__', 'Tên đơn vị', 'constructor', 'Ghi chú'],
      ['{"polluted":1}', '__proto__', 'constructor', 'prototype'],
      ['x', 'constructor', '__proto__', '__proto__'],
    ]);
    const inspected = await harness.call('unitImport.inspect', { fileId: choose(harness, 'proto.xlsx', bytes) });
    const analyzed = await harness.call('unitImport.analyze', { sessionId: inspected.sessionId, sheet: 0 });
    expect(analyzed.columns.map((column) => column.field)).toEqual(['ignore', 'name', 'ignore', 'notes']);
    const request = {
      sessionId: inspected.sessionId,
      sheet: 0,
      header: analyzed.header,
      mapping: analyzed.columns.map((column) => column.field),
    };
    const result = await harness.call('unitImport.apply', request);
    expect(result.created).toBe(2);
    const names = (await harness.call('registry.list', { limit: 10 })).rows.map((unit) => [unit.name, unit.notes]);
    expect(names).toEqual([
      ['__proto__', 'prototype'],
      ['constructor', '__proto__'],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});

describe('a group title numbered in its own cell and merged over the rest of its row', () => {
  it('is set aside as a group title and gives the kind of the units under it, not an error', async () => {
    const harness = await createReadyCore();
    try {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Danh sách');
      sheet.addRow(['STT', 'Tên đơn vị', 'Cấp học', 'Người đứng đầu', 'Chức vụ', 'Điện thoại']);
      sheet.addRow(['I', 'KHỐI MẦM NON']);
      sheet.mergeCells('B2:F2');
      sheet.addRow([1, 'Trường Hoa Sen', '', 'Lương Thị Hoa', 'Hiệu trưởng', '0205 3840 123']);
      sheet.addRow(['II', 'KHỐI TIỂU HỌC, THCS']);
      sheet.mergeCells('B4:F4');
      sheet.addRow([2, 'Trường Tú Đoạn', '', 'Hoàng Văn Nam', 'Hiệu trưởng', '0205 3840 456']);
      const fileId = choose(harness, 'DS truong.xlsx', await workbookBytes(workbook));
      const inspected = await harness.call('unitImport.inspect', { fileId });
      const analyzed = await harness.call('unitImport.analyze', { sessionId: inspected.sessionId, sheet: 0 });
      const preview = await harness.call('unitImport.preview', {
        sessionId: inspected.sessionId,
        sheet: 0,
        header: analyzed.header,
        mapping: analyzed.columns.map((column) => column.field),
      });
      expect(preview.rows.map((row) => [row.row, row.status, row.skipReason])).toEqual([
        [2, 'skipped', 'section'],
        [3, 'new', null],
        [4, 'skipped', 'section'],
        [5, 'new', null],
      ]);
      expect(preview.rows.find((row) => row.row === 3)).toMatchObject({ kind: 'school', schoolLevel: 'preschool' });
      expect(preview.counts.error).toBe(0);
    } finally {
      harness.close();
    }
  });
});
