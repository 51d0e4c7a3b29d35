/**
 * Turns a self-contained HTML document (no script, fonts inlined) into PDF bytes with
 * Chromium's print engine. Injected into the core: the Electron shell passes one that prints
 * from a hidden sandboxed window (electron/main/pdf.ts); browser mode, the tests and the
 * benchmarks use the system Chromium through playwright-core (chromium-pdf-renderer.ts).
 */
export interface PdfRenderer {
  render(html: string): Promise<Uint8Array>;
  /**
   * A self-contained page (one chart) drawn as PNG pixels, its top left `width` × `height` CSS
   * pixels: the picture Word versions without SVG show in a .docx. Optional: a
   * renderer without it leaves those versions a blank picture (current Word and LibreOffice
   * show the SVG).
   */
  rasterize?(html: string, size: { width: number; height: number }): Promise<Uint8Array>;
  /** How many documents it renders at once to good effect (a batch keeps this many in flight). */
  readonly parallelism: number;
  /** Releases the browser or windows; the renderer may be used again afterwards. */
  close(): Promise<void>;
}
