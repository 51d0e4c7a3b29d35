import type { Db } from '../../db/open';
import { newRowMeta, nextRowMeta } from '../../db/row-meta';
import { isReferenced } from '../../db/references';
import type { Clock } from '../../kernel/clock';
import { AppError, fieldError } from '../../kernel/errors';
import type { Unit, UnitInput } from '../../../../shared/domain/unit';
import type { UnitSort } from '../../../../shared/api/registry';
import { SEARCH_KEY_VERSION, searchWords } from '../../../../shared/text/search';
import { SORT_KEY_VERSION, vietnameseSortKey } from '../../../../shared/text/collate';
import { MAX_SEARCH_WORDS, UnitRepo, type UnitQuery } from './unit-repo';
import {
  codeKey,
  contentColumns,
  rowToUnit,
  sameContent,
  unitEditAudit,
  unitInputFromRow,
  unitSearchKey,
  type UnitRow,
} from './unit-row';
import { SettingsRepo } from '../settings/settings-repo';
import { UndoStore } from './undo-store';
import { sampleUnits } from './sample-data';
import type { AuditTrail } from '../audit/audit-trail';

const DERIVED_KEYS_SETTING = 'derived.unitKeys';

interface UndoEntry {
  unitId: string;
  revAfter: string;
  /** The unit's content before the change; null when the change created it. */
  before: UnitInput | null;
}

export interface ListRequest {
  query: string;
  kinds: UnitQuery['kinds'];
  managingBodies: UnitQuery['managingBodies'];
  active: UnitQuery['active'];
  sort: UnitSort;
  offset: number;
  limit: number;
}

export interface Mutation {
  unit: Unit;
  /** '' when nothing changed (nothing to undo). */
  undoId: string;
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** The unit registry's rules: validation beyond the schema, revisions, undo, sample data. */
export class RegistryService {
  readonly repo: UnitRepo;
  private readonly undo = new UndoStore<UndoEntry>();
  /** Other features' sample data (plans), loaded after the units and removed before them. */
  readonly sampleSteps: { load(): void; remove(): void }[] = [];

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly officeId: () => string,
    /** Where changes are recorded with the operator's name (optional so tests can leave it out). */
    private readonly audit?: AuditTrail,
  ) {
    this.repo = new UnitRepo(db);
    // Cheap when nothing changed (one settings read); done here so every way of starting the
    // core (Electron, browser mode, tests, benches) gets current keys.
    this.refreshDerivedKeys();
  }

  /**
   * Search and sort keys are computed by code, not SQL; when their format changes (a new
   * version of shared/text/search.ts or collate.ts), every stored key is recomputed once.
   */
  refreshDerivedKeys(): number {
    const settings = new SettingsRepo(this.db);
    const wanted = `${SEARCH_KEY_VERSION}.${SORT_KEY_VERSION}`;
    if (settings.get(DERIVED_KEYS_SETTING) === wanted) return 0;
    return this.db
      .transaction(() => {
        const rows = this.db
          .prepare<[], { id: string; name: string; code: string; head_name: string }>(
            'SELECT id, name, code, head_name FROM units',
          )
          .all();
        const update = this.db.prepare<{ id: string; search_key: string; sort_key: string }>(
          'UPDATE units SET search_key = @search_key, sort_key = @sort_key WHERE id = @id',
        );
        for (const row of rows) {
          update.run({
            id: row.id,
            search_key: unitSearchKey({ name: row.name, code: row.code, headName: row.head_name }),
            sort_key: vietnameseSortKey(row.name),
          });
        }
        settings.set(DERIVED_KEYS_SETTING, wanted);
        return rows.length;
      })
      .immediate();
  }

  list(request: ListRequest): { total: number; rows: Unit[] } {
    const words = searchWords(request.query, MAX_SEARCH_WORDS);
    const { total, rows } = this.repo.list(
      { words, kinds: request.kinds, managingBodies: request.managingBodies, active: request.active },
      request.sort,
      request.offset,
      request.limit,
    );
    return { total, rows: rows.map(rowToUnit) };
  }

  get(id: string): Unit {
    const row = this.repo.getLive(id);
    if (!row) throw new AppError('NOT_FOUND');
    return rowToUnit(row);
  }

  counts() {
    return this.repo.counts();
  }

  create(input: UnitInput): Mutation {
    return this.db
      .transaction(() => {
        this.checkCode(input.code, null);
        this.checkParent(input.parentId, null);
        const meta = newRowMeta(this.clock.now(), this.officeId());
        this.insertOrExplain(() => this.repo.insert(meta, contentColumns(input), false), input.code);
        const unit = this.get(meta.id);
        const undoId = this.undo.push({ unitId: unit.id, revAfter: unit.rev, before: null });
        this.audit?.record({ entity: 'unit', entityId: unit.id, action: 'create', summary: unit.name });
        return { unit, undoId };
      })
      .immediate();
  }

  update(id: string, expectedRev: string, input: UnitInput): Mutation {
    return this.db
      .transaction(() => {
        const current = this.repo.getLive(id);
        if (!current) throw new AppError('NOT_FOUND');
        if (current.rev !== expectedRev) throw new AppError('CONFLICT');
        if (sameContent(current, input)) return { unit: rowToUnit(current), undoId: '' };
        this.checkCode(input.code, id);
        this.checkParent(input.parentId, id);
        const meta = nextRowMeta(this.clock.now(), this.officeId(), current);
        const changed = this.insertOrExplain(
          () => this.repo.update(id, expectedRev, meta, contentColumns(input)),
          input.code,
        );
        if (!changed) throw new AppError('CONFLICT');
        const unit = this.get(id);
        const before = unitInputFromRow(current);
        const undoId = this.undo.push({ unitId: id, revAfter: unit.rev, before });
        this.audit?.record(unitEditAudit(id, before, input));
        return { unit, undoId };
      })
      .immediate();
  }

