import type { PdfRenderer } from '../core/documents/pdf-renderer';
import { withDocumentWindow } from './document-window';

/**
 * The Electron shell's PDF engine for the core: Chromium's print engine through
 * webContents.printToPDF in a hidden sandboxed window — the same engine, and so the same pages,
 * as browser mode's Chromium and the tests. The page size and margins come from the document's
 * CSS (@page), page numbers from its page-margin boxes.
 */
export function createElectronPdfRenderer(tempDir: string): PdfRenderer {
  return {
    parallelism: 2,
    render: (html) =>
      withDocumentWindow(html, tempDir, async (window) => {
        const pdf = await window.webContents.printToPDF({
          preferCSSPageSize: true,
          printBackground: true,
          generateTaggedPDF: true,
        });
        return new Uint8Array(pdf);
      }),
    close: () => Promise.resolve(),
  };
}
