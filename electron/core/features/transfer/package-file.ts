import fs from 'node:fs';
import { SealedReader, readSealedInfo } from '../../files/sealed-reader';
import { SealedWriter } from '../../files/sealed-writer';
import type { SealedKeys } from '../../files/sealed-keys';
import { sealedError } from '../../files/sealed-format';
import { verifyFailed, writeNewFile } from '../../files/removable-write';
import { AppError } from '../../kernel/errors';
import { foldVietnamese } from '../../../../shared/text/fold';
import { twoDigits } from '../../../../shared/format/date';
import { sniffFile, type FileKind } from '../backup/file-kind';
import { BACKUP_KIND } from '../backup/backup-file';

/**
 * A transfer package on a stick is a sealed file (electron/core/files/SEALED-FILE.md) of kind
 * "klkchc.transfer" whose payload is the gzip of the package's lines (package-io.ts). The
 * container checks every chunk (and, with a password, encrypts it), so a package cut short by a
 * pulled stick, or changed on the way, is refused before a line of it is read.
 *
 * `.klkgoi` ("gói"): an extension no other program claims, apart from backups' `.klkbak`, so a
 * clerk never restores a package or merges a backup by mistake.
 */
export const PACKAGE_KIND = 'klkchc.transfer';
export const PACKAGE_EXTENSION = '.klkgoi';
const PIECE = 1 << 20;

function slug(name: string): string {
  const folded = foldVietnamese(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  return folded || 'chua-dat-ten';
}

/** KLKCHC_goi_<from>_den_<to>_<yyyy-mm-dd>_<hhmm>: who sent it to whom, and when, at a glance. */
export function packageStem(from: string, to: string | null, at: Date): string {
  const date = `${at.getFullYear()}-${twoDigits(at.getMonth() + 1)}-${twoDigits(at.getDate())}`;
  const time = `${twoDigits(at.getHours())}${twoDigits(at.getMinutes())}`;
  return `KLKCHC_goi_${slug(from)}${to ? `_den_${slug(to)}` : ''}_${date}_${time}`;
}

/**
 * Seals `payload` into a new file `target` (durably: temporary, fsync, rename, read back whole)
 * and returns its size. A failed write leaves no file named `target`.
 */
export async function writePackageFile(
  target: string,
  payload: string,
  password: string | null,
  signal?: AbortSignal,
): Promise<number> {
  let keys: SealedKeys | null = null;
  try {
    const { size } = await writeNewFile(
      target,
      async (output) => {
        const writer = await SealedWriter.start({ kind: PACKAGE_KIND, password }, (bytes) => output.write(bytes));
        keys = writer.sealedKeys;
        const input = await fs.promises.open(payload, 'r');
        try {
          for (;;) {
            const buffer = Buffer.allocUnsafe(PIECE);
            const { bytesRead } = await input.read(buffer, 0, PIECE, null);
            if (bytesRead === 0) break;
            await writer.write(buffer.subarray(0, bytesRead));
          }
        } finally {
          await input.close();
        }
        await writer.finish();
      },
      {
        signal,
        async verify(file) {
          const reader = await SealedReader.open(file, { keys });
          let bytes = 0;
          try {
            for await (const chunk of reader.chunks()) bytes += chunk.length;
          } catch (error) {
            if (error instanceof AppError && error.code.startsWith('file.')) throw verifyFailed(file);
            throw error;
          } finally {
            await reader.close();
          }
          if (bytes !== fs.statSync(payload).size) throw verifyFailed(file);
        },
      },
    );
    return size;
  } finally {
    (keys as SealedKeys | null)?.wipe();
  }
}

/** A chosen file that is not a package, named for what it is (people pick the wrong file). */
function notPackage(name: string, kind: FileKind | 'backup'): AppError {
  // The message names what the file looks like: a backup, a Word or Excel file, a database.
  const what = kind === 'sealed' ? 'unknown' : kind;
  return new AppError('transfer.broken', {
    messageKey: `transfer.errors.notPackageFile.${what}`,
    params: { file: name },
  });
}

export type UnsealOutcome = { state: 'needsPassword'; fileName: string } | { state: 'ready'; encrypted: boolean };

/**
 * Checks that `source` is a package and writes its payload into `target` (a new file), every
 * chunk checked as it goes; with no password given for an encrypted package, answers that one
 * is needed and writes nothing.
 */
export async function unsealPackageFile(
  source: string,
  name: string,
  password: string | null,
  target: string,
): Promise<UnsealOutcome> {
  let kind: FileKind;
  try {
    kind = sniffFile(source);
  } catch (error) {
    throw new AppError('FILE_NOT_FOUND', { cause: error });
  }
  if (kind !== 'sealed') throw notPackage(name, kind);
  const info = await readSealedInfo(source, name);
  if (info.kind !== PACKAGE_KIND) throw notPackage(name, info.kind === BACKUP_KIND ? 'backup' : 'unknown');
  if (info.encrypted && !password) return { state: 'needsPassword', fileName: name };
  const sealed = await SealedReader.open(source, { password, name });
  let written = false;
  try {
    const output = await fs.promises.open(target, 'wx');
    try {
      for await (const chunk of sealed.chunks()) {
        for (let offset = 0; offset < chunk.length;) {
          offset += (await output.write(chunk, offset, chunk.length - offset)).bytesWritten;
        }
      }
      written = true;
    } finally {
      await output.close();
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw sealedError('damaged', name, error);
  } finally {
    await sealed.close();
    if (!written) fs.rmSync(target, { force: true });
  }
  return { state: 'ready', encrypted: sealed.info.encrypted };
}
