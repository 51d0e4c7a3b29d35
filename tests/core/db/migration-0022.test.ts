import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open';
import { teamParentBodyOf } from '../../../shared/domain/plan';
import { tempDir } from '../../support/core-harness';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const META = `'2019-09-01T00:00:00.000Z', '2019-09-01T00:00:00.000Z', 'office-a', '3-00000000000000aa', '["2-00000000000000aa"]'`;

describe('migration 0022 (the body that formed a plan team)', () => {
  it('gives existing plans the line their issuer prints, keeping their revisions and everything else', () => {
    const dir = tempDir('klkchc-mig22-');
    dirs.push(dir);
    const file = path.join(dir, 'm.sqlite3');
    const before = openDatabase(file, { targetVersion: 21 });
    const checklist = (before.prepare(`SELECT id FROM checklists ORDER BY name LIMIT 1`).get() as { id: string }).id;
    const insert = before.prepare(
      `INSERT INTO plans (id, title, title_key, issuer, period_kind, period_year, decision_number, checklist_id,
         created_at, updated_at, changed_by_office, rev, rev_history)
       VALUES (@id, 'Kiểm tra KLKCHC', 'kiem tra', @issuer, 'calendarYear', 2019, '1520/QĐ-UBND', @checklist, ${META})`,
    );
    const issuers: Record<string, string> = {
      district: 'UBND huyện Lộc Bình',
      bureau: 'Phòng Giáo dục và Đào tạo huyện Lộc Bình',
      spelledOut: 'Ủy ban nhân dân  huyện Lộc Bình',
      oldAccent: 'Uỷ ban nhân dân huyện Lộc Bình',
      short: 'Phòng GD&ĐT Lộc Bình',
      none: '',
    };
    for (const [id, issuer] of Object.entries(issuers)) insert.run({ id, issuer, checklist });
    const untouched = before.prepare(`SELECT * FROM plans ORDER BY id`).all();
    before.close();

    // Opened at its own version: later migrations add columns of their own.
    const db = openDatabase(file, { targetVersion: 22 });
    expect(db.pragma('user_version', { simple: true })).toBe(22);
    const rows = db.prepare<[], Record<string, unknown>>(`SELECT * FROM plans ORDER BY id`).all();
    const lines: Record<string, unknown> = Object.fromEntries(
      rows.map((row) => [String(row.id), row.team_parent_body]),
    );
    expect(lines).toEqual({
      district: 'UBND HUYỆN LỘC BÌNH',
      bureau: 'PHÒNG GD&ĐT HUYỆN LỘC BÌNH',
      spelledOut: 'UBND HUYỆN LỘC BÌNH',
      oldAccent: 'UBND HUYỆN LỘC BÌNH',
      short: 'PHÒNG GD&ĐT LỘC BÌNH',
      none: '',
    });
    // The migration's frozen rule and today's agree (a new plan gets what an old one got).
    for (const [id, issuer] of Object.entries(issuers)) expect(teamParentBodyOf(issuer), id).toBe(lines[id]);
    // Nothing else moved: same revision, history, timestamps and office.
    expect(rows.map(({ team_parent_body: _line, ...rest }) => rest)).toEqual(untouched);
    db.close();
  });
});
