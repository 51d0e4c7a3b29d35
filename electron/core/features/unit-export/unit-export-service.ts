import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { Clock } from '../../kernel/clock';
import type { FileStore, PendingDownload } from '../../files/file-store';
import type { CsvSeparator, csvExportRequestSchema, exportRequestSchema } from '../../../../shared/api/unit-import';
import type { Language } from '../../../../shared/domain/settings';
import type { Unit } from '../../../../shared/domain/unit';
import { formatDate, localIsoDate } from '../../../../shared/format/date';
import { foldVietnamese } from '../../../../shared/text/fold';
import { translate } from '../../../../shared/i18n/translate';
import type { RegistryService } from '../registry/registry-service';
import { EXPORT_COLUMNS, columnHeader, type ExportContext } from './export-columns';
import { guardCsvValue, isFormulaLike } from './formula-guard';

export type ExportFilter = z.output<typeof exportRequestSchema>;
export type CsvExportFilter = z.output<typeof csvExportRequestSchema>;

const FONT = { name: 'Times New Roman', size: 12 };

const SEPARATOR_CHARS: Record<CsvSeparator, string> = { comma: ',', semicolon: ';' };

/** Quotes a CSV field when it must be (the separator, a quote, a line break, edge spaces). */
function csvField(value: string, sep: string): string {
  const quote = value.includes(sep) || /["\r\n]|^\s|\s$/.test(value);
  return quote ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The registry, or the filtered view the user is looking at, as a file: .xlsx with Vietnamese
 * headers, widths, a frozen header row and an autofilter; or .csv in UTF-8 with a BOM so Excel
 * reads the diacritics. Values that could run as formulas are written as text.
 */
export class UnitExportService {
  constructor(
    /** The registry's own search and sort, so "export the filtered view" is exactly the list shown. */
    private readonly registry: RegistryService,
    private readonly clock: Clock,
    private readonly files: FileStore,
    private readonly language: () => Language,
  ) {}

  /** Every unit the filter selects, in one query (the whole list is written anyway). */
  units(filter: ExportFilter): Unit[] {
    return this.registry.list({ ...filter, offset: 0, limit: Number.MAX_SAFE_INTEGER }).rows;
  }

  /**
   * Parents are written by name, which a person reads; a parent whose name another unit shares
   * is written by its code instead, so the file imports back to the same parent (the importer
   * looks a parent up by code first). A shared name without a code stays a name.
   */
  private parentLabels(units: Unit[]): Map<string, string> {
    const labels = new Map<string, string>();
    if (!units.some((unit) => unit.parentId)) return labels;
    const all = this.registry.list({
      query: '',
      kinds: [],
      managingBodies: [],
      schoolLevels: [],
      schoolTypes: [],
      active: 'all',
      sort: 'name',
      offset: 0,
      limit: Number.MAX_SAFE_INTEGER,
    }).rows;
    const nameCounts = new Map<string, number>();
    for (const unit of all) {
      const key = foldVietnamese(unit.name);
      nameCounts.set(key, (nameCounts.get(key) ?? 0) + 1);
    }
    const parentIds = new Set(units.map((unit) => unit.parentId));
    for (const parent of all) {
      if (!parentIds.has(parent.id)) continue;
      const shared = (nameCounts.get(foldVietnamese(parent.name)) ?? 0) > 1;
      labels.set(parent.id, shared && parent.code !== '' ? parent.code : parent.name);
    }
    return labels;
  }

  private context(units: Unit[]): ExportContext {
    return { language: this.language(), parentLabels: this.parentLabels(units) };
  }

  private fileName(extension: string): string {
    const date = formatDate(localIsoDate(this.clock.now())).replaceAll('/', '-');
    return `${translate(this.language(), 'unitImport.exportFileName', { date })}.${extension}`;
  }

  async xlsx(filter: ExportFilter): Promise<{ download: PendingDownload; count: number }> {
    const units = this.units(filter);
    const context = this.context(units);
    const { language } = context;
    const workbook = new ExcelJS.Workbook();
    workbook.creator = translate(language, 'common.appName');
    workbook.created = this.clock.now();
    const sheet = workbook.addWorksheet(translate(language, 'unitImport.exportSheetName'), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = EXPORT_COLUMNS.map((column) => ({
      header: columnHeader(column, language),
      key: column.field,
      width: column.width,
      style: { font: FONT, alignment: { vertical: 'top', wrapText: column.field === 'notes' } },
    }));
    const header = sheet.getRow(1);
    header.font = { ...FONT, bold: true };
    header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    header.height = 32;
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
      cell.border = { bottom: { style: 'thin', color: { argb: 'FF8A9BB5' } } };
    });
    units.forEach((unit, index) => {
      const row = sheet.addRow(EXPORT_COLUMNS.map((column) => column.value(unit, index, context)));
      row.eachCell((cell) => {
        // Strings are stored as text cells (never formulas); the Text format keeps them text
        // even when someone edits the cell later.
        if (typeof cell.value === 'string' && isFormulaLike(cell.value)) cell.numFmt = '@';
      });
    });
    sheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: Math.max(1, units.length + 1), column: EXPORT_COLUMNS.length },
    };
    const download = await this.files.createDownload(this.fileName('xlsx'), async (target) => {
      const buffer = await workbook.xlsx.writeBuffer();
      fs.writeFileSync(target, Buffer.from(buffer));
    });
    return { download, count: units.length };
  }

  async csv({ separator, ...filter }: CsvExportFilter): Promise<{ download: PendingDownload; count: number }> {
    const units = this.units(filter);
    const context = this.context(units);
    const sep = SEPARATOR_CHARS[separator];
    const lines = [EXPORT_COLUMNS.map((column) => csvField(columnHeader(column, context.language), sep)).join(sep)];
    units.forEach((unit, index) => {
      lines.push(
        EXPORT_COLUMNS.map((column) => csvField(guardCsvValue(String(column.value(unit, index, context))), sep)).join(
          sep,
        ),
      );
    });
    const download = await this.files.createDownload(this.fileName('csv'), (target) => {
      fs.writeFileSync(target, `\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
    });
    return { download, count: units.length };
  }
}
