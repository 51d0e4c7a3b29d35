import { searchKey, searchWords } from '../../../../shared/text/search';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/open';
import { newRowMeta, nextRowMeta, type RowMeta, type RowMetaUpdate } from '../../db/row-meta';
import type { Clock } from '../../kernel/clock';
import { AppError } from '../../kernel/errors';
import type { Official, OfficialInput } from '../../../../shared/domain/official';
import type { AuditChange } from '../../../../shared/domain/audit';
import { vietnameseSortKey } from '../../../../shared/text/collate';
import type { AuditTrail } from '../audit/audit-trail';

interface OfficialRow {
  id: string;
  name: string;
  position: string;
  organization: string;
  phone: string;
  active: number;
  notes: string;
  is_sample: number;
  created_at: string;
  updated_at: string;
  rev: string;
  rev_history: string;
  deleted_at: string | null;
}

interface OfficialColumns {
  name: string;
  name_key: string;
  sort_key: string;
  position: string;
  organization: string;
  phone: string;
  active: number;
  notes: string;
}

const COLUMNS = `id, name, position, organization, phone, active, notes, is_sample, created_at, updated_at,
  rev, rev_history, deleted_at`;

/** Vietnamese lists of people are ordered by given name (the last word), then the whole name. */
export function personSortKey(name: string): string {
  const words = name.trim().split(/\s+/);
  return vietnameseSortKey(`${words.at(-1) ?? ''} ${name}`);
}

function columns(input: OfficialInput): OfficialColumns {
  return {
    name: input.name,
    name_key: searchKey(input.name, input.position, input.organization),
    sort_key: personSortKey(input.name),
    position: input.position,
    organization: input.organization,
    phone: input.phone,
    active: input.active ? 1 : 0,
    notes: input.notes,
  };
}

function toOfficial(row: OfficialRow): Official {
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    organization: row.organization,
    phone: row.phone,
    active: row.active === 1,
    notes: row.notes,
    isSample: row.is_sample === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    rev: row.rev,
  };
}

const AUDITED: (keyof OfficialInput)[] = ['name', 'position', 'organization', 'phone', 'active', 'notes'];

/** The reusable list of officials (cán bộ) that teams are made from. */
export class OfficialService {
  private readonly byIdStmt: Statement<[string], OfficialRow>;
  private readonly listStmt: Statement<{ all: number; words: string; limit: number }, OfficialRow>;
  private readonly countStmt: Statement<{ all: number; words: string }, { total: number }>;
  private readonly insertStmt: Statement<RowMeta & OfficialColumns & { is_sample: number }>;
  private readonly updateStmt: Statement<RowMetaUpdate & OfficialColumns & { id: string; expected: string }>;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly officeId: () => string,
    private readonly audit: AuditTrail,
  ) {
    this.byIdStmt = db.prepare(`SELECT ${COLUMNS} FROM officials WHERE id = ?`);
    // Word starts, like every search in the app (shared/text/search.ts); a short list, so the
    // words travel as one JSON parameter.
    const matching = `deleted_at IS NULL AND (@all = 1 OR active = 1)
      AND NOT EXISTS (SELECT 1 FROM json_each(@words) AS w WHERE instr(name_key, w.value) = 0)`;
    this.listStmt = db.prepare(`SELECT ${COLUMNS} FROM officials WHERE ${matching} ORDER BY sort_key LIMIT @limit`);
    this.countStmt = db.prepare(`SELECT count(*) AS total FROM officials WHERE ${matching}`);
    this.insertStmt = db.prepare(`
      INSERT INTO officials (id, name, name_key, sort_key, position, organization, phone, active, notes, is_sample,
        created_at, updated_at, changed_by_office, rev, rev_history)
      VALUES (@id, @name, @name_key, @sort_key, @position, @organization, @phone, @active, @notes, @is_sample,
        @created_at, @updated_at, @changed_by_office, @rev, @rev_history)`);
    this.updateStmt = db.prepare(`
      UPDATE officials SET name = @name, name_key = @name_key, sort_key = @sort_key, position = @position,
        organization = @organization, phone = @phone, active = @active, notes = @notes,
        updated_at = @updated_at, changed_by_office = @changed_by_office, rev = @rev, rev_history = @rev_history
      WHERE id = @id AND rev = @expected AND deleted_at IS NULL`);
  }

  list(request: { query: string; active: 'active' | 'all'; limit: number }): { total: number; rows: Official[] } {
    const filter = { all: request.active === 'all' ? 1 : 0, words: JSON.stringify(searchWords(request.query)) };
    const rows = this.listStmt.all({ ...filter, limit: request.limit });
    const total = rows.length < request.limit ? rows.length : (this.countStmt.get(filter)?.total ?? rows.length);
    return { total, rows: rows.map(toOfficial) };
  }

  get(id: string): Official {
    const row = this.byIdStmt.get(id);
    if (!row || row.deleted_at !== null) throw new AppError('NOT_FOUND');
    return toOfficial(row);
  }

  create(input: OfficialInput, options: { isSample?: boolean } = {}): Official {
    return this.db
      .transaction(() => {
        const meta = newRowMeta(this.clock.now(), this.officeId());
        this.insertStmt.run({ ...meta, ...columns(input), is_sample: options.isSample ? 1 : 0 });
        this.audit.record({ entity: 'official', entityId: meta.id, action: 'create', summary: input.name });
        return this.get(meta.id);
      })
      .immediate();
  }

  update(id: string, expectedRev: string, input: OfficialInput): Official {
    return this.db
      .transaction(() => {
        const row = this.byIdStmt.get(id);
        if (!row || row.deleted_at !== null) throw new AppError('NOT_FOUND');
        if (row.rev !== expectedRev) throw new AppError('CONFLICT');
        const current = toOfficial(row);
        const changes: AuditChange[] = AUDITED.filter((key) => current[key] !== input[key]).map((key) => ({
          field: key,
          before: String(current[key]),
          after: String(input[key]),
        }));
        if (changes.length === 0) return current;
        const meta = nextRowMeta(this.clock.now(), this.officeId(), row);
        if (this.updateStmt.run({ ...meta, ...columns(input), id, expected: expectedRev }).changes !== 1) {
          throw new AppError('CONFLICT');
        }
        const action = current.active !== input.active ? (input.active ? 'activate' : 'deactivate') : 'update';
        this.audit.record({ entity: 'official', entityId: id, action, summary: input.name, changes });
        return this.get(id);
      })
      .immediate();
  }
}
