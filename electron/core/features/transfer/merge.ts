import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/open';
import type { RecordTable } from '../../db/record-table';
import type { Tx } from '../../db/write-path';
import type { AuditEntity } from '../../../../shared/domain/audit';
import type { DerivedValues, Fields, RowOf, SqlValue } from '../../db/columns';
import { codeKey } from '../registry/unit-entity';
import { foldVietnamese } from '../../../../shared/text/fold';
import type { ConflictStore, Row, StoredGroup } from './conflict-store';
import { historyOf, relation, winnerOf, type Versioned } from './revisions';
import { stagedName, type StagedPackage } from './staging';
import type { TransferTable } from './transfer-tables';
import type { UnitLinks } from './unit-links';

/** What happens to one record of a package. */
export type Verdict =
  | 'add'
  | 'update'
  | 'same'
  | 'kept'
  | 'conflict'
  | 'knownConflict'
  /** A unit registered separately here: linked, not added twice. */
  | 'twin'
  /** A minutes number another inspection here already has (shown, kept aside, never renumbered). */
  | 'collision';

export interface TwinUnit {
  theirs: { id: string; name: string; code: string; kind: string };
  ours: { id: string; name: string; code: string; kind: string };
  /** 'code': the same code (must be linked: two live units cannot share a code); 'name': same name and kind. */
  reason: 'code' | 'name';
}

export interface ConflictFound {
  table: string;
  recordId: string;
  kind: 'edit' | 'delete';
  winner: 'ours' | 'theirs';
  ours: Row;
  theirs: Row;
}

export interface CollisionFound {
  kind: 'minutesNumber' | 'scope';
  table: string;
  recordId: string;
  theirs: Row;
  ours: Row;
}

export interface MergeSummary {
  perTable: Record<string, Record<Verdict, number>>;
  twins: TwinUnit[];
  conflicts: ConflictFound[];
  collisions: CollisionFound[];
}

const EMPTY_COUNTS = (): Record<Verdict, number> => ({
  add: 0,
  update: 0,
  same: 0,
  kept: 0,
  conflict: 0,
  knownConflict: 0,
  twin: 0,
  collision: 0,
});

type AnyRow = RowOf<Fields, DerivedValues>;

/** A package row as the table's row (its values were checked against the columns when staged). */
function asRow(row: Row): AnyRow {
  return row as unknown as AnyRow;
}

/** At most this many of each list in a preview (the counts are always whole). */
const LISTED = 500;

export interface MergeContext {
  db: Db;
  tables: TransferTable[];
  staged: StagedPackage;
  conflicts: ConflictStore;
  links: UnitLinks;
}

/** Tables whose records get a "received" entry in the audit trail, and the entity it names. */
export const AUDITED_TABLES: Readonly<Record<string, AuditEntity>> = {
  units: 'unit',
  officials: 'official',
  checklists: 'checklist',
  plans: 'plan',
  inspections: 'inspection',
};

export interface ApplyOptions {
  tx: Tx;
  /** The sending office's name, for the audit trail's "nhận từ …". */
  senderName: string;
  /** Twin units (their id) the clerk chose to keep apart; every other twin is linked. */
  keepApart: ReadonlySet<string>;
  at: string;
}

/**
 * Merges a staged package into the office's database, record by record, by revisions: added
 * when new here, fast-forwarded when it descends from ours, left when ours descends from it, and
 * a conflict when both changed — a deterministic winner applied meanwhile and the other version
 * kept whole. The parts of an inspection (team, representatives, requests, amendments, results)
 * go with their inspection. `summarize` reads only (the preview); `apply` writes, inside the
 * caller's transaction, with every rule checked again.
 */
export class Merger {
  private readonly byName: Map<string, TransferTable>;
  private readonly partsOf: Map<string, TransferTable[]>;
  /** Statements prepared once per merge: a package runs each of them for every row. */
  private readonly statements = new Map<string, Statement>();
  /** Per owned table, the parents put whose owned rows are still to be copied (see `copiedOwned`). */
  private readonly ownedToCopy = new Map<string, string[]>();

  private sql<P extends unknown[] | Record<string, unknown>, R>(source: string): Statement<P, R> {
    let statement = this.statements.get(source);
    if (!statement) {
      statement = this.ctx.db.prepare(source);
      this.statements.set(source, statement);
    }
    return statement as unknown as Statement<P, R>;
  }

