import type { Db } from '../../db/open';
import type { SqlValue } from '../../db/columns';
import type { TableSource } from './package-io';
import type { PackageScope } from './transfer-format';
import type { TransferTable } from './transfer-tables';

const SELECTION = 'temp.transfer_selection';

/**
 * Chooses the records a package carries, in a temporary table of (table, id): for a scope of
 * everything, some plans, or what changed since the last exchange with an office; then every
 * record they refer to (units and their parents, officials, whole checklists, linked twins)
 * that the other office may lack; then the parts of every document chosen and the audit
 * entries of the chosen records. Never the installation's own (local) tables.
 */
export class Collector {
  private readonly office: TransferTable[];

  /**
   * `db` is a connection of the sender's own, inside a read transaction: the package is one
   * consistent moment while the app goes on working on its main connection.
   */
  constructor(
    private readonly db: Db,
    private readonly tables: TransferTable[],
  ) {
    this.office = tables.filter((table) => table.record !== null);
  }

  private reset(): void {
    this.db.exec(`
      CREATE TEMP TABLE IF NOT EXISTS transfer_selection (tbl TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (tbl, id)) WITHOUT ROWID;
      DELETE FROM ${SELECTION};`);
  }

  /** Rows the peer is not known to have at their current revision (all rows when `peer` is null). */
  private unknownTo(peer: string | null, alias: string, table: string): string {
    if (peer === null) return '1';
    return `NOT EXISTS (SELECT 1 FROM peer_known AS k WHERE k.peer_office = ${this.quote(peer)}
      AND k.tbl = '${table}' AND k.record_id = ${alias}.id AND k.rev = ${alias}.rev)`;
  }

  private quote(value: string): string {
    return `'${value.replace(/'/g, "''")}'`;
  }

  private add(table: string, sql: string): number {
    return this.db.prepare(`INSERT OR IGNORE INTO ${SELECTION} (tbl, id) SELECT '${table}', id FROM (${sql})`).run()
      .changes;
  }

  select(scope: PackageScope, peer: string | null): void {
    this.reset();
    const changesFor = scope.kind === 'changes' ? peer : null;
    if (scope.kind === 'all' || scope.kind === 'changes') {
      for (const table of this.office) {
        if (table.info.partOf) continue;
        this.add(
          table.name,
          `SELECT t.id FROM main."${table.name}" AS t WHERE ${this.unknownTo(changesFor, 't', table.name)}`,
        );
      }
    } else {
      const plans = scope.planIds.map((id) => this.quote(id)).join(', ');
      this.add('plans', `SELECT id FROM main.plans WHERE id IN (${plans})`);
      for (const name of ['plan_units', 'plan_members', 'inspections', 'minutes_numbers']) {
        this.add(name, `SELECT id FROM main."${name}" WHERE plan_id IN (${plans})`);
      }
    }
    // Everything chosen refers only to what is chosen too.
    if (scope.kind !== 'all') this.closeOverReferences(changesFor);
    this.addParts();
    if (scope.kind === 'plans') {
      // The history of what is sent goes with it.
      this.add('audit_log', `SELECT a.id FROM main.audit_log AS a JOIN ${SELECTION} AS s ON s.id = a.entity_id`);
    }
  }

  /** Adds what chosen records refer to, until nothing more is added. */
  private closeOverReferences(peer: string | null): void {
    const byName = new Map(this.tables.map((table) => [table.name, table]));
    let added = 1;
    while (added > 0) {
      added = 0;
      for (const table of this.tables) {
        for (const reference of table.references) {
          const target = byName.get(reference.table);
          if (!target?.record) continue;
          // Parts and owned rows are chosen through their document: follow their references from it.
          const chosen = table.info.parent
            ? `SELECT t."${reference.column}" AS id FROM main."${table.name}" AS t
                 JOIN ${SELECTION} AS s ON s.tbl = '${table.info.parent.table}' AND s.id = t."${table.info.parent.column}"`
            : `SELECT t."${reference.column}" AS id FROM main."${table.name}" AS t
                 JOIN ${SELECTION} AS s ON s.tbl = '${table.name}' AND s.id = t.id`;
          added += this.add(
            target.name,
            `SELECT r.id FROM (${chosen}) AS c JOIN main."${target.name}" AS r ON r.id = c.id
             WHERE ${this.unknownTo(peer, 'r', target.name)}`,
          );
        }
      }
      // A checklist travels whole: every version, group and criterion of it.
      added += this.add(
        'checklists',
        `SELECT v.checklist_id AS id FROM main.checklist_versions AS v
           JOIN ${SELECTION} AS s ON s.tbl = 'checklist_versions' AND s.id = v.id`,
      );
      for (const name of ['checklist_versions']) {
        added += this.add(
          name,
          `SELECT v.id FROM main."${name}" AS v JOIN ${SELECTION} AS s ON s.tbl = 'checklists' AND s.id = v.checklist_id
           WHERE ${this.unknownTo(peer, 'v', name)}`,
        );
      }
      for (const name of ['checklist_groups', 'checklist_criteria']) {
        added += this.add(
          name,
          `SELECT g.id FROM main."${name}" AS g JOIN ${SELECTION} AS s ON s.tbl = 'checklist_versions' AND s.id = g.version_id
           WHERE ${this.unknownTo(peer, 'g', name)}`,
        );
      }
      // A chosen unit brings the links that retire or keep it, and the other unit of each link.
      added += this.add(
        'unit_links',
        `SELECT l.id FROM main.unit_links AS l JOIN ${SELECTION} AS s ON s.tbl = 'units'
           AND (s.id = l.unit_id OR s.id = l.twin_id) WHERE ${this.unknownTo(peer, 'l', 'unit_links')}`,
      );
    }
  }

