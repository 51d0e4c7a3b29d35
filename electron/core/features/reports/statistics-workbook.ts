import ExcelJS from 'exceljs';
import type { ReportFigures, UnitRecord } from './report-figures';
import { BREAKDOWN_KEYS, requestRows } from './report-figures';
import { isFormulaLike } from '../unit-export/formula-guard';
import { kindShortName, periodPhrase, planPeriodPhrase, shortDate } from './report-wording';
import { formatDate } from '../../../../shared/format/date';

/**
 * The statistics workbook (.xlsx): a summary per plan and kind; one matrix of units × criteria
 * per checklist (Đạt / Chưa đạt / Không áp dụng, coloured; frozen panes, autofilter, printed A4
 * landscape with its header rows on every page); the requests with their deadlines and remedies.
 * Written as a stream (row by row, straight to the file), so 200,000 inspections neither wait
 * for nor fill memory. Headers are Vietnamese, as the office files them; text that a
 * spreadsheet could take for a formula stays text (the export's formula guard).
 */

const FONT = { name: 'Times New Roman', size: 11 };
const BOLD = { ...FONT, bold: true };
const THIN = { style: 'thin' as const, color: { argb: 'FF8A8A8A' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFDDE6F1' } };
const DATE_FORMAT = 'dd/mm/yyyy';
const PAGE = {
  paperSize: 9,
  orientation: 'landscape' as const,
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
};

export const RESULT_WORDS = { pass: 'Đạt', fail: 'Chưa đạt', na: 'Không áp dụng' } as const;

/** The three results, each with its own colours (light fill, dark text: readable printed in grey too). */
const RESULT_STYLES = {
  pass: { fill: 'FFC6EFCE', font: 'FF006100' },
  fail: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  na: { fill: 'FFEDEDED', font: 'FF595959' },
} as const;

type Style = Partial<ExcelJS.Style>;

function resultStyle(result: keyof typeof RESULT_STYLES): Style {
  const colours = RESULT_STYLES[result];
  return {
    font: { ...FONT, color: { argb: colours.font } },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: colours.fill } },
    border: BORDER,
    alignment: { horizontal: 'center', vertical: 'middle' },
  };
}

const STYLES = {
  cell: { font: FONT, border: BORDER, alignment: { vertical: 'top', wrapText: true } } as Style,
  number: { font: FONT, border: BORDER, alignment: { horizontal: 'right', vertical: 'top' } } as Style,
  percent: { font: FONT, border: BORDER, numFmt: '0%', alignment: { horizontal: 'right', vertical: 'top' } } as Style,
  date: {
    font: FONT,
    border: BORDER,
    numFmt: DATE_FORMAT,
    alignment: { horizontal: 'center', vertical: 'top' },
  } as Style,
  text: { font: FONT, border: BORDER, numFmt: '@', alignment: { vertical: 'top', wrapText: true } } as Style,
  header: {
    font: BOLD,
    fill: HEADER_FILL,
    border: BORDER,
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  } as Style,
  total: { font: BOLD, border: BORDER, alignment: { vertical: 'top' } } as Style,
  totalPercent: { font: BOLD, border: BORDER, numFmt: '0%', alignment: { horizontal: 'right' } } as Style,
  title: { font: { ...FONT, size: 14, bold: true }, alignment: { horizontal: 'left' } } as Style,
  subtitle: { font: { ...FONT, italic: true } } as Style,
  pass: resultStyle('pass'),
  fail: resultStyle('fail'),
  na: resultStyle('na'),
};

/** An ISO date as the spreadsheet's own date (midnight UTC: the serial is the day itself). */
function excelDate(iso: string | null): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
}

type Value = string | number | Date | null;

/** Adds a row of values, each with its style; a text a spreadsheet could run as a formula keeps the Text format. */
function addRow(sheet: ExcelJS.Worksheet, values: [Value, Style][], height?: number, commit = true): ExcelJS.Row {
  const row = sheet.addRow(values.map(([value]) => value));
  values.forEach(([value, style], index) => {
    const cell = row.getCell(index + 1);
    cell.style = typeof value === 'string' && isFormulaLike(value) ? { ...style, numFmt: '@' } : style;
  });
  if (height) row.height = height;
  // Rows are written out as they are committed; a row still to be merged waits.
  if (commit) row.commit();
  return row;
}