  constructor(private readonly ctx: MergeContext) {
    this.byName = new Map(ctx.tables.map((table) => [table.name, table]));
    this.partsOf = new Map();
    for (const table of ctx.tables) {
      const parent = table.info.partOf;
      if (!parent) continue;
      this.partsOf.set(parent, [...(this.partsOf.get(parent) ?? []), table]);
    }
  }

  /**
   * Rows of a staged table, in the package's order, a batch at a time (the connection cannot run
   * the merge's other statements while an iterator is open on it).
   */
  private *staged(table: TransferTable, where = '1'): Generator<Row> {
    if ((this.ctx.staged.counts.get(table.name) ?? 0) === 0) return;
    const local = where === '1' ? '' : `LEFT JOIN main."${table.name}" AS m ON m.id = s.id`;
    const page = this.sql<[number], Row & { __rowid: number }>(
      `SELECT s.rowid AS __rowid, s.* FROM pkg.${stagedName(table.name)} AS s ${local}
         WHERE s.rowid > ? AND (${where}) ORDER BY s.rowid LIMIT 1000`,
    );
    let after = 0;
    for (;;) {
      const rows = page.all(after);
      if (rows.length === 0) return;
      for (const { __rowid, ...row } of rows) {
        after = __rowid;
        yield row;
      }
    }
  }

  /**
   * Which staged rows of `table` the preview must look at one by one, as a condition on the
   * staged row `s` and ours `m` (null: every row). The others are new here, or the same revision
   * as ours, and are counted by SQL: most of a package, at a fraction of the cost.
   */
  private rowsToLook(table: TransferTable): string | null {
    // Twin units and minutes numbers are found row by row (by code, name, number).
    if (table.name === 'units' || table.name === 'minutes_numbers') return null;
    if (!table.columns.some((column) => column.name === 'id')) return null;
    const changed = 'm.id IS NOT NULL AND m.rev IS NOT s.rev';
    if (table.name !== 'plan_units') return changed;
    // A new scope row may be the same unit added in both offices: only in a plan we have too.
    return `(${changed}) OR (m.id IS NULL AND EXISTS (SELECT 1 FROM main.plan_units AS p
      WHERE p.plan_id = s.plan_id AND p.deleted_at IS NULL))`;
  }

  private stagedParts(parent: string, parentId: string): { table: TransferTable; rows: Row[] }[] {
    return (this.partsOf.get(parent) ?? []).map((table) => ({ table, rows: this.stagedPart(table, parentId) }));
  }

  private stagedPart(table: TransferTable, parentId: string): Row[] {
    if ((this.ctx.staged.counts.get(table.name) ?? 0) === 0) return [];
    return this.sql<[string], Row>(
      `SELECT * FROM pkg.${stagedName(table.name)} WHERE "${table.info.parent!.column}" = ? ORDER BY rowid`,
    ).all(parentId);
  }

  /**
   * Owned rows needing no change on the way (none refers to a unit a link may retire) are copied
   * by SQL after their table, all parents at once: they are most of a package's rows.
   */
  private copiedOwned(part: TransferTable, links: Map<string, string>): boolean {
    return (
      part.owned !== null && (links.size === 0 || !part.references.some((reference) => reference.table === 'units'))
    );
  }

  /** The owned rows of the parents put so far, copied from the package (see `copiedOwned`). */
  private copyOwned(tx: Tx): void {
    for (const [name, parentIds] of this.ownedToCopy) {
      const owned = this.byName.get(name)?.owned;
      if (owned) tx.putOwnedRemoteFrom(owned, parentIds, `pkg.${stagedName(name)}`);
    }
    this.ownedToCopy.clear();
  }

  private localParts(parent: string, parentId: string): StoredGroup {
    const group: StoredGroup = { row: {}, parts: {}, owned: {} };
    for (const table of this.partsOf.get(parent) ?? []) {
      const rows = this.sql<[string], Row>(
        `SELECT * FROM main."${table.name}" WHERE "${table.info.parent!.column}" = ?`,
      ).all(parentId);
      if (table.owned) group.owned[table.name] = rows;
      else group.parts[table.name] = rows;
    }
    return group;
  }

