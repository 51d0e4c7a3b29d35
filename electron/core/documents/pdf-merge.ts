import { PDFDocument } from 'pdf-lib';

/**
 * Joins several PDFs into one, page after page (a plan's minutes bound together). Each document
 * is printed on its own first, so each keeps its own page numbers, none on its first page.
 */
export async function mergePdfs(parts: readonly Uint8Array[], title: string): Promise<Uint8Array> {
  const merged = await PDFDocument.create();
  merged.setTitle(title);
  merged.setLanguage('vi-VN');
  merged.setProducer('Kiểm tra KLKCHC');
  merged.setCreator('Kiểm tra KLKCHC');
  for (const part of parts) {
    const source = await PDFDocument.load(part, { updateMetadata: false });
    const pages = await merged.copyPages(source, source.getPageIndices());
    for (const page of pages) merged.addPage(page);
  }
  // Object streams make the file smaller; every current reader opens them.
  return merged.save({ useObjectStreams: true });
}

/** The number of pages of a PDF (for the preview's page count and the tests). */
export async function pdfPageCount(pdf: Uint8Array): Promise<number> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  return document.getPageCount();
}
