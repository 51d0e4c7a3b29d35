import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeStatisticsWorkbook } from '../../../electron/core/features/reports/statistics-workbook';
import { createReadyCore, tempDir, type TestCore } from '../../support/core-harness';

/**
 * The statistics workbook of the sample district, read back with exceljs and opened by
 * LibreOffice (headless) where it is installed: summary, one units × criteria matrix per
 * checklist, the requests; frozen panes, autofilter, A4 landscape with repeated header rows;
 * Vietnamese headers; a unit and a request that look like formulas stay text.
 */

const DANGEROUS_UNIT = '=2+3 Trường thử';
const DANGEROUS_REQUEST = '@SUM(1,2) hoàn thiện hồ sơ';

let h: TestCore;
let planIds: string[];
let bytes: Buffer;
let workbook: ExcelJS.Workbook;

/** A school whose name and request a spreadsheet could take for formulas, inspected and finalised. */
async function addDangerousSchool(schoolPlan: string): Promise<void> {
  const unit = await h.call('registry.create', {
    unit: {
      code: '',
      name: DANGEROUS_UNIT,
      kind: 'school',
      schoolLevel: 'primary',
      managingBody: 'education',
      parentId: null,
      headName: 'Nông Văn Thử',
      headTitle: 'Hiệu trưởng',
      address: '',
      phone: '',
      active: true,
      notes: '',
    },
  });
  await h.call('plans.addScope', { planId: schoolPlan, selection: { unitIds: [unit.unit.id] } });
  const { rows } = await h.call('inspections.list', { planId: schoolPlan, unitId: unit.unit.id });
  const started = await h.call('inspections.start', { id: rows[0]!.id });
  const criteria = started.checklist.groups.flatMap((group) => group.criteria);
  const saved = await h.call('inspections.saveDraft', {
    id: started.id,
    rev: started.rev,
    editorId: 'workbook-test',
    seq: 1,
    content: {
      ...started.content,
      inspectionDate: '2019-11-20',
      startTime: '08:00',
      endTime: '10:00',
      place: 'Trụ sở',
      results: criteria.map((criterion, index) => ({
        criterionId: criterion.id,
        result: index === 0 ? 'fail' : index === 1 ? 'na' : 'pass',
        note: '',
      })),
      requests: [{ id: randomUUID(), text: DANGEROUS_REQUEST, dueDate: '2099-12-31', remediedDate: null }],
      conclusion: 'Đơn vị chấp hành tốt.',
    },
  });
  await h.call('inspections.finalise', { id: started.id, rev: saved.rev });
}

beforeAll(async () => {
  h = await createReadyCore();
  await h.call('registry.loadSample', {});
  const plans = await h.call('plans.list', {});
  planIds = plans.map((plan) => plan.id);
  await addDangerousSchool(plans.find((plan) => plan.periodKind === 'schoolYear')!.id);
  const download = await h.call('reports.workbook', { planIds, from: '2019-01-01', to: '2020-08-31' });
  expect(download.fileName).toBe('Thống kê kết quả kiểm tra 01-01-2019 đến 31-08-2020.xlsx');
  bytes = fs.readFileSync(h.core.files.download(download.downloadId).path);
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
}, 120_000);
afterAll(() => h.close());

function rowsOf(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
  return rows;
}

