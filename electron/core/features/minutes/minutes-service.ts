import fs from 'node:fs';
import type { Db } from '../../db/open';
import type { Clock } from '../../kernel/clock';
import { MinutesError } from '../../../../shared/api/minutes';
import type { WritePath } from '../../db/write-path';
import { AppError } from '../../kernel/errors';
import type { FileStore, PendingDownload } from '../../files/file-store';
import type { SettingsService } from '../settings/settings-service';
import type { InspectionDetail, InspectionStatus, InspectionSummary } from '../../../../shared/domain/inspection';
import type { MinutesDocument, MinutesSettings, MinutesSettingsInput } from '../../../../shared/domain/minutes';
import { twoDigits } from '../../../../shared/format/document-text';
import { buildMinutesDocument, type MinutesNumberText } from './build-document';
import { documentFontCss } from '../../documents/fonts';
import { renderMinutesDocx, renderMinutesHtml } from './minutes-render';
import { MinutesNumbering } from './numbering';
import { MinutesSettingsStore } from './minutes-settings';
import type { PdfRenderer } from '../../documents/pdf-renderer';
import { pdfPageCount } from '../../documents/pdf-merge';

/** What the minutes need from the inspections feature (its InspectionService fits). */
export interface InspectionReader {
  get(id: string): InspectionDetail;
  list(request: {
    planId: string | null;
    unitId: string | null;
    statuses: InspectionStatus[];
    kinds: InspectionDetail['kind'][];
    query: string;
    sort: 'date';
    offset: number;
    limit: number;
  }): { total: number; rows: InspectionSummary[] };
}

export interface MinutesServiceDeps {
  db: Db;
  clock: Clock;
  writes: WritePath;
  settings: SettingsService;
  files: FileStore;
  inspections: InspectionReader;
  pdf: PdfRenderer;
  /** Holds fonts/ (the bundled Tinos). */
  resourcesDir: string;
}

export interface PreparedMinutes {
  inspection: InspectionDetail;
  document: MinutesDocument;
  /** "05/BB-ĐKT", or '' when the number is left blank. */
  numberText: string;
  /** The number comes from the record's own "Số biên bản" field (edited there, not here). */
  numberTyped: boolean;
}

/** "07/BB-ĐKT", "7", "07" typed in the record → the number printed. */
function typedNumber(typed: string, symbol: string): { text: MinutesNumberText; value: number | null } {
  const match = /^(\d{1,4})(?:\s*\/\s*(\S.*))?$/.exec(typed);
  if (!match) return { text: { value: typed, symbol: '' }, value: null };
  const value = Number(match[1]);
  return { text: { value: twoDigits(value), symbol: match[2]?.trim() ?? symbol }, value: value > 0 ? value : null };
}

/**
 * The inspection minutes: one document model per inspection, drawn as HTML (for the printer and
 * the PDF) and as .docx, numbered per plan and year.
 */
export class MinutesService {
  readonly documentSettings: MinutesSettingsStore;
  readonly numbering: MinutesNumbering;

  constructor(private readonly deps: MinutesServiceDeps) {
    this.documentSettings = new MinutesSettingsStore(deps.db, deps.settings);
    this.numbering = new MinutesNumbering(deps.db, deps.writes);
  }

  getSettings(): MinutesSettings {
    return this.documentSettings.get();
  }

  updateSettings(input: MinutesSettingsInput): MinutesSettings {
    return this.documentSettings.update(input);
  }

  inspection(inspectionId: string): InspectionDetail {
    return this.deps.inspections.get(inspectionId);
  }

  /**
   * The document of one inspection. A recorded inspection gets its number here the first time
   * its minutes are made; a planned one (a blank form for handwriting) keeps the number blank.
   */
  prepare(inspectionId: string): PreparedMinutes {
    const inspection = this.deps.inspections.get(inspectionId);
    const settings = this.documentSettings.get();
    const typed = inspection.content.minutesNumber.trim();
    let number: MinutesNumberText;
    if (typed !== '') {
      const parsed = typedNumber(typed, settings.numberSymbol);
      number = parsed.text;
      if (parsed.value !== null) this.rememberTyped(inspection, parsed.value);
    } else {
      const current =
        inspection.status === 'planned'
          ? this.numbering.current(inspection.id)
          : this.numbering.ensure(inspection.id, inspection.planId, this.yearOf(inspection));
      number = { value: current ? twoDigits(current.number) : '', symbol: settings.numberSymbol };
    }
    const document = buildMinutesDocument(inspection, settings, number);
    const numberText = number.value === '' ? '' : [number.value, number.symbol].filter(Boolean).join('/');
    return { inspection, document, numberText, numberTyped: typed !== '' };
  }

