import type { Db } from '../../db/open';
import { isReferenced } from '../../db/references';
import type { WritePath } from '../../db/write-path';
import { AppError, fieldError } from '../../kernel/errors';
import type { Unit, UnitInput } from '../../../../shared/domain/unit';
import type { UnitSort } from '../../../../shared/api/registry';
import { foldVietnamese } from '../../../../shared/text/fold';
import { SEARCH_KEY_VERSION, searchWords } from '../../../../shared/text/search';
import { SORT_KEY_VERSION } from '../../../../shared/text/collate';
import { MAX_SEARCH_WORDS, toUnit, type UnitQuery, type UnitRepo } from './unit-repo';
import { codeKey, unitEditAction, unitInputFromRow, type UnitRow } from './unit-entity';
import { SettingsRepo } from '../settings/settings-repo';
import { UndoStore } from './undo-store';
import { sampleUnits } from './sample-data';

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
  schoolLevels: UnitQuery['schoolLevels'];
  schoolTypes: UnitQuery['schoolTypes'];
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
/** A change that could make a unit another's namesake: its name, kind or code changed. */
function namesakeRisk(before: UnitInput, after: UnitInput): boolean {
  return (
    foldVietnamese(before.name) !== foldVietnamese(after.name) ||
    before.kind !== after.kind ||
    codeKey(before.code) !== codeKey(after.code)
  );
}

export class RegistryService {
  private readonly undo = new UndoStore<UndoEntry>();
  /** Other features' sample data (plans), loaded after the units and removed before them. */
  readonly sampleSteps: { load(): void; remove(): void }[] = [];