  private local(table: TransferTable, id: string): Row | undefined {
    return this.sql<[string], Row>(`SELECT * FROM main."${table.name}" WHERE id = ?`).get(id);
  }

  /** A live minutes number here that the incoming one would take (same plan, year and number, or a second current number). */
  private numberCollision(row: Row): Row | undefined {
    if (row.deleted_at !== null) return undefined;
    return this.sql<Record<string, SqlValue>, Row>(
      `SELECT * FROM main.minutes_numbers WHERE deleted_at IS NULL AND id <> @id
           AND ((plan_id = @plan_id AND year = @year AND number = @number)
             OR (@released_at IS NULL AND released_at IS NULL AND inspection_id = @inspection_id))
         LIMIT 1`,
    ).get({
      id: row.id ?? null,
      plan_id: row.plan_id ?? null,
      year: row.year ?? null,
      number: row.number ?? null,
      released_at: row.released_at ?? null,
      inspection_id: row.inspection_id ?? null,
    });
  }

  /** The same unit in the same plan's scope, added in both offices (both rows are kept). */
  private scopeTwin(row: Row): Row | undefined {
    if (row.deleted_at !== null) return undefined;
    return this.sql<[string, string, string], Row>(
      `SELECT * FROM main.plan_units WHERE plan_id = ? AND unit_id = ? AND id <> ? AND deleted_at IS NULL LIMIT 1`,
    ).get(String(row.plan_id), String(row.unit_id), String(row.id));
  }

  private verdict(table: TransferTable, row: Row, local: Row | undefined): Verdict {
    if (!local) return 'add';
    const relate = relation(local as unknown as Versioned, row as unknown as Versioned);
    if (relate === 'same') return 'same';
    if (relate === 'ours-newer') return 'kept';
    if (relate === 'theirs-newer') return 'update';
    if (this.ctx.conflicts.isKnownLoser(table.name, String(row.id), String(row.rev))) return 'knownConflict';
    return 'conflict';
  }

  /** Links as they will stand after this package: ours, the package's, and every twin not kept apart. */
  private linkMap(keepApart: ReadonlySet<string> | null, twins: TwinUnit[]): Map<string, string> {
    const units = this.byName.get('unit_links');
    const staged = units
      ? [...this.staged(units)]
          .filter((link) => link.deleted_at === null)
          .map((link) => ({ twinId: String(link.twin_id), unitId: String(link.unit_id) }))
      : [];
    const chosen = twins
      .filter((twin) => twin.reason === 'code' || !keepApart?.has(twin.theirs.id))
      .map((twin) => ({ twinId: twin.theirs.id, unitId: twin.ours.id }));
    return this.ctx.links.map([...staged, ...chosen]);
  }

  /**
   * Twin units, in one SQL: staged units new here by id (and not deleted), each with the live unit
   * here of the same code, or else of the same name and kind (either having no code), in the
   * package's order; a unit already linked, or linked to, is none.
   */
  private findTwins(): TwinUnit[] {
    const units = this.byName.get('units');
    if (!units || (this.ctx.staged.counts.get('units') ?? 0) === 0) return [];
    const links = this.linkMap(null, []);
    const db = this.ctx.db;
    db.function('transfer_code_key', { deterministic: true }, (code: SqlValue) => codeKey(String(code ?? '')));
    db.function('transfer_name_key', { deterministic: true }, (name: SqlValue) => foldVietnamese(String(name ?? '')));
    const found = this.sql<[], Row & { by_code: string | null; by_name: string | null }>(
      `SELECT * FROM (
         SELECT t.*, CASE WHEN t.by_code IS NULL THEN (SELECT x.id FROM main.units AS x
             WHERE x.name_key = transfer_name_key(t.name) AND x.kind = coalesce(t.kind, '') AND x.deleted_at IS NULL
               AND x.id <> t.id AND (x.code_key = '' OR t.code_key = '')) END AS by_name
           FROM (SELECT i.*, CASE WHEN i.code_key = '' THEN NULL ELSE (SELECT x.id FROM main.units AS x
                     WHERE x.code_key = i.code_key AND x.deleted_at IS NULL AND x.id <> i.id) END AS by_code
                   FROM (SELECT s.rowid AS r, s.id, s.name, s.code, s.kind, transfer_code_key(s.code) AS code_key
                           FROM pkg.${stagedName('units')} AS s LEFT JOIN main.units AS m ON m.id = s.id
                           WHERE m.id IS NULL AND s.deleted_at IS NULL) AS i) AS t)
         WHERE by_code IS NOT NULL OR by_name IS NOT NULL
         ORDER BY r`,
    ).all();
    const twins: TwinUnit[] = [];
    for (const row of found) {
      const oursId = row.by_code ?? row.by_name;
      if (oursId === null || links.has(String(row.id)) || links.has(oursId)) continue;
      const ours = this.local(units, oursId)!;
      const describe = (unit: Row) => ({
        id: String(unit.id),
        name: String(unit.name ?? ''),
        code: String(unit.code ?? ''),
        kind: String(unit.kind ?? ''),
      });
      twins.push({ theirs: describe(row), ours: describe(ours), reason: row.by_code !== null ? 'code' : 'name' });
    }
    return twins;
  }

