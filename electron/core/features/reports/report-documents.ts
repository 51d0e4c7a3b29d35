import fs from 'node:fs';
import { AppError } from '../../kernel/errors';
import type { FileStore, PendingDownload } from '../../files/file-store';
import type { Block, DocumentLayout } from '../../documents/blocks';
import { renderDocumentDocx } from '../../documents/docx';
import { documentFontCss } from '../../documents/fonts';
import { renderDocumentHtml } from '../../documents/html';
import { pdfPageCount } from '../../documents/pdf-merge';
import type { PdfRenderer } from '../../documents/pdf-renderer';
import { layoutReport } from './report-layout';
import type { ReportService } from './report-service';

/** How many device pixels per CSS pixel a chart's PNG stand-in is drawn at (sharp on paper). */
const PNG_SCALE = 2;

/**
 * A report printed through the documents engine, exactly as the minutes are: the same HTML for
 * the printer and the PDF, the same .docx writer, the same downloads.
 */
export class ReportDocuments {
  constructor(
    private readonly reports: ReportService,
    private readonly deps: { files: FileStore; pdf: PdfRenderer; resourcesDir: string },
  ) {}

  layout(id: string): DocumentLayout {
    const row = this.reports.repo.reports.live(id);
    if (!row) throw new AppError('NOT_FOUND');
    return layoutReport({ ...this.reports.read(row), status: row.status });
  }

  html(layout: DocumentLayout): string {
    return renderDocumentHtml(layout, documentFontCss(this.deps.resourcesDir));
  }

  pdf(layout: DocumentLayout): Promise<Uint8Array> {
    return this.deps.pdf.render(this.html(layout));
  }

  /** The .docx, each chart with its PNG stand-in for Word versions without SVG (when the renderer can draw one). */
  async docx(layout: DocumentLayout): Promise<Buffer> {
    const rasterize = this.deps.pdf.rasterize?.bind(this.deps.pdf);
    if (!rasterize) return renderDocumentDocx(layout);
    const fontCss = documentFontCss(this.deps.resourcesDir);
    const blocks: Block[] = [];
    for (const block of layout.blocks) {
      if (block.kind !== 'figure') {
        blocks.push(block);
        continue;
      }
      const width = Number(/viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(block.svg)?.[1] ?? 600) * PNG_SCALE;
      const height = Number(/viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(block.svg)?.[2] ?? 300) * PNG_SCALE;
      const page = `<!doctype html><html><head><meta charset="utf-8"><style>${fontCss} html, body { margin: 0; background: #fff; } svg { display: block; width: ${width}px; height: ${height}px; }</style></head><body>${block.svg}</body></html>`;
      blocks.push({ ...block, png: await rasterize(page, { width, height }) });
    }
    return renderDocumentDocx({ ...layout, blocks });
  }

  async preview(id: string): Promise<{ pdfBase64: string; pageCount: number; fileName: string }> {
    const layout = this.checkedLayout(id);
    const pdf = await this.pdf(layout);
    return {
      pdfBase64: Buffer.from(pdf).toString('base64'),
      pageCount: await pdfPageCount(pdf),
      fileName: layout.title,
    };
  }

  async exportPdf(id: string): Promise<PendingDownload> {
    const layout = this.checkedLayout(id);
    return this.download(`${layout.title}.pdf`, await this.pdf(layout));
  }

  async exportDocx(id: string): Promise<PendingDownload> {
    const layout = this.checkedLayout(id);
    return this.download(`${layout.title}.docx`, await this.docx(layout));
  }

  printHtml(id: string): Promise<PendingDownload> {
    const layout = this.checkedLayout(id);
    return this.download(`${layout.title}.html`, this.html(layout));
  }

  private checkedLayout(id: string): DocumentLayout {
    return this.layout(id);
  }

  private download(fileName: string, data: Uint8Array | string): Promise<PendingDownload> {
    return this.deps.files.createDownload(fileName, (tempPath) => fs.writeFileSync(tempPath, data));
  }
}
