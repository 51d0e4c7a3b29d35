import type { ApiResult } from './envelope';
import type { ChosenFile, FileFilter, PendingDownload } from './files';
import type { ChooseFolderRequest } from './ipc';

/**
 * What the Electron preload exposes as `window.api` (checked there with `satisfies`). Browser
 * mode provides the same functions over HTTP, so the renderer never knows which shell it is in.
 */
export interface DesktopBridge {
  call(name: string, payload: unknown): Promise<ApiResult<unknown>>;
  /** Shows the system's open dialog; null when the user cancels. */
  openFile(filters: FileFilter[]): Promise<ApiResult<ChosenFile | null>>;
  /** Shows the system's save dialog and writes the prepared file there; false when cancelled. */
  saveDownload(download: PendingDownload): Promise<ApiResult<boolean>>;
  /** Prints the HTML document of a prepared download (minutes, reports) with the system dialog. */
  printDownload(download: PendingDownload): Promise<ApiResult<boolean>>;
  /**
   * Asks for a folder and writes the prepared files into it (a name already there gets " (2)"),
   * e.g. one minutes per inspection; null when the user cancels.
   */
  saveDownloadsToFolder(downloads: PendingDownload[]): Promise<ApiResult<{ saved: number } | null>>;
  /**
   * Asks for a folder the core will write to itself (a backup on a USB stick): the system's
   * folder dialog in Electron, the app's own chooser in browser mode (its server runs on this
   * PC and lists folders). The absolute path, or null when the user cancels.
   */
  chooseFolder(request: ChooseFolderRequest): Promise<ApiResult<string | null>>;
}