  /** References to retired twin units, pointed at the unit kept (every column that refers to units). */
  private normalise(table: TransferTable, row: Row, links: Map<string, string>): Row {
    if (links.size === 0) return row;
    let copy: Row | null = null;
    for (const reference of table.references) {
      if (reference.table !== 'units' || table.name === 'unit_links') continue;
      const value = row[reference.column];
      const kept = typeof value === 'string' ? links.get(value) : undefined;
      if (kept) {
        copy ??= { ...row };
        copy[reference.column] = kept;
      }
    }
    return copy ?? row;
  }

  /** What the package would do, read only. */
  summarize(): MergeSummary {
    const twins = this.findTwins();
    const links = this.linkMap(new Set(), twins);
    const summary: MergeSummary = { perTable: {}, twins: twins.slice(0, LISTED), conflicts: [], collisions: [] };
    for (const table of this.ctx.tables) {
      if (table.info.partOf) continue;
      const counts = EMPTY_COUNTS();
      summary.perTable[table.name] = counts;
      const look = this.rowsToLook(table);
      if (look !== null && (this.ctx.staged.counts.get(table.name) ?? 0) > 0) {
        const counted = this.ctx.db
          .prepare<[], { added: number; same: number }>(
            `SELECT count(*) FILTER (WHERE m.id IS NULL) AS added, count(*) FILTER (WHERE m.id IS NOT NULL) AS same
               FROM pkg.${stagedName(table.name)} AS s LEFT JOIN main."${table.name}" AS m ON m.id = s.id
               WHERE NOT (${look})`,
          )
          .get();
        counts.add += counted?.added ?? 0;
        counts.same += counted?.same ?? 0;
      }
      for (const staged of this.staged(table, look ?? '1')) {
        const row = this.normalise(table, staged, links);
        const id = String(row.id);
        if (table.name === 'units' && links.has(id)) {
          counts.twin += 1;
          continue;
        }
        const local = this.local(table, id);
        let verdict = this.verdict(table, row, local);
        if ((verdict === 'add' || verdict === 'update') && table.name === 'minutes_numbers') {
          const taken = this.numberCollision(row);
          if (taken) {
            verdict = 'collision';
            if (summary.collisions.length < LISTED) {
              summary.collisions.push({
                kind: 'minutesNumber',
                table: table.name,
                recordId: id,
                theirs: row,
                ours: taken,
              });
            }
          }
        }
        if (verdict === 'add' && table.name === 'plan_units') {
          const twin = this.scopeTwin(row);
          if (twin && summary.collisions.length < LISTED) {
            summary.collisions.push({ kind: 'scope', table: table.name, recordId: id, theirs: row, ours: twin });
          }
        }
        if (verdict === 'conflict' && local && summary.conflicts.length < LISTED) {
          summary.conflicts.push(this.describeConflict(table, local, row));
        }
        counts[verdict] += 1;
      }
    }
    return summary;
  }

  private describeConflict(table: TransferTable, local: Row, row: Row): ConflictFound {
    const oursV = local as unknown as Versioned;
    const theirsV = row as unknown as Versioned;
    return {
      table: table.name,
      recordId: String(row.id),
      kind: oursV.deleted_at !== null || theirsV.deleted_at !== null ? 'delete' : 'edit',
      winner: winnerOf(oursV, theirsV),
      ours: local,
      theirs: row,
    };
  }

