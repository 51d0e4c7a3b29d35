import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { SealedReader } from '../../files/sealed-reader';
import { SealedWriter } from '../../files/sealed-writer';
import type { PreparedKeys, SealedKeys } from '../../files/sealed-keys';
import { sealedError } from '../../files/sealed-format';
import { verifyFailed, writeNewFile } from '../../files/removable-write';
import { AppError } from '../../kernel/errors';
import { backupManifestSchema, type BackupManifest } from '../../../../shared/domain/backup';

/**
 * A backup file (.klkbak) is a sealed file (electron/core/files/SEALED-FILE.md) of kind
 * "klkchc.backup" whose payload is:
 *
 *   u32 (big-endian) length of the manifest | manifest (JSON, UTF-8) | the database (SQLite, not WAL)
 *
 * The manifest ends the first chunk, so a list of backups reads a few hundred bytes per file.
 * It holds the SHA-256 and size of the database that follows; a restore checks both after every
 * chunk has passed its own check, and only then parses the manifest and opens the database.
 */
export const BACKUP_KIND = 'klkchc.backup';
const MAX_MANIFEST = 64 * 1024;

export interface WriteBackupOptions {
  password: string | null;
  /** The password's keys, derived beside the snapshot (backup-service.ts). */
  prepared?: PreparedKeys | null;
  signal?: AbortSignal | undefined;
  onProgress?: (phase: 'write' | 'verify', done: number, total: number) => void;
}

/** The database's size and SHA-256, as the manifest states them. */
export interface ContentChecksum {
  bytes: number;
  sha256: string;
}

function manifestBytes(manifest: BackupManifest): Buffer {
  const json = Buffer.from(JSON.stringify(manifest), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length, 0);
  return Buffer.concat([length, json]);
}

/**
 * Writes a new backup file `target` from a database snapshot, durably (files/removable-write.ts),
 * then reads the whole file back and checks every chunk (and that the manifest is the one meant)
 * before answering. Returns the file's size.
 *
 * The manifest states the database's SHA-256, which `checksum` computes meanwhile (a worker, on
 * the other core): its chunk's place is kept first and filled in once the rest is written, so
 * the snapshot is hashed while it is sealed rather than before (the backup's slowest passes run
 * side by side).
 */
export async function writeBackupFile(
  target: string,
  snapshot: string,
  manifestFor: (database: ContentChecksum) => BackupManifest,
  checksum: Promise<ContentChecksum>,
  options: WriteBackupOptions,
): Promise<number> {
  let keys: SealedKeys | null = null;
  const total = fs.statSync(snapshot).size;
  // Its length, with a checksum of the same width: the place kept for it.
  const length = manifestBytes(manifestFor({ bytes: total, sha256: '0'.repeat(64) })).length;
  let head: Buffer | null = null;
  try {
    const { size } = await writeNewFile(
      target,
      async (output) => {
        const writer = await SealedWriter.start(
          { kind: BACKUP_KIND, password: options.password, prepared: options.prepared ?? null },
          (bytes) => output.write(bytes),
        );
        keys = writer.sealedKeys;
        const reserved = await writer.reserveChunk(length);
        const input = await fs.promises.open(snapshot, 'r');
        try {
          await writer.writeFileAndFinish(input, (done) => options.onProgress?.('write', done - length, total));
        } finally {
          await input.close();
        }
        const database = await checksum;
        if (database.bytes !== total) throw new Error('the snapshot changed while it was written');
        head = manifestBytes(manifestFor(database));
        await writer.fillReserved(reserved, head, (bytes, position) => output.writeAt(bytes, position));
      },
      {
        signal: options.signal,
        async verify(file) {
          const reader = await SealedReader.open(file, { keys });
          try {
            let first = true;
            let done = 0;
            for await (const chunk of reader.chunks({ reuse: true })) {
              if (options.signal?.aborted)
                throw new AppError('file.CANCELLED', { messageKey: 'files.errors.cancelled' });
              if (first && (head === null || !chunk.equals(head))) throw verifyFailed(file);
              first = false;
              done += chunk.length;
              options.onProgress?.('verify', Math.min(done, total), total);
            }
          } catch (error) {
            // Whatever the check found, the bytes on the medium are not the ones written.
            if (error instanceof AppError && error.code.startsWith('file.') && error.code !== 'file.CANCELLED') {
              throw verifyFailed(file);
            }
            throw error;
          } finally {
            await reader.close();
          }
        },
      },
    );
    return size;
  } finally {
    (keys as SealedKeys | null)?.wipe();
  }
}

