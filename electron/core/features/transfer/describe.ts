import type { Db } from '../../db/open';
import { tablesMadeOn, type RecordTable } from '../../db/record-table';
import type { DerivedValues, Fields, RowOf } from '../../db/columns';
import type { ConflictView, RecordLabel, TransferPreview, VersionSide } from '../../../../shared/api/transfer';
import type { StoredConflict, Row } from './conflict-store';
import type { ConflictFound, MergeSummary } from './merge';
import type { PackageHeader } from './transfer-format';

type AnyRow = RowOf<Fields, DerivedValues>;

/** Fields a person does not compare: where a row sits, not what it says. */
const HIDDEN_FIELDS = new Set(['ord', 'isSample', 'originOffice', 'lastAt']);

/** What the package and the conflict lists show of records: their kind, a name, their fields. */
export class Describer {
  constructor(
    private readonly db: Db,
    private readonly localOffice: () => { officeId: string; name: string },
  ) {}

  private record(table: string): RecordTable | null {
    const holder = tablesMadeOn(this.db).get(table);
    return holder && 'entity' in holder ? holder : null;
  }

  private officeName(officeId: string): string {
    const own = this.localOffice();
    if (officeId === own.officeId) return own.name;
    const known = this.db
      .prepare<[string], { name: string }>('SELECT name FROM known_offices WHERE office_id = ?')
      .get(officeId);
    return known?.name ?? '';
  }

  /** A column of a record here, or of the package being previewed (attached as `pkg`). */
  private text(table: string, column: string, id: unknown): string {
    if (typeof id !== 'string') return '';
    const here = this.db
      .prepare<[string], Row>(`SELECT "${column}" AS value FROM main."${table}" WHERE id = ?`)
      .get(id);
    if (typeof here?.value === 'string') return here.value;
    try {
      const staged = this.db
        .prepare<[string], Row>(`SELECT "${column}" AS value FROM pkg."pkg_${table}" WHERE id = ?`)
        .get(id);
      return typeof staged?.value === 'string' ? staged.value : '';
    } catch {
      return '';
    }
  }

  /** A record as a person names it: a unit's or official's name, a plan's title, an inspection's unit. */
  label(table: string, row: Row): RecordLabel {
    let name = '';
    if (typeof row.name === 'string') name = row.name;
    else if (typeof row.title === 'string') name = row.title;
    else if (table === 'inspections' || table === 'plan_units') name = this.text('units', 'name', row.unit_id);
    else if (table === 'minutes_numbers')
      name = this.text('units', 'name', this.text('inspections', 'unit_id', row.inspection_id));
    else if (typeof row.text === 'string') name = row.text;
    let context = '';
    if (typeof row.plan_id === 'string') context = this.text('plans', 'title', row.plan_id);
    return { table, name: name.slice(0, 300), context: context.slice(0, 300) };
  }

  private side(row: Row): VersionSide {
    return {
      rev: String(row.rev ?? ''),
      updatedAt: String(row.updated_at ?? ''),
      office: this.officeName(String(row.changed_by_office ?? '')),
      deleted: row.deleted_at !== null && row.deleted_at !== undefined,
    };
  }

  /** The fields that differ between two versions of a record, as they read. */
  private fields(table: string, ours: Row, theirs: Row): { field: string; ours: string; theirs: string }[] {
    const record = this.record(table);
    if (!record) return [];
    const a = record.content(ours as unknown as AnyRow) as Record<string, unknown>;
    const b = record.content(theirs as unknown as AnyRow) as Record<string, unknown>;
    const shown = (value: unknown) =>
      value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
    return Object.keys(a)
      .filter((field) => !HIDDEN_FIELDS.has(field) && shown(a[field]) !== shown(b[field]))
      .map((field) => ({ field, ours: shown(a[field]).slice(0, 2000), theirs: shown(b[field]).slice(0, 2000) }));
  }

  found(conflict: ConflictFound): ConflictView {
    return {
      id: null,
      label: this.label(conflict.table, conflict.winner === 'theirs' ? conflict.theirs : conflict.ours),
      recordId: conflict.recordId,
      kind: conflict.kind,
      winner: conflict.winner,
      ours: this.side(conflict.ours),
      theirs: this.side(conflict.theirs),
      fields: this.fields(conflict.table, conflict.ours, conflict.theirs),
      fromOffice: '',
      at: '',
    };
  }

  stored(conflict: StoredConflict): ConflictView {
    const current = (this.record(conflict.table)?.get(conflict.recordId) as Row | undefined) ?? conflict.loser.row;
    const ours = conflict.loserSide === 'ours' ? conflict.loser.row : current;
    const theirs = conflict.loserSide === 'theirs' ? conflict.loser.row : current;
    return {
      id: conflict.id,
      label: this.label(conflict.table, current),
      recordId: conflict.recordId,
      kind: conflict.kind,
      winner: conflict.loserSide === 'ours' ? 'theirs' : 'ours',
      ours: this.side(ours),
      theirs: this.side(theirs),
      fields: conflict.kind === 'number' ? this.numberFields(ours, theirs) : this.fields(conflict.table, ours, theirs),
      fromOffice: this.officeName(conflict.fromOffice),
      at: conflict.createdAt,
    };
  }

  /** Two inspections given one number: which inspection each office gave it to. */
  private numberFields(ours: Row, theirs: Row): { field: string; ours: string; theirs: string }[] {
    const unitOf = (row: Row) => this.text('units', 'name', this.text('inspections', 'unit_id', row.inspection_id));
    return [
      { field: 'number', ours: String(ours.number ?? ''), theirs: String(theirs.number ?? '') },
      { field: 'unit', ours: unitOf(ours), theirs: unitOf(theirs) },
    ];
  }

  preview(
    sessionId: string,
    header: PackageHeader,
    here: { alreadyReceived: boolean; missingEarlier: { at: string } | null },
    summary: MergeSummary,
  ): TransferPreview {
    const tables = Object.entries(summary.perTable)
      .map(([table, counts]) => ({ table, ...counts }))
      .filter((row) => Object.values(row).some((value) => typeof value === 'number' && value > 0));
    const totals = { add: 0, update: 0, same: 0, kept: 0, conflict: 0, knownConflict: 0, twin: 0, collision: 0 };
    for (const counts of Object.values(summary.perTable)) {
      for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += counts[key];
    }
    return {
      sessionId,
      packageId: header.packageId,
      sender: { officeId: header.sender.officeId, name: header.sender.name },
      createdAt: header.createdAt,
      scope: header.scope.kind,
      alreadyReceived: here.alreadyReceived,
      missingEarlier: here.missingEarlier,
      totals,
      tables,
      twins: summary.twins,
      collisions: summary.collisions.map((collision) => ({
        kind: collision.kind,
        label: this.label(collision.table, collision.theirs),
        ours:
          collision.kind === 'minutesNumber'
            ? this.text('units', 'name', this.text('inspections', 'unit_id', collision.ours.inspection_id))
            : '',
        theirs:
          collision.kind === 'minutesNumber'
            ? this.text('units', 'name', this.text('inspections', 'unit_id', collision.theirs.inspection_id))
            : '',
        number: collision.kind === 'minutesNumber' ? Number(collision.theirs.number ?? 0) : null,
      })),
      // The other version is the sender's: named in the preview as once it is stored.
      conflicts: summary.conflicts.map((conflict) => ({ ...this.found(conflict), fromOffice: header.sender.name })),
    };
  }
}
