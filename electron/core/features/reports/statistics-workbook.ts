import type { ReportFigures, UnitInfo, UnitRecord } from './report-figures';
import { BREAKDOWN_KEYS, breakdownKey, requestRows } from './report-figures';
import { isFormulaLike } from '../unit-export/formula-guard';
import { kindShortName, periodPhrase, planPeriodPhrase } from './report-wording';
import { formatDate } from '../../../../shared/format/date';
import {
  XlsxWriter,
  type SheetOptions,
  type XlsxSheet,
  type XlsxStyle,
  type XlsxValue,
} from '../../documents/xlsx-writer';

/**
 * The statistics workbook (.xlsx): a summary per plan and kind; one matrix of units × criteria
 * per checklist (Đạt / Chưa đạt / Không áp dụng, coloured; frozen panes, autofilter, printed A4
 * landscape with its header rows on every page); the requests with their deadlines and remedies.
 * Written as a stream (row by row, deflated straight into the file), so 200,000 inspections
 * neither wait for nor fill memory. Headers are Vietnamese, as the office files them; text that
 * a spreadsheet could take for a formula is never one, and keeps the Text format (the export's
 * formula guard) so it stays text when edited.
 */

const FONT = { name: 'Times New Roman', size: 11 };
const BORDER = 'FF8A8A8A';
const HEADER_FILL = 'FFDDE6F1';
const DATE_FORMAT = 'dd/mm/yyyy';
const PAGE: SheetOptions['page'] = {
  landscape: true,
  fitToWidth: true,
  margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
};

export const RESULT_WORDS = { pass: 'Đạt', fail: 'Chưa đạt', na: 'Không áp dụng' } as const;

/** The three results, each with its own colours (light fill, dark text: readable printed in grey too). */
const RESULT_COLOURS = {
  pass: { fill: 'FFC6EFCE', font: 'FF006100' },
  fail: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  na: { fill: 'FFEDEDED', font: 'FF595959' },
} as const;

function resultStyle(result: keyof typeof RESULT_COLOURS): XlsxStyle {
  const colours = RESULT_COLOURS[result];
  return {
    font: { color: colours.font },
    fill: colours.fill,
    border: BORDER,
    horizontal: 'center',
    vertical: 'center',
  };
}

const STYLE_DEFINITIONS = {
  cell: { border: BORDER, vertical: 'top', wrap: true },
  number: { border: BORDER, horizontal: 'right', vertical: 'top' },
  percent: { border: BORDER, numFmt: '0%', horizontal: 'right', vertical: 'top' },
  date: { border: BORDER, numFmt: DATE_FORMAT, horizontal: 'center', vertical: 'top' },
  text: { border: BORDER, numFmt: '@', vertical: 'top', wrap: true },
  header: {
    font: { bold: true },
    fill: HEADER_FILL,
    border: BORDER,
    horizontal: 'center',
    vertical: 'center',
    wrap: true,
  },
  criterionHeader: {
    font: { bold: true, size: 9 },
    fill: HEADER_FILL,
    border: BORDER,
    horizontal: 'center',
    vertical: 'center',
    wrap: true,
  },
  total: { font: { bold: true }, border: BORDER, vertical: 'top' },
  totalWrapped: { font: { bold: true }, border: BORDER, vertical: 'top', wrap: true },
  totalPercent: { font: { bold: true }, border: BORDER, numFmt: '0%', horizontal: 'right' },
  title: { font: { bold: true, size: 14 }, horizontal: 'left' },
  subtitle: { font: { italic: true } },
  pass: resultStyle('pass'),
  fail: resultStyle('fail'),
  na: resultStyle('na'),
} satisfies Record<string, XlsxStyle>;

type StyleName = keyof typeof STYLE_DEFINITIONS;
type Styles = Record<StyleName, number>;

/**
 * The workbook's cell formats by name, and each one's Text variant for a value a spreadsheet
 * could take for a formula.
 */
class Formats {
  readonly ids: Styles;
  private readonly asText = new Map<number, number>();

  constructor(private readonly writer: XlsxWriter) {
    this.ids = Object.fromEntries(
      Object.entries(STYLE_DEFINITIONS).map(([name, style]) => [name, writer.style(style)]),
    ) as Styles;
    for (const [name, style] of Object.entries(STYLE_DEFINITIONS)) {
      this.asText.set(this.ids[name as StyleName], writer.style({ ...style, numFmt: '@' }));
    }
  }

  /** The format of a value: Text kept for one that looks like a formula. */
  of(value: XlsxValue, style: number): number {
    return typeof value === 'string' && isFormulaLike(value) ? (this.asText.get(style) ?? style) : style;
  }

  /** A text many rows repeat (a plan's title, a kind): its shared string and format, worked out once. */
  repeated(text: string, style: number): Cell {
    return { value: text === '' ? '' : this.writer.text(text), format: this.of(text, style) };
  }
}

