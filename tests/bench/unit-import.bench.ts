import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createCore, type Core } from '../../electron/core/app/create-core';
import { newRowMeta } from '../../electron/core/db/row-meta';
import type { ImportField } from '../../shared/domain/unit-import';
import type { UnitInput } from '../../shared/domain/unit';
import type { BenchModule } from './bench-module';
import { xlsBytes, type XlsCell } from '../core/unit-import/support/xls-writer';
import { zipOf } from '../core/unit-import/support/files';
import { measure, ratio, seededRandom } from './measure';
import {
  COMMUNES as PLACES,
  FAMILY_NAMES as FAMILY,
  GIVEN_NAMES as GIVEN,
} from '../../electron/core/features/registry/sample-data';

const LEVELS = ['Mầm non', 'Tiểu học', 'THCS', 'TH và THCS', 'PTDTBT Tiểu học'];

interface Row {
  code: string;
  name: string;
  head: string;
  title: string;
  phone: string;
  address: string;
}

function rows(count: number, seed: number): Row[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  return Array.from({ length: count }, (_, index) => {
    const place = `${pick(PLACES)} ${Math.floor(index / 50) + 1}`;
    const school = index % 10 < 8;
    return {
      code: `DV${String(index + 1).padStart(5, '0')}`,
      name: school ? `Trường ${pick(LEVELS)} ${place}` : `UBND xã ${place}`,
      head: `${pick(FAMILY)} Văn ${pick(GIVEN)}`,
      title: school ? 'Hiệu trưởng' : 'Chủ tịch UBND xã',
      phone: `0205 38${String(index % 100).padStart(2, '0')} ${String(index % 1000).padStart(3, '0')}`,
      address: `Xã ${place}, huyện Lộc Bình`,
    };
  });
}

