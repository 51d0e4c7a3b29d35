import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReadyCore, tempDir, type TestCore } from '../../support/core-harness';
import type { Unit, UnitInputRaw } from '../../../shared/domain/unit';
import { guardCsvValue, isFormulaLike } from '../../../electron/core/features/unit-export/formula-guard';
import { choose, unzipParts } from './support/files';
import { CSV_EXPORT_VALUES, CSV_IMPORT_EVALUATING, convert, parseCsv, requireSoffice } from '../../support/libreoffice';

const DANGEROUS = {
  headName: '=2+3',
  headTitle: '@SUM(1,2)',
  address: '-3+4 thôn Nà Sla',
  notes: "=cmd|' /C calc'!A0\nDòng 2",
};

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

/** What a unit is, without ids or timestamps: two registries are "the same" when these match. */
function content(units: Unit[]) {
  return units
    .map((u) => [
      u.code,
      u.name,
      u.kind,
      u.schoolLevel,
      u.managingBody,
      u.parentName,
      u.headName,
      u.headTitle,
      u.address,
      u.phone,
      u.active,
      u.notes,
    ])
    .sort((a, b) => String(a[1]).localeCompare(String(b[1])));
}

async function seed(harness: TestCore): Promise<void> {
  const create = async (input: UnitInputRaw) => (await harness.call('registry.create', { unit: input })).unit.id;
  const education = await create(
    unit({
      code: 'PB10',
      name: 'Phòng Giáo dục và Đào tạo',
      kind: 'department',
      headName: 'Hoàng Văn Bình',
      headTitle: 'Trưởng phòng',
    }),
  );
  await create(
    unit({
      code: '001',
      name: 'Trường Mầm non Hoa Sen',
      kind: 'school',
      schoolLevel: 'preschool',
      parentId: education,
      headName: 'Nguyễn Thị Lan',
      headTitle: 'Hiệu trưởng',
      address: 'Thị trấn Lộc Bình',
      phone: '+84 205 3840 123',
    }),
  );
  await create(
    unit({
      code: 'TH-02',
      name: 'Trường PTDTBT Tiểu học Mẫu Sơn',
      kind: 'school',
      schoolLevel: 'ethnicSemiBoarding',
      parentId: education,
    }),
  );
  await create(
    unit({ name: 'UBND xã Hiệp Hạ', kind: 'commune', headName: 'Lương Văn Hùng', headTitle: 'Chủ tịch UBND xã' }),
  );
  await create(
    unit({
      name: 'Trung tâm Văn hóa, Thể thao và Truyền thông',
      kind: 'publicService',
      active: false,
      notes: 'Sáp nhập 2020',
    }),
  );
  await create(
    unit({ code: 'X1', name: 'Tổ "đặc biệt", thôn Bản Chắt', kind: 'other', managingBody: 'other', ...DANGEROUS }),
  );
}

function download(harness: TestCore, downloadId: string): Buffer {
  return fs.readFileSync(harness.core.files.download(downloadId).path);
}

async function importInto(harness: TestCore, name: string, bytes: Buffer) {
  const inspected = await harness.call('unitImport.inspect', { fileId: choose(harness, name, bytes) });
  const analyzed = await harness.call('unitImport.analyze', { sessionId: inspected.sessionId, sheet: 0 });
  const request = {
    sessionId: inspected.sessionId,
    sheet: 0,
    header: analyzed.header,
    mapping: analyzed.columns.map((column) => column.field),
  };
  return { analyzed, result: await harness.call('unitImport.apply', request) };
}

describe('the formula-injection rule', () => {
  it('treats = + - @ tab CR NUL at the start as a formula, and quotes it in CSV', () => {
    for (const value of ['=1+1', '+1', '-1', '@A1', '\tx', '\rx', '\0x']) {
      expect(isFormulaLike(value), JSON.stringify(value)).toBe(true);
      expect(guardCsvValue(value)).toBe(`'${value}`);
    }
    for (const value of ['Trường', '1+1', ' =1', '', "'=1"]) {
      expect(isFormulaLike(value)).toBe(false);
      expect(guardCsvValue(value)).toBe(value);
    }
  });
});