interface Cell {
  value: XlsxValue;
  format: number;
}

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

/** What the sheets are written with. */
interface Context {
  writer: XlsxWriter;
  formats: Formats;
  styles: Styles;
  figures: ReportFigures;
  excelDate: (iso: string | null) => Date | null;
  /** Each unit's requests under each plan, as its record holds them (ReportQueries.requestsByUnit). */
  requests: Map<string, Map<string, string | null>>;
}

/**
 * Adds a row of values, each with the format at its place (a text that looks like a formula
 * keeps the Text format), and lets the file catch up when the sheet holds enough.
 */
async function addRow(
  context: Context,
  sheet: XlsxSheet,
  values: XlsxValue[],
  styles: readonly number[],
  height?: number,
): Promise<void> {
  const formats = styles.map((style, index) => context.formats.of(values[index] ?? null, style));
  if (!sheet.row(values, formats, height)) await sheet.flush();
}

/** A short row given as value and format pairs. */
function addPairs(context: Context, sheet: XlsxSheet, pairs: [XlsxValue, number][], height?: number): Promise<void> {
  return addRow(
    context,
    sheet,
    pairs.map(([value]) => value),
    pairs.map(([, style]) => style),
    height,
  );
}

async function titleRows(context: Context, sheet: XlsxSheet, title: string, subtitle: string): Promise<void> {
  await addPairs(context, sheet, [[title, context.styles.title]], 22);
  await addPairs(context, sheet, [[subtitle, context.styles.subtitle]]);
}

function periodLine(figures: ReportFigures): string {
  return `${periodPhrase(figures).replace(/^./, (first) => first.toLocaleUpperCase('vi-VN'))} – số liệu đến ngày ${formatDate(figures.today)}`;
}