  /** Every part of every chosen document (tombstones included: the document is sent whole). */
  private addParts(): void {
    for (const table of this.office) {
      const parent = table.info.partOf;
      if (!parent) continue;
      this.add(
        table.name,
        `SELECT p.id FROM main."${table.name}" AS p
           JOIN ${SELECTION} AS s ON s.tbl = '${parent}' AND s.id = p."${table.info.parent!.column}"`,
      );
    }
  }

  /** How many rows of each table are chosen. */
  counts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const row of this.db
      .prepare<[], { tbl: string; n: number }>(`SELECT tbl, count(*) AS n FROM ${SELECTION} GROUP BY tbl`)
      .all()) {
      counts[row.tbl] = row.n;
    }
    const results = this.db
      .prepare<[], { n: number }>(
        `SELECT count(*) AS n FROM main.inspection_results AS r
           JOIN ${SELECTION} AS s ON s.tbl = 'inspections' AND s.id = r.inspection_id`,
      )
      .get();
    if (results && results.n > 0) counts.inspection_results = results.n;
    return counts;
  }

  /**
   * The chosen rows, table by table in dependency order, as the package writes them: a page at a
   * time, so no query stays open on the connection while the file is being written.
   */
  *sources(): Generator<TableSource> {
    for (const table of this.tables) {
      const columns = table.columns.map((column) => column.name);
      yield { table: table.name, columns, rows: this.pages(table, columns) };
    }
  }

  private *pages(table: TransferTable, columns: string[]): Generator<SqlValue[]> {
    const list = columns.map((column) => `t."${column}"`).join(', ');
    // Keyset paging over the primary key: (parent, key…) for owned rows, id for the others.
    const key = table.owned ? [table.info.parent!.column, ...(table.info.key ?? [])] : ['id'];
    // CROSS JOIN keeps the table outermost: each page is then a range of its key, read in order
    // and stopped at the limit; led by the selection, SQLite sorted the whole table for every
    // page (a package of a million results took minutes).
    const join = table.owned
      ? `CROSS JOIN ${SELECTION} AS s ON s.tbl = '${table.info.parent!.table}' AND s.id = t."${table.info.parent!.column}"`
      : `CROSS JOIN ${SELECTION} AS s ON s.tbl = '${table.name}' AND s.id = t.id`;
    const keyList = key.map((column) => `t."${column}"`).join(', ');
    const first = this.db
      .prepare<[], SqlValue[]>(
        `SELECT ${list} FROM main."${table.name}" AS t ${join}
      ORDER BY ${keyList} LIMIT 2000`,
      )
      .raw(true);
    const next = this.db
      .prepare<SqlValue[], SqlValue[]>(
        `SELECT ${list} FROM main."${table.name}" AS t ${join}
      WHERE (${keyList}) > (${key.map(() => '?').join(', ')}) ORDER BY ${keyList} LIMIT 2000`,
      )
      .raw(true);
    const positions = key.map((column) => columns.indexOf(column));
    let rows = first.all();
    while (rows.length > 0) {
      yield* rows;
      const last = rows.at(-1)!;
      rows = next.all(...positions.map((at) => last[at] ?? null));
    }
  }

  /** The chosen records with their revisions (to remember what the peer now has). */
  chosen(): { tbl: string; id: string; rev: string }[] {
    return this.office.flatMap((table) =>
      this.db
        .prepare<[], { tbl: string; id: string; rev: string }>(
          `SELECT '${table.name}' AS tbl, t.id, t.rev FROM main."${table.name}" AS t
             JOIN ${SELECTION} AS s ON s.tbl = '${table.name}' AND s.id = t.id`,
        )
        .all(),
    );
  }
}
