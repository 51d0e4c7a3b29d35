import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/open';
import { col, defineEntity } from '../../db/columns';
import { RecordTable, type EntityRow, type TableOf } from '../../db/record-table';

/**
 * A unit registered separately in two offices (two ids for one school) is linked: the twin is
 * retired and every reference to it means the kept unit. Links are office data and travel, so
 * a third office receiving records of either agrees on one unit.
 */
export const unitLinkEntity = defineEntity({
  table: 'unit_links',
  fields: {
    unitId: col.text('unit_id').once(),
    twinId: col.text('twin_id').once(),
  },
});

export type UnitLinkRow = EntityRow<typeof unitLinkEntity>;

export class UnitLinks {
  readonly table: TableOf<typeof unitLinkEntity>;
  private readonly liveStmt: Statement<[], UnitLinkRow>;

  constructor(db: Db) {
    this.table = new RecordTable(db, unitLinkEntity, null);
    this.liveStmt = db.prepare(`SELECT ${unitLinkEntity.select()} FROM unit_links WHERE deleted_at IS NULL`);
  }

  /** Retired id → kept id, following chains (a twin of a twin) to the unit finally kept. */
  map(extra: readonly { twinId: string; unitId: string }[] = []): Map<string, string> {
    const direct = new Map<string, string>();
    for (const link of this.liveStmt.all()) direct.set(link.twin_id, link.unit_id);
    for (const link of extra) direct.set(link.twinId, link.unitId);
    const resolved = new Map<string, string>();
    for (const twin of direct.keys()) {
      let target = direct.get(twin)!;
      const seen = new Set([twin]);
      while (direct.has(target) && !seen.has(target)) {
        seen.add(target);
        target = direct.get(target)!;
      }
      resolved.set(twin, target);
    }
    return resolved;
  }
}
