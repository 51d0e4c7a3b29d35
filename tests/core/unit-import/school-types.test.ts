import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReadyCore, type TestCore } from '../../support/core-harness';
import type { PreviewRow } from '../../../shared/domain/unit-import';
import { choose, simpleWorkbook } from './support/files';

/**
 * Lists of schools carry the level and the type in every way clerks write them: a "Cấp học"
 * column, a "Loại trường" column, both in the name ("Trường PTDTBT TH&THCS Xuân Lễ"), or a
 * group title above the rows. Each comes out as a level and a type.
 */

let harness: TestCore;
beforeEach(async () => {
  harness = await createReadyCore();
});
afterEach(() => harness.close());

async function preview(rows: string[][]) {
  const bytes = await simpleWorkbook(rows);
  const inspected = await harness.call('unitImport.inspect', { fileId: choose(harness, 'truong.xlsx', bytes) });
  const analyzed = await harness.call('unitImport.analyze', { sessionId: inspected.sessionId, sheet: 0 });
  const request = {
    sessionId: inspected.sessionId,
    sheet: 0,
    header: analyzed.header,
    mapping: analyzed.columns.map((column) => column.field),
  };
  return { analyzed, request, result: await harness.call('unitImport.preview', request) };
}

function school(row: PreviewRow): [string, string | null, string | null, string] {
  return [row.name, row.schoolLevel, row.schoolType, row.status];
}

