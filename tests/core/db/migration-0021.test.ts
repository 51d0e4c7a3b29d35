import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open';
import { tempDir } from '../../support/core-harness';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('migration 0021 (index for searching inspections by unit)', () => {
  it('adds a partial index of live inspections that counting by unit uses', () => {
    const dir = tempDir('klkchc-mig21-');
    dirs.push(dir);
    const file = path.join(dir, 'm.sqlite3');
    openDatabase(file, { targetVersion: 20 }).close();

    const db = openDatabase(file, { targetVersion: 21 });
    expect(db.pragma('user_version', { simple: true })).toBe(21);
    const index = db
      .prepare<[], { sql: string }>(`SELECT sql FROM sqlite_schema WHERE name = 'inspections_live_unit'`)
      .get();
    expect(index?.sql).toMatch(/ON inspections \(unit_id, plan_id\) WHERE deleted_at IS NULL/);
    const plan = db
      .prepare<[], { detail: string }>(
        `EXPLAIN QUERY PLAN SELECT count(*) FROM inspections WHERE unit_id = 'u1' AND deleted_at IS NULL`,
      )
      .all()
      .map((row) => row.detail)
      .join(' | ');
    expect(plan).toMatch(/USING (COVERING )?INDEX inspections_live_unit/);
    db.close();
  });
});