  constructor(
    private readonly db: Db,
    private readonly writes: WritePath,
    readonly repo: UnitRepo,
  ) {
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
        const count = this.repo.rederiveKeys();
        settings.set(DERIVED_KEYS_SETTING, wanted);
        return count;
      })
      .immediate();
  }

  list(request: ListRequest): { total: number; rows: Unit[] } {
    const words = searchWords(request.query, MAX_SEARCH_WORDS);
    const { total, rows } = this.repo.list(
      {
        words,
        kinds: request.kinds,
        managingBodies: request.managingBodies,
        schoolLevels: request.schoolLevels,
        schoolTypes: request.schoolTypes,
        active: request.active,
      },
      request.sort,
      request.offset,
      request.limit,
    );
    return { total, rows: rows.map(toUnit) };
  }

  get(id: string): Unit {
    const row = this.repo.getLive(id);
    if (!row) throw new AppError('NOT_FOUND');
    return toUnit(row);
  }

  counts() {
    return this.repo.counts();
  }

  create(input: UnitInput): Mutation {
    return this.writes.run((tx) => {
      this.checkCode(input.code, null);
      this.checkName(input, null);
      this.checkParent(input.parentId, null);
      const row = this.insertOrExplain(
        () =>
          tx.insert(
            this.repo.units,
            { ...input, isSample: false },
            { audit: { action: 'create', summary: input.name } },
          ),
        input.code,
      );
      const undoId = this.undo.push({ unitId: row.id, revAfter: row.rev, before: null });
      return { unit: this.get(row.id), undoId };
    });
  }

  update(id: string, expectedRev: string, input: UnitInput): Mutation {
    return this.writes.run((tx) => {
      const current = tx.live(this.repo.units, id, expectedRev);
      const before = unitInputFromRow(current);
      this.checkCode(input.code, id);
      if (namesakeRisk(before, input)) this.checkName(input, id);
      this.checkParent(input.parentId, id);
      const { row, changed } = this.insertOrExplain(
        () =>
          tx.update(this.repo.units, current, input, {
            audit: { action: unitEditAction(before, input), summary: input.name, changes: 'fields' },
          }),
        input.code,
      );
      if (!changed) return { unit: this.get(id), undoId: '' };
      const undoId = this.undo.push({ unitId: id, revAfter: row.rev, before });
      return { unit: this.get(id), undoId };
    });
  }

  /** Deactivates or reactivates a unit, from the revision the clerk saw. */
  setActive(id: string, expectedRev: string, active: boolean): Mutation {
    return this.writes.run((tx) => {
      const current = tx.live(this.repo.units, id, expectedRev);
      return this.update(id, current.rev, { ...unitInputFromRow(current), active });
    });
  }

  undoChange(undoId: string): { unit: Unit | null } {
    const entry = this.undo.take(undoId);
    if (!entry) throw new AppError('registry.undoUnknown', { messageKey: 'registry.errors.undoUnknown' });
    return this.writes.run((tx) => {
      const current = this.repo.units.live(entry.unitId);
      if (!current || current.rev !== entry.revAfter) {
        throw new AppError('registry.undoStale', { messageKey: 'registry.errors.undoStale' });
      }
      const audit = { action: 'undo' as const, summary: entry.before?.name ?? current.name };
      if (entry.before === null) {
        if (isReferenced(this.db, 'units', current.id)) {
          throw new AppError('registry.undoInUse', { messageKey: 'registry.errors.undoInUse' });
        }
        tx.tombstone(this.repo.units, current, { audit });
        return { unit: null };
      }
      const before = entry.before;
      this.checkCode(before.code, current.id);
      if (namesakeRisk(unitInputFromRow(current), before)) this.checkName(before, current.id);
      // The old parent may have been removed, or made a descendant of this unit, since.
      this.checkParent(before.parentId, current.id);
      this.insertOrExplain(() => tx.update(this.repo.units, current, before, { audit }), before.code);
      return { unit: this.get(current.id) };
    });
  }

  /** Fills the registry with the labelled sample district; running it twice adds nothing. */
  loadSample(): { created: number } {
    return this.writes.run((tx) => {
      let created = 0;
      const idsByCode = new Map<string, string>();
      for (const sample of sampleUnits()) {
        const existing = this.repo.findLiveByCodeKey(codeKey(sample.input.code));
        if (existing) {
          idsByCode.set(sample.input.code, existing.id);
          continue;
        }
        const parentId = sample.parentCode ? (idsByCode.get(sample.parentCode) ?? null) : null;
        const row = tx.insert(this.repo.units, { ...sample.input, parentId, isSample: true });
        idsByCode.set(sample.input.code, row.id);
        created += 1;
      }
      for (const step of this.sampleSteps) step.load();
      return { created };
    });
  }

  /** Removes sample units nobody has touched; edited or referenced ones stay (and are counted). */
  removeSample(): { removed: number; kept: number } {
    return this.writes.run((tx) => {
      for (const step of this.sampleSteps) step.remove();
      const samples = this.repo.liveSamples();
      let removed = 0;
      // Children first, so a parent is never left referenced by a live child.
      const pending = new Map(samples.map((row) => [row.id, row]));
      let progress = true;
      while (pending.size > 0 && progress) {
        progress = false;
        for (const row of [...pending.values()]) {
          if (row.rev.startsWith('1-') && !isReferenced(this.db, 'units', row.id)) {
            tx.tombstone(this.repo.units, row);
            pending.delete(row.id);
            removed += 1;
            progress = true;
          }
        }
      }
      return { removed, kept: pending.size };
    });
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

  /**
   * One unit of a kind per name, compared as search compares (case, diacritics, spacing), unless
   * both carry codes: a second "Trường Mầm non Hiệp Hạ" typed in would be counted apart in every
   * plan, and the import, which matches units by name, could no longer tell them apart. Two
   * offices that kept one name after a merger are told apart by their codes. The existing unit is
   * named, even if inactive.
   */
  private checkName(input: Pick<UnitInput, 'name' | 'kind' | 'code'>, selfId: string | null): void {
    const other = this.repo.findNamesake(foldVietnamese(input.name), input.kind, codeKey(input.code), selfId);
    if (other) {
      const message = other.active ? 'registry.errors.duplicateName' : 'registry.errors.duplicateNameInactive';
      throw fieldError('name', 'registry.validation.duplicateName', message, { name: other.name });
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
