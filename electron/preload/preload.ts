// The only bridge between the page and the main process: a few functions, no Node, no
// ipcRenderer handed to the page. Everything crossing is validated again in the main process.
import { contextBridge, ipcRenderer } from 'electron';
import type { DesktopBridge } from '../../shared/api/bridge';
import type { ApiResult } from '../../shared/api/envelope';
import type { ChosenFile } from '../../shared/api/files';
import { IPC } from '../../shared/api/ipc';

const api = {
  call: (name, payload) => ipcRenderer.invoke(IPC.call, name, payload) as Promise<ApiResult<unknown>>,
  openFile: (filters) => ipcRenderer.invoke(IPC.openFile, filters) as Promise<ApiResult<ChosenFile | null>>,
  saveDownload: (download) => ipcRenderer.invoke(IPC.saveDownload, download) as Promise<ApiResult<boolean>>,
  printDownload: (download) => ipcRenderer.invoke(IPC.printDownload, download) as Promise<ApiResult<boolean>>,
  saveDownloadsToFolder: (downloads) =>
    ipcRenderer.invoke(IPC.saveDownloadsToFolder, downloads) as Promise<ApiResult<{ saved: number } | null>>,
  chooseFolder: (request) => ipcRenderer.invoke(IPC.chooseFolder, request) as Promise<ApiResult<string | null>>,
} satisfies DesktopBridge;

contextBridge.exposeInMainWorld('api', api);