describe('the statistics workbook', () => {
  it('has a summary per plan and kind, a matrix per checklist and the requests, in Vietnamese', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Tổng hợp', 'Ma trận 1', 'Ma trận 2', 'Kiến nghị']);
    const summary = rowsOf(workbook.getWorksheet('Tổng hợp')!);
    expect(summary[2]).toEqual([
      'TT',
      'Kế hoạch',
      'Thời gian',
      'Loại hình',
      'Trong phạm vi',
      'Đã kiểm tra',
      'Tỷ lệ đã kiểm tra',
      'Chỉ tiêu (đơn vị)',
      'Đạt so với chỉ tiêu',
      'Chưa kiểm tra',
    ]);
    const totals = summary.filter((row) => row[3] === 'Cộng');
    expect(totals.map((row) => [row[1], row[4], row[5], row[9]])).toEqual([
      ['Kiểm tra KLKCHC năm 2019 tại các cơ quan, đơn vị hành chính', 30, 21, 9],
      ['Kiểm tra KLKCHC năm học 2019–2020', 82, 29, 53],
    ]);
    expect(totals[0]![8]).toBeCloseTo(0.7);
    const communes = summary.find((row) => row[1] === totals[0]![1] && row[3] === 'UBND xã, thị trấn');
    expect([communes?.[4], communes?.[5]]).toEqual([22, 15]);
    expect(summary.at(-1)?.slice(4, 6)).toEqual([112, 50]);
  });

  it('colours each result of the matrix, freezes the units and the header, filters, prints A4 landscape with the header on every page', () => {
    const agencies = workbook.getWorksheet('Ma trận 2')!;
    const schools = workbook.getWorksheet('Ma trận 1')!;
    for (const sheet of [agencies, schools]) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 4 });
      // From the header row to the last unit's row, so filtering reaches every row.
      expect(sheet.autoFilter).toMatch(new RegExp(`^A4:[A-Z]+${sheet.rowCount}$`));
      expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, printTitlesRow: '3:4' });
    }
    const rows = rowsOf(agencies);
    expect(rows[2]!.slice(0, 3)).toEqual(['TT', 'Kế hoạch', 'Cơ quan, đơn vị']);
    expect(rows[3]![9]).toBe('Tổ chức tuyên truyền, quán triệt các văn bản về KLKCHC đến cán bộ, công chức, viên chức');
    const body = rows.slice(4);
    expect(body.length).toBe(21);
    const results = body.flatMap((row) => row.slice(9));
    expect(results.filter((value) => value === 'Chưa đạt').length).toBe(16);
    // The one-stop shop criterion is for communes: the 6 departments' results say it does not apply.
    expect(results.filter((value) => value === 'Không áp dụng').length).toBe(6);
    expect(new Set(results)).toEqual(new Set(['Đạt', 'Chưa đạt', 'Không áp dụng']));
    // Each unit's counts agree with its row of results.
    for (const row of body) {
      expect(row[6]).toBe(row.slice(9).filter((value) => value === 'Đạt').length);
      expect(row[7]).toBe(row.slice(9).filter((value) => value === 'Chưa đạt').length);
    }
    const cells: ExcelJS.Cell[] = [];
    agencies.eachRow((row, number) => {
      if (number > 4) row.eachCell((cell) => cells.push(cell));
    });
    expect(cells.find((cell) => cell.value === 'Đạt')?.fill).toMatchObject({ fgColor: { argb: 'FFC6EFCE' } });
    expect(cells.find((cell) => cell.value === 'Chưa đạt')?.fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    expect(agencies.getRow(5).getCell(5).value).toBeInstanceOf(Date);
    expect(agencies.getRow(5).getCell(5).numFmt).toBe('dd/mm/yyyy');
    // "Không áp dụng" for the school marked so.
    expect(rowsOf(schools).some((row) => row.includes('Không áp dụng'))).toBe(true);
  });

  it('lists every request of the inspected units with its deadline, remedy and state', () => {
    const rows = rowsOf(workbook.getWorksheet('Kiến nghị')!);
    expect(rows[2]).toEqual([
      'TT',
      'Kế hoạch',
      'Cơ quan, đơn vị',
      'Ngày kiểm tra',
      'Số biên bản',
      'Nội dung kiến nghị, yêu cầu',
      'Thời hạn khắc phục',
      'Ngày khắc phục',
      'Tình trạng',
    ]);
    const body = rows.slice(3);
    expect(body.length).toBe(28);
    expect(new Set(body.map((row) => row[8]))).toEqual(new Set(['Đã khắc phục', 'Quá hạn', 'Chưa đến hạn']));
    const remedied = body.find((row) => row[8] === 'Đã khắc phục')!;
    expect(remedied[7]).toBeInstanceOf(Date);
  });

  it('keeps text that looks like a formula as text, and writes no formula at all', () => {
    const cells: ExcelJS.Cell[] = [];
    for (const sheet of workbook.worksheets) sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    expect(cells.some((cell) => cell.type === ExcelJS.ValueType.Formula)).toBe(false);
    const unit = cells.find((cell) => cell.value === DANGEROUS_UNIT);
    const request = cells.find((cell) => cell.value === DANGEROUS_REQUEST);
    expect(unit?.numFmt).toBe('@');
    expect(request?.numFmt).toBe('@');
  });

  it('opens in LibreOffice, every sheet, with the dangerous cells as text', () => {
    const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((candidate) => fs.existsSync(candidate));
    if (!soffice) return; // Read back with exceljs above when LibreOffice is not installed.
    const dir = tempDir('klkchc-lo-report-');
    try {
      fs.writeFileSync(path.join(dir, 'thong-ke.xlsx'), bytes);
      const run = spawnSync(
        soffice,
        [
          `-env:UserInstallation=file://${dir}/profile`,
          '--headless',
          // Every sheet to its own CSV (UTF-8, comma, as shown): the sheet number -1 means all.
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1',
          '--outdir',
          path.join(dir, 'out'),
          path.join(dir, 'thong-ke.xlsx'),
        ],
        { timeout: 180_000, encoding: 'utf8' },
      );
      expect(run.status, run.stderr).toBe(0);
      const files = fs.readdirSync(path.join(dir, 'out')).sort();
      expect(files).toEqual([
        'thong-ke-Kiến nghị.csv',
        'thong-ke-Ma trận 1.csv',
        'thong-ke-Ma trận 2.csv',
        'thong-ke-Tổng hợp.csv',
      ]);
      const read = (name: string) => fs.readFileSync(path.join(dir, 'out', `thong-ke-${name}.csv`), 'utf8');
      expect(read('Tổng hợp')).toContain('TT,Kế hoạch,Thời gian,Loại hình,Trong phạm vi,Đã kiểm tra');
      expect(read('Tổng hợp')).toContain(
        '2,Kiểm tra KLKCHC năm học 2019–2020,năm học 2019–2020,Cộng,82,29,35%,82,35%,53',
      );
      // Evaluated, "=2+3 …" would be an error and "@SUM(1,2)…" a number.
      expect(read('Ma trận 1')).toContain(DANGEROUS_UNIT);
      expect(read('Kiến nghị')).toContain(DANGEROUS_REQUEST);
      expect(read('Ma trận 2')).toContain('Chưa đạt');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});

describe('writing the statistics workbook', () => {
  const figures = () => h.core.services.reports.figures({ planIds, from: '2019-01-01', to: '2020-08-31' });

  it('answers a full disk or a missing folder with the system error at once, and leaves no file behind', async () => {
    // Linux's /dev/full refuses every write with ENOSPC, as a full disk does.
    if (fs.existsSync('/dev/full')) {
      await expect(writeStatisticsWorkbook('/dev/full', figures(), new Map(), new Date())).rejects.toMatchObject({
        code: 'ENOSPC',
      });
    }
    const gone = path.join(tempDir('klkchc-workbook-'), 'removed', 'thong-ke.xlsx');
    await expect(writeStatisticsWorkbook(gone, figures(), new Map(), new Date())).rejects.toMatchObject({
      code: 'ENOENT',
    });
    expect(fs.existsSync(gone)).toBe(false);
  });
});
