// The security settings of every window, kept free of runtime Electron imports so tests can
// check them in plain Node (Electron cannot run where we test). Electron's security checklist.
import type { WebPreferences } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'klkchc';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export function mainWindowPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    webviewTag: false,
    spellcheck: false,
    // Middle-click must not open links in new windows.
    disableBlinkFeatures: 'Auxclick',
    devTools,
  };
}

/** The hidden window that prints a document: no preload, no script at all. */
export function printWindowPreferences(): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    javascript: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    disableBlinkFeatures: 'Auxclick',
    devTools: false,
  };
}

/** Only the app's own pages may be shown; everything else (http, file, javascript:) is refused. */
export function isAllowedNavigation(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Requests the app may make: its own scheme, devtools, and blob/data URLs it created itself. */
export function isAllowedRequest(url: string): boolean {
  return isAllowedNavigation(url) || /^(devtools|blob|data):/.test(url);
}
