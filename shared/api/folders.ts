import { z } from 'zod';
import { defineEndpoints } from './define';
import { FOLDER_PURPOSES, folderListingSchema, folderPlacesSchema } from '../domain/folders';

export const folderEndpoints = defineEndpoints({
  /** Where a folder chooser starts: drives off this PC, the last folder used for this purpose, the roots. */
  'folders.places': { input: z.object({ purpose: z.enum(FOLDER_PURPOSES) }), output: folderPlacesSchema },
  /**
   * One folder's subfolders (and files with these extensions), for the app's own chooser in
   * browser mode; the Electron shell uses the system dialog instead and this call is refused there.
   */
  'folders.list': {
    input: z.object({
      path: z.string().min(1).max(1000),
      extensions: z
        .array(z.string().regex(/^[A-Za-z0-9]{1,10}$/))
        .max(10)
        .default([]),
    }),
    output: folderListingSchema,
  },
});
