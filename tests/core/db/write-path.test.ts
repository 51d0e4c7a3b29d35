import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../electron/core/kernel/clock';
import { AppError } from '../../../electron/core/kernel/errors';
import type { Services } from '../../../electron/core/app/services';
import { emptyUnitInput, unitInputSchema, type UnitInput } from '../../../shared/domain/unit';
import { createReadyCore, type TestCore } from '../../support/core-harness';
import { addUnit, makePlan } from '../plans/planning-fixtures';

function unitInput(name: string): UnitInput {
  return unitInputSchema.parse({ ...emptyUnitInput('school'), name });
}

function codeOf(error: unknown): string {
  return error instanceof AppError ? error.code : String(error);
}

describe('the write path', () => {
  let h: TestCore;
  let services: Services;
  const clock = fixedClock('2020-03-02T08:00:00Z', 1000);

  beforeEach(async () => {
    h = await createReadyCore({ clock });
    services = h.core.services;
  });
  afterEach(() => h.close());

  const units = () => services.registry.repo.units;
  const auditCount = () => (h.core.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

  it('gives an insert its revision and audit entry in the same transaction', () => {
    const before = auditCount();
    const row = services.writes.run((tx) =>
      tx.insert(
        units(),
        { ...unitInput('Trường Tiểu học Hiệp Hạ'), isSample: false },
        {
          audit: { action: 'create', summary: 'Trường Tiểu học Hiệp Hạ' },
        },
      ),
    );
    expect(row.rev).toMatch(/^1-[0-9a-f]{16}$/);
    expect(row.rev_history).toBe('[]');
    expect(units().live(row.id)?.search_key).toContain('hiep');
    expect(auditCount()).toBe(before + 1);
  });

  it('rolls the audit entry back with a write that fails', () => {
    const before = auditCount();
    expect(() =>
      services.writes.run((tx) => {
        tx.insert(
          units(),
          { ...unitInput('Trường A'), isSample: false },
          { audit: { action: 'create', summary: 'A' } },
        );
        throw new AppError('VALIDATION');
      }),
    ).toThrow();
    expect(auditCount()).toBe(before);
    expect(services.registry.counts().total).toBe(0);
  });

  it('refuses a record that is gone (NOT_FOUND) or changed since it was read (CONFLICT)', () => {
    const row = services.writes.run((tx) => tx.insert(units(), { ...unitInput('Trường B'), isSample: false }));
    const edited = services.writes.run((tx) =>
      tx.update(units(), tx.live(units(), row.id, row.rev), { headName: 'X' }),
    );
    expect(edited.changed).toBe(true);
    expect(edited.row.rev).toMatch(/^2-/);
    let caught: unknown;
    try {
      services.writes.run((tx) => tx.live(units(), row.id, row.rev));
    } catch (error) {
      caught = error;
    }
    expect(codeOf(caught)).toBe('CONFLICT');
    services.writes.run((tx) => tx.tombstone(units(), tx.live(units(), row.id)));
    try {
      services.writes.run((tx) => tx.live(units(), row.id));
    } catch (error) {
      caught = error;
    }
    expect(codeOf(caught)).toBe('NOT_FOUND');
    expect(units().get(row.id)?.deleted_at).not.toBeNull();
  });

  it('writes nothing, and gives no new revision, when nothing changed', () => {
    const row = services.writes.run((tx) => tx.insert(units(), { ...unitInput('Trường C'), isSample: false }));
    const again = services.writes.run((tx) =>
      tx.update(units(), row, { name: 'Trường C', headName: '' }, { audit: { action: 'update', summary: 'C' } }),
    );
    expect(again.changed).toBe(false);
    expect(units().get(row.id)?.rev).toBe(row.rev);
  });

  it('writes only the columns that changed, so UPDATE OF triggers fire only when theirs change', async () => {
    const unitId = await addUnit(h, 'Trường Tiểu học Tú Đoạn');
    const { planId } = await makePlan(h, [unitId]);
    const inspection = services.inspections.repo.livePlanUnit.all(planId, unitId)[0]!;
    h.core.db.exec(`
      CREATE TEMP TABLE fired (n INTEGER);
      CREATE TEMP TRIGGER status_written AFTER UPDATE OF status ON inspections BEGIN INSERT INTO fired VALUES (1); END;`);
    const fired = () => (h.core.db.prepare('SELECT count(*) AS n FROM fired').get() as { n: number }).n;
    services.writes.run((tx) => tx.update(services.inspections.repo.inspections, inspection, { place: 'Hội trường' }));
    expect(fired()).toBe(0);
    const current = services.inspections.repo.inspections.live(inspection.id)!;
    services.writes.run((tx) => tx.update(services.inspections.repo.inspections, current, { status: 'draft' }));
    expect(fired()).toBe(1);
  });

  it('never changes a column that is set when the row is made', async () => {
    const unitId = await addUnit(h, 'Trường Mầm non Lợi Bác');
    const other = await addUnit(h, 'Trường Mầm non Nam Quan');
    const { planId } = await makePlan(h, [unitId]);
    const inspection = services.inspections.repo.livePlanUnit.all(planId, unitId)[0]!;
    expect(() =>
      services.writes.run((tx) => tx.update(services.inspections.repo.inspections, inspection, { unitId: other })),
    ).toThrow(/never changed/);
  });

  it('refuses owned rows written without a new revision of their parent, and keeps nothing of it', async () => {
    const unitId = await addUnit(h, 'Trường THCS Yên Khoái');
    const { planId } = await makePlan(h, [unitId]);
    const started = services.inspections.start(services.inspections.repo.livePlanUnit.all(planId, unitId)[0]!.id);
    const criterion = started.checklist.groups[0]!.criteria[0]!;
    const repo = services.inspections.repo;
    expect(() =>
      services.writes.run((tx) => {
        tx.owned(repo.results, started.id).insert({
          inspection_id: started.id,
          criterion_id: criterion.id,
          result: 'pass',
          note: '',
        });
      }),
    ).toThrow(/without a new revision/);
    expect(repo.results.of(started.id)).toEqual([]);
    // With the parent's new revision, the same write is accepted.
    services.writes.run((tx) => {
      tx.owned(repo.results, started.id).insert({
        inspection_id: started.id,
        criterion_id: criterion.id,
        result: 'pass',
        note: '',
      });
      tx.touch(repo.inspections, tx.live(repo.inspections, started.id, started.rev));
    });
    expect(repo.results.of(started.id)).toHaveLength(1);
  });

  it('lets a service call another inside its transaction: one transaction, all or nothing', () => {
    expect(() =>
      services.writes.run((tx) => {
        tx.insert(units(), { ...unitInput('Trường D'), isSample: false });
        services.registry.create(unitInput('Trường E'));
        throw new Error('later failure');
      }),
    ).toThrow('later failure');
    expect(services.registry.counts().total).toBe(0);
  });

  it('brings a removed part back with its history (revive)', () => {
    const row = services.writes.run((tx) => tx.insert(units(), { ...unitInput('Trường F'), isSample: false }));
    const gone = services.writes.run((tx) => tx.tombstone(units(), row));
    const back = services.writes.run((tx) => tx.update(units(), gone, {}, { revive: true }));
    expect(back.row.deleted_at).toBeNull();
    expect(units().live(row.id)).toBeDefined();
    expect(back.row.rev).toMatch(/^3-/);
  });
});
