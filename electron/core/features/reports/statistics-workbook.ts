import fs from 'node:fs';
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

/**
 * An ISO date as the spreadsheet's own date (midnight UTC: the serial is the day itself). One
 * Date per day, shared by every cell of that day (a workbook holds a few thousand days in
 * hundreds of thousands of cells).
 */
function excelDates(): (iso: string | null) => Date | null {
  const known = new Map<string, Date | null>();
  return (iso) => {
    if (iso === null) return null;
    let date = known.get(iso);
    if (date === undefined) {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
      date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
      known.set(iso, date);
    }
    return date;
  };
}

type Value = string | number | Date | null;

/**
 * Every so many rows the writer lets the event loop run: the zipper then compresses what is
 * written (on another thread) while the next rows are made, instead of the whole sheet's XML
 * (hundreds of megabytes at 200,000 inspections) waiting in memory for the end; and the app
 * answers other calls meanwhile. A pause is where a failed file write stops the rows.
 */
const ROWS_BETWEEN_PAUSES = 100;
interface Pacing {
  /** Rows written between pauses. */
  every: number;
  pause: () => Promise<void>;
}

/**
 * Adds a row of values, each with the style at its place; a text a spreadsheet could run as a
 * formula keeps the Text format. Values and styles come as two arrays, not a pair per cell:
 * the matrix alone has millions of cells.
 */
function addRow(
  sheet: ExcelJS.Worksheet,
  values: Value[],
  styles: readonly Style[],
  height?: number,
  commit = true,
): ExcelJS.Row {
  const row = sheet.addRow(values);
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index];
    const style = styles[index] ?? STYLES.cell;
    row.getCell(index + 1).style =
      typeof value === 'string' && isFormulaLike(value) ? { ...style, numFmt: '@' } : style;
  }
  if (height) row.height = height;
  // Rows are written out as they are committed; a row still to be merged waits.
  if (commit) row.commit();
  return row;
}

/** A short row given as value and style pairs. */
function addPairs(sheet: ExcelJS.Worksheet, pairs: [Value, Style][], height?: number, commit = true): ExcelJS.Row {
  return addRow(
    sheet,
    pairs.map(([value]) => value),
    pairs.map(([, style]) => style),
    height,
    commit,
  );
}

function columnLetter(index: number): string {
  let name = '';
  for (let value = index; value > 0; value = Math.floor((value - 1) / 26)) {
    name = String.fromCharCode(65 + ((value - 1) % 26)) + name;
  }
  return name;
}