describe('exporting the registry', () => {
  let harness: TestCore;
  let units: Unit[];

  beforeAll(async () => {
    harness = await createReadyCore();
    await seed(harness);
    units = (await harness.call('registry.list', { active: 'all', limit: 100 })).rows;
  });
  afterAll(() => harness.close());

  it('.xlsx: Vietnamese headers, widths, a frozen header row, an autofilter; dangerous cells stored as text', async () => {
    const { download: file, count } = await harness.call('unitExport.xlsx', { active: 'all' });
    expect(count).toBe(6);
    expect(file.fileName).toMatch(/^Danh mục đơn vị \d{2}-\d{2}-\d{4}\.xlsx$/);
    const bytes = download(harness, file.downloadId);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Danh mục đơn vị');
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'STT',
      'Mã đơn vị',
      'Tên đơn vị',
      'Loại hình',
      'Cấp học',
      'Cơ quan quản lý',
      'Đơn vị cấp trên',
      'Người đứng đầu',
      'Chức vụ',
      'Địa chỉ',
      'Điện thoại',
      'Trạng thái',
      'Ghi chú',
    ]);
    expect(sheet.getColumn(3).width).toBe(46);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.rowCount).toBe(7);
    const danger = sheet.getRow(
      sheet.getColumn(3).values.findIndex((value) => value === 'Tổ "đặc biệt", thôn Bản Chắt'),
    );
    expect(danger.getCell(8).value).toBe('=2+3');
    expect(danger.getCell(8).numFmt).toBe('@');

    const xml = unzipParts(bytes)
      .find((part) => part.name === 'xl/worksheets/sheet1.xml')!
      .data.toString('utf8');
    expect(xml).not.toMatch(/<f[ >]/);
    expect(xml).toMatch(/<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"\/>/);
    expect(xml).toMatch(/<autoFilter ref="A1:M7"/);
  });

  it('.csv: UTF-8 with a BOM, CRLF, formula cells behind a quote', async () => {
    const { download: file } = await harness.call('unitExport.csv', { active: 'all' });
    expect(file.fileName).toMatch(/\.csv$/);
    const bytes = download(harness, file.downloadId);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe(
      'STT,Mã đơn vị,Tên đơn vị,Loại hình,Cấp học,Cơ quan quản lý,Đơn vị cấp trên,Người đứng đầu,Chức vụ,Địa chỉ,Điện thoại,Trạng thái,Ghi chú',
    );
    expect(text).toContain(",'=2+3,");
    expect(text).toContain('"\'@SUM(1,2)"');
    expect(text).toContain("'-3+4 thôn Nà Sla");
    expect(text).toContain("'+84 205 3840 123");
    expect(text).toContain("\"'=cmd|' /C calc'!A0\nDòng 2\"");
  });

  it('only the filtered view when a filter is on', async () => {
    const { count } = await harness.call('unitExport.xlsx', { query: 'truong', kinds: ['school'] });
    expect(count).toBe(2);
  });

  it('.csv with semicolons, for Excel under Vietnamese regional settings', async () => {
    const { download: file } = await harness.call('unitExport.csv', { active: 'all', separator: 'semicolon' });
    const text = download(harness, file.downloadId).toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      'STT;Mã đơn vị;Tên đơn vị;Loại hình;Cấp học;Cơ quan quản lý;Đơn vị cấp trên;Người đứng đầu;Chức vụ;Địa chỉ;Điện thoại;Trạng thái;Ghi chú',
    );
    // A comma inside a value needs no quotes any more; a semicolon would.
    expect(text).toContain(';Trung tâm Văn hóa, Thể thao và Truyền thông;');
    expect(text).toContain(";'=2+3;'@SUM(1,2);");
  });

  for (const format of ['xlsx', 'csv', 'semicolon csv'] as const) {
    it(`export to .${format} and import back gives the same registry`, async () => {
      const { download: file } =
        format === 'xlsx'
          ? await harness.call('unitExport.xlsx', { active: 'all' })
          : await harness.call('unitExport.csv', {
              active: 'all',
              separator: format === 'csv' ? 'comma' : 'semicolon',
            });
      const bytes = download(harness, file.downloadId);
      const extension = format === 'xlsx' ? 'xlsx' : 'csv';

      const fresh = await createReadyCore();
      try {
        const { analyzed, result } = await importInto(fresh, `xuat.${extension}`, bytes);
        expect(analyzed.columns.map((column) => column.field)).toEqual([
          'number',
          'code',
          'name',
          'kind',
          'schoolLevel',
          'managingBody',
          'parent',
          'headName',
          'headTitle',
          'address',
          'phone',
          'active',
          'notes',
        ]);
        expect(result).toMatchObject({ created: 6, errors: 0, duplicates: 0 });
        const copied = (await fresh.call('registry.list', { active: 'all', limit: 100 })).rows;
        expect(content(copied)).toEqual(content(units));
      } finally {
        fresh.close();
      }

      // Into the registry it came from: nothing changes.
      const { result } = await importInto(harness, `lai.${extension}`, bytes);
      expect(result).toMatchObject({ created: 0, updated: 0, unchanged: 6 });
    });
  }
});

