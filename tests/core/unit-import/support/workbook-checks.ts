import { expect } from 'vitest';
import { AppError } from '../../../../electron/core/kernel/errors';
import type { FileGrid } from '../../../../electron/core/features/unit-import/reading/grid';
import type { TestCore } from '../../../support/core-harness';
import { choose } from './files';
import { MESSY_EXPECTED } from './messy-workbook';

/** Every non-empty cell as "row,col: text {font}" (or its runs), to compare two readings. */
export function gridCells(grid: FileGrid): string[][] {
  return grid.sheets.map((sheet) =>
    sheet.rows.flatMap((row, r) =>
      row.flatMap((cell, c) => {
        if (!cell) return [];
        const runs = cell.runs?.map((run) => `${run.text}{${run.font ?? ''}}`).join('');
        return [`${r},${c}: ${runs ?? `${cell.text}{${cell.font ?? ''}}`}`];
      }),
    ),
  );
}

/** What a reader may throw on a damaged file: one of its own messages, never anything else. */
export function expectImportRefusal(error: unknown): void {
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toMatch(/^unitImport\./);
}

/**
 * The messy list (support/messy-workbook.ts) as another program saved it, through the wizard:
 * its sheets, the two-line header under the title, TCVN3/VNI converted, the six units
 * previewed and written, and a second import that changes nothing.
 */
export async function importMessyList(
  harness: TestCore,
  fileName: string,
  bytes: Buffer,
  format: 'xls' | 'ods',
): Promise<void> {
  const inspected = await harness.call('unitImport.inspect', { fileId: choose(harness, fileName, bytes) });
  expect(inspected.format).toBe(format);
  expect(inspected.sheets.map((sheet) => [sheet.name, sheet.hidden, sheet.hasHeader])).toEqual([
    ['Hướng dẫn', false, false],
    ['Danh sách', false, true],
    ['Ẩn', true, true],
  ]);
  expect(inspected.suggestedSheet).toBe(1);
  const analyzed = await harness.call('unitImport.analyze', { sessionId: inspected.sessionId, sheet: 1 });
  expect(analyzed.detectedHeader).toEqual({ row: 6, lines: 2 });
  expect(analyzed.legacy).toBe('tcvn3');
  const request = {
    sessionId: inspected.sessionId,
    sheet: 1,
    header: analyzed.header,
    mapping: analyzed.columns.map((column) => column.field),
  };
  const preview = await harness.call('unitImport.preview', request);
  const units = preview.rows.filter((row) => row.status === 'new');
  for (const expected of MESSY_EXPECTED) {
    expect(units.find((row) => row.row === expected.row)).toMatchObject({ ...expected });
  }
  expect(preview.counts).toMatchObject({ new: 6, error: 0 });

  expect(await harness.call('unitImport.apply', request)).toMatchObject({ created: 6, errors: 0 });
  const found = await harness.call('registry.list', { query: 'mam non hoa mai' });
  expect(found.rows.map((unit) => [unit.name, unit.code, unit.headName])).toContainEqual([
    'Trường Mầm non Hoa Mai',
    '003',
    'Lương Thị Hoa',
  ]);
  expect(await harness.call('unitImport.apply', request)).toMatchObject({ created: 0, updated: 0, unchanged: 6 });
}