const SUMMARY_HEADERS = [
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

function summarySheet(context: Context): Promise<void> {
  const { figures, styles } = context;
  const options: SheetOptions = {
    widths: [6, 48, 16, 24, 12, 12, 12, 12, 12, 12],
    frozen: { columns: 2, rows: 3 },
    gridLines: false,
    printTitles: { from: 3, to: 3 },
    autoFilter: { row: 3, lastColumn: SUMMARY_HEADERS.length },
    page: PAGE,
  };
  return context.writer.sheet('Tổng hợp', options, async (sheet) => {
    await titleRows(context, sheet, 'TỔNG HỢP KẾT QUẢ KIỂM TRA THEO KẾ HOẠCH VÀ LOẠI HÌNH ĐƠN VỊ', periodLine(figures));
    await addPairs(
      context,
      sheet,
      SUMMARY_HEADERS.map((title): [XlsxValue, number] => [title, styles.header]),
      36,
    );
    for (const [index, plan] of figures.plans.entries()) {
      const when = planPeriodPhrase(plan.periodKind, plan.periodYear);
      await addPairs(context, sheet, [
        [index + 1, styles.total],
        [plan.title, styles.totalWrapped],
        [when, styles.total],
        ['Cộng', styles.total],
        [plan.scope, styles.total],
        [plan.inspected, styles.total],
        [plan.scope === 0 ? 0 : plan.inspected / plan.scope, styles.totalPercent],
        [plan.targetUnits, styles.total],
        [plan.targetUnits === 0 ? 0 : plan.inspected / plan.targetUnits, styles.totalPercent],
        [plan.scope - plan.inspected, styles.total],
      ]);
      for (const key of BREAKDOWN_KEYS) {
        const item = plan.breakdown.find((entry) => entry.key === key);
        if (!item) continue;
        await addPairs(context, sheet, [
          ['', styles.cell],
          [plan.title, styles.text],
          [when, styles.cell],
          [kindShortName(key), styles.cell],
          [item.scope, styles.number],
          [item.inspected, styles.number],
          [item.scope === 0 ? 0 : item.inspected / item.scope, styles.percent],
          ['', styles.cell],
          ['', styles.cell],
          [item.scope - item.inspected, styles.number],
        ]);
      }
    }
    const total = figures.total;
    await addPairs(context, sheet, [
      ['', styles.total],
      ['Tổng cộng (mỗi đơn vị tính một lần)', styles.total],
      ['', styles.total],
      ['', styles.total],
      [total.scope, styles.total],
      [total.inspected, styles.total],
      [total.scope === 0 ? 0 : total.inspected / total.scope, styles.totalPercent],
      ['', styles.total],
      ['', styles.total],
      [total.notInspected, styles.total],
    ]);
  });
}

interface Column {
  lineage: string;
  number: string;
  text: string;
  group: string;
  /** Per record (its place in `records`): 0 Đạt, 1 Chưa đạt, 2 Không áp dụng. */
  results: Uint8Array;
}

const MATRIX_FIXED = [
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

async function matrixSheets(context: Context): Promise<void> {
  const { figures, styles, formats, excelDate } = context;
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
  const fixed = MATRIX_FIXED.length;
  let sheetNumber = 0;
  for (const [checklistId, checklist] of checklists) {
    sheetNumber += 1;
    checklist.columns.sort((a, b) => {
      const [a1 = 0, a2 = 0] = a.number.split('.').map(Number);
      const [b1 = 0, b2 = 0] = b.number.split('.').map(Number);
      return a1 - b1 || a2 - b2;
    });
    const last = fixed + checklist.columns.length;
    const options: SheetOptions = {
      widths: [6, 30, 36, 18, 12, 12, 7, 8, 9, ...checklist.columns.map(() => 9)],
      frozen: { columns: 3, rows: 4 },
      printTitles: { from: 3, to: 4 },
      autoFilter: { row: 4, lastColumn: last },
      // The fixed columns' titles stand over both header rows.
      merges: MATRIX_FIXED.map((_, index) => [3, index + 1, 4, index + 1] as const),
      page: PAGE,
    };
    const name = checklists.size > 1 ? `Ma trận ${sheetNumber}` : 'Ma trận';
    await context.writer.sheet(name, options, async (sheet) => {
      await titleRows(context, sheet, `KẾT QUẢ TỪNG NỘI DUNG KIỂM TRA – ${checklist.name}`, periodLine(figures));
      // Two header rows: the criterion's number over its wording.
      await addPairs(
        context,
        sheet,
        [
          ...MATRIX_FIXED.map((title): [XlsxValue, number] => [title, styles.header]),
          ...checklist.columns.map((column): [XlsxValue, number] => [column.number, styles.header]),
        ],
        20,
      );
      await addPairs(
        context,
        sheet,
        [
          ...MATRIX_FIXED.map((): [XlsxValue, number] => ['', styles.header]),
          ...checklist.columns.map((column): [XlsxValue, number] => [column.text, styles.criterionHeader]),
        ],
        120,
      );
      // One values array and one formats array per row; a result's word is never formula-like,
      // so only the fixed columns' text is checked.
      const rowStyles = [
        styles.number,
        styles.text,
        styles.text,
        styles.cell,
        styles.date,
        styles.text,
        styles.number,
        styles.number,
        styles.number,
      ];
      const rowFormats: number[] = [...rowStyles, ...checklist.columns.map(() => styles.cell)];
      // Which of the sheet's columns each checklist version asks (worked out once per version).
      const asked = new Map<string, boolean[]>();
      // Each word looked up in the shared strings once, not in three million cells.
      const WORDS = [RESULT_WORDS.pass, RESULT_WORDS.fail, RESULT_WORDS.na].map((word) => context.writer.text(word));
      const RESULT_FORMATS = [styles.pass, styles.fail, styles.na] as const;
      const planCells = new Map(
        figures.plans.map((plan) => [plan.id, formats.repeated(plan.title, styles.text)] as const),
      );
      const kindCells = new Map<string, Cell>();
      const kindCell = (unit: UnitInfo | undefined): Cell => {
        const key = unit ? breakdownKey(unit.kind, unit.level) : '';
        let cell = kindCells.get(key);
        if (!cell) {
          cell = formats.repeated(key ? kindShortName(key) : '', styles.cell);
          kindCells.set(key, cell);
        }
        return cell;
      };
      const noCell: Cell = { value: '', format: styles.text };
      let row = 0;
      for (let recordIndex = 0; recordIndex < figures.records.length; recordIndex += 1) {
        const record = figures.records[recordIndex]!;
        if (!record.versionId || checklistOfVersion.get(record.versionId) !== checklistId) continue;
        row += 1;
        let inVersion = asked.get(record.versionId);
        if (!inVersion) {
          const lineages = figures.versionLineages.get(record.versionId) ?? new Set<string>();
          inVersion = checklist.columns.map((column) => lineages.has(column.lineage));
          asked.set(record.versionId, inVersion);
        }
        const unit = figures.units.get(record.unitId);
        const plan = planCells.get(record.planId) ?? noCell;
        const kind = kindCell(unit);
        const values: XlsxValue[] = [
          row,
          plan.value,
          unit?.name ?? '',
          kind.value,
          excelDate(record.date),
          record.minutesNumber,
          record.pass,
          record.fail,
          record.na,
        ];
        rowFormats[1] = plan.format;
        rowFormats[2] = formats.of(values[2]!, styles.text);
        rowFormats[3] = kind.format;
        rowFormats[5] = formats.of(values[5]!, styles.text);
        for (let index = 0; index < checklist.columns.length; index += 1) {
          const result = inVersion[index] ? (checklist.columns[index]!.results[recordIndex] ?? 0) : null;
          values.push(result === null ? '' : (WORDS[result] ?? ''));
          rowFormats[fixed + index] = result === null ? styles.cell : (RESULT_FORMATS[result] ?? styles.cell);
        }
        if (!sheet.row(values, rowFormats)) await sheet.flush();
      }
    });
  }
}

function requestStatus(request: { due_date: string | null; remedied_date: string | null }, today: string): string {
  if (request.remedied_date !== null) return 'Đã khắc phục';
  if (request.due_date === null) return 'Chưa có thời hạn';
  return request.due_date < today ? 'Quá hạn' : 'Chưa đến hạn';
}

const REQUEST_HEADERS = [
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

function requestsSheet(context: Context): Promise<void> {
  const { figures, styles, excelDate } = context;
  const cells = [
    styles.number,
    styles.text,
    styles.text,
    styles.date,
    styles.text,
    styles.text,
    styles.date,
    styles.date,
  ];
  // A request row's formats: its state coloured as a result is (overdue as "Chưa đạt", remedied as "Đạt").
  const rowStyles = {
    open: [...cells, styles.cell],
    overdue: [...cells, styles.fail],
    remedied: [...cells, styles.pass],
  };
  const options: SheetOptions = {
    widths: [6, 30, 34, 12, 12, 60, 13, 13, 16],
    frozen: { columns: 3, rows: 3 },
    printTitles: { from: 3, to: 3 },
    autoFilter: { row: 3, lastColumn: REQUEST_HEADERS.length },
    page: PAGE,
  };
  const planCells = new Map(
    figures.plans.map((plan) => [plan.id, context.formats.repeated(plan.title, styles.text)] as const),
  );
  const noCell: Cell = { value: '', format: styles.text };
  const statusTexts = new Map(
    ['Đã khắc phục', 'Chưa có thời hạn', 'Quá hạn', 'Chưa đến hạn'].map((text) => [text, context.writer.text(text)]),
  );
  return context.writer.sheet('Kiến nghị', options, async (sheet) => {
    await titleRows(context, sheet, 'KIẾN NGHỊ, YÊU CẦU ĐỐI VỚI CÁC CƠ QUAN, ĐƠN VỊ', periodLine(figures));
    await addPairs(
      context,
      sheet,
      REQUEST_HEADERS.map((title): [XlsxValue, number] => [title, styles.header]),
      32,
    );
    let row = 0;
    for (const record of figures.records) {
      const requests = record.requests > 0 ? context.requests.get(record.planId)?.get(record.unitId) : null;
      if (!requests) continue;
      for (const request of requestRows(requests)) {
        row += 1;
        const status = requestStatus(request, figures.today);
        const plan = planCells.get(record.planId) ?? noCell;
        const values: XlsxValue[] = [
          row,
          plan.value,
          figures.units.get(record.unitId)?.name ?? '',
          excelDate(record.date),
          record.minutesNumber,
          request.text,
          excelDate(request.due_date),
          excelDate(request.remedied_date),
          statusTexts.get(status) ?? status,
        ];
        const rowFormats =
          status === 'Quá hạn' ? rowStyles.overdue : status === 'Đã khắc phục' ? rowStyles.remedied : rowStyles.open;
        rowFormats[1] = plan.format;
        rowFormats[2] = context.formats.of(values[2]!, styles.text);
        rowFormats[4] = context.formats.of(values[4]!, styles.text);
        rowFormats[5] = context.formats.of(values[5]!, styles.text);
        if (!sheet.row(values, rowFormats)) await sheet.flush();
      }
    }
  });
}

/**
 * Writes the workbook of these figures to `file`. A failed write (a full disk, a folder gone)
 * rejects with the system's error, and the caller removes what was written.
 */
export async function writeStatisticsWorkbook(
  file: string,
  figures: ReportFigures,
  requests: Map<string, Map<string, string | null>>,
  created: Date,
): Promise<void> {
  const writer = new XlsxWriter(file, { creator: 'Kiểm tra KLKCHC', created, font: FONT });
  try {
    const formats = new Formats(writer);
    const context: Context = { writer, formats, styles: formats.ids, figures, excelDate: excelDates(), requests };
    await summarySheet(context);
    await matrixSheets(context);
    await requestsSheet(context);
    await writer.finish();
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

/** "Thống kê kết quả kiểm tra 01-01-2019 đến 31-08-2020" */
export function workbookFileName(figures: Pick<ReportFigures, 'from' | 'to'>): string {
  // dd-mm-yyyy both ends (citation dates pad only some months: "01-01-2019 đến 31-8-2020").
  const day = (iso: string) => formatDate(iso).replaceAll('/', '-');
  return `Thống kê kết quả kiểm tra ${day(figures.from)} đến ${day(figures.to)}.xlsx`;
}