  setActive(id: string, active: boolean): Mutation {
    const current = this.repo.getLive(id);
    if (!current) throw new AppError('NOT_FOUND');
    return this.update(id, current.rev, { ...unitInputFromRow(current), active });
  }

  undoChange(undoId: string): { unit: Unit | null } {
    const entry = this.undo.take(undoId);
    if (!entry) throw new AppError('registry.undoUnknown', { messageKey: 'registry.errors.undoUnknown' });
    return this.db
      .transaction(() => {
        const current = this.repo.getLive(entry.unitId);
        if (!current || current.rev !== entry.revAfter) {
          throw new AppError('registry.undoStale', { messageKey: 'registry.errors.undoStale' });
        }
        const meta = nextRowMeta(this.clock.now(), this.officeId(), current);
        if (entry.before === null) {
          if (isReferenced(this.db, 'units', current.id)) {
            throw new AppError('registry.undoInUse', { messageKey: 'registry.errors.undoInUse' });
          }
          this.repo.tombstone(current.id, current.rev, meta);
          this.audit?.record({ entity: 'unit', entityId: current.id, action: 'undo', summary: current.name });
          return { unit: null };
        }
        this.checkCode(entry.before.code, current.id);
        // The old parent may have been removed, or made a descendant of this unit, since.
        this.checkParent(entry.before.parentId, current.id);
        this.insertOrExplain(
          () => this.repo.update(current.id, current.rev, meta, contentColumns(entry.before as UnitInput)),
          entry.before.code,
        );
        this.audit?.record({ entity: 'unit', entityId: current.id, action: 'undo', summary: entry.before.name });
        return { unit: this.get(current.id) };
      })
      .immediate();
  }

  /** Fills the registry with the labelled sample district; running it twice adds nothing. */
  loadSample(): { created: number } {
    return this.db
      .transaction(() => {
        let created = 0;
        const now = this.clock.now();
        const officeId = this.officeId();
        const idsByCode = new Map<string, string>();
        for (const sample of sampleUnits()) {
          const existing = this.repo.findLiveByCodeKey(codeKey(sample.input.code));
          if (existing) {
            idsByCode.set(sample.input.code, existing.id);
            continue;
          }
          const parentId = sample.parentCode ? (idsByCode.get(sample.parentCode) ?? null) : null;
          const meta = newRowMeta(now, officeId);
          this.repo.insert(meta, contentColumns({ ...sample.input, parentId }), true);
          idsByCode.set(sample.input.code, meta.id);
          created += 1;
        }
        for (const step of this.sampleSteps) step.load();
        return { created };
      })
      .immediate();
  }

  /** Removes sample units nobody has touched; edited or referenced ones stay (and are counted). */
  removeSample(): { removed: number; kept: number } {
    return this.db
      .transaction(() => {
        for (const step of this.sampleSteps) step.remove();
        const samples = this.repo.liveSamples();
        const now = this.clock.now();
        const officeId = this.officeId();
        let removed = 0;
        // Children first, so a parent is never left referenced by a live child.
        const pending = new Map(samples.map((row) => [row.id, row]));
        let progress = true;
        while (pending.size > 0 && progress) {
          progress = false;
          for (const row of [...pending.values()]) {
            if (row.rev.startsWith('1-') && !isReferenced(this.db, 'units', row.id)) {
              this.repo.tombstone(row.id, row.rev, nextRowMeta(now, officeId, row));
              pending.delete(row.id);
              removed += 1;
              progress = true;
            }
          }
        }
        return { removed, kept: pending.size };
      })
      .immediate();
  }

  private checkCode(code: string, selfId: string | null): void {
    const key = codeKey(code);
    if (key === '') return;
    const other: UnitRow | undefined = this.repo.findLiveByCodeKey(key);
    if (other && other.id !== selfId) {
      throw fieldError('code', 'registry.validation.duplicateCode', 'registry.errors.duplicateCode', {
        code,
        name: other.name,
      });
    }
  }

  private checkParent(parentId: string | null, selfId: string | null): void {
    if (parentId === null) return;
    if (parentId === selfId) {
      throw fieldError('parentId', 'registry.validation.parentSelf', 'registry.validation.parentSelf');
    }
    if (!this.repo.getLive(parentId)) {
      throw fieldError('parentId', 'registry.validation.parentMissing', 'registry.validation.parentMissing');
    }
    // Walk up from the new parent: reaching this unit would make a cycle.
    let cursor: string | null | undefined = parentId;
    for (let depth = 0; cursor && depth < 100; depth += 1) {
      if (cursor === selfId) {
        throw fieldError('parentId', 'registry.validation.parentSelf', 'registry.validation.parentSelf');
      }
      cursor = this.repo.parentOf(cursor);
    }
  }

  private insertOrExplain<T>(write: () => T, code: string): T {
    try {
      return write();
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw fieldError('code', 'registry.validation.duplicateCode', 'registry.errors.duplicateCode', {
          code,
          name: '',
        });
      }
      throw error;
    }
  }
}
