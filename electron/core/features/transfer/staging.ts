import Database from 'better-sqlite3';
import type { Db } from '../../db/open';
import { AppError } from '../../kernel/errors';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import { PACKAGE_FORMAT_VERSION, PACKAGE_LIMITS, type PackageHeader } from './transfer-format';
import { readPayload } from './package-io';
import type { ColumnSpec, TransferTable } from './transfer-tables';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const REV = /^\d{1,9}-[0-9a-f]{16}$/;
/** Rows inserted into the staging file by one statement. */
const BATCH = 256;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

function refused(key: string, params: Record<string, string | number> = {}): AppError {
  return new AppError('transfer.refused', { messageKey: `transfer.errors.${key}`, params });
}

/** A package's rows, checked and kept in a staging database beside the office's own. */
export interface StagedPackage {
  file: string;
  header: PackageHeader;
  /** Staged rows per table. */
  counts: Map<string, number>;
}

/** Per table, per referring column: the distinct values the package's rows hold. */
type ReferredValues = Map<string, Map<string, Set<string>>>;

/** The staging table of `table` (in the staging file, attached as `pkg` when read). */
export function stagedName(table: string): string {
  return `pkg_${table}`;
}

function defaultOf(db: Db, table: string, column: string): string | number | null {
  const info = (db.pragma(`table_info(${table})`) as { name: string; dflt_value: string | null }[]).find(
    (entry) => entry.name === column,
  );
  const literal = info?.dflt_value ?? null;
  if (literal === null || literal.toUpperCase() === 'NULL') return null;
  if (/^'.*'$/s.test(literal)) return literal.slice(1, -1).replace(/''/g, "'");
  const number = Number(literal);
  return Number.isFinite(number) ? number : null;
}

function isRevHistory(value: string): boolean {
  let history: unknown;
  try {
    history = JSON.parse(value);
  } catch {
    return false;
  }
  return (
    Array.isArray(history) && history.length <= 100 && history.every((rev) => typeof rev === 'string' && REV.test(rev))
  );
}

/** The shape a text column's name demands of its values (ids, revisions, times), if any. */
function textRule(name: string): ((value: string) => boolean) | null {
  if (name === 'id' || name.endsWith('_id') || name === 'changed_by_office') return (value) => UUID.test(value);
  if (name === 'rev') return (value) => REV.test(value);
  if (name === 'created_at' || name === 'updated_at' || name === 'deleted_at') return (value) => TIME.test(value);
  if (name === 'rev_history') return isRevHistory;
  return null;
}

/**
 * The check of one column's values, made once per table (a package runs it for every row):
 * answers whether `value` may go in the column as it is; SQLite stores it unchanged.
 */
type ValueCheck = (value: unknown) => boolean;

function valueCheck(column: ColumnSpec): ValueCheck {
  const nullable = !column.notNull;
  if (column.type === 'INTEGER') {
    return (value) => (value === null ? nullable : typeof value === 'number' && Number.isSafeInteger(value));
  }
  if (column.type === 'REAL') {
    return (value) => (value === null ? nullable : typeof value === 'number' && Number.isFinite(value));
  }
  const rule = textRule(column.name);
  if (rule === null) {
    return (value) =>
      value === null ? nullable : typeof value === 'string' && value.length <= PACKAGE_LIMITS.maxTextLength;
  }
  // Ids, revisions and times repeat from row to row (twenty results name one inspection, every
  // row the same office): the last value found good is not checked again.
  let lastGood: string | null = null;
  return (value) => {
    if (value === null) return nullable;
    if (value === lastGood) return true;
    if (typeof value !== 'string' || value.length > PACKAGE_LIMITS.maxTextLength || !rule(value)) return false;
    lastGood = value;
    return true;
  };
}

/**
 * Reads a package payload into a fresh staging database, checking everything before anything of
 * it is used: its format and schema version, that each table and column is one this app knows,
 * each value against its column (types, lengths, ids, revisions, times), that rows reference
 * records that exist (in the package or here) and that no id names a record of another kind here.
 */
