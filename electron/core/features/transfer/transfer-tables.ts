import type { Db } from '../../db/open';
import { OwnedTable, RecordTable, tablesMadeOn } from '../../db/record-table';
import { TABLES, officeTablesInOrder, type TableInfo } from '../../db/tables';

export interface ColumnSpec {
  name: string;
  /** TEXT, INTEGER or REAL (tables are STRICT). */
  type: string;
  notNull: boolean;
  /** Has a DEFAULT: a package from an older app may leave it out. */
  hasDefault: boolean;
  primaryKey: boolean;
}

/** A table as a transfer package carries it. */
export interface TransferTable {
  name: string;
  info: TableInfo;
  columns: ColumnSpec[];
  /** Columns that point at rows of other tables (foreign keys of the schema). */
  references: { column: string; table: string }[];
  record: RecordTable | null;
  owned: OwnedTable<Record<string, string | number | null>> | null;
}

/**
 * Every table that travels (office data and owned rows), in an order where each comes after the
 * tables it refers to, read from the live schema and the table registry; with the owners'
 * table objects, through which the merge writes.
 */
export function transferTables(db: Db): TransferTable[] {
  const made = tablesMadeOn(db);
  const referencesOf = (table: string) =>
    (db.pragma(`foreign_key_list(${table})`) as { table: string; from: string }[]).map((key) => ({
      column: key.from,
      table: key.table,
    }));
  return officeTablesInOrder((table) => referencesOf(table).map((reference) => reference.table)).map((name) => {
    const info = (TABLES as Record<string, TableInfo>)[name];
    if (!info) throw new Error(`${name} is not in the table registry`);
    const holder = made.get(name);
    if (!holder) throw new Error(`${name} has no owner on this database`);
    const columns = (
      db.pragma(`table_info(${name})`) as {
        name: string;
        type: string;
        notnull: number;
        dflt_value: unknown;
        pk: number;
      }[]
    ).map((column) => ({
      name: column.name,
      type: column.type.toUpperCase(),
      notNull: column.notnull === 1,
      hasDefault: column.dflt_value !== null,
      primaryKey: column.pk > 0,
    }));
    return {
      name,
      info,
      columns,
      references: referencesOf(name),
      record: holder instanceof RecordTable ? holder : null,
      owned: holder instanceof OwnedTable ? holder : null,
    };
  });
}