  /** A clerk's own number for the minutes (see MinutesNumbering.set). */
  setNumber(inspectionId: string, number: number): { numberText: string } {
    const inspection = this.deps.inspections.get(inspectionId);
    if (inspection.content.minutesNumber.trim() !== '') {
      throw new AppError('minutes.NUMBER_TYPED', {
        messageKey: 'minutes.errors.numberTyped',
        params: { number: inspection.content.minutesNumber.trim() },
      });
    }
    const given = this.numbering.set(inspection.id, inspection.planId, this.yearOf(inspection), number);
    return { numberText: `${twoDigits(given.number)}/${this.documentSettings.get().numberSymbol}` };
  }

  html(document: MinutesDocument): string {
    return renderMinutesHtml(document, documentFontCss(this.deps.resourcesDir));
  }

  pdf(document: MinutesDocument): Promise<Uint8Array> {
    return this.deps.pdf.render(this.html(document));
  }

  docx(document: MinutesDocument): Promise<Buffer> {
    return renderMinutesDocx(document);
  }

  get renderer(): PdfRenderer {
    return this.deps.pdf;
  }

  async preview(inspectionId: string): Promise<{
    pdfBase64: string;
    pageCount: number;
    numberText: string;
    numberTyped: boolean;
    fileName: string;
  }> {
    const prepared = this.prepare(inspectionId);
    const pdf = await this.pdf(prepared.document);
    return {
      pdfBase64: Buffer.from(pdf).toString('base64'),
      pageCount: await pdfPageCount(pdf),
      numberText: prepared.numberText,
      numberTyped: prepared.numberTyped,
      fileName: prepared.document.fileName,
    };
  }

  async exportPdf(inspectionId: string): Promise<PendingDownload> {
    const { document } = this.prepare(inspectionId);
    const pdf = await this.pdf(document);
    return this.download(`${document.fileName}.pdf`, pdf);
  }

  async exportDocx(inspectionId: string): Promise<PendingDownload> {
    const { document } = this.prepare(inspectionId);
    return this.download(`${document.fileName}.docx`, await this.docx(document));
  }

  /** The HTML the system print dialog prints (the same page the PDF is made from). */
  printHtml(inspectionId: string): Promise<PendingDownload> {
    const { document } = this.prepare(inspectionId);
    return this.download(`${document.fileName}.html`, this.html(document));
  }

  download(fileName: string, data: Uint8Array | string): Promise<PendingDownload> {
    return this.deps.files.createDownload(fileName, (tempPath) => fs.writeFileSync(tempPath, data));
  }

  /** The recorded inspections of a plan, in the order their minutes are numbered and bound. */
  planInspections(planId: string): InspectionSummary[] {
    return this.deps.inspections.list({
      planId,
      unitId: null,
      statuses: ['draft', 'finalised', 'remedied'],
      kinds: [],
      query: '',
      sort: 'date',
      offset: 0,
      limit: 100_000,
    }).rows;
  }

  /** A number typed in the record is spent too, so automatic numbering never gives it again. */
  private rememberTyped(inspection: InspectionDetail, value: number): void {
    if (this.numbering.current(inspection.id)?.number === value) return;
    try {
      this.numbering.set(inspection.id, inspection.planId, this.yearOf(inspection), value);
    } catch (error) {
      // Another inspection holds it: the clerk typed it on purpose, print it as typed.
      if (!(error instanceof AppError && error.code === MinutesError.numberTaken)) throw error;
    }
  }

  private yearOf(inspection: InspectionDetail): number {
    const fromDate = Number((inspection.content.inspectionDate ?? '').slice(0, 4));
    if (Number.isInteger(fromDate) && fromDate >= 1900) return fromDate;
    const planned = Number((inspection.plannedDate ?? '').slice(0, 4));
    if (Number.isInteger(planned) && planned >= 1900) return planned;
    return this.deps.clock.now().getFullYear();
  }
}