  /**
   * Applies the package inside `options.tx`'s transaction. Answers what it did per table, and
   * the ids of the conflicts it stored.
   */
  apply(options: ApplyOptions): { perTable: Record<string, Record<Verdict, number>>; conflictIds: string[] } {
    const { tx } = options;
    const twins = this.findTwins();
    const links = this.linkMap(options.keepApart, twins);
    const perTable: Record<string, Record<Verdict, number>> = {};
    const conflictIds: string[] = [];
    const sender = this.ctx.staged.header.sender.officeId;
    const packageId = this.ctx.staged.header.packageId;
    const conflictsOpen = this.ctx.conflicts.anyOpen();
    // Rows of a table may point at each other (a school under its commune) in any order of ids:
    // references are checked at COMMIT, all at once (staging has already checked each resolves).
    this.ctx.db.pragma('defer_foreign_keys = ON');

    // The clerk's links are office data and travel like the rest: written once both units are here.
    const writeNewLinks = () => {
      for (const twin of twins) {
        if (!links.has(twin.theirs.id)) continue;
        tx.insert(this.ctx.links.table, { unitId: twin.ours.id, twinId: twin.theirs.id });
      }
    };

    for (const table of this.ctx.tables) {
      if (table.info.partOf) continue;
      const counts = EMPTY_COUNTS();
      perTable[table.name] = counts;
      const record = table.record;
      if (!record) continue;
      if (table.name === 'units') {
        // Twins are retired first: the unit kept may share their code, which only one live unit can hold.
        for (const staged of this.staged(table)) {
          const id = String(staged.id);
          if (!links.has(id)) continue;
          this.retireTwin(tx, record, this.normalise(table, staged, links), this.local(table, id));
          counts.twin += 1;
        }
        for (const [twin] of links) {
          const here = this.local(table, twin);
          if (here && here.deleted_at === null) tx.tombstone(record, asRow(here));
        }
      }
      for (const staged of this.staged(table)) {
        const row = this.normalise(table, staged, links);
        const id = String(row.id);
        if (table.name === 'units' && links.has(id)) continue;
        const local = this.local(table, id);
        let verdict = this.verdict(table, row, local);
        if ((verdict === 'add' || verdict === 'update') && table.name === 'minutes_numbers') {
          const taken = this.numberCollision(row);
          if (taken) {
            verdict = 'collision';
            conflictIds.push(
              this.ctx.conflicts.add({
                table: table.name,
                recordId: id,
                kind: 'number',
                loser: { row, parts: {}, owned: {} },
                loserSide: 'theirs',
                winnerRev: String(taken.rev),
                fromOffice: sender,
                packageId,
                createdAt: options.at,
              }),
            );
          }
        }
        if (verdict === 'add' || verdict === 'update') {
          this.put(tx, table, record, row, links, local !== undefined);
          this.noteArrival(tx, table, row, options.senderName);
          if (verdict === 'update' && conflictsOpen) this.closeSettled(table.name, id, row, options.at);
        } else if (verdict === 'conflict' && local) {
          const found = this.describeConflict(table, local, row);
          const theirsGroup = this.groupOfStaged(table, row, links);
          const oursGroup: StoredGroup = { ...this.localParts(table.name, id), row: local };
          conflictIds.push(
            this.ctx.conflicts.add({
              table: table.name,
              recordId: id,
              kind: found.kind,
              loser: found.winner === 'theirs' ? oursGroup : theirsGroup,
              loserSide: found.winner === 'theirs' ? 'ours' : 'theirs',
              winnerRev: String(found.winner === 'theirs' ? row.rev : local.rev),
              fromOffice: sender,
              packageId,
              createdAt: options.at,
            }),
          );
          if (found.winner === 'theirs') {
            this.put(tx, table, record, row, links, true);
            this.noteArrival(tx, table, row, options.senderName);
          }
        }
        counts[verdict] += 1;
      }
      this.copyOwned(tx);
      if (table.name === 'units') writeNewLinks();
    }

    // Our own rows that still name a retired twin now name the unit kept.
    for (const [twin, kept] of links) {
      for (const table of this.ctx.tables) {
        if (!table.record || table.name === 'unit_links') continue;
        for (const reference of table.references) {
          if (reference.table === 'units') tx.relink(table.record, reference.column, twin, kept);
        }
      }
    }
    return { perTable, conflictIds };
  }

