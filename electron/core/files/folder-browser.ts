import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../kernel/errors';
import { compareVietnamese } from '../../../shared/text/collate';
import type { FolderListing } from '../../../shared/domain/folders';

/**
 * The app's own folder chooser for browser mode, whose server runs on the same PC: a page
 * cannot name a folder on the disk (a browser download folder cannot be flushed or read back),
 * so the server lists folders for the user to walk through. It answers folder names and paths,
 * and the names and sizes of files with the extensions asked for (a backup to restore): never a
 * file's content, never hidden or system folders.
 */

export const MAX_ENTRIES = 2000;
const SYSTEM_FOLDERS = new Set(['$recycle.bin', 'system volume information', 'lost+found', '$windows.~bt']);

function folderError(folder: string, denied: boolean, cause?: unknown): AppError {
  return new AppError('file.FOLDER_NOT_FOUND', {
    messageKey: denied ? 'files.errors.folderDenied' : 'files.errors.folderNotFound',
    params: { folder },
    ...(cause === undefined ? {} : { cause }),
  });
}

/** An absolute, normalised folder path from the page, or a refusal. */
export function checkedFolder(folder: string): string {
  if (!path.isAbsolute(folder) || folder.includes('\0')) throw folderError(folder, false);
  return path.resolve(folder);
}

export function listFolder(folder: string, extensions: readonly string[] = []): FolderListing {
  const dir = checkedFolder(folder);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw folderError(dir, code === 'EACCES' || code === 'EPERM', error);
  }
  const wanted = extensions.map((extension) => `.${extension.toLowerCase()}`);
  const folders: FolderListing['folders'] = [];
  const files: FolderListing['files'] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || SYSTEM_FOLDERS.has(entry.name.toLowerCase())) continue;
    const full = path.join(dir, entry.name);
    let isFolder = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const stat = fs.statSync(full);
        isFolder = stat.isDirectory();
        isFile = stat.isFile();
      } catch {
        continue;
      }
    }
    if (isFolder) folders.push({ name: entry.name, path: full });
    else if (isFile && wanted.some((extension) => entry.name.toLowerCase().endsWith(extension))) {
      try {
        files.push({ name: entry.name, path: full, size: fs.statSync(full).size });
      } catch {
        // Removed meanwhile.
      }
    }
  }
  folders.sort((a, b) => compareVietnamese(a.name, b.name));
  files.sort((a, b) => compareVietnamese(a.name, b.name));
  const parent = path.dirname(dir);
  return {
    path: dir,
    parent: parent === dir ? null : parent,
    folders: folders.slice(0, MAX_ENTRIES),
    files: files.slice(0, MAX_ENTRIES),
    truncated: folders.length > MAX_ENTRIES || files.length > MAX_ENTRIES,
  };
}

/** Where "any folder" starts: the home folder, and the drive letters (Windows) or / (elsewhere). */
export function folderRoots(platform: NodeJS.Platform = process.platform): { path: string; label: string }[] {
  const home = os.homedir();
  const roots = [{ path: home, label: home }];
  if (platform === 'win32') {
    // A: and B: are floppy letters: probing them can stall for seconds.
    for (const letter of 'CDEFGHIJKLMNOPQRSTUVWXYZ') {
      const root = `${letter}:\\`;
      if (fs.existsSync(root)) roots.push({ path: root, label: `${letter}:` });
    }
  } else {
    roots.push({ path: '/', label: '/' });
  }
  return roots;
}