export async function stagePackage(
  payload: string,
  stagingFile: string,
  db: Db,
  tables: TransferTable[],
  localOffice: string,
): Promise<StagedPackage> {
  const staging = new Database(stagingFile);
  staging.pragma('journal_mode = OFF');
  staging.pragma('synchronous = OFF');
  const byName = new Map(tables.map((table) => [table.name, table]));
  const counts = new Map<string, number>();
  const referred: ReferredValues = new Map();
  let header: PackageHeader | null = null;
  let current: {
    table: TransferTable;
    order: number[];
    fill: (string | number | null)[];
    checks: ValueCheck[];
    /** For each local column that refers to a record: the set its distinct values go to. */
    refers: (Set<string> | null)[];
    /** The last value added to each of those sets (rows of one parent come together). */
    lastReferred: unknown[];
    /** Values the package's rows carry (the others take the column's default). */
    carried: number;
    insert: Database.Statement;
    /** Inserts BATCH rows at once; `batch` holds the values of the rows waiting for it. */
    insertBatch: Database.Statement;
    batch: unknown[];
    /** Rows of the table so far. */
    rows: number;
  } | null = null;
  // Rows go into the staging file BATCH at a time: one statement per row cost more than the row.
  const flush = () => {
    if (!current) return;
    const { insert, batch, order } = current;
    for (let at = 0; at < batch.length; at += order.length) insert.run(batch.slice(at, at + order.length));
    batch.length = 0;
    counts.set(current.table.name, current.rows);
  };
  try {
    staging.exec('BEGIN');
    await readPayload(
      payload,
      (read) => {
        if (read.formatVersion > PACKAGE_FORMAT_VERSION || read.schemaVersion > LATEST_SCHEMA_VERSION) {
          throw refused('newer', { version: read.appVersion });
        }
        if (read.sender.officeId === localOffice) throw refused('ownPackage');
        header = read;
      },
      (entry) => {
        if (entry.kind === 'table') {
          const table = byName.get(entry.table);
          if (!table) throw refused('unknownTable', { table: entry.table });
          if (counts.has(entry.table)) throw refused('broken');
          const known = new Set(table.columns.map((column) => column.name));
          const unknown = entry.columns.find((column) => !known.has(column));
          if (unknown) throw refused('newer', { version: header?.appVersion ?? '' });
          if (new Set(entry.columns).size !== entry.columns.length) throw refused('broken');
          const missing = table.columns.filter((column) => !entry.columns.includes(column.name));
          const lacking = missing.find((column) => column.notNull && !column.hasDefault);
          if (lacking) throw refused('broken');
          const names = table.columns.map((column) => column.name);
          staging.exec(`CREATE TABLE ${stagedName(table.name)} (${names.map((name) => `"${name}"`).join(', ')})`);
          const row = `(${names.map(() => '?').join(', ')})`;
          const insert = staging.prepare(`INSERT INTO ${stagedName(table.name)} VALUES ${row}`);
          const insertBatch = staging.prepare(
            `INSERT INTO ${stagedName(table.name)} VALUES ${Array.from({ length: BATCH }, () => row).join(', ')}`,
          );
          // Where each local column's value comes from: its place in the package's rows, or -1 (default).
          const order = table.columns.map((column) => entry.columns.indexOf(column.name));
          const fill = table.columns.map((column) =>
            entry.columns.includes(column.name) ? null : defaultOf(db, table.name, column.name),
          );
          const checks = table.columns.map(valueCheck);
          const carried = order.filter((at) => at >= 0).length;
          const ofTable = new Map<string, Set<string>>();
          referred.set(table.name, ofTable);
          const refers = table.columns.map((column, index) => {
            if (!table.references.some((reference) => reference.column === column.name)) return null;
            const values = new Set<string>();
            ofTable.set(column.name, values);
            // A column the package does not carry takes its default in every row.
            const filled = fill[index];
            if (order[index]! < 0 && typeof filled === 'string') values.add(filled);
            return values;
          });
          flush();
          current = {
            table,
            order,
            fill,
            checks,
            refers,
            lastReferred: table.columns.map(() => null),
            carried,
            insert,
            insertBatch,
            batch: [],
            rows: 0,
          };
          counts.set(table.name, 0);
          return;
        }
        if (!current) throw refused('broken');
        const { table, order, fill, checks, refers, lastReferred, carried, insertBatch, batch } = current;
        const start = batch.length;
        for (let index = 0; index < order.length; index += 1) {
          const at = order[index]!;
          if (at < 0) {
            batch[start + index] = fill[index];
            continue;
          }
          const value = entry.values[at] ?? null;
          if (!checks[index]!(value))
            throw refused('badValue', { table: table.name, column: table.columns[index]!.name });
          batch[start + index] = value;
          const refer = refers[index];
          if (refer && typeof value === 'string' && value !== lastReferred[index]) {
            refer.add(value);
            lastReferred[index] = value;
          }
        }
        if (entry.values.length !== carried) throw refused('broken');
        if (batch.length === BATCH * order.length) {
          insertBatch.run(batch);
          batch.length = 0;
        }
        current.rows += 1;
      },
    );
    flush();
    if (header === null) throw refused('broken');
    for (const table of tables) {
      if (!counts.has(table.name)) {
        staging.exec(
          `CREATE TABLE ${stagedName(table.name)} (${table.columns.map((column) => `"${column.name}"`).join(', ')})`,
        );
        counts.set(table.name, 0);
      }
      const id = table.columns.some((column) => column.name === 'id');
      if (id && (counts.get(table.name) ?? 0) > 0) {
        // A row twice in one package is a broken package (the index refuses it).
        try {
          staging.exec(`CREATE UNIQUE INDEX ${stagedName(table.name)}_id ON ${stagedName(table.name)} (id)`);
        } catch {
          throw refused('broken');
        }
      } else if (id) {
        staging.exec(`CREATE UNIQUE INDEX ${stagedName(table.name)}_id ON ${stagedName(table.name)} (id)`);
      }
    }
    staging.exec('COMMIT');
  } catch (error) {
    if (staging.inTransaction) staging.exec('ROLLBACK');
    throw error;
  } finally {
    staging.close();
  }
  const staged: StagedPackage = { file: stagingFile, header: header, counts };
  checkReferences(db, staged, tables, referred);
  return staged;
}

