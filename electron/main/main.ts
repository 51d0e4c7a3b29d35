// The Electron shell: one secure window, the menu, dialogs, printing and IPC wiring. All the
// work is done by the plain-Node core (electron/core), the same one browser mode serves.
import { app, BrowserWindow, dialog, session } from 'electron';
import path from 'node:path';
import { createCore, type Core } from '../core/app/create-core';
import { AppError } from '../core/kernel/errors';
import { dataPaths, defaultDataDir } from '../core/app/paths';
import { parseLaunchArgs } from '../core/cli/args';
import { translate, translateBoth } from '../../shared/i18n/translate';
import { registerIpc } from './ipc';
import { createElectronPdfRenderer } from './pdf';
import { buildMenu } from './menu';
import { handleAppScheme, registerAppScheme } from './protocol';
import { APP_ORIGIN, isAllowedNavigation, isAllowedRequest, mainWindowPreferences } from './security-policy';

const launch = parseLaunchArgs(process.argv.slice(1));
const dataDir = launch.dataDir ? path.resolve(launch.dataDir) : defaultDataDir();
// Electron keeps its own caches beside our data: the same per-user folder as browser mode.
app.setPath('userData', dataDir);
app.enableSandbox();
registerAppScheme();

let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;

// One process per data folder: the core's lock file (core/app/data-lock.ts) refuses a second
// process whatever it is; Electron's own lock (in userData, set above) only makes a second
// launch of the desktop app bring the first window forward instead of showing that refusal.
const primaryInstance = app.requestSingleInstanceLock();
if (!primaryInstance) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
}

// Electron checklist: no new windows, no navigation away, no webviews, anywhere.
app.on('web-contents-created', (_, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

function showAbout(language: 'vi' | 'en') {
  void dialog.showMessageBox({
    type: 'info',
    title: translate(language, 'shell.aboutTitle'),
    message: `${translate(language, 'common.appFullName')}\n${translate(language, 'shell.version')} ${app.getVersion()}`,
    detail: translate(language, 'shell.dataFile', { file: core?.paths.databaseFile ?? '' }),
  });
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1366,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: translate(core?.services.settings.language() ?? 'vi', 'common.appName'),
    backgroundColor: '#f4f6f9',
    // The checklist's key settings are repeated literally so static scanners (Electronegativity) see them.
    webPreferences: {
      ...mainWindowPreferences(path.join(__dirname, 'preload.cjs'), !app.isPackaged),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  // A crashed page is reopened with a word of explanation; drafts were saved as the clerk typed.
  window.webContents.on('render-process-gone', (_, details) => {
    if (details.reason === 'clean-exit' || window.isDestroyed()) return;
    const language = core?.services.settings.language() ?? 'vi';
    void dialog.showMessageBox(window, {
      type: 'warning',
      title: translate(language, 'common.appName'),
      message: translate(language, 'shell.rendererGone'),
    });
    window.reload();
  });
  window.on('closed', () => {
    mainWindow = null;
    // Hidden document windows (a batch of PDFs, a print job) count as windows too: without this
    // the process, its open database and its single-instance lock could outlive the app.
    app.quit();
  });
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

app
  .whenReady()
  .then(() => {
    // A second launch only brings the first window forward (above): it never opens the database.
    if (!primaryInstance) return;
    try {
      core = createCore({
        dataDir,
        mode: 'electron',
        appVersion: app.getVersion(),
        // Documents print with Electron's own engine; fonts are in resources/ (extraResources when packaged).
        pdfRenderer: createElectronPdfRenderer(dataPaths(dataDir).tempDir),
        resourcesDir: app.isPackaged ? process.resourcesPath : path.join(app.getAppPath(), 'resources'),
      });
    } catch (error) {
      // The interface language is kept in the database that could not be opened: say it in both.
      const message =
        error instanceof AppError
          ? translateBoth(error.messageKey, error.params, '\n\n')
          : `${translateBoth('shell.startUnexpected', {}, '\n\n')}\n\n${String(error)}`;
      if (!(error instanceof AppError)) console.error(error);
      dialog.showErrorBox(translateBoth('shell.startFailed'), message);
      app.exit(1);
      return;
    }
    const opened = core;
    const ses = session.defaultSession;
    // Deny every permission (camera, notifications, …) and every request that leaves the app.
    ses.setPermissionRequestHandler((_, __, callback) => callback(false));
    ses.setPermissionCheckHandler(() => false);
    ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
    handleAppScheme(path.join(__dirname, '..', 'renderer'));
    registerIpc(opened, () => mainWindow);
    const uiLanguage = opened.services.settings.language();
    buildMenu(uiLanguage, () => showAbout(uiLanguage));
    mainWindow = createWindow();
  })
  .catch((error: unknown) => {
    console.error(error);
    app.exit(1);
  });

app.on('window-all-closed', () => app.quit());
// Stop background batches before the windows close, so none opens a new print window meanwhile.
app.on('before-quit', () => core?.services.minutesBatches.cancelAll());
app.on('will-quit', () => {
  core?.close();
  core = null;
});
