import { z } from 'zod';
import { FOLDER_PURPOSES } from '../domain/folders';

/** IPC channel names between the preload and the Electron main process. */
export const IPC = {
  call: 'klkchc:api-call',
  openFile: 'klkchc:open-file',
  saveDownload: 'klkchc:save-download',
  printDownload: 'klkchc:print-download',
  saveDownloadsToFolder: 'klkchc:save-downloads-to-folder',
  chooseFolder: 'klkchc:choose-folder',
} as const;

/** Payloads of the file channels, validated in the main process like every API payload. */
export const fileFiltersSchema = z
  .array(
    z.object({
      name: z.string().max(100),
      extensions: z.array(z.string().regex(/^[A-Za-z0-9]{1,10}$/)).max(10),
    }),
  )
  .max(10);

export const pendingDownloadSchema = z.object({
  downloadId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  fileName: z.string().min(1).max(255),
  size: z.number().int().min(0),
});

export const pendingDownloadsSchema = z.array(pendingDownloadSchema).min(1).max(5000);

/** Asks for a folder (a backup's destination, the second folder): what for, and the dialog's title. */
export const chooseFolderSchema = z.object({ purpose: z.enum(FOLDER_PURPOSES), title: z.string().max(200) });
export type ChooseFolderRequest = z.infer<typeof chooseFolderSchema>;

export const apiCallNameSchema = z.string().min(1).max(100);
