import type { Migration } from './types';

/**
 * The body that formed a plan's team, printed above "ĐOÀN KIỂM TRA" in its minutes. It used to
 * come from the office's document settings, so a district team formed by UBND huyện printed the
 * province and a bureau team formed by Phòng GD&ĐT printed the district. Existing plans get the
 * line their issuer gives ("UBND huyện Lộc Bình" → "UBND HUYỆN LỘC BÌNH", "Phòng Giáo dục và Đào
 * tạo huyện Lộc Bình" → "PHÒNG GD&ĐT HUYỆN LỘC BÌNH"); a plan without an issuer keeps ''.
 *
 * The value is computed here, in JavaScript (SQLite's upper() leaves Vietnamese letters alone),
 * by a copy of the rule frozen with this migration. The revision is not changed: every office
 * derives the same value from the same issuer, so the plans still agree across offices.
 */

function phrase(words: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'giu');
}

function teamParentBody(issuer: string): string {
  return issuer
    .normalize('NFC')
    .replace(phrase('(?:ủy|uỷ) ban nhân dân'), 'UBND')
    .replace(phrase('hội đồng nhân dân'), 'HĐND')
    .replace(phrase('giáo dục\\s*(?:và|&|-|–)\\s*đào tạo'), 'GD&ĐT')
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleUpperCase('vi-VN')
    .normalize('NFC');
}

export const migration0022: Migration = {
  version: 22,
  name: 'plan_team_parent_body',
  up(db) {
    db.exec(`ALTER TABLE plans ADD COLUMN team_parent_body TEXT NOT NULL DEFAULT ''`);
    const plans = db.prepare<[], { id: string; issuer: string }>(`SELECT id, issuer FROM plans`).all();
    const set = db.prepare<{ id: string; value: string }>(`UPDATE plans SET team_parent_body = @value WHERE id = @id`);
    for (const plan of plans) set.run({ id: plan.id, value: teamParentBody(plan.issuer) });
  },
};
