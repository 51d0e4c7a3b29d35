import type { Statement } from 'better-sqlite3';
import type { Db } from '../../../db/open';
import { UNIT_SELECT } from '../../registry/unit-repo';
import type { UnitRow } from '../../registry/unit-entity';

/**
 * The live registry, indexed the ways an imported row can match it: by code (compared without
 * case, diacritics or spaces), by folded name and kind, by folded name alone (for "Đơn vị cấp
 * trên"). One read of every live unit: about 30 ms at 10,000 units, instead of a query per row.
 */
export interface ExistingUnits {
  byId: Map<string, UnitRow>;
  byCode: Map<string, UnitRow>;
  byNameKind: Map<string, UnitRow[]>;
  byName: Map<string, UnitRow[]>;
}

export function nameKindKey(nameKey: string, kind: string): string {
  return `${nameKey}\u0000${kind}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class ExistingUnitReader {
  private readonly liveStmt: Statement<[], UnitRow>;

  constructor(db: Db) {
    this.liveStmt = db.prepare(`SELECT ${UNIT_SELECT} FROM units AS u WHERE u.deleted_at IS NULL ORDER BY u.sort_key`);
  }

  load(): ExistingUnits {
    const units: ExistingUnits = { byId: new Map(), byCode: new Map(), byNameKind: new Map(), byName: new Map() };
    for (const row of this.liveStmt.iterate()) {
      units.byId.set(row.id, row);
      if (row.code_key !== '') units.byCode.set(row.code_key, row);
      push(units.byNameKind, nameKindKey(row.name_key, row.kind), row);
      push(units.byName, row.name_key, row);
    }
    return units;
  }
}
