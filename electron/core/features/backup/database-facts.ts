import { TABLES, type TableName } from '../../db/tables';
import { SETTINGS_KEYS } from '../settings/settings-service';
import type { WorkerStep } from '../../db/sqlite-worker';
import type { BackupCounts } from '../../../../shared/domain/backup';

/**
 * What a database file says about itself, read with plain SQL (in the worker, on a snapshot or a
 * file to restore): its schema version, its office, and the counts a person recognises their
 * data by. The tables are named from the registry (db/tables.ts), so a renamed table fails here
 * at type-checking rather than in an office.
 */

const UNITS: TableName = 'units';
const PLANS: TableName = 'plans';
const INSPECTIONS: TableName = 'inspections';

/** Live rows only; "finalised minutes" are inspections finalised (and later remedied). */
export const COUNTS_SQL = `SELECT
  (SELECT count(*) FROM ${UNITS} WHERE deleted_at IS NULL) AS units,
  (SELECT count(*) FROM ${PLANS} WHERE deleted_at IS NULL) AS plans,
  (SELECT count(*) FROM ${INSPECTIONS} WHERE deleted_at IS NULL) AS inspections,
  (SELECT count(*) FROM ${INSPECTIONS} WHERE deleted_at IS NULL AND status IN ('finalised', 'remedied')) AS finalisedMinutes`;

const SETTINGS: TableName = 'settings';
export const OFFICE_SQL = `SELECT
  (SELECT value FROM ${SETTINGS} WHERE key = '${SETTINGS_KEYS.officeId}') AS id,
  (SELECT value FROM ${SETTINGS} WHERE key = '${SETTINGS_KEYS.officeName}') AS name`;

/** Tables any database of this app has, whatever its schema version (migration 1 onwards). */
export const OUR_TABLES_SQL = `SELECT count(*) AS found FROM sqlite_schema
  WHERE type = 'table' AND name = '${SETTINGS}'`;

export const OFFICE_ID_SQL = `SELECT count(*) AS found FROM ${SETTINGS} WHERE key = '${SETTINGS_KEYS.officeId}'`;

/** Every table the registry knows is office data (for tests that compare two files' content). */
export const OFFICE_TABLES = Object.entries(TABLES)
  .filter(([, info]) => info.kind !== 'local')
  .map(([name]) => name);

/** The steps reading a file's facts, in the order `factsFrom` expects them. */
export function factSteps(): WorkerStep[] {
  return [
    { op: 'pragma', pragma: 'user_version' },
    { op: 'get', sql: OFFICE_SQL },
    { op: 'get', sql: COUNTS_SQL },
  ];
}

export interface DatabaseFacts {
  schemaVersion: number;
  office: { id: string; name: string };
  counts: BackupCounts;
}

function numberOf(row: unknown, key: string): number {
  const value = (row as Record<string, unknown> | null)?.[key];
  return typeof value === 'number' ? value : Number(value ?? 0);
}

function textOf(row: unknown, key: string): string {
  const value = (row as Record<string, unknown> | null)?.[key];
  return typeof value === 'string' ? value : '';
}

/** Reads the answers of `factSteps` (starting at `from` in the results). */
export function factsFrom(results: unknown[], from: number): DatabaseFacts {
  const version = results[from] as { user_version?: unknown }[] | undefined;
  const office = results[from + 1];
  const counts = results[from + 2];
  return {
    schemaVersion: Number(version?.[0]?.user_version ?? 0),
    office: { id: textOf(office, 'id'), name: textOf(office, 'name') },
    counts: {
      units: numberOf(counts, 'units'),
      plans: numberOf(counts, 'plans'),
      inspections: numberOf(counts, 'inspections'),
      finalisedMinutes: numberOf(counts, 'finalisedMinutes'),
    },
  };
}
