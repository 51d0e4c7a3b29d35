import type { Db } from '../../db/open';

/** Key-value settings of this installation (local, never transferred). */
export class SettingsRepo {
  private readonly getStmt;
  private readonly setStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare<[string], { value: string }>(`SELECT value FROM settings WHERE key = ?`);
    this.setStmt = db.prepare<{ key: string; value: string }>(
      `INSERT INTO settings (key, value) VALUES (@key, @value)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    );
  }

  get(key: string): string | undefined {
    return this.getStmt.get(key)?.value;
  }

  set(key: string, value: string): void {
    this.setStmt.run({ key, value });
  }
}
