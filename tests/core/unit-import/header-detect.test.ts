import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS, MAPPABLE_FIELDS } from '../../../shared/domain/unit-import';
import {
  detectHeader,
  headerLabels,
  labelText,
  proposeMapping,
} from '../../../electron/core/features/unit-import/mapping/header-detect';
import { matchHeader } from '../../../electron/core/features/unit-import/mapping/header-words';

function mappingOf(rows: string[][], header: { row: number; lines: 1 | 2 }) {
  const width = Math.max(...rows.map((row) => row.length));
  return proposeMapping(headerLabels(rows, header, width)).mapping;
}

describe('recognising column headers', () => {
  it('in any case, with or without diacritics', () => {
    for (const text of [
      'Tên đơn vị',
      'Ten don vi',
      'TÊN ĐƠN VỊ',
      'tên  đơn   vị:',
      'TÊN TRƯỜNG',
      'Tên cơ quan, đơn vị',
    ]) {
      expect(matchHeader(text)?.field, text).toBe('name');
    }
    expect(matchHeader('Mã')?.field).toBe('code');
    expect(matchHeader('Mã ĐV')?.field).toBe('code');
    expect(matchHeader('Loại hình')?.field).toBe('kind');
    expect(matchHeader('Hiệu trưởng')?.field).toBe('headName');
    expect(matchHeader('Người đứng đầu')?.field).toBe('headName');
    expect(matchHeader('Họ và tên Hiệu trưởng')?.field).toBe('headName');
    expect(matchHeader('Điện thoại')?.field).toBe('phone');
    expect(matchHeader('Số điện thoại liên hệ')?.field).toBe('phone');
    expect(matchHeader('SĐT')?.field).toBe('phone');
    expect(matchHeader('Địa chỉ')?.field).toBe('address');
    expect(matchHeader('STT')?.field).toBe('number');
    expect(matchHeader('Cấp học')?.field).toBe('schoolLevel');
    expect(matchHeader('Ghi chú')?.field).toBe('notes');
    expect(matchHeader('Unit name')?.field).toBe('name');
    expect(matchHeader('Số lượng học sinh')).toBeNull();
    expect(matchHeader('__proto__')).toBeNull();
    expect(matchHeader('constructor')).toBeNull();
  });

  it('finds the header under a title and a date, and proposes the mapping', () => {
    const rows = [
      ['UBND HUYỆN LỘC BÌNH', '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      ['PHÒNG GIÁO DỤC VÀ ĐÀO TẠO', '', 'Độc lập - Tự do - Hạnh phúc'],
      [],
      ['DANH SÁCH CÁC ĐƠN VỊ TRƯỜNG HỌC NĂM HỌC 2019 - 2020'],
      ['(Kèm theo Công văn số 123/PGDĐT ngày 05/9/2019)'],
      ['STT', 'Tên trường', 'Mã', 'Hiệu trưởng', 'Điện thoại', 'Địa chỉ'],
      ['1', 'Trường Mầm non Hoa Sen', 'MN01', 'Nguyễn Thị Lan', '0205 3840 123', 'Thị trấn Lộc Bình'],
    ];
    const header = detectHeader(rows, 6);
    expect(header).toEqual({ row: 6, lines: 1 });
    expect(mappingOf(rows, { row: 6, lines: 1 })).toEqual(['number', 'name', 'code', 'headName', 'phone', 'address']);
  });

  it('reads a two-line header whose group title is merged over two columns', () => {
    // exceljs gives every cell of a merged range the master's text.
    const rows = [
      ['DANH SÁCH ĐƠN VỊ', 'DANH SÁCH ĐƠN VỊ', 'DANH SÁCH ĐƠN VỊ', 'DANH SÁCH ĐƠN VỊ', 'DANH SÁCH ĐƠN VỊ'],
      ['TT', 'Tên đơn vị', 'Người đứng đầu', 'Người đứng đầu', 'Điện thoại'],
      ['TT', 'Tên đơn vị', 'Họ và tên', 'Chức vụ', 'Điện thoại'],
      ['1', 'UBND xã Hiệp Hạ', 'Lương Văn Hùng', 'Chủ tịch', '0205 3840 111'],
    ];
    const header = detectHeader(rows, 5);
    expect(header).toEqual({ row: 2, lines: 2 });
    const labels = headerLabels(rows, { row: 2, lines: 2 }, 5);
    expect(labels.map(labelText)).toEqual([
      'TT',
      'Tên đơn vị',
      'Người đứng đầu – Họ và tên',
      'Người đứng đầu – Chức vụ',
      'Điện thoại',
    ]);
    expect(proposeMapping(labels).mapping).toEqual(['number', 'name', 'headName', 'headTitle', 'phone']);
  });

  it('never takes a merged title for a header, and says so when there is none', () => {
    expect(detectHeader([['Danh sách đơn vị', 'Danh sách đơn vị', 'Danh sách đơn vị']], 3)).toBeNull();
    expect(
      detectHeader(
        [
          ['1', 'Trường A'],
          ['2', 'Trường B'],
        ].map((row) => row.map((cell) => `x${cell}`)),
        2,
      ),
    ).toBeNull();
    expect(detectHeader([], 0)).toBeNull();
  });

  it('gives each field to one column only: the surest, then the leftmost', () => {
    const mapping = mappingOf([['Tên', 'Tên đơn vị', 'Điện thoại', 'SĐT']], { row: 1, lines: 1 });
    expect(mapping).toEqual(['ignore', 'name', 'phone', 'ignore']);
  });
});

const HEADER_WORDS = ['STT', 'Tên đơn vị', 'Mã', 'Địa chỉ', 'Điện thoại', 'Hiệu trưởng', 'Ghi chú', 'Loại hình'];
const NASTY = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', ' ', '\u0000', '=1+1'];

describe('header detection is total and bounded (fast-check)', () => {
  const cell = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom(...HEADER_WORDS, ...NASTY),
  );
  const grid = fc.array(fc.array(cell, { maxLength: 30 }), { maxLength: 60 });

  it('any grid: a header within the scanned rows, or none; each field at most once; nothing polluted', () => {
    const started = performance.now();
    fc.assert(
      fc.property(grid, (rows) => {
        const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
        const header = detectHeader(rows, width);
        if (header !== null) {
          expect(header.row).toBeGreaterThanOrEqual(1);
          expect(header.row).toBeLessThanOrEqual(Math.min(rows.length, IMPORT_LIMITS.headerScanRows));
          const { mapping } = proposeMapping(headerLabels(rows, header, width));
          expect(mapping.length).toBe(Math.min(width, IMPORT_LIMITS.maxColumns));
          for (const field of MAPPABLE_FIELDS)
            expect(mapping.filter((value) => value === field).length).toBeLessThanOrEqual(1);
        }
        expect(Object.prototype).not.toHaveProperty('polluted');
        expect(({} as Record<string, unknown>).constructor).toBe(Object);
      }),
      { numRuns: 300 },
    );
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('a real header row planted under junk rows is found', () => {
    const junk = fc.array(fc.array(fc.lorem({ maxCount: 3 }), { maxLength: 6 }), { maxLength: 15 });
    fc.assert(
      fc.property(junk, fc.boolean(), fc.boolean(), (above, upper, plain) => {
        const variant = (text: string) => {
          const base = plain
            ? text
                .normalize('NFD')
                .replace(/[\u0300-\u036f]/g, '')
                .replace(/[đĐ]/g, 'd')
            : text;
          return upper ? base.toUpperCase() : base;
        };
        const header = ['STT', 'Tên đơn vị', 'Địa chỉ', 'Điện thoại'].map(variant);
        const rows = [...above, header, ['1', 'Trường Tiểu học Đông Quan', 'Xã Đông Quan', '0205 3840 123']];
        expect(detectHeader(rows, 6)).toEqual({ row: above.length + 1, lines: 1 });
      }),
      { numRuns: 200 },
    );
  });

  it('one huge grid is scanned within the limits quickly', () => {
    const long = 'Tên đơn vị Hiệu trưởng '.repeat(200);
    const rows = Array.from({ length: 5_000 }, () => Array.from({ length: 150 }, () => long));
    const started = performance.now();
    detectHeader(rows, 150);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