function columnLetter(index: number): string {
  let name = '';
  for (let value = index; value > 0; value = Math.floor((value - 1) / 26)) {
    name = String.fromCharCode(65 + ((value - 1) % 26)) + name;
  }
  return name;
}

function titleRows(sheet: ExcelJS.Worksheet, title: string, subtitle: string): void {
  addRow(sheet, [[title, STYLES.title]], 22);
  addRow(sheet, [[subtitle, STYLES.subtitle]]);
}

function periodLine(figures: ReportFigures): string {
  return `${periodPhrase(figures).replace(/^./, (first) => first.toLocaleUpperCase('vi-VN'))} – số liệu đến ngày ${formatDate(figures.today)}`;
}

function summarySheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, figures: ReportFigures): void {
  const headers = [
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
  ];
  const sheet = workbook.addWorksheet('Tổng hợp', {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 3, showGridLines: false }],
    pageSetup: { ...PAGE, printTitlesRow: '3:3' },
  });
  sheet.columns = [6, 48, 16, 24, 12, 12, 12, 12, 12, 12].map((width) => ({ width }));
  titleRows(sheet, 'TỔNG HỢP KẾT QUẢ KIỂM TRA THEO KẾ HOẠCH VÀ LOẠI HÌNH ĐƠN VỊ', periodLine(figures));
  addRow(
    sheet,
    headers.map((title): [Value, Style] => [title, STYLES.header]),
    36,
  );
  figures.plans.forEach((plan, index) => {
    const when = planPeriodPhrase(plan.periodKind, plan.periodYear);
    addRow(sheet, [
      [index + 1, STYLES.total],
      [plan.title, { ...STYLES.total, alignment: { vertical: 'top', wrapText: true } }],
      [when, STYLES.total],
      ['Cộng', STYLES.total],
      [plan.scope, STYLES.total],
      [plan.inspected, STYLES.total],
      [plan.scope === 0 ? 0 : plan.inspected / plan.scope, STYLES.totalPercent],
      [plan.targetUnits, STYLES.total],
      [plan.targetUnits === 0 ? 0 : plan.inspected / plan.targetUnits, STYLES.totalPercent],
      [plan.scope - plan.inspected, STYLES.total],
    ]);
    for (const key of BREAKDOWN_KEYS) {
      const item = plan.breakdown.find((entry) => entry.key === key);
      if (!item) continue;
      addRow(sheet, [
        ['', STYLES.cell],
        [plan.title, STYLES.text],
        [when, STYLES.cell],
        [kindShortName(key), STYLES.cell],
        [item.scope, STYLES.number],
        [item.inspected, STYLES.number],
        [item.scope === 0 ? 0 : item.inspected / item.scope, STYLES.percent],
        ['', STYLES.cell],
        ['', STYLES.cell],
        [item.scope - item.inspected, STYLES.number],
      ]);
    }
  });
  const total = figures.total;
  addRow(sheet, [
    ['', STYLES.total],
    ['Tổng cộng (mỗi đơn vị tính một lần)', STYLES.total],
    ['', STYLES.total],
    ['', STYLES.total],
    [total.scope, STYLES.total],
    [total.inspected, STYLES.total],
    [total.scope === 0 ? 0 : total.inspected / total.scope, STYLES.totalPercent],
    ['', STYLES.total],
    ['', STYLES.total],
    [total.notInspected, STYLES.total],
  ]);
  sheet.autoFilter = `A3:${columnLetter(headers.length)}3`;
  sheet.commit();
}

interface Column {
  lineage: string;
  number: string;
  text: string;
  group: string;
}

