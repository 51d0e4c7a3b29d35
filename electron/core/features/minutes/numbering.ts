import type { Db } from '../../db/open';
import { col, defineEntity } from '../../db/columns';
import { RecordTable, type EntityRow, type TableOf } from '../../db/record-table';
import type { WritePath } from '../../db/write-path';
import { AppError } from '../../kernel/errors';
import { MAX_MINUTES_NUMBER } from '../../../../shared/domain/minutes';

/**
 * Minutes numbers, counted per plan and year ("Số: 05/BB-ĐKT"). The first time an inspection's
 * minutes are produced they get the next number; a clerk may change it. A number once given is
 * never given again — to another inspection or automatically — even when the minutes were
 * renumbered or the inspection deleted: its row stays (released) and still counts.
 */
export const minutesNumberEntity = defineEntity({
  table: 'minutes_numbers',
  fields: {
    inspectionId: col.text('inspection_id').once(),
    planId: col.text('plan_id').once(),
    year: col.integer('year').once(),
    number: col.integer('number').once(),
    releasedAt: col.optionalText('released_at'),
  },
});

type NumberRow = EntityRow<typeof minutesNumberEntity>;

export interface MinutesNumber {
  number: number;
  year: number;
}

export class MinutesNumbering {
  readonly table: TableOf<typeof minutesNumberEntity>;
  private readonly currentStmt;
  private readonly heldStmt;
  private readonly maxStmt;

  constructor(
    db: Db,
    private readonly writes: WritePath,
  ) {
    this.table = new RecordTable(db, minutesNumberEntity, null);
    const columns = minutesNumberEntity.select();
    this.currentStmt = db.prepare<[string], NumberRow>(
      `SELECT ${columns} FROM minutes_numbers
       WHERE inspection_id = ? AND released_at IS NULL AND deleted_at IS NULL`,
    );
    this.heldStmt = db.prepare<{ planId: string; year: number; number: number }, NumberRow>(
      `SELECT ${columns} FROM minutes_numbers
       WHERE plan_id = @planId AND year = @year AND number = @number AND deleted_at IS NULL`,
    );
    this.maxStmt = db.prepare<{ planId: string; year: number }, { max: number | null }>(
      `SELECT MAX(number) AS max FROM minutes_numbers WHERE plan_id = @planId AND year = @year AND deleted_at IS NULL`,
    );
  }

  /** The inspection's current number, if it has one. */
  current(inspectionId: string): MinutesNumber | null {
    const row = this.currentStmt.get(inspectionId);
    return row ? { number: row.number, year: row.year } : null;
  }

  /** The current number, or the next free one of the plan and year, given now. */
  ensure(inspectionId: string, planId: string, year: number): MinutesNumber {
    return this.writes.run((tx) => {
      const existing = this.current(inspectionId);
      if (existing) return existing;
      const next = (this.maxStmt.get({ planId, year })?.max ?? 0) + 1;
      if (next > MAX_MINUTES_NUMBER) {
        throw new AppError('minutes.NUMBERS_EXHAUSTED', { messageKey: 'minutes.errors.numbersExhausted' });
      }
      tx.insert(this.table, { inspectionId, planId, year, number: next, releasedAt: null });
      return { number: next, year };
    });
  }

  /**
   * Gives the minutes the number a clerk chose. Refused when another inspection of the plan and
   * year holds it or once held it; the old number stays spent.
   */
  set(inspectionId: string, planId: string, year: number, number: number): MinutesNumber {
    return this.writes.run((tx) => {
      const existing = this.currentStmt.get(inspectionId);
      const targetYear = existing?.year ?? year;
      if (existing && existing.number === number) return { number, year: targetYear };
      const held = this.heldStmt.get({ planId, year: targetYear, number });
      if (held && held.inspection_id !== inspectionId) {
        throw new AppError('minutes.NUMBER_TAKEN', {
          messageKey: 'minutes.errors.numberTaken',
          params: { number: String(number).padStart(2, '0') },
          fields: { number: 'minutes.validation.numberTaken' },
        });
      }
      if (existing) tx.update(this.table, existing, { releasedAt: tx.now.toISOString() });
      if (held) {
        // This inspection had that number before: take it back rather than add a second row.
        tx.update(this.table, held, { releasedAt: null });
      } else {
        tx.insert(this.table, { inspectionId, planId, year: targetYear, number, releasedAt: null });
      }
      return { number, year: targetYear };
    });
  }
}
