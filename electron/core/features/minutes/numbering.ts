import type { Db } from '../../db/open';
import { newRowMeta, nextRowMeta } from '../../db/row-meta';
import type { Clock } from '../../kernel/clock';
import { AppError } from '../../kernel/errors';
import { MAX_MINUTES_NUMBER } from '../../../../shared/domain/minutes';

/**
 * Minutes numbers, counted per plan and year ("Số: 05/BB-ĐKT"). The first time an inspection's
 * minutes are produced they get the next number; a clerk may change it. A number once given is
 * never given again — to another inspection or automatically — even when the minutes were
 * renumbered or the inspection deleted: its row stays (released) and still counts.
 */

interface NumberRow {
  id: string;
  inspection_id: string;
  number: number;
  year: number;
  released_at: string | null;
  rev: string;
  rev_history: string;
}

export interface MinutesNumber {
  number: number;
  year: number;
}

export class MinutesNumbering {
  private readonly currentStmt;
  private readonly heldStmt;
  private readonly maxStmt;
  private readonly insertStmt;
  private readonly releaseStmt;
  private readonly reclaimStmt;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly officeId: () => string,
  ) {
    const columns = 'id, inspection_id, number, year, released_at, rev, rev_history';
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
    this.insertStmt = db.prepare(
      `INSERT INTO minutes_numbers (id, inspection_id, plan_id, year, number, released_at,
         created_at, updated_at, changed_by_office, rev, rev_history)
       VALUES (@id, @inspectionId, @planId, @year, @number, NULL,
         @created_at, @updated_at, @changed_by_office, @rev, @rev_history)`,
    );
    this.releaseStmt = db.prepare(
      `UPDATE minutes_numbers SET released_at = @at, updated_at = @updated_at, changed_by_office = @changed_by_office,
         rev = @rev, rev_history = @rev_history
       WHERE id = @id`,
    );
    this.reclaimStmt = db.prepare(
      `UPDATE minutes_numbers SET released_at = NULL, updated_at = @updated_at, changed_by_office = @changed_by_office,
         rev = @rev, rev_history = @rev_history
       WHERE id = @id`,
    );
  }

  /** The inspection's current number, if it has one. */
  current(inspectionId: string): MinutesNumber | null {
    const row = this.currentStmt.get(inspectionId);
    return row ? { number: row.number, year: row.year } : null;
  }

  /** The current number, or the next free one of the plan and year, given now. */
  ensure(inspectionId: string, planId: string, year: number): MinutesNumber {
    return this.db
      .transaction(() => {
        const existing = this.current(inspectionId);
        if (existing) return existing;
        const next = (this.maxStmt.get({ planId, year })?.max ?? 0) + 1;
        if (next > MAX_MINUTES_NUMBER) {
          throw new AppError('minutes.NUMBERS_EXHAUSTED', { messageKey: 'minutes.errors.numbersExhausted' });
        }
        this.insert(inspectionId, planId, year, next);
        return { number: next, year };
      })
      .immediate();
  }

  /**
   * Gives the minutes the number a clerk chose. Refused when another inspection of the plan and
   * year holds it or once held it; the old number stays spent.
   */
  set(inspectionId: string, planId: string, year: number, number: number): MinutesNumber {
    return this.db
      .transaction(() => {
        const now = this.clock.now();
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
        if (existing) {
          this.releaseStmt.run({
            id: existing.id,
            at: now.toISOString(),
            ...nextRowMeta(now, this.officeId(), existing),
          });
        }
        if (held) {
          // This inspection had that number before: take it back rather than add a second row.
          this.reclaimStmt.run({ id: held.id, ...nextRowMeta(now, this.officeId(), held) });
        } else {
          this.insert(inspectionId, planId, targetYear, number);
        }
        return { number, year: targetYear };
      })
      .immediate();
  }

  private insert(inspectionId: string, planId: string, year: number, number: number): void {
    this.insertStmt.run({ ...newRowMeta(this.clock.now(), this.officeId()), inspectionId, planId, year, number });
  }
}