/** A province-sized list as offices keep it: a title and a date above the header, STT, a total below. */
async function writeWorkbook(file: string, data: Row[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.getCell('A1').value = 'DANH SÁCH CÁC ĐƠN VỊ';
  sheet.mergeCells('A1:G1');
  sheet.getCell('A2').value = 'Ngày 05/9/2019';
  sheet.addRow([]);
  sheet.getRow(4).values = ['STT', 'Mã đơn vị', 'Tên đơn vị', 'Hiệu trưởng', 'Chức vụ', 'Điện thoại', 'Địa chỉ'];
  data.forEach((row, index) => {
    sheet.getRow(5 + index).values = [index + 1, row.code, row.name, row.head, row.title, row.phone, row.address];
  });
  sheet.getRow(5 + data.length).values = ['', '', 'Tổng cộng'];
  await workbook.xlsx.writeFile(file);
}

/** The same list as an Excel 97–2003 workbook, written record by record. */
function writeXls(file: string, data: Row[]): void {
  const header = ['STT', 'Mã đơn vị', 'Tên đơn vị', 'Hiệu trưởng', 'Chức vụ', 'Điện thoại', 'Địa chỉ'];
  const cells: XlsCell[] = [
    { row: 0, col: 0, value: 'DANH SÁCH CÁC ĐƠN VỊ' },
    { row: 1, col: 0, value: 'Ngày 05/9/2019' },
    ...header.map((value, col) => ({ row: 3, col, value })),
  ];
  data.forEach((row, index) => {
    const values = [row.code, row.name, row.head, row.title, row.phone, row.address];
    cells.push({ row: 4 + index, col: 0, value: index + 1, asRk: true });
    values.forEach((value, col) => cells.push({ row: 4 + index, col: col + 1, value }));
  });
  cells.push({ row: 4 + data.length, col: 2, value: 'Tổng cộng' });
  fs.writeFileSync(file, xlsBytes([{ name: 'Danh sách', cells, merges: [{ r1: 0, c1: 0, r2: 0, c2: 6 }] }]));
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The same list as an OpenDocument spreadsheet, with the empty tail LibreOffice writes. */
function writeOds(file: string, data: Row[]): void {
  const text = (value: string) =>
    `<table:table-cell office:value-type="string"><text:p>${escapeXml(value)}</text:p></table:table-cell>`;
  const header = ['STT', 'Mã đơn vị', 'Tên đơn vị', 'Hiệu trưởng', 'Chức vụ', 'Điện thoại', 'Địa chỉ'];
  const rows = [
    `<table:table-row>${text('DANH SÁCH CÁC ĐƠN VỊ')}</table:table-row>`,
    `<table:table-row>${text('Ngày 05/9/2019')}</table:table-row>`,
    '<table:table-row><table:table-cell/></table:table-row>',
    `<table:table-row>${header.map(text).join('')}</table:table-row>`,
    ...data.map(
      (row, index) =>
        `<table:table-row><table:table-cell office:value-type="float" office:value="${index + 1}"><text:p>${index + 1}</text:p></table:table-cell>` +
        [row.code, row.name, row.head, row.title, row.phone, row.address].map(text).join('') +
        '<table:table-cell table:number-columns-repeated="16377"/></table:table-row>',
    ),
    '<table:table-row table:number-rows-repeated="1038570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>',
  ];
  const ns = [
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  ].join(' ');
  const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ns} office:version="1.3"><office:body><office:spreadsheet><table:table table:name="Danh sách">${rows.join('')}</table:table></office:spreadsheet></office:body></office:document-content>`;
  const manifest = `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`;
  fs.writeFileSync(
    file,
    zipOf([
      { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet'), method: 0 },
      { name: 'content.xml', data: Buffer.from(content) },
      { name: 'META-INF/manifest.xml', data: Buffer.from(manifest) },
    ]),
  );
}

function writeCsv(file: string, data: Row[]): void {
  const lines = ['STT;Mã đơn vị;Tên đơn vị;Hiệu trưởng;Chức vụ;Điện thoại;Địa chỉ'];
  data.forEach((row, index) => {
    lines.push([index + 1, row.code, row.name, row.head, row.title, row.phone, row.address].join(';'));
  });
  fs.writeFileSync(file, `\uFEFF${lines.join('\r\n')}`);
}

async function newCore(dir: string): Promise<Core> {
  fs.rmSync(dir, { recursive: true, force: true });
  const core = createCore({ dataDir: dir, mode: 'test', appVersion: 'bench', validateOutput: false });
  await core.router.call('settings.setupOffice', {
    office: { name: 'Bench', parentBody: 'Bench', placeName: 'Bench' },
  });
  return core;
}

async function call<T>(core: Core, name: string, payload: unknown): Promise<T> {
  const result = await core.router.call(name, payload);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

interface Prepared {
  sessionId: string;
  header: { row: number; lines: 1 | 2 };
  mapping: ImportField[];
}

/** The wizard's calls up to the preview: read the file, find the header, preview every row. */
async function toPreview(core: Core, file: string): Promise<Prepared & { previewed: number }> {
  const { fileId } = core.files.registerPath(file);
  const inspected = await call<{ sessionId: string; suggestedSheet: number }>(core, 'unitImport.inspect', { fileId });
  const analyzed = await call<{ header: Prepared['header']; columns: { field: ImportField }[] }>(
    core,
    'unitImport.analyze',
    {
      sessionId: inspected.sessionId,
      sheet: inspected.suggestedSheet,
    },
  );
  const request = {
    sessionId: inspected.sessionId,
    sheet: inspected.suggestedSheet,
    header: analyzed.header,
    mapping: analyzed.columns.map((column) => column.field),
  };
  const preview = await call<{ rows: unknown[] }>(core, 'unitImport.preview', request);
  return { ...request, previewed: preview.rows.length };
}

/**
 * Target (tests/bench/README.md): "Excel import of 10,000 units, to a preview ≤ 5 s", and the applied import
 * beside the raw bulk insert of the same units in one transaction.
 */
export const unitImportBench: BenchModule = {
  name: 'unit-import',
  async run({ dir, seed, quick }) {
    const count = quick ? 1_000 : 10_000;
    const runs = quick ? 1 : 3;
    const data = rows(count, seed);
    const xlsx = path.join(dir, 'danh-sach.xlsx');
    const csv = path.join(dir, 'danh-sach.csv');
    const xls = path.join(dir, 'danh-sach.xls');
    const ods = path.join(dir, 'danh-sach.ods');
    await writeWorkbook(xlsx, data);
    writeXls(xls, data);
    writeOds(ods, data);
    writeCsv(csv, data);
    const dataDir = path.join(dir, 'data');

    let core = await newCore(dataDir);
    let previewed = 0;
    const xlsxPreview = await measure(
      async () => {
        previewed = (await toPreview(core, xlsx)).previewed;
      },
      { runs, warmup: 1 },
    );
    const csvPreview = await measure(() => toPreview(core, csv), { runs, warmup: 1 });
    let xlsPreviewed = 0;
    const xlsPreview = await measure(
      async () => {
        xlsPreviewed = (await toPreview(core, xls)).previewed;
      },
      { runs, warmup: 1 },
    );
    let odsPreviewed = 0;
    const odsPreview = await measure(
      async () => {
        odsPreviewed = (await toPreview(core, ods)).previewed;
      },
      { runs, warmup: 1 },
    );

    // Applying into an empty registry: a fresh database for every run.
    const applyTimes: number[] = [];
    let created = 0;
    for (let run = 0; run < runs; run += 1) {
      core.close();
      core = await newCore(dataDir);
      const prepared = await toPreview(core, xlsx);
      const started = performance.now();
      created = (await call<{ created: number }>(core, 'unitImport.apply', prepared)).created;
      applyTimes.push(performance.now() - started);
    }
    applyTimes.sort((a, b) => a - b);
    const prepared = await toPreview(core, xlsx);
    const reapply = await measure(() => call(core, 'unitImport.apply', prepared), { runs, warmup: 0 });

    // The raw figure: the same units inserted through the repository in one transaction.
    core.close();
    core = await newCore(dataDir);
    const officeId = core.services.settings.officeId();
    const now = new Date('2026-01-15T08:00:00Z');
    const inputs: UnitInput[] = data.map((row) => ({
      code: row.code,
      name: row.name,
      kind: 'school',
      schoolLevel: 'primary',
      schoolType: 'regular',
      managingBody: 'education',
      parentId: null,
      headName: row.head,
      headTitle: row.title,
      address: row.address,
      phone: row.phone,
      active: true,
      notes: '',
    }));
    const rawStarted = performance.now();
    core.db.transaction(() => {
      for (const input of inputs) {
        core.services.registry.repo.units.insertRow(newRowMeta(now, officeId), { ...input, isSample: false });
      }
    })();
    const rawInsertMs = performance.now() - rawStarted;
    core.close();

    const applyMedian = applyTimes[Math.floor(applyTimes.length / 2)] ?? Number.NaN;
    return {
      units: count,
      xlsx_bytes: fs.statSync(xlsx).size,
      rows_previewed: previewed,
      xlsx_to_preview: xlsxPreview,
      xlsx_to_preview_target_ms: 5_000,
      csv_to_preview: csvPreview,
      xls_bytes: fs.statSync(xls).size,
      xls_rows_previewed: xlsPreviewed,
      xls_to_preview: xlsPreview,
      ods_bytes: fs.statSync(ods).size,
      ods_rows_previewed: odsPreviewed,
      ods_to_preview: odsPreview,
      apply_new_units: { median_ms: Math.round(applyMedian), runs, created },
      reapply_unchanged: reapply,
      raw_bulk_insert_ms: Math.round(rawInsertMs),
      apply_vs_raw_insert_ratio: ratio(applyMedian, rawInsertMs),
    };
  },
};
