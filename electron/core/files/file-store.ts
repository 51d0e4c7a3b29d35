import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../kernel/errors';
import { copyFileAtomic } from './atomic-write';

import type { ChosenFile, PendingDownload } from '../../../shared/api/files';

export type { ChosenFile, PendingDownload };

interface StoredFile {
  path: string;
  name: string;
  size: number;
  /** Uploaded copies are ours to delete; files chosen in a dialog belong to the user. */
  owned: boolean;
}

/** Prepared downloads kept at once: each preview or export makes one, a batch of a whole plan many. */
export const MAX_PENDING_DOWNLOADS = 1000;

export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/** "20,0 MB": a size the way a Vietnamese reader writes it, for messages about files. */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

function newId(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * Files crossing between the user's disk and the core, the same way in both shells: Electron
 * registers the path its dialog returned; browser mode uploads the bytes into the temp folder.
 * API calls then refer to files by id, never by a path the renderer made up.
 */
export class FileStore {
  private readonly chosen = new Map<string, StoredFile>();
  private readonly downloads = new Map<string, StoredFile>();

  constructor(private readonly tempDir: string) {}

  /** Electron: the main process passes the path from its open dialog. */
  registerPath(filePath: string): ChosenFile {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(filePath);
    } catch (error) {
      throw new AppError('FILE_NOT_FOUND', { cause: error });
    }
    if (!stat.isFile()) throw new AppError('FILE_NOT_FOUND');
    return this.remember({ path: filePath, name: path.basename(filePath), size: stat.size, owned: false });
  }

  /** Browser mode: the server streams an upload into a file of ours. */
  async receiveUpload(
    name: string,
    chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
    limit = MAX_UPLOAD_BYTES,
  ): Promise<ChosenFile> {
    fs.mkdirSync(this.tempDir, { recursive: true });
    const target = path.join(this.tempDir, `upload-${newId()}`);
    const handle = await fs.promises.open(target, 'wx');
    let size = 0;
    try {
      for await (const chunk of chunks) {
        size += chunk.byteLength;
        if (size > limit) {
          throw new AppError('FILE_TOO_LARGE', {
            params: { size: `> ${formatMegabytes(limit)}`, limit: formatMegabytes(limit) },
          });
        }
        // A write may take part of the chunk (a nearly full disk): the rest follows, or ENOSPC.
        for (let offset = 0; offset < chunk.byteLength;) {
          offset += (await handle.write(chunk, offset)).bytesWritten;
        }
      }
    } catch (error) {
      await handle.close();
      await fs.promises.rm(target, { force: true });
      throw error;
    }
    await handle.close();
    const safeName = path.basename(name.replace(/\\/g, '/')).normalize('NFC').slice(0, 255) || 'tep';
    return this.remember({ path: target, name: safeName, size, owned: true });
  }

  /** The chosen file's path and name, or a clear error if it has gone (USB pulled). */
  open(fileId: string): { path: string; name: string; size: number } {
    const file = this.chosen.get(fileId);
    if (!file || !fs.existsSync(file.path)) throw new AppError('FILE_NOT_FOUND');
    return { path: file.path, name: file.name, size: file.size };
  }

  /** Prepare a download: `write` fills the given temp path. */
  async createDownload(fileName: string, write: (tempPath: string) => void | Promise<void>): Promise<PendingDownload> {
    fs.mkdirSync(this.tempDir, { recursive: true });
    const target = path.join(this.tempDir, `download-${newId()}`);
    try {
      await write(target);
    } catch (error) {
      fs.rmSync(target, { force: true });
      throw error;
    }
    const size = fs.statSync(target).size;
    const downloadId = newId();
    this.downloads.set(downloadId, { path: target, name: fileName, size, owned: true });
    // A long session of exports and previews must not fill the disk: keep only the newest ones.
    while (this.downloads.size > MAX_PENDING_DOWNLOADS) {
      const [oldestId, oldest] = this.downloads.entries().next().value ?? [];
      if (oldestId === undefined || !oldest) break;
      this.downloads.delete(oldestId);
      fs.rmSync(oldest.path, { force: true });
    }
    return { downloadId, fileName, size };
  }

  download(downloadId: string): { path: string; name: string; size: number } {
    const file = this.downloads.get(downloadId);
    if (!file || !fs.existsSync(file.path)) throw new AppError('NOT_FOUND');
    return file;
  }

  /** Electron: copy a prepared download to where the user chose, durably. */
  saveDownloadTo(downloadId: string, targetPath: string): void {
    copyFileAtomic(this.download(downloadId).path, targetPath);
  }

  /** Forgets a chosen file once its bytes have been read; an uploaded copy is deleted. */
  release(fileId: string): void {
    const file = this.chosen.get(fileId);
    if (!file) return;
    this.chosen.delete(fileId);
    if (file.owned) fs.rmSync(file.path, { force: true });
  }

  dispose(): void {
    for (const file of [...this.chosen.values(), ...this.downloads.values()]) {
      if (file.owned) fs.rmSync(file.path, { force: true });
    }
    this.chosen.clear();
    this.downloads.clear();
  }

  private remember(file: StoredFile): ChosenFile {
    const fileId = newId();
    this.chosen.set(fileId, file);
    return { fileId, name: file.name, size: file.size };
  }
}
