import { z } from 'zod';

/** Whether a folder is on this PC or elsewhere (a USB stick, a network share). */
export const FOLDER_KINDS = ['removable', 'network', 'local'] as const;
export type FolderKind = (typeof FOLDER_KINDS)[number];

export const driveSchema = z.object({
  path: z.string(),
  label: z.string(),
  kind: z.enum(['removable', 'network']),
  freeBytes: z.number().nullable(),
  totalBytes: z.number().nullable(),
});
export type DriveInfo = z.infer<typeof driveSchema>;

/** Where a folder chooser starts: drives off this PC first, then the last folder used, then any. */
export const folderPlacesSchema = z.object({
  drives: z.array(driveSchema),
  /** The last folder chosen for this purpose, if it still exists. */
  lastUsed: z.string().nullable(),
  /** The user's home folder and, on Windows, the drive letters: where "any folder" starts. */
  roots: z.array(z.object({ path: z.string(), label: z.string() })),
});
export type FolderPlaces = z.infer<typeof folderPlacesSchema>;

/** One folder's listing in the app's own chooser (browser mode): names and paths, never contents. */
export const folderListingSchema = z.object({
  path: z.string(),
  parent: z.string().nullable(),
  folders: z.array(z.object({ name: z.string(), path: z.string() })),
  /** Files with the extensions asked for (a backup to restore), by name and size only. */
  files: z.array(z.object({ name: z.string(), path: z.string(), size: z.number() })),
  /** More entries than are listed. */
  truncated: z.boolean(),
});
export type FolderListing = z.infer<typeof folderListingSchema>;

/** What a folder is chosen for: each purpose remembers its own last folder. */
export const FOLDER_PURPOSES = ['backup', 'restore', 'secondFolder', 'transfer'] as const;
export type FolderPurpose = (typeof FOLDER_PURPOSES)[number];
