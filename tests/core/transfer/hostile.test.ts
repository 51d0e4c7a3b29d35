import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/core/kernel/errors';
import { tempDir } from '../../support/core-harness';
import { addUnit, makePlan } from '../plans/planning-fixtures';
import { content, makeOffice, send, type Office } from './offices';

const offices: Office[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const made of offices.splice(0)) made.h.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function pair(): Promise<{ a: Office; b: Office; lines: unknown[] }> {
  const a = await makeOffice('A');
  const b = await makeOffice('B');
  offices.push(a, b);
  const unit = await addUnit(a.h, 'Trường Tiểu học Hiệp Hạ');
  await makePlan(a.h, [unit]);
  const payload = await send(a, b);
  const lines = gunzipSync(fs.readFileSync(payload))
    .toString('utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as unknown);
  return { a, b, lines };
}

function write(lines: unknown[], raw?: string): string {
  const dir = tempDir('klkchc-hostile-');
  dirs.push(dir);
  const file = path.join(dir, 'package.ndjson.gz');
  fs.writeFileSync(file, gzipSync(raw ?? `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`));
  return file;
}

async function refusal(office: Office, file: string): Promise<AppError> {
  const before = content(office);
  try {
    await office.h.core.services.transfer.open(file);
  } catch (error) {
    expect(content(office), 'nothing of a refused package is written').toEqual(before);
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the package was accepted');
}

/** The index of the table line of `table` and the columns it declares. */
function tableAt(lines: unknown[], table: string): { at: number; columns: string[] } {
  const at = lines.findIndex((line) => (line as { table?: string }).table === table);
  return { at, columns: (lines[at] as { columns: string[] }).columns };
}

describe('a hostile or broken package is refused before the database is touched', () => {
  it('refuses an unknown format or schema version, an unknown table or column', async () => {
    const { b, lines } = await pair();
    const header = lines[0] as Record<string, unknown>;
    expect((await refusal(b, write([{ ...header, formatVersion: 9 }, ...lines.slice(1)]))).messageKey).toBe(
      'transfer.errors.newer',
    );
    expect((await refusal(b, write([{ ...header, schemaVersion: 9999 }, ...lines.slice(1)]))).messageKey).toBe(
      'transfer.errors.newer',
    );
    const units = tableAt(lines, 'units');
    const withColumn = [...lines];
    withColumn[units.at] = { table: 'units', columns: [...units.columns, 'secret_column'] };
    expect((await refusal(b, write(withColumn))).messageKey).toBe('transfer.errors.newer');
    const unknownTable = [...lines.slice(0, -1), { table: 'passwords', columns: ['id'] }, lines.at(-1)];
    expect((await refusal(b, write(unknownTable))).messageKey).toBe('transfer.errors.unknownTable');
  });

  it('refuses oversized values and values of the wrong kind', async () => {
    const { b, lines } = await pair();
    const units = tableAt(lines, 'units');
    const name = units.columns.indexOf('name');
    const huge = [...lines];
    const row = [...(huge[units.at + 1] as unknown[])];
    row[name] = 'x'.repeat(300_000);
    huge[units.at + 1] = row;
    expect((await refusal(b, write(huge))).messageKey).toBe('transfer.errors.badValue');
    const wrongKind = [...lines];
    const other = [...(wrongKind[units.at + 1] as unknown[])];
    other[units.columns.indexOf('active')] = 'yes';
    wrongKind[units.at + 1] = other;
    expect((await refusal(b, write(wrongKind))).messageKey).toBe('transfer.errors.badValue');
  });

  it('refuses, at apply, a row that breaks a rule of the schema, changing nothing', async () => {
    const { b, lines } = await pair();
    const units = tableAt(lines, 'units');
    const broken = [...lines];
    const row = [...(broken[units.at + 1] as unknown[])];
    row[units.columns.indexOf('kind')] = 'spaceship';
    broken[units.at + 1] = row;
    const before = content(b);
    const opened = await b.h.core.services.transfer.open(write(broken));
    let caught: unknown = null;
    try {
      b.h.core.services.transfer.apply(opened.sessionId, []);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).messageKey).toBe('transfer.errors.brokenRule');
    expect(content(b)).toEqual(before);
    expect(await b.h.call('transfer.history', {})).toEqual([]);
  });

  it('refuses an id that names a record of another kind here, and references to records that exist nowhere', async () => {
    const { b, lines } = await pair();
    await addUnit(b.h, 'Trường của B');
    const ownUnit = b.h.core.db.prepare('SELECT id FROM units LIMIT 1').get() as { id: string };
    const plans = tableAt(lines, 'plans');
    const forged = [...lines];
    const plan = [...(forged[plans.at + 1] as unknown[])];
    plan[plans.columns.indexOf('id')] = ownUnit.id;
    forged[plans.at + 1] = plan;
    const error = await refusal(b, write(forged));
    expect(['transfer.errors.forgedId', 'transfer.errors.missingReference']).toContain(error.messageKey);

    const inspections = tableAt(lines, 'inspections');
    const dangling = [...lines];
    const inspection = [...(dangling[inspections.at + 1] as unknown[])];
    inspection[inspections.columns.indexOf('plan_id')] = '0190a000-0000-7000-8000-000000000000';
    dangling[inspections.at + 1] = inspection;
    expect((await refusal(b, write(dangling))).messageKey).toBe('transfer.errors.missingReference');

    // Values that repeat from row to row are checked once: one that differs in the middle of a
    // run (a result of an inspection that exists nowhere, between results of one that does) is
    // still found, as is a malformed id after a run of good ones.
    const inspectionId = (lines[inspections.at + 1] as unknown[])[inspections.columns.indexOf('id')];
    const criteria = tableAt(lines, 'checklist_criteria');
    const criterionIds = [1, 2, 3].map(
      (offset) => (lines[criteria.at + offset] as unknown[])[criteria.columns.indexOf('id')],
    );
    const results = tableAt(lines, 'inspection_results');
    const withResults = (middle: unknown) => {
      const rows = criterionIds.map((criterionId, index) =>
        results.columns.map((name) =>
          name === 'inspection_id'
            ? index === 1
              ? middle
              : inspectionId
            : name === 'criterion_id'
              ? criterionId
              : name === 'result'
                ? 'pass'
                : '',
        ),
      );
      const changed = [...lines];
      changed.splice(results.at + 1, 0, ...rows);
      const end = changed.at(-1) as { end: true; rows: number };
      changed[changed.length - 1] = { ...end, rows: end.rows + rows.length };
      return write(changed);
    };
    expect((await refusal(b, withResults('0190a000-0000-7000-8000-000000000001'))).messageKey).toBe(
      'transfer.errors.missingReference',
    );
    const malformed = withResults('not-an-id');
    expect((await refusal(b, malformed)).messageKey).toBe('transfer.errors.badValue');
  });

  it('leaves Object.prototype alone whatever keys a package holds', async () => {
    const { b, lines } = await pair();
    const header = lines[0] as Record<string, unknown>;
    const text = [
      JSON.stringify(header).replace(/^\{/, '{"__proto__":{"polluted":true},'),
      ...lines.slice(1).map((line) => JSON.stringify(line)),
    ].join('\n');
    expect((await refusal(b, write([], `${text}\n`))).messageKey).toBe('transfer.errors.notPackage');
    const units = tableAt(lines, 'units');
    const proto = [...lines];
    proto[units.at] = { table: 'units', columns: ['__proto__', ...units.columns.slice(1)] };
    await refusal(b, write(proto));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a package cut short, with a row twice, or not a package at all', async () => {
    const { a, b, lines } = await pair();
    expect((await refusal(b, write(lines.slice(0, -1)))).messageKey).toBe('transfer.errors.truncated');
    const units = tableAt(lines, 'units');
    const twice = [...lines];
    twice.splice(units.at + 1, 0, lines[units.at + 1]);
    const counted = twice.at(-1) as { rows: number };
    twice[twice.length - 1] = { ...counted, rows: counted.rows + 1 };
    expect((await refusal(b, write(twice))).messageKey).toBe('transfer.errors.broken');
    const docx = write([]);
    fs.writeFileSync(docx, Buffer.from('PK\u0003\u0004 not a package'));
    expect((await refusal(b, docx)).messageKey).toBe('transfer.errors.notPackage');
    // A package made by this office itself is named as such.
    expect((await refusal(a, await send(a, b))).messageKey).toBe('transfer.errors.ownPackage');
  });

  it('never uses a name from a package as a path', async () => {
    const { b, lines } = await pair();
    const header = lines[0] as { sender: Record<string, unknown> };
    const traversal = [{ ...header, sender: { ...header.sender, name: '../../../../tmp/owned' } }, ...lines.slice(1)];
    const opened = await b.h.core.services.transfer.open(write(traversal));
    b.h.core.services.transfer.apply(opened.sessionId, []);
    expect(fs.existsSync('/tmp/owned')).toBe(false);
    expect(b.h.core.services.transfer.history()[0]?.peerName).toBe('../../../../tmp/owned');
  });
});