describe('importing schools with their level and type', () => {
  it('reads a list with both a "Cấp học" and a "Loại trường" column, and the names where a cell is empty', async () => {
    const { analyzed, request, result } = await preview([
      ['DANH SÁCH CÁC TRƯỜNG HỌC NĂM HỌC 2019–2020'],
      ['STT', 'Mã trường', 'Tên trường', 'Cấp học', 'Loại trường', 'Hiệu trưởng'],
      ['1', 'MN01', 'Trường Mầm non Hoa Sen', 'Mầm non', '', 'Nguyễn Thị Lan'],
      ['2', 'TH01', 'Trường Tiểu học Hiệp Hạ', 'Tiểu học', 'Thông thường', ''],
      ['3', 'BT01', 'Trường PTDTBT THCS Mẫu Sơn', 'THCS', 'PTDTBT', ''],
      ['4', 'BT02', 'Trường PTDTBT TH&THCS Xuân Lễ', '', '', ''],
      ['5', 'BT03', 'Trường Tiểu học Tú Mịch', 'Tiểu học', 'Bán trú', ''],
      ['6', 'NT01', 'Trường PTDTNT THCS và THPT Lộc Bình', 'Liên cấp', 'Dân tộc nội trú', ''],
      ['7', 'LC01', 'Trường TH và THCS Lục Thôn', '', '', ''],
      ['8', 'X01', 'Trường THCS Khánh Xuân', 'THCS', 'chuyên', ''],
    ]);
    expect(analyzed.columns.map((column) => column.field)).toEqual([
      'number',
      'code',
      'name',
      'schoolLevel',
      'schoolType',
      'headName',
    ]);
    expect(result.rows.filter((row) => row.status !== 'skipped').map(school)).toEqual([
      ['Trường Mầm non Hoa Sen', 'preschool', 'regular', 'new'],
      ['Trường Tiểu học Hiệp Hạ', 'primary', 'regular', 'new'],
      ['Trường PTDTBT THCS Mẫu Sơn', 'lowerSecondary', 'ethnicSemiBoarding', 'new'],
      ['Trường PTDTBT TH&THCS Xuân Lễ', 'multiLevel', 'ethnicSemiBoarding', 'new'],
      // The column says so, though the name does not.
      ['Trường Tiểu học Tú Mịch', 'primary', 'ethnicSemiBoarding', 'new'],
      ['Trường PTDTNT THCS và THPT Lộc Bình', 'multiLevel', 'ethnicBoarding', 'new'],
      ['Trường TH và THCS Lục Thôn', 'multiLevel', 'regular', 'new'],
      ['Trường THCS Khánh Xuân', 'lowerSecondary', 'regular', 'new'],
    ]);
    const unknown = result.rows.find((row) => row.name === 'Trường THCS Khánh Xuân')!;
    expect(unknown.warnings).toEqual([
      { field: 'schoolType', key: 'unitImport.reasons.unknownSchoolType', params: { value: 'chuyên' } },
    ]);

    // Corrected in the preview: the clerk knows Hiệp Hạ is semi-boarding.
    const hiepHa = result.rows.find((row) => row.name === 'Trường Tiểu học Hiệp Hạ')!;
    const corrected = await harness.call('unitImport.preview', {
      ...request,
      overrides: [{ row: hiepHa.row, schoolType: 'ethnicSemiBoarding' }],
    });
    expect(school(corrected.rows.find((row) => row.row === hiepHa.row)!)).toEqual([
      'Trường Tiểu học Hiệp Hạ',
      'primary',
      'ethnicSemiBoarding',
      'new',
    ]);

    const applied = await harness.call('unitImport.apply', request);
    expect(applied).toMatchObject({ created: 8, errors: 0 });
    const { rows } = await harness.call('registry.list', { limit: 100 });
    expect(rows.find((row) => row.code === 'BT01')).toMatchObject({
      kind: 'school',
      schoolLevel: 'lowerSecondary',
      schoolType: 'ethnicSemiBoarding',
      managingBody: 'education',
    });
  });

  it('takes the type from a group title, and from a kind column that names it', async () => {
    const { result } = await preview([
      ['STT', 'Tên đơn vị', 'Loại hình'],
      ['I', 'TRƯỜNG PHỔ THÔNG DÂN TỘC BÁN TRÚ'],
      ['1', 'Trường THCS Tam Gia', ''],
      ['2', 'Trường Tiểu học Nhượng Bạn', ''],
      ['II', 'CÁC TRƯỜNG KHÁC'],
      ['3', 'Trường Tiểu học Đông Quan', 'Trường học'],
      ['4', 'Trường Hữu Lân', 'PTDTBT THCS'],
      ['5', 'UBND xã Hiệp Hạ', ''],
    ]);
    expect(result.rows.filter((row) => row.status !== 'skipped').map(school)).toEqual([
      ['Trường THCS Tam Gia', 'lowerSecondary', 'ethnicSemiBoarding', 'new'],
      ['Trường Tiểu học Nhượng Bạn', 'primary', 'ethnicSemiBoarding', 'new'],
      ['Trường Tiểu học Đông Quan', 'primary', 'regular', 'new'],
      ['Trường Hữu Lân', 'lowerSecondary', 'ethnicSemiBoarding', 'new'],
      ['UBND xã Hiệp Hạ', null, null, 'new'],
    ]);
  });

  it('updates an existing school from a type column, and leaves it alone when the column is empty', async () => {
    const created = await harness.call('registry.create', {
      unit: {
        code: 'BT01',
        name: 'Trường THCS Mẫu Sơn',
        kind: 'school',
        schoolLevel: 'lowerSecondary',
        managingBody: 'education',
        parentId: null,
        headName: '',
        headTitle: '',
        address: '',
        phone: '',
        active: true,
        notes: '',
      },
    });
    expect(created.unit.schoolType).toBe('regular');
    const { result } = await preview([
      ['Mã', 'Tên đơn vị', 'Loại trường'],
      ['BT01', 'Trường THCS Mẫu Sơn', 'Phổ thông dân tộc bán trú'],
    ]);
    expect(result.rows[0]).toMatchObject({ status: 'update', changes: ['schoolType'] });
    const { result: empty } = await preview([
      ['Mã', 'Tên đơn vị', 'Loại trường'],
      ['BT01', 'Trường THCS Mẫu Sơn', ''],
    ]);
    expect(empty.rows[0]).toMatchObject({ status: 'unchanged' });
  });
});
