import type { ApiInput, ApiName, ApiOutput } from '../../../shared/api/contract';
import type { DesktopBridge } from '../../../shared/api/bridge';
import type { ChosenFile, FileFilter, PendingDownload } from '../../../shared/api/files';
import type { ChooseFolderRequest } from '../../../shared/api/ipc';
import { ApiCallError } from './errors';

/**
 * The renderer's only way to the back end, typed from the shared contract. Answers with
 * ok: false become ApiCallError with the core's message (already in the user's language).
 */
export interface ApiClient {
  call<K extends ApiName>(name: K, input: ApiInput<K>): Promise<ApiOutput<K>>;
  openFile(filters: FileFilter[]): Promise<ChosenFile | null>;
  saveDownload(download: PendingDownload): Promise<boolean>;
  printDownload(download: PendingDownload): Promise<boolean>;
  /** null when the user cancelled the folder dialog. */
  saveDownloadsToFolder(downloads: PendingDownload[]): Promise<{ saved: number } | null>;
  /** A folder the core will write to itself: its absolute path, or null when cancelled. */
  chooseFolder(request: ChooseFolderRequest): Promise<string | null>;
}

export function createApiClient(bridge: DesktopBridge): ApiClient {
  return {
    async call(name, input) {
      const result = await bridge.call(name, input);
      if (!result.ok) throw new ApiCallError(result.error);
      return result.value as ApiOutput<typeof name>;
    },
    async openFile(filters) {
      const result = await bridge.openFile(filters);
      if (!result.ok) throw new ApiCallError(result.error);
      return result.value;
    },
    async saveDownload(download) {
      const result = await bridge.saveDownload(download);
      if (!result.ok) throw new ApiCallError(result.error);
      return result.value;
    },
    async printDownload(download) {
      const result = await bridge.printDownload(download);
      if (!result.ok) throw new ApiCallError(result.error);
      return result.value;
    },
    async saveDownloadsToFolder(downloads) {
      const result = await bridge.saveDownloadsToFolder(downloads);
      if (!result.ok) throw new ApiCallError(result.error);
      return result.value;
    },
    async chooseFolder(request) {
      const result = await bridge.chooseFolder(request);
      if (!result.ok) throw new ApiCallError(result.error);
      return result.value;
    },
  };
}
