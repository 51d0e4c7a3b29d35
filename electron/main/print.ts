import fs from 'node:fs';
import { AppError } from '../core/kernel/errors';
import { withDocumentWindow } from './document-window';

/**
 * Prints a prepared HTML document (minutes, reports) with the system print dialog, from a
 * hidden window that runs no script: the same Chromium engine that made the preview.
 */
export async function printHtmlFile(htmlPath: string, tempDir: string): Promise<boolean> {
  // Loaded through the document window (its own session, a .html file of its own): the app's
  // session refuses file: URLs, and the prepared download has no extension to tell its type.
  const html = fs.readFileSync(htmlPath, 'utf8');
  return withDocumentWindow(
    html,
    tempDir,
    (window) =>
      new Promise<boolean>((resolve, reject) => {
        window.webContents.print({ silent: false, printBackground: true }, (success, failureReason) => {
          // Cancelling the print dialog is a choice, not an error; anything else is said plainly.
          if (success || failureReason === 'cancelled') resolve(success);
          else reject(new AppError('PRINT_FAILED', { params: { reason: failureReason } }));
        });
      }),
  );
}
