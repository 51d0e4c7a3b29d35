import type { Db } from './open';
import type { DamageReason, DataHealthReport } from '../../../shared/api/system';
import { ErrorCode } from '../../../shared/api/errors';
import { AppError, explainSystemError, isCorruption } from '../kernel/errors';

function codeOf(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

/**
 * Whether the data file is known to be damaged. Once it is, the connection is switched to
 * `query_only`: SQLite itself then refuses every write (whichever service attempts it), so a
 * damaged b-tree is never written over, while reads go on wherever SQLite can still answer.
 * Damage is never cleared during a session: only restoring a backup (a new file) mends it.
 */
export class DataHealth {
  private reason: DamageReason | null = null;
  private detail = '';
  private checking = false;

  constructor(
    private readonly db: Db,
    readonly file: string,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  get damaged(): boolean {
    return this.reason !== null;
  }

  report(): DataHealthReport {
    return {
      damaged: this.damaged,
      reason: this.reason,
      file: this.file,
      detail: this.detail,
      checking: this.checking,
    };
  }

  setChecking(checking: boolean): void {
    this.checking = checking;
  }

  markDamaged(reason: DamageReason, detail: string): void {
    if (this.reason !== null) return;
    this.reason = reason;
    this.detail = detail;
    try {
      this.db.pragma('query_only = ON');
    } catch (error) {
      // A closed connection: nothing can write through it anyway.
      this.log(`could not stop writes: ${String(error)}`);
    }
    this.log(`data file ${this.file} is damaged (${reason}): ${detail}`);
  }

  /**
   * The plain answer to a call that failed, given what is known about the file; null when the
   * damage has nothing to do with it. A first SQLITE_CORRUPT turns the app read-only.
   */
  explain(error: unknown): AppError | null {
    const code = codeOf(error);
    const params = { file: this.file };
    if (isCorruption(code)) {
      const first = !this.damaged;
      this.markDamaged('runtime', error instanceof Error ? error.message : String(code));
      return new AppError(ErrorCode.dbDamaged, {
        messageKey: first ? 'errors.DB_DAMAGED_runtime' : 'errors.DB_DAMAGED_read',
        params,
        cause: error,
      });
    }
    if (!this.damaged) return null;
    // query_only at work: a write was attempted and refused before it touched the file.
    if (typeof code === 'string' && code.startsWith('SQLITE_READONLY')) {
      return new AppError(ErrorCode.dbDamaged, { params, cause: error });
    }
    if (error instanceof AppError || explainSystemError(error) !== null) return null;
    // Anything else going wrong in a damaged file (a missing table of an unmigrated one…) comes from the damage.
    return new AppError(ErrorCode.dbDamaged, { messageKey: 'errors.DB_DAMAGED_read', params, cause: error });
  }
}
