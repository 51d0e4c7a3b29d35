import type { ApiResult } from '../../../shared/api/envelope';
import type { ChosenFile, FileFilter, PendingDownload } from '../../../shared/api/files';
import type { DesktopBridge } from '../../../shared/api/bridge';
import { CommonError } from '../../../shared/api/errors';
import type { ChooseFolderRequest } from '../../../shared/api/ipc';

const TOKEN_KEY = 'klkchc.token';
const TOKEN_HEADER = 'x-klkchc-token';

/** Takes the per-launch token from the address the server printed, then hides it from the URL bar. */
export function takeToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function transportError(message: string): ApiResult<never> {
  return { ok: false, error: { code: CommonError.transport, message } };
}

async function readEnvelope<T>(response: Response, offlineMessage: string): Promise<ApiResult<T>> {
  try {
    return (await response.json()) as ApiResult<T>;
  } catch {
    return transportError(offlineMessage);
  }
}

function pickFile(filters: FileFilter[]): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = filters.flatMap((filter) => filter.extensions.map((ext) => `.${ext}`)).join(',');
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve(null);
      input.remove();
    });
    document.body.appendChild(input);
    input.click();
  });
}

/** Chromium's folder picker (File System Access API), not yet in TypeScript's DOM types. */
type FolderPicker = (options: { mode: 'readwrite'; id?: string }) => Promise<FileSystemDirectoryHandle>;

/** "Biên bản.pdf", or "Biên bản (2).pdf" … when the folder already has that name. */
async function freeName(folder: FileSystemDirectoryHandle, fileName: string): Promise<string> {
  const dot = fileName.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot)] : [fileName, ''];
  for (let copy = 1; ; copy += 1) {
    const candidate = copy === 1 ? fileName : `${stem} (${copy})${extension}`;
    try {
      await folder.getFileHandle(candidate);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'NotFoundError') return candidate;
      throw error;
    }
  }
}

/** The app's own folder chooser (a React dialog over the server's folder listing). */
export type InAppFolderChooser = (request: ChooseFolderRequest) => Promise<string | null>;
let inAppFolderChooser: InAppFolderChooser | null = null;

/**
 * Browser mode has no system folder dialog that gives a path (a page never learns where a
 * folder is), and a browser download cannot be flushed or read back: the server, on this PC,
 * writes the file itself into a folder the user walks to in the app's own chooser, which the
 * interface registers here once it is on screen.
 */
export function setInAppFolderChooser(chooser: InAppFolderChooser | null): void {
  inAppFolderChooser = chooser;
}

/** Browser mode: the same bridge as Electron's preload, over HTTP to the loopback server. */
export function createBrowserBridge(token: string, offlineMessage: string): DesktopBridge {
  const headers = { [TOKEN_HEADER]: token };
  const fetchDownload = (download: PendingDownload) =>
    fetch(`./files/download/${encodeURIComponent(download.downloadId)}`, { headers });
  return {
    async call(name, payload) {
      try {
        const response = await fetch(`./api/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/json' },
          body: JSON.stringify(payload ?? {}),
        });
        return await readEnvelope(response, offlineMessage);
      } catch {
        return transportError(offlineMessage);
      }
    },
    async openFile(filters) {
      const file = await pickFile(filters);
      if (!file) return { ok: true, value: null };
      try {
        const response = await fetch('./files/upload', {
          method: 'POST',
          headers: {
            ...headers,
            'Content-Type': 'application/octet-stream',
            'x-file-name': encodeURIComponent(file.name),
          },
          body: file,
        });
        return await readEnvelope<ChosenFile>(response, offlineMessage);
      } catch {
        return transportError(offlineMessage);
      }
    },
    async saveDownload(download: PendingDownload) {
      try {
        const response = await fetchDownload(download);
        if (!response.ok) return transportError(offlineMessage);
        const url = URL.createObjectURL(await response.blob());
        const link = document.createElement('a');
        link.href = url;
        link.download = download.fileName;
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
        return { ok: true, value: true };
      } catch {
        return transportError(offlineMessage);
      }
    },
    async saveDownloadsToFolder(downloads: PendingDownload[]) {
      const picker = (window as unknown as { showDirectoryPicker?: FolderPicker }).showDirectoryPicker;
      if (!picker) {
        // No folder picker in this browser: each file goes to its download folder.
        for (const download of downloads) {
          const result = await this.saveDownload(download);
          if (!result.ok) return result;
        }
        return { ok: true, value: { saved: downloads.length } };
      }
      let folder: FileSystemDirectoryHandle;
      try {
        folder = await picker.call(window, { mode: 'readwrite', id: 'klkchc-documents' });
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') return { ok: true, value: null };
        return transportError(offlineMessage);
      }
      try {
        let saved = 0;
        for (const download of downloads) {
          const response = await fetchDownload(download);
          if (!response.ok) return transportError(offlineMessage);
          const data = await response.blob();
          const file = await folder.getFileHandle(await freeName(folder, download.fileName), { create: true });
          // The browser writes beside the file and swaps it in on close: no half-written file.
          const writable = await file.createWritable();
          await writable.write(data);
          await writable.close();
          saved += 1;
        }
        return { ok: true, value: { saved } };
      } catch {
        return transportError(offlineMessage);
      }
    },
    async chooseFolder(request: ChooseFolderRequest) {
      if (!inAppFolderChooser) return { ok: true, value: null };
      return { ok: true, value: await inAppFolderChooser(request) };
    },
    async printDownload(download: PendingDownload) {
      try {
        const response = await fetchDownload(download);
        if (!response.ok) return transportError(offlineMessage);
        const html = await response.text();
        // Print from a hidden frame: the browser's own print dialog, exactly the page shown.
        const frame = document.createElement('iframe');
        frame.style.position = 'fixed';
        frame.style.width = '0';
        frame.style.height = '0';
        frame.style.border = '0';
        frame.setAttribute('aria-hidden', 'true');
        document.body.appendChild(frame);
        const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
        await new Promise<void>((resolve) => {
          frame.addEventListener('load', () => resolve(), { once: true });
          frame.src = url;
        });
        frame.contentWindow?.focus();
        frame.contentWindow?.print();
        setTimeout(() => {
          frame.remove();
          URL.revokeObjectURL(url);
        }, 60_000);
        return { ok: true, value: true };
      } catch {
        return transportError(offlineMessage);
      }
    },
  };
}
