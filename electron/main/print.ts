import { BrowserWindow } from 'electron';
import { pathToFileURL } from 'node:url';
import { printWindowPreferences } from './security-policy';

/**
 * Prints a prepared HTML document (minutes, reports) with the system print dialog, from a
 * hidden window that runs no script: the same Chromium engine that made the preview.
 */
export async function printHtmlFile(htmlPath: string): Promise<boolean> {
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      ...printWindowPreferences(),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  try {
    window.webContents.on('will-navigate', (event) => event.preventDefault());
    await window.loadURL(pathToFileURL(htmlPath).toString());
    return await new Promise<boolean>((resolve) => {
      window.webContents.print({ silent: false, printBackground: true }, (success) => resolve(success));
    });
  } finally {
    window.destroy();
  }
}
