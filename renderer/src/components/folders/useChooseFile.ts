import { useCallback } from 'react';
import type { FolderPurpose } from '../../../../shared/domain/folders';
import { useApi } from '../../api/ApiContext';
import { useFolderBrowser } from './FolderBrowserProvider';

/** A file to read: uploaded or picked by the system dialog (fileId), or walked to in the app's chooser (path). */
export type ChosenFileSource = { fileId: string } | { path: string };

export interface ChosenFileRequest {
  purpose: FolderPurpose;
  /** The chooser's title. */
  title: string;
  /** The file type's name in the system dialog. */
  filterName: string;
  extensions: string[];
}

/**
 * Asks for a file to read: the app's own chooser in browser mode (a path on this PC), else the
 * system dialog. Resolves null when the user cancelled; throws what the API answered.
 */
export function useChooseFile(): (
  request: ChosenFileRequest,
) => Promise<{ source: ChosenFileSource; fileName: string } | null> {
  const api = useApi();
  const folders = useFolderBrowser();
  return useCallback(
    async (request) => {
      if (folders.inApp) {
        const path = await folders.browse({
          pick: 'file',
          purpose: request.purpose,
          title: request.title,
          extensions: request.extensions,
        });
        return path ? { source: { path }, fileName: path.split(/[\\/]/).pop() ?? path } : null;
      }
      const file = await api.openFile([{ name: request.filterName, extensions: request.extensions }]);
      return file ? { source: { fileId: file.fileId }, fileName: file.name } : null;
    },
    [api, folders],
  );
}
