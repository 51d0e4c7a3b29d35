import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../core/app/create-core';
import type { PendingDownload } from '../../shared/api/files';

/**
 * Writes prepared downloads into a folder the user chose, each durably (temp file, fsync,
 * rename). A file already there is never overwritten: the new one gets " (2)", " (3)", …
 */
export function saveDownloadsInto(core: Core, downloads: PendingDownload[], folder: string): number {
  let saved = 0;
  for (const download of downloads) {
    // The name the core gave the file (not the page's copy), never allowed to leave the folder.
    const base = path.basename(core.files.download(download.downloadId).name.replace(/\\/g, '/'));
    const extension = path.extname(base);
    const stem = base.slice(0, base.length - extension.length);
    let target = path.join(folder, base);
    for (let copy = 2; fs.existsSync(target); copy += 1) target = path.join(folder, `${stem} (${copy})${extension}`);
    core.files.saveDownloadTo(download.downloadId, target);
    saved += 1;
  }
  return saved;
}
