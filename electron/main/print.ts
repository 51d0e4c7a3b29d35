import fs from 'node:fs';
import { withDocumentWindow } from './document-window';

/**
 * Prints a prepared HTML document (minutes, reports) with the system print dialog, from a
 * hidden window that runs no script: the same Chromium engine that made the preview.
 */
export async function printHtmlFile(htmlPath: string): Promise<boolean> {
  // Loaded through the document window (its own session, a .html file of its own): the app's
  // session refuses file: URLs, and the prepared download has no extension to tell its type.
  const html = fs.readFileSync(htmlPath, 'utf8');
  return withDocumentWindow(
    html,
    (window) =>
      new Promise<boolean>((resolve) => {
        window.webContents.print({ silent: false, printBackground: true }, (success) => resolve(success));
      }),
  );
}