function matrixSheets(workbook: ExcelJS.stream.xlsx.WorkbookWriter, figures: ReportFigures): void {
  const planTitle = new Map(figures.plans.map((plan) => [plan.id, plan.title]));
  // The results of each record that are not Đạt, by criterion (lineage).
  const notPass = new Map<string, Map<string, 'fail' | 'na'>>();
  const mark = (item: { unitId: string; planId: string }, lineage: string, result: 'fail' | 'na') => {
    const key = `${item.planId}\n${item.unitId}`;
    const map = notPass.get(key) ?? new Map<string, 'fail' | 'na'>();
    map.set(lineage, result);
    notPass.set(key, map);
  };
  const checklists = new Map<string, { name: string; columns: Column[] }>();
  for (const criterion of figures.criteria) {
    for (const item of criterion.failing) mark(item, criterion.lineage, 'fail');
    for (const item of criterion.notApplicable) mark(item, criterion.lineage, 'na');
    const checklist = checklists.get(criterion.checklistId) ?? { name: criterion.checklistName, columns: [] };
    checklist.columns.push({
      lineage: criterion.lineage,
      number: criterion.number,
      text: criterion.text,
      group: criterion.groupTitle,
    });
    checklists.set(criterion.checklistId, checklist);
  }
  const checklistOfVersion = new Map<string, string>();
  const checklistOfLineage = new Map(figures.criteria.map((criterion) => [criterion.lineage, criterion.checklistId]));
  for (const [versionId, lineages] of figures.versionLineages) {
    const first = lineages.values().next().value;
    if (first !== undefined) checklistOfVersion.set(versionId, checklistOfLineage.get(first) ?? '');
  }
  let sheetNumber = 0;
  for (const [checklistId, checklist] of checklists) {
    sheetNumber += 1;
    checklist.columns.sort((a, b) => {
      const [a1 = 0, a2 = 0] = a.number.split('.').map(Number);
      const [b1 = 0, b2 = 0] = b.number.split('.').map(Number);
      return a1 - b1 || a2 - b2;
    });
    const fixed = [
      'TT',
      'Kế hoạch',
      'Cơ quan, đơn vị',
      'Loại hình',
      'Ngày kiểm tra',
      'Số biên bản',
      'Đạt',
      'Chưa đạt',
      'Không áp dụng',
    ];
    const last = fixed.length + checklist.columns.length;
    const sheet = workbook.addWorksheet(checklists.size > 1 ? `Ma trận ${sheetNumber}` : 'Ma trận', {
      views: [{ state: 'frozen', xSplit: 3, ySplit: 4 }],
      pageSetup: { ...PAGE, printTitlesRow: '3:4' },
    });
    sheet.columns = [6, 30, 36, 18, 12, 12, 7, 8, 9, ...checklist.columns.map(() => 9)].map((width) => ({ width }));
    titleRows(sheet, `KẾT QUẢ TỪNG NỘI DUNG KIỂM TRA – ${checklist.name}`, periodLine(figures));
    // Two header rows: the criterion's number over its wording.
    addRow(
      sheet,
      [
        ...fixed.map((title): [Value, Style] => [title, STYLES.header]),
        ...checklist.columns.map((column): [Value, Style] => [column.number, STYLES.header]),
      ],
      20,
      false,
    );
    const textRow = addRow(
      sheet,
      [
        ...fixed.map((): [Value, Style] => ['', STYLES.header]),
        ...checklist.columns.map((column): [Value, Style] => [
          column.text,
          { ...STYLES.header, font: { ...BOLD, size: 9 } },
        ]),
      ],
      120,
      false,
    );
    for (let column = 1; column <= fixed.length; column += 1) sheet.mergeCells(3, column, 4, column);
    textRow.commit();
    let row = 0;
    for (const record of figures.records) {
      if (!record.versionId || checklistOfVersion.get(record.versionId) !== checklistId) continue;
      row += 1;
      const lineages = figures.versionLineages.get(record.versionId) ?? new Set<string>();
      const results = notPass.get(`${record.planId}\n${record.unitId}`);
      const unit = figures.units.get(record.unitId);
      addRow(sheet, [
        [row, STYLES.number],
        [planTitle.get(record.planId) ?? '', STYLES.text],
        [unit?.name ?? '', STYLES.text],
        [
          unit ? kindShortName(unit.kind === 'school' ? `school:${unit.level ?? 'other'}` : unit.kind) : '',
          STYLES.cell,
        ],
        [excelDate(record.date), STYLES.date],
        [record.minutesNumber, STYLES.text],
        [record.pass, STYLES.number],
        [record.fail, STYLES.number],
        [record.na, STYLES.number],
        ...checklist.columns.map((column): [Value, Style] => {
          if (!lineages.has(column.lineage)) return ['', STYLES.cell];
          const result = results?.get(column.lineage) ?? 'pass';
          return [RESULT_WORDS[result], STYLES[result]];
        }),
      ]);
    }
    sheet.autoFilter = `A4:${columnLetter(last)}4`;
    sheet.commit();
  }
}

