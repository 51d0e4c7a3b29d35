import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ZipWriter } from '../../../electron/core/files/zip-writer';
import { tempDir } from '../../support/core-harness';
import { readZip } from '../../support/zip-reader';

/**
 * The streaming ZIP writer, read back by the tests' own reader (tests/support/zip-reader.ts,
 * written from the format's description), so a shared mistake in reading and writing cannot
 * hide. The workbook tests read the same archives with exceljs and LibreOffice.
 */

const dirs: string[] = [];
function scratch(): string {
  const dir = tempDir('klkchc-zip-');
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the ZIP writer', () => {
  it('writes whole and streamed entries, Vietnamese names in UTF-8, each with its CRC and sizes', async () => {
    const file = path.join(scratch(), 'goi.zip');
    const zip = new ZipWriter(file, new Date(2020, 7, 31, 14, 30, 10));
    await zip.add('mimetype.txt', 'Biên bản kiểm tra');
    // Several megabytes in pieces of mixed sizes: the deflater's buffer fills and drains.
    const pieces = Array.from({ length: 300 }, (_, index) =>
      Buffer.from(`<row r="${index}">${'Đạt;Chưa đạt;'.repeat(index * 17)}</row>`, 'utf8'),
    );
    const big = await zip.begin('xl/worksheets/Bảng 1.xml');
    for (const piece of pieces) await big.write(piece);
    await big.close();
    await zip.add('empty.bin', Buffer.alloc(0));
    await zip.finish();

    const entries = readZip(fs.readFileSync(file));
    expect(entries.map((entry) => entry.name)).toEqual(['mimetype.txt', 'xl/worksheets/Bảng 1.xml', 'empty.bin']);
    for (const entry of entries) expect(entry.flags & 0x0800).toBe(0x0800);
    expect(entries[0]!.content.toString('utf8')).toBe('Biên bản kiểm tra');
    expect(entries[1]!.content.equals(Buffer.concat(pieces))).toBe(true);
    expect(entries[2]!.content.length).toBe(0);
  });

  it('refuses a second entry while one is open, and finishing with one open', async () => {
    const zip = new ZipWriter(path.join(scratch(), 'mo.zip'), new Date());
    await zip.begin('a.xml');
    await expect(zip.begin('b.xml')).rejects.toThrow(/still open/);
    await expect(zip.finish()).rejects.toThrow(/still open/);
    await zip.abort();
  });

  it('answers a full disk with ENOSPC instead of waiting for a drain that never comes', async () => {
    if (!fs.existsSync('/dev/full')) return; // Linux only: every write to it fails as on a full disk.
    const zip = new ZipWriter('/dev/full', new Date());
    const run = async () => {
      const entry = await zip.begin('sheet.xml');
      for (let index = 0; index < 200; index += 1) await entry.write(Buffer.alloc(256 * 1024, 65 + (index % 26)));
      await entry.close();
      await zip.finish();
    };
    await expect(run()).rejects.toMatchObject({ code: 'ENOSPC' });
    await zip.abort();
  });

  it('answers a folder that is gone with ENOENT', async () => {
    const zip = new ZipWriter(path.join(scratch(), 'khong-co', 'goi.zip'), new Date());
    await expect(zip.add('a.txt', 'x').then(() => zip.finish())).rejects.toMatchObject({ code: 'ENOENT' });
    await zip.abort();
  });
});
