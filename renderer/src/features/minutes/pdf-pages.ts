import type * as PdfjsModule from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';

/**
 * The preview draws the very PDF that is saved and printed, page by page, with pdf.js: what the
 * clerk sees is what comes out. pdf.js is loaded on first use (it is large) and runs its
 * "worker" on this thread: the app's CSP allows no workers, and pdf.js uses the handler found
 * on globalThis.pdfjsWorker instead of starting one.
 */

type Pdfjs = typeof PdfjsModule;

let loading: Promise<Pdfjs> | null = null;

function loadPdfjs(): Promise<Pdfjs> {
  loading ??= import('pdfjs-dist/build/pdf.worker.mjs')
    .then(() => import('pdfjs-dist'))
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}

export async function openPdf(data: Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfjs();
  // pdf.js takes the buffer over: give it a copy so the caller's bytes stay usable.
  return pdfjs.getDocument({
    data: data.slice(),
    isEvalSupported: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    // Every font is embedded: nothing is looked up on the system or fetched.
    useSystemFonts: false,
    disableFontFace: false,
  }).promise;
}

/** CSS pixels of an A4 page at 100 % (96 dpi). */
export const A4_CSS_WIDTH = 794;

/**
 * Starts drawing one page on `canvas`, `cssWidth` pixels wide on screen, sharp on high-DPI
 * screens. The caller cancels it before drawing on the same canvas again.
 */
export async function drawPage(
  document: PDFDocumentProxy,
  pageNumber: number,
  canvas: HTMLCanvasElement,
  cssWidth: number,
  onStart: (cancel: () => void) => void,
): Promise<void> {
  const page = await document.getPage(pageNumber);
  const base = page.getViewport({ scale: 1 });
  const ratio = window.devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: (cssWidth / base.width) * ratio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
  canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
  const task = page.render({ canvas, viewport });
  onStart(() => task.cancel());
  await task.promise;
}

export function decodeBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
