import type { folderEndpoints } from '../../../../shared/api/folders';
import type { HandlerMap } from '../../api/handler-map';
import type { FolderMemory } from '../../files/folder-memory';
import { folderRoots, listFolder } from '../../files/folder-browser';
import { listDrives } from '../../files/drives';
import { AppError } from '../../kernel/errors';
import type { Settings } from '../../../../shared/domain/settings';

/**
 * The folder chooser's calls. Listing folders is for browser mode's own chooser only: the
 * Electron shell shows the system dialog, so its page has no use for it and is refused it.
 */
export function folderHandlers(memory: FolderMemory, mode: Settings['mode']): HandlerMap<typeof folderEndpoints> {
  return {
    'folders.places': async ({ purpose }) => ({
      drives: await listDrives(),
      lastUsed: memory.lastUsed(purpose),
      roots: folderRoots(),
    }),
    'folders.list': ({ path, extensions }) => {
      if (mode === 'electron') throw new AppError('UNAUTHORIZED');
      return listFolder(path, extensions);
    },
  };
}