  /**
   * A conflict waiting here that another office has already decided: the version arriving
   * descends from both sides of it (a person's choice there is written so), so nothing is left
   * to choose between and it closes as superseded, instead of offering a choice that would undo
   * the other office's.
   */
  private closeSettled(table: string, id: string, row: Row, at: string): void {
    const lineage = new Set([String(row.rev), ...historyOf(row as unknown as Versioned)]);
    for (const conflict of this.ctx.conflicts.openOf(table, id)) {
      const loser = String(conflict.loser.row.rev);
      if (lineage.has(loser) && lineage.has(conflict.winnerRev))
        this.ctx.conflicts.close(conflict.id, at, 'superseded');
    }
  }

  /**
   * "Nhận từ <office>" in the history of each record a person looks up (units, officials,
   * checklists, plans, inspections), beside the entries that came with it from the sender.
   */
  private noteArrival(tx: Tx, table: TransferTable, row: Row, sender: string): void {
    const entity = AUDITED_TABLES[table.name];
    if (!entity) return;
    tx.record({
      entity,
      entityId: String(row.id),
      action: 'receive',
      summary:
        table.name === 'inspections'
          ? (this.sql<[string], { name: string }>('SELECT name FROM units WHERE id = ?').get(String(row.unit_id))
              ?.name ?? '')
          : String(row.name ?? row.title ?? ''),
      detail: sender,
    });
  }

  private groupOfStaged(table: TransferTable, row: Row, links: Map<string, string>): StoredGroup {
    const group: StoredGroup = { row, parts: {}, owned: {} };
    for (const part of this.stagedParts(table.name, String(row.id))) {
      const rows = part.rows.map((partRow) => this.normalise(part.table, partRow, links));
      if (part.table.owned) group.owned[part.table.name] = rows;
      else group.parts[part.table.name] = rows;
    }
    return group;
  }

  /**
   * Writes their version of a record, with its parts and owned rows when it is a document: the
   * document then holds exactly their parts (a part of ours they do not have is deleted; it is
   * kept with the conflict when ours lost one).
   */
  private put(
    tx: Tx,
    table: TransferTable,
    record: RecordTable,
    row: Row,
    links: Map<string, string>,
    hadLocal: boolean,
  ): void {
    tx.putRemote(record, asRow(row));
    const parentId = String(row.id);
    for (const part of this.partsOf.get(table.name) ?? []) {
      if (this.copiedOwned(part, links)) {
        const parents = this.ownedToCopy.get(part.name) ?? [];
        parents.push(parentId);
        this.ownedToCopy.set(part.name, parents);
        continue;
      }
      const rows = this.stagedPart(part, parentId).map((partRow) => this.normalise(part, partRow, links));
      if (part.owned) {
        if (hadLocal || rows.length > 0) tx.putOwnedRemote(part.owned, parentId, rows);
        continue;
      }
      const partRecord = part.record;
      if (!partRecord) continue;
      const theirs = new Set(rows.map((partRow) => String(partRow.id)));
      for (const partRow of rows) tx.putRemote(partRecord, asRow(partRow));
      // A new document has no parts of ours to compare.
      if (!hadLocal) continue;
      const column = part.info.parent!.column;
      const ours = this.sql<[string], Row>(
        `SELECT * FROM main."${part.name}" WHERE "${column}" = ? AND deleted_at IS NULL`,
      ).all(parentId);
      for (const partRow of ours) if (!theirs.has(String(partRow.id))) tx.tombstone(partRecord, asRow(partRow));
    }
  }

  /** A twin unit is kept as a deleted record with a new revision, so its retirement travels. */
  private retireTwin(tx: Tx, record: RecordTable, row: Row, local: Row | undefined): void {
    if (local) {
      if (local.deleted_at === null) tx.tombstone(record, asRow(local));
      return;
    }
    if (row.deleted_at !== null) {
      tx.putRemote(record, asRow(row));
      return;
    }
    tx.resolve(record, asRow(row), record.content(asRow(row)), [], { deleted: true });
  }
}
