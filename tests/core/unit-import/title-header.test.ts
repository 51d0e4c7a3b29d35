import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { titleFromHeader } from '../../../electron/core/features/unit-import/mapping/header-words';
import { createReadyCore, type TestCore } from '../../support/core-harness';
import { choose, simpleWorkbook } from './support/files';

async function preview(harness: TestCore, rows: string[][]) {
  const fileId = choose(harness, 'danh-sach.xlsx', await simpleWorkbook(rows));
  const inspected = await harness.call('unitImport.inspect', { fileId });
  const analyzed = await harness.call('unitImport.analyze', { sessionId: inspected.sessionId, sheet: 0 });
  const request = {
    sessionId: inspected.sessionId,
    sheet: 0,
    header: analyzed.header,
    mapping: analyzed.columns.map((column) => column.field),
  };
  const answer = await harness.call('unitImport.preview', request);
  const titles = Object.fromEntries(answer.rows.map((row) => [row.name, row.headTitle]));
  return { request, analyzed, titles };
}

describe('a column headed with a title ("Hiệu trưởng") gives that title to the names under it', () => {
  let harness: TestCore;
  beforeEach(async () => {
    harness = await createReadyCore();
  });
  afterEach(() => harness.close());

  it('knows the titles clerks put over the heads’ names, as they are written', () => {
    expect(titleFromHeader('Hiệu trưởng')).toBe('Hiệu trưởng');
    expect(titleFromHeader('HIỆU TRƯỞNG')).toBe('Hiệu trưởng');
    expect(titleFromHeader('Họ và tên Hiệu trưởng')).toBe('Hiệu trưởng');
    expect(titleFromHeader('Chủ tịch UBND xã')).toBe('Chủ tịch UBND xã');
    expect(titleFromHeader('CHỦ TỊCH UBND')).toBe('Chủ tịch');
    expect(titleFromHeader('Trưởng phòng:')).toBe('Trưởng phòng');
    expect(titleFromHeader('giám đốc')).toBe('Giám đốc');
    expect(titleFromHeader('Phó Hiệu trưởng phụ trách')).toBe('Phó Hiệu trưởng phụ trách');
    for (const other of ['Người đứng đầu', 'Họ và tên', 'Thủ trưởng đơn vị', 'Lãnh đạo', 'Tên trường']) {
      expect(titleFromHeader(other), other).toBeNull();
    }
  });

  it('fills the title where the row has a head and no title of its own, and writes it', async () => {
    const { request, analyzed, titles } = await preview(harness, [
      ['STT', 'Tên trường', 'Hiệu trưởng', 'Điện thoại'],
      ['1', 'Trường Tiểu học Đông Quan', 'Hoàng Văn Bình', '0205 3840 102'],
      ['2', 'Trường Mầm non Hoa Sen', '', '0205 3840 101'],
    ]);
    expect(analyzed.columns.map((column) => column.field)).toEqual(['number', 'name', 'headName', 'phone']);
    expect(titles).toEqual({ 'Trường Tiểu học Đông Quan': 'Hiệu trưởng', 'Trường Mầm non Hoa Sen': '' });
    await harness.call('unitImport.apply', request);
    const stored = await harness.call('registry.list', { query: 'dong quan' });
    expect(stored.rows[0]).toMatchObject({ headName: 'Hoàng Văn Bình', headTitle: 'Hiệu trưởng' });
  });

  it('keeps a title the row gives itself, and fills nothing under a header that is not a title', async () => {
    const own = await preview(harness, [
      ['Tên đơn vị', 'Chủ tịch UBND', 'Chức vụ'],
      ['UBND xã Hiệp Hạ', 'Lương Văn Hùng', ''],
      ['UBND xã Đông Quan', 'Vi Thị Đào', 'Phó Chủ tịch phụ trách'],
    ]);
    expect(own.titles).toEqual({ 'UBND xã Hiệp Hạ': 'Chủ tịch UBND', 'UBND xã Đông Quan': 'Phó Chủ tịch phụ trách' });
    const plain = await preview(harness, [
      ['Tên đơn vị', 'Người đứng đầu'],
      ['Phòng Nội vụ', 'Lành Thị Mai'],
    ]);
    expect(plain.titles).toEqual({ 'Phòng Nội vụ': '' });
  });
});
