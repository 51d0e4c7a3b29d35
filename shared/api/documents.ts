/**
 * What making any printed document (minutes, results report) may answer besides the common
 * errors: the bundled font, the browser that prints the PDF.
 */
export const DocumentError = {
  noBrowser: 'documents.NO_BROWSER',
  browserFailed: 'documents.BROWSER_FAILED',
  renderFailed: 'documents.RENDER_FAILED',
  fontMissing: 'documents.FONT_MISSING',
} as const;
