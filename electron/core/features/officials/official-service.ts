import type { Statement } from 'better-sqlite3';
import { searchKey, searchWords } from '../../../../shared/text/search';
import type { Db } from '../../db/open';
import { col, defineEntity } from '../../db/columns';
import { RecordTable, recordMeta, type EntityRow, type TableOf } from '../../db/record-table';
import type { Tx, WritePath } from '../../db/write-path';
import { AppError } from '../../kernel/errors';
import type { Official, OfficialInput } from '../../../../shared/domain/official';
import { vietnameseSortKey } from '../../../../shared/text/collate';

/** Vietnamese lists of people are ordered by given name (the last word), then the whole name. */
export function personSortKey(name: string): string {
  const words = name.trim().split(/\s+/);
  return vietnameseSortKey(`${words.at(-1) ?? ''} ${name}`);
}

/** The officials' column map. */
export const officialEntity = defineEntity({
  table: 'officials',
  fields: {
    name: col.text('name'),
    position: col.text('position'),
    organization: col.text('organization'),
    phone: col.text('phone'),
    active: col.flag('active'),
    notes: col.text('notes'),
    isSample: col.flag('is_sample').once(),
  },
  derived: {
    // Search looks at the name, the position and the organisation.
    name_key: (official): string => searchKey(official.name, official.position, official.organization),
    sort_key: (official): string => personSortKey(official.name),
  },
});

type OfficialRow = EntityRow<typeof officialEntity>;

function toOfficial(row: OfficialRow): Official {
  return { ...recordMeta(row), ...officialEntity.fromRow(row) };
}

/** The reusable list of officials (cán bộ) that teams are made from. */
export class OfficialService {
  readonly table: TableOf<typeof officialEntity>;
  private readonly listStmt: Statement<{ all: number; words: string; limit: number }, OfficialRow>;
  private readonly countStmt: Statement<{ all: number; words: string }, { total: number }>;
  private readonly unusedSamplesStmt: Statement<[], OfficialRow>;

  constructor(
    db: Db,
    private readonly writes: WritePath,
  ) {
    this.table = new RecordTable(db, officialEntity, 'official');
    // Word starts, like every search in the app (shared/text/search.ts); a short list, so the
    // words travel as one JSON parameter.
    const matching = `deleted_at IS NULL AND (@all = 1 OR active = 1)
      AND NOT EXISTS (SELECT 1 FROM json_each(@words) AS w WHERE instr(name_key, w.value) = 0)`;
    this.listStmt = db.prepare(
      `SELECT ${officialEntity.select()} FROM officials WHERE ${matching} ORDER BY sort_key LIMIT @limit`,
    );
    this.countStmt = db.prepare(`SELECT count(*) AS total FROM officials WHERE ${matching}`);
    this.unusedSamplesStmt = db.prepare(`
      SELECT ${officialEntity.select()} FROM officials WHERE is_sample = 1 AND deleted_at IS NULL
        AND id NOT IN (SELECT official_id FROM plan_members WHERE deleted_at IS NULL)`);
  }

  list(request: { query: string; active: 'active' | 'all'; limit: number }): { total: number; rows: Official[] } {
    const filter = { all: request.active === 'all' ? 1 : 0, words: JSON.stringify(searchWords(request.query)) };
    const rows = this.listStmt.all({ ...filter, limit: request.limit });
    const total = rows.length < request.limit ? rows.length : (this.countStmt.get(filter)?.total ?? rows.length);
    return { total, rows: rows.map(toOfficial) };
  }

  get(id: string): Official {
    const row = this.table.live(id);
    if (!row) throw new AppError('NOT_FOUND');
    return toOfficial(row);
  }

  create(input: OfficialInput, options: { isSample?: boolean } = {}): Official {
    return this.writes.run((tx) =>
      toOfficial(
        tx.insert(
          this.table,
          { ...input, isSample: options.isSample ?? false },
          { audit: { action: 'create', summary: input.name } },
        ),
      ),
    );
  }

  /** Sample officials no team uses any more go with the sample district. */
  removeUnusedSamples(tx: Tx): void {
    for (const row of this.unusedSamplesStmt.all()) tx.tombstone(this.table, row);
  }

  update(id: string, expectedRev: string, input: OfficialInput): Official {
    return this.writes.run((tx) => {
      const current = tx.live(this.table, id, expectedRev);
      const wasActive = current.active === 1;
      const action = wasActive !== input.active ? (input.active ? 'activate' : 'deactivate') : 'update';
      const { row } = tx.update(this.table, current, input, {
        audit: { action, summary: input.name, changes: 'fields' },
      });
      return toOfficial(row);
    });
  }
}
