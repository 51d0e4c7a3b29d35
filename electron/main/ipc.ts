import { dialog, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { Core } from '../core/app/create-core';
import type { ApiResult } from '../../shared/api/envelope';
import type { ApiErrorCode } from '../../shared/api/error-codes';
import {
  IPC,
  apiCallNameSchema,
  chooseFolderSchema,
  fileFiltersSchema,
  pendingDownloadSchema,
  pendingDownloadsSchema,
} from '../../shared/api/ipc';
import { translate } from '../../shared/i18n/translate';
import { AppError } from '../core/kernel/errors';
import { isAllowedNavigation } from './security-policy';
import { printHtmlFile } from './print';
import { saveDownloadsInto } from './save-folder';

function fail(core: Core, code: ApiErrorCode, key = `errors.${code}`, params = {}): ApiResult<never> {
  return { ok: false, error: { code, message: translate(core.services.settings.language(), key, params) } };
}

/** Only our own page in our own window may call the back end (Electron checklist: validate the sender). */
function trusted(event: IpcMainInvokeEvent, window: () => BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  return event.sender === window()?.webContents && frame !== null && isAllowedNavigation(frame.url);
}

async function guard<T>(core: Core, work: () => Promise<ApiResult<T>>): Promise<ApiResult<T>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) return fail(core, error.code, error.messageKey, error.params);
    console.error('[klkchc] file operation failed', error);
    return fail(core, 'INTERNAL');
  }
}

export function registerIpc(core: Core, window: () => BrowserWindow | null): void {
  ipcMain.handle(IPC.call, async (event, name: unknown, payload: unknown) => {
    if (!trusted(event, window)) return fail(core, 'UNAUTHORIZED');
    const parsedName = apiCallNameSchema.safeParse(name);
    if (!parsedName.success) return fail(core, 'VALIDATION', 'errors.VALIDATION_generic');
    return core.router.call(parsedName.data, payload);
  });

  ipcMain.handle(IPC.openFile, async (event, filters: unknown) => {
    if (!trusted(event, window)) return fail(core, 'UNAUTHORIZED');
    const parsed = fileFiltersSchema.safeParse(filters);
    if (!parsed.success) return fail(core, 'VALIDATION', 'errors.VALIDATION_generic');
    return guard(core, async () => {
      const owner = window();
      const options = { properties: ['openFile' as const], filters: parsed.data };
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      const chosen = result.filePaths[0];
      if (result.canceled || !chosen) return { ok: true, value: null };
      return { ok: true, value: core.files.registerPath(chosen) };
    });
  });

  ipcMain.handle(IPC.saveDownload, async (event, download: unknown) => {
    if (!trusted(event, window)) return fail(core, 'UNAUTHORIZED');
    const parsed = pendingDownloadSchema.safeParse(download);
    if (!parsed.success) return fail(core, 'VALIDATION', 'errors.VALIDATION_generic');
    return guard(core, async () => {
      // The name the core gave the file, not the one the page sent along with its id.
      const options = { defaultPath: core.files.download(parsed.data.downloadId).name };
      const owner = window();
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return { ok: true, value: false };
      core.files.saveDownloadTo(parsed.data.downloadId, result.filePath);
      return { ok: true, value: true };
    });
  });

  ipcMain.handle(IPC.saveDownloadsToFolder, async (event, downloads: unknown) => {
    if (!trusted(event, window)) return fail(core, 'UNAUTHORIZED');
    const parsed = pendingDownloadsSchema.safeParse(downloads);
    if (!parsed.success) return fail(core, 'VALIDATION', 'errors.VALIDATION_generic');
    return guard(core, async () => {
      const owner = window();
      const options = { properties: ['openDirectory' as const, 'createDirectory' as const] };
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      const folder = result.filePaths[0];
      if (result.canceled || !folder) return { ok: true, value: null };
      return { ok: true, value: { saved: saveDownloadsInto(core, parsed.data, folder) } };
    });
  });

  ipcMain.handle(IPC.chooseFolder, async (event, request: unknown) => {
    if (!trusted(event, window)) return fail(core, 'UNAUTHORIZED');
    const parsed = chooseFolderSchema.safeParse(request);
    if (!parsed.success) return fail(core, 'VALIDATION', 'errors.VALIDATION_generic');
    return guard(core, async () => {
      const owner = window();
      // Starts in the last folder used for this purpose (a stick gets the same letter most times).
      const options = {
        title: parsed.data.title,
        defaultPath: core.services.folders.lastUsed(parsed.data.purpose) ?? undefined,
        properties: ['openDirectory' as const, 'createDirectory' as const],
      };
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      const folder = result.filePaths[0];
      return { ok: true, value: result.canceled || !folder ? null : folder };
    });
  });

  ipcMain.handle(IPC.printDownload, async (event, download: unknown) => {
    if (!trusted(event, window)) return fail(core, 'UNAUTHORIZED');
    const parsed = pendingDownloadSchema.safeParse(download);
    if (!parsed.success) return fail(core, 'VALIDATION', 'errors.VALIDATION_generic');
    return guard(core, async () => {
      const file = core.files.download(parsed.data.downloadId);
      // Only the prepared HTML documents print this way (a PDF or .docx would print as text).
      if (!file.name.toLowerCase().endsWith('.html')) return fail(core, 'VALIDATION', 'errors.VALIDATION_generic');
      return { ok: true, value: await printHtmlFile(file.path, core.paths.tempDir) };
    });
  });
}