/**
 * Reliability test 9 (tests/README.md), for LibreOffice: the exports are opened in it with
 * formulas evaluated, as a person double-clicking the file would, and every cell that starts
 * like a formula reads back as the text written. Missing LibreOffice fails these tests unless
 * KLKCHC_NO_LIBREOFFICE=1 says the machine has none (then they are skipped, with that reason).
 */
describe('opened in LibreOffice', () => {
  let work: string;
  const profileDir = () => path.join(work, 'profile');
  /** Opens `file` in LibreOffice (formulas evaluated) and returns what its cells show, row by row. */
  const shownCells = (soffice: string, file: string, infilter?: string): string[][] => {
    const outDir = fs.mkdtempSync(path.join(work, 'out-'));
    const output = convert(soffice, file, {
      to: CSV_EXPORT_VALUES,
      extension: 'csv',
      outDir,
      profileDir: profileDir(),
      ...(infilter ? { infilter } : {}),
    });
    return parseCsv(fs.readFileSync(output, 'utf8'));
  };
  const soffice = (skip: (note: string) => never): string => {
    const found = requireSoffice();
    return 'skip' in found ? skip(found.skip) : found.soffice;
  };

  beforeAll(() => {
    work = tempDir('klkchc-lo-');
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('shows the dangerous cells of the .xlsx and .csv exports as text, never computed', async (context) => {
    const program = soffice(context.skip);
    const harness = await createReadyCore();
    try {
      await seed(harness);
      // The one formula start the registry keeps (tab and CR are trimmed as whitespace): NUL.
      await harness.call('registry.create', {
        unit: unit({ name: 'Tổ NUL', kind: 'other', managingBody: 'other', headName: '\0=2+3', notes: '\0=2+3' }),
      });
      const exported = async (format: 'xlsx' | 'csv') => {
        const { download: file } =
          format === 'xlsx'
            ? await harness.call('unitExport.xlsx', { active: 'all' })
            : await harness.call('unitExport.csv', { active: 'all' });
        const target = path.join(work, `xuat.${format}`);
        fs.writeFileSync(target, download(harness, file.downloadId));
        return target;
      };
      const xlsx = await exported('xlsx');
      const csv = await exported('csv');
      const byName = (rows: string[][], name: string) => {
        const [header = [], ...body] = rows;
        const row = body.find((cells) => cells[header.indexOf('Tên đơn vị')] === name);
        if (!row) throw new Error(`${name} is not in LibreOffice's reading`);
        return (column: string) => row[header.indexOf(column)];
      };

      // .xlsx: text cells, so LibreOffice shows exactly what was stored (it drops NUL itself).
      const xlsxRows = shownCells(program, xlsx);
      const fromXlsx = byName(xlsxRows, 'Tổ "đặc biệt", thôn Bản Chắt');
      expect(fromXlsx('Người đứng đầu')).toBe('=2+3');
      expect(fromXlsx('Chức vụ')).toBe('@SUM(1,2)');
      expect(fromXlsx('Địa chỉ')).toBe('-3+4 thôn Nà Sla');
      expect(fromXlsx('Ghi chú')).toBe("=cmd|' /C calc'!A0\nDòng 2");
      expect(byName(xlsxRows, 'Trường Mầm non Hoa Sen')('Điện thoại')).toBe('+84 205 3840 123');
      expect(byName(xlsxRows, 'Tổ NUL')('Người đứng đầu')).not.toBe('5');

      // .csv: the guard's quote keeps each one text, even with formulas evaluated on opening.
      const rows = shownCells(program, csv, CSV_IMPORT_EVALUATING);
      const fromCsv = byName(rows, 'Tổ "đặc biệt", thôn Bản Chắt');
      expect(fromCsv('Người đứng đầu')).toBe("'=2+3");
      expect(fromCsv('Chức vụ')).toBe("'@SUM(1,2)");
      expect(fromCsv('Địa chỉ')).toBe("'-3+4 thôn Nà Sla");
      expect(fromCsv('Ghi chú')).toBe("'=cmd|' /C calc'!A0\nDòng 2");
      expect(byName(rows, 'Trường Mầm non Hoa Sen')('Điện thoại')).toBe("'+84 205 3840 123");
      const nul = byName(rows, 'Tổ NUL');
      for (const column of ['Người đứng đầu', 'Ghi chú']) expect(nul(column)).toMatch(/^'\0?=2\+3$/);
    } finally {
      harness.close();
    }
  }, 300_000);

  it('shows every formula start (= + - @ tab CR NUL) behind the guard as text; unguarded, = and NUL compute', (context) => {
    const program = soffice(context.skip);
    const starts = ['=2+3', '+2+3', '-2+3', '@SUM(2,3)', '\t=2+3', '\r=2+3', '\0=2+3'];
    const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
    const file = path.join(work, 'cong-thuc.csv');
    fs.writeFileSync(
      file,
      `\uFEFFguarded,unguarded\r\n${starts.map((value) => `${quote(guardCsvValue(value))},${quote(value)}`).join('\r\n')}\r\n`,
    );
    const [, ...rows] = shownCells(program, file, CSV_IMPORT_EVALUATING);
    expect(rows).toHaveLength(starts.length);
    rows.forEach(([guarded = '', unguarded = ''], index) => {
      const start = JSON.stringify(starts[index]);
      expect.soft(guarded, start).not.toBe('5');
      expect.soft(guarded.startsWith("'"), `${start} reads ${JSON.stringify(guarded)}`).toBe(true);
      // The control column: LibreOffice really evaluates what is not guarded (so this test can fail).
      if (['=2+3', '\0=2+3'].includes(starts[index] ?? '')) expect.soft(unguarded, start).toBe('5');
    });
  }, 300_000);
});

describe('parents that share a name', () => {
  it('are written by their code, so the children import back under the right parent', async () => {
    const harness = await createReadyCore();
    const fresh = await createReadyCore();
    try {
      const create = async (input: UnitInputRaw) => (await harness.call('registry.create', { unit: input })).unit.id;
      // Two offices that kept the same name after a merger of districts; one has a unique name.
      const north = await create(unit({ code: 'VH-B', name: 'Phòng Văn hóa và Thông tin', kind: 'department' }));
      const south = await create(unit({ code: 'VH-N', name: 'Phòng Văn hoá và Thông tin', kind: 'department' }));
      const education = await create(unit({ code: 'GD', name: 'Phòng Giáo dục và Đào tạo', kind: 'department' }));
      await create(unit({ name: 'Thư viện huyện', kind: 'publicService', parentId: north }));
      await create(unit({ name: 'Nhà văn hóa huyện', kind: 'publicService', parentId: south }));
      await create(
        unit({ name: 'Trường Tiểu học Tú Đoạn', kind: 'school', schoolLevel: 'primary', parentId: education }),
      );

      const { download: file } = await harness.call('unitExport.xlsx', { active: 'all' });
      const bytes = download(harness, file.downloadId);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      const parentByName = new Map<string, unknown>();
      workbook.worksheets[0]!.eachRow((row) => parentByName.set(row.getCell(3).text, row.getCell(7).value));
      expect(parentByName.get('Thư viện huyện')).toBe('VH-B');
      expect(parentByName.get('Nhà văn hóa huyện')).toBe('VH-N');
      expect(parentByName.get('Trường Tiểu học Tú Đoạn')).toBe('Phòng Giáo dục và Đào tạo');

      const { result } = await importInto(fresh, 'xuat.xlsx', bytes);
      expect(result).toMatchObject({ created: 6, errors: 0 });
      const copied = (await fresh.call('registry.list', { active: 'all', limit: 100 })).rows;
      const codeOfParent = (name: string) => {
        const child = copied.find((row) => row.name === name)!;
        return copied.find((row) => row.id === child.parentId)?.code;
      };
      expect(codeOfParent('Thư viện huyện')).toBe('VH-B');
      expect(codeOfParent('Nhà văn hóa huyện')).toBe('VH-N');
      expect(codeOfParent('Trường Tiểu học Tú Đoạn')).toBe('GD');
    } finally {
      harness.close();
      fresh.close();
    }
  });
});