/**
 * Indexes the merge reads parts and owned rows by (their parent). Left out of the preview, which
 * does not read them: at 930,000 results, about half a second the clerk waits for less.
 */
export function indexForMerge(staged: StagedPackage, tables: TransferTable[]): void {
  const staging = new Database(staged.file);
  try {
    staging.pragma('journal_mode = OFF');
    staging.pragma('synchronous = OFF');
    for (const table of tables) {
      if (!table.info.parent) continue;
      staging.exec(
        `CREATE INDEX IF NOT EXISTS ${stagedName(table.name)}_parent
           ON ${stagedName(table.name)} ("${table.info.parent.column}")`,
      );
    }
  } finally {
    staging.close();
  }
}

/** Attaches the staging file to `db` as `pkg` for the time of `work`. */
export function withStaging<T>(db: Db, staged: StagedPackage, work: () => T): T {
  db.prepare('ATTACH DATABASE ? AS pkg').run(staged.file);
  try {
    return work();
  } finally {
    db.exec('DETACH DATABASE pkg');
  }
}

/**
 * Every reference of a staged row names a record of the right table, staged or here; no staged
 * id is the id of a record of another table here (a forged id would otherwise overwrite it).
 */
function checkReferences(db: Db, staged: StagedPackage, tables: TransferTable[], referred: ReferredValues): void {
  withStaging(db, staged, () => {
    for (const table of tables) {
      if ((staged.counts.get(table.name) ?? 0) === 0) continue;
      for (const reference of table.references) {
        // Each value once, gathered while staging: a million results name some fifty thousand
        // inspections and twenty criteria.
        const values = referred.get(table.name)?.get(reference.column);
        if (!values || values.size === 0) continue;
        const missing = db
          .prepare<[string], { value: string }>(
            `SELECT d.value FROM json_each(?) AS d
             WHERE NOT EXISTS (SELECT 1 FROM pkg.${stagedName(reference.table)} AS p WHERE p.id = d.value)
               AND NOT EXISTS (SELECT 1 FROM main."${reference.table}" AS m WHERE m.id = d.value)
             LIMIT 1`,
          )
          .get(JSON.stringify([...values]));
        if (missing) throw refused('missingReference', { table: table.name, column: reference.column });
      }
      if (!table.columns.some((column) => column.name === 'id')) continue;
      for (const other of tables) {
        if (other.name === table.name || !other.columns.some((column) => column.name === 'id')) continue;
        const clash = db
          .prepare(
            `SELECT 1 FROM pkg.${stagedName(table.name)} AS s JOIN main."${other.name}" AS m ON m.id = s.id LIMIT 1`,
          )
          .get();
        if (clash) throw refused('forgedId', { table: table.name, other: other.name });
      }
    }
  });
}
