import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/core-harness';
import { readPayload, writePayload } from '../../../electron/core/features/transfer/package-io';
import {
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  type PackageHeader,
} from '../../../electron/core/features/transfer/transfer-format';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const office = { officeId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', name: 'Phòng GD&ĐT', parentBody: 'UBND' };

describe('package payload', () => {
  it('reads back every row whole, letters of two or three bytes across chunk edges included', async () => {
    const dir = tempDir('klkchc-payload-');
    dirs.push(dir);
    const file = path.join(dir, 'payload.gz');
    // Rows of Vietnamese text long enough to span many chunks of the gzip stream, at every offset.
    const rows = Array.from({ length: 3000 }, (_, index) => [
      index,
      `${'ạ'.repeat(index % 7)}Trường Tiểu học Hiệp Hạ — ${'Đ'.repeat(200 + (index % 13))}`,
    ]);
    const header: PackageHeader = {
      format: PACKAGE_FORMAT,
      formatVersion: PACKAGE_FORMAT_VERSION,
      packageId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c',
      createdAt: '2026-01-01T00:00:00.000Z',
      appVersion: 'test',
      schemaVersion: 1,
      sender: office,
      recipient: null,
      scope: { kind: 'all' },
      counts: { units: rows.length },
    };
    expect(await writePayload(file, header, [{ table: 'units', columns: ['n', 'name'], rows }])).toBe(rows.length);
    const read: unknown[][] = [];
    const { rows: count } = await readPayload(
      file,
      () => {},
      (entry) => {
        if (entry.kind === 'row') read.push(entry.values);
      },
    );
    expect(count).toBe(rows.length);
    expect(read).toEqual(rows);
  });
});