function requestStatus(request: { due_date: string | null; remedied_date: string | null }, today: string): string {
  if (request.remedied_date !== null) return 'Đã khắc phục';
  if (request.due_date === null) return 'Chưa có thời hạn';
  return request.due_date < today ? 'Quá hạn' : 'Chưa đến hạn';
}

function requestsSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, figures: ReportFigures): void {
  const headers = [
    'TT',
    'Kế hoạch',
    'Cơ quan, đơn vị',
    'Ngày kiểm tra',
    'Số biên bản',
    'Nội dung kiến nghị, yêu cầu',
    'Thời hạn khắc phục',
    'Ngày khắc phục',
    'Tình trạng',
  ];
  const sheet = workbook.addWorksheet('Kiến nghị', {
    views: [{ state: 'frozen', xSplit: 3, ySplit: 3 }],
    pageSetup: { ...PAGE, printTitlesRow: '3:3' },
  });
  sheet.columns = [6, 30, 34, 12, 12, 60, 13, 13, 16].map((width) => ({ width }));
  titleRows(sheet, 'KIẾN NGHỊ, YÊU CẦU ĐỐI VỚI CÁC CƠ QUAN, ĐƠN VỊ', periodLine(figures));
  addRow(
    sheet,
    headers.map((title): [Value, Style] => [title, STYLES.header]),
    32,
  );
  const planTitle = new Map(figures.plans.map((plan) => [plan.id, plan.title]));
  let row = 0;
  const write = (record: UnitRecord) => {
    const requests = figures.requests.byRecord.get(record.inspectionId)?.requests;
    if (requests === undefined) return;
    for (const request of requestRows(record.inspectionId, requests)) {
      row += 1;
      const status = requestStatus(request, figures.today);
      addRow(sheet, [
        [row, STYLES.number],
        [planTitle.get(record.planId) ?? '', STYLES.text],
        [figures.units.get(record.unitId)?.name ?? '', STYLES.text],
        [excelDate(record.date), STYLES.date],
        [record.minutesNumber, STYLES.text],
        [request.text, STYLES.text],
        [excelDate(request.due_date), STYLES.date],
        [excelDate(request.remedied_date), STYLES.date],
        [status, status === 'Quá hạn' ? STYLES.fail : status === 'Đã khắc phục' ? STYLES.pass : STYLES.cell],
      ]);
    }
  };
  figures.records.forEach(write);
  sheet.autoFilter = `A3:${columnLetter(headers.length)}3`;
  sheet.commit();
}

/** Writes the workbook of these figures to `file`. */
export async function writeStatisticsWorkbook(file: string, figures: ReportFigures, created: Date): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  workbook.creator = 'Kiểm tra KLKCHC';
  workbook.created = created;
  summarySheet(workbook, figures);
  matrixSheets(workbook, figures);
  requestsSheet(workbook, figures);
  await workbook.commit();
}

/** "Thống kê kết quả kiểm tra 01-01-2019 đến 31-08-2020" */
export function workbookFileName(figures: Pick<ReportFigures, 'from' | 'to'>): string {
  return `Thống kê kết quả kiểm tra ${shortDate(figures.from).replaceAll('/', '-')} đến ${shortDate(figures.to).replaceAll('/', '-')}.xlsx`;
}