function titleRows(sheet: ExcelJS.Worksheet, title: string, subtitle: string): void {
  addPairs(sheet, [[title, STYLES.title]], 22);
  addPairs(sheet, [[subtitle, STYLES.subtitle]]);
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
  addPairs(
    sheet,
    headers.map((title): [Value, Style] => [title, STYLES.header]),
    36,
  );
  figures.plans.forEach((plan, index) => {
    const when = planPeriodPhrase(plan.periodKind, plan.periodYear);
    addPairs(sheet, [
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
      addPairs(sheet, [
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
  addPairs(sheet, [
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
  /** Per record (its place in `records`): 0 Đạt, 1 Chưa đạt, 2 Không áp dụng. */
  results: Uint8Array;
}

async function matrixSheets(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  figures: ReportFigures,
  excelDate: (iso: string | null) => Date | null,
  pacing: Pacing,
): Promise<void> {
  const place = new Map(figures.records.map((record, index) => [record, index]));
  const resultsOf = (criterion: ReportFigures['criteria'][number]) => {
    const results = new Uint8Array(figures.records.length);
    const mark = (records: UnitRecord[], result: number) => {
      for (const record of records) {
        const at = place.get(record);
        if (at !== undefined) results[at] = result;
      }
    };
    mark(criterion.failing, 1);
    mark(criterion.notApplicable, 2);
    return results;
  };
  const planTitle = new Map(figures.plans.map((plan) => [plan.id, plan.title]));
  const checklists = new Map<string, { name: string; columns: Column[] }>();
  for (const criterion of figures.criteria) {
    const checklist = checklists.get(criterion.checklistId) ?? { name: criterion.checklistName, columns: [] };
    checklist.columns.push({
      lineage: criterion.lineage,
      number: criterion.number,
      text: criterion.text,
      group: criterion.groupTitle,
      results: resultsOf(criterion),
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
    addPairs(
      sheet,
      [
        ...fixed.map((title): [Value, Style] => [title, STYLES.header]),
        ...checklist.columns.map((column): [Value, Style] => [column.number, STYLES.header]),
      ],
      20,
      false,
    );
    const textRow = addPairs(
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
    // One values array and one styles array per row, the fixed columns' styles shared.
    const styles: Style[] = [
      STYLES.number,
      STYLES.text,
      STYLES.text,
      STYLES.cell,
      STYLES.date,
      STYLES.text,
      STYLES.number,
      STYLES.number,
      STYLES.number,
      ...checklist.columns.map(() => STYLES.cell),
    ];
    // Which of the sheet's columns each checklist version asks (worked out once per version).
    const asked = new Map<string, boolean[]>();
    const WORDS = [RESULT_WORDS.pass, RESULT_WORDS.fail, RESULT_WORDS.na] as const;
    const RESULT_STYLES = [STYLES.pass, STYLES.fail, STYLES.na] as const;
    let row = 0;
    for (let recordIndex = 0; recordIndex < figures.records.length; recordIndex += 1) {
      const record = figures.records[recordIndex]!;
      if (!record.versionId || checklistOfVersion.get(record.versionId) !== checklistId) continue;
      row += 1;
      if (row % pacing.every === 0) await pacing.pause();
      let inVersion = asked.get(record.versionId);
      if (!inVersion) {
        const lineages = figures.versionLineages.get(record.versionId) ?? new Set<string>();
        inVersion = checklist.columns.map((column) => lineages.has(column.lineage));
        asked.set(record.versionId, inVersion);
      }
      const unit = figures.units.get(record.unitId);
      const values: Value[] = [
        row,
        planTitle.get(record.planId) ?? '',
        unit?.name ?? '',
        unit ? kindShortName(unit.kind === 'school' ? `school:${unit.level ?? 'other'}` : unit.kind) : '',
        excelDate(record.date),
        record.minutesNumber,
        record.pass,
        record.fail,
        record.na,
      ];
      for (let index = 0; index < checklist.columns.length; index += 1) {
        const result = inVersion[index] ? (checklist.columns[index]!.results[recordIndex] ?? 0) : null;
        values.push(result === null ? '' : (WORDS[result] ?? ''));
        styles[fixed.length + index] = result === null ? STYLES.cell : (RESULT_STYLES[result] ?? STYLES.cell);
      }
      addRow(sheet, values, styles);
    }
    sheet.autoFilter = `A4:${columnLetter(last)}4`;
    sheet.commit();
  }
}

const REQUEST_CELLS = [
  STYLES.number,
  STYLES.text,
  STYLES.text,
  STYLES.date,
  STYLES.text,
  STYLES.text,
  STYLES.date,
  STYLES.date,
];
/** A request row's styles: its state coloured as a result is (overdue as "Chưa đạt", remedied as "Đạt"). */
const REQUEST_STYLES = {
  open: [...REQUEST_CELLS, STYLES.cell],
  overdue: [...REQUEST_CELLS, STYLES.fail],
  remedied: [...REQUEST_CELLS, STYLES.pass],
};

function requestStatus(request: { due_date: string | null; remedied_date: string | null }, today: string): string {
  if (request.remedied_date !== null) return 'Đã khắc phục';
  if (request.due_date === null) return 'Chưa có thời hạn';
  return request.due_date < today ? 'Quá hạn' : 'Chưa đến hạn';
}

async function requestsSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  figures: ReportFigures,
  excelDate: (iso: string | null) => Date | null,
  pacing: Pacing,
): Promise<void> {
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
  addPairs(
    sheet,
    headers.map((title): [Value, Style] => [title, STYLES.header]),
    32,
  );
  const planTitle = new Map(figures.plans.map((plan) => [plan.id, plan.title]));
  let row = 0;
  for (const record of figures.records) {
    const requests = figures.requests.byRecord.get(record.inspectionId)?.requests;
    if (requests === undefined) continue;
    for (const request of requestRows(record.inspectionId, requests)) {
      row += 1;
      if (row % pacing.every === 0) await pacing.pause();
      const status = requestStatus(request, figures.today);
      addRow(
        sheet,
        [
          row,
          planTitle.get(record.planId) ?? '',
          figures.units.get(record.unitId)?.name ?? '',
          excelDate(record.date),
          record.minutesNumber,
          request.text,
          excelDate(request.due_date),
          excelDate(request.remedied_date),
          status,
        ],
        status === 'Quá hạn'
          ? REQUEST_STYLES.overdue
          : status === 'Đã khắc phục'
            ? REQUEST_STYLES.remedied
            : REQUEST_STYLES.open,
      );
    }
  }
  sheet.autoFilter = `A3:${columnLetter(headers.length)}3`;
  sheet.commit();
}

/**
 * Writes the workbook of these figures to `file`. A failed write (a full disk, a folder gone)
 * rejects with the system's error and stops the rows: exceljs only listens for the file's
 * errors once it finishes, so an early one would otherwise leave the export waiting forever.
 */
export async function writeStatisticsWorkbook(
  file: string,
  figures: ReportFigures,
  created: Date,
  { rowsBetweenPauses = ROWS_BETWEEN_PAUSES } = {},
): Promise<void> {
  const output = fs.createWriteStream(file);
  let failure: Error | null = null;
  const failed = new Promise<never>((_, reject) => {
    output.on('error', (error) => {
      failure ??= error;
      reject(error);
    });
  });
  const pacing: Pacing = {
    every: rowsBetweenPauses,
    pause: async () => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (failure) throw failure;
    },
  };
  const write = async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: output,
      useStyles: true,
      useSharedStrings: true,
    });
    workbook.creator = 'Kiểm tra KLKCHC';
    workbook.created = created;
    summarySheet(workbook, figures);
    const excelDate = excelDates();
    await matrixSheets(workbook, figures, excelDate, pacing);
    await requestsSheet(workbook, figures, excelDate, pacing);
    await workbook.commit();
  };
  try {
    await Promise.race([write(), failed]);
  } finally {
    if (failure) output.destroy();
  }
}

/** "Thống kê kết quả kiểm tra 01-01-2019 đến 31-08-2020" */
export function workbookFileName(figures: Pick<ReportFigures, 'from' | 'to'>): string {
  return `Thống kê kết quả kiểm tra ${shortDate(figures.from).replaceAll('/', '-')} đến ${shortDate(figures.to).replaceAll('/', '-')}.xlsx`;
}