/** A backup's manifest, parsed (a backup that is not a backup of ours is damaged). */
function parseManifest(bytes: Buffer, file: string): BackupManifest {
  try {
    const parsed = backupManifestSchema.safeParse(JSON.parse(bytes.toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON: damaged, below.
  }
  throw sealedError('damaged', file);
}

/** Opens a backup, checking its kind (a transfer package is not a backup). */
export async function openBackup(file: string, password: string | null, name = file): Promise<SealedReader> {
  const reader = await SealedReader.open(file, { password, name });
  if (reader.info.kind !== BACKUP_KIND) {
    await reader.close();
    throw new AppError('backup.OTHER_KIND', { messageKey: 'backup.errors.otherKind', params: { file: name } });
  }
  return reader;
}

/** The manifest of a plain backup, from its first chunk only (for lists). */
export async function readBackupManifest(file: string): Promise<BackupManifest> {
  const reader = await openBackup(file, null);
  try {
    const first = await reader.firstChunk();
    const length = first.length >= 4 ? first.readUInt32BE(0) : -1;
    if (length < 0 || length > MAX_MANIFEST || first.length !== 4 + length) throw sealedError('damaged', file);
    return parseManifest(first.subarray(4), file);
  } finally {
    await reader.close();
  }
}

/**
 * Writes the database a backup holds into `target` (a new file), checking every chunk as it
 * goes; then, only once the last chunk has passed, parses the manifest and compares the
 * database's size and SHA-256 with it. Answers the manifest.
 */
export async function unsealBackup(
  reader: SealedReader,
  target: string,
  name: string,
  options: { signal?: AbortSignal | undefined; onProgress?: (done: number, total: number) => void } = {},
): Promise<BackupManifest> {
  const output = await fs.promises.open(target, 'wx');
  const hash = createHash('sha256');
  let manifestLength = -1;
  let manifest = Buffer.alloc(0);
  let bytes = 0;
  try {
    // Each chunk is written (and the manifest's part copied) before the next is read.
    for await (let chunk of reader.chunks({ reuse: true })) {
      if (options.signal?.aborted) throw new AppError('file.CANCELLED', { messageKey: 'files.errors.cancelled' });
      if (manifestLength < 0) {
        if (chunk.length < 4) throw sealedError('damaged', name);
        manifestLength = chunk.readUInt32BE(0);
        if (manifestLength > MAX_MANIFEST) throw sealedError('damaged', name);
        chunk = chunk.subarray(4);
      }
      if (manifest.length < manifestLength) {
        const take = Math.min(manifestLength - manifest.length, chunk.length);
        manifest = Buffer.concat([manifest, chunk.subarray(0, take)]);
        chunk = chunk.subarray(take);
      }
      if (chunk.length === 0) continue;
      hash.update(chunk);
      for (let offset = 0; offset < chunk.length;) {
        offset += (await output.write(chunk, offset, chunk.length - offset)).bytesWritten;
      }
      bytes += chunk.length;
      options.onProgress?.(bytes, reader.info.size);
    }
    await output.sync();
  } finally {
    await output.close();
  }
  if (manifest.length !== manifestLength) throw sealedError('damaged', name);
  const parsed = parseManifest(manifest, name);
  if (parsed.database.bytes !== bytes || parsed.database.sha256 !== hash.digest('hex')) {
    throw sealedError('damaged', name);
  }
  return parsed;
}
