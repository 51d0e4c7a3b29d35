import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/open';
import type { RowMeta, RowMetaUpdate } from '../../db/row-meta';
import type { PeriodKind, TeamRole } from '../../../../shared/domain/plan';
import type { UnitKind } from '../../../../shared/domain/unit';

export interface PlanRow {
  id: string;
  title: string;
  issuer: string;
  period_kind: PeriodKind;
  period_year: number;
  decision_number: string;
  decision_date: string | null;
  decision_signer: string;
  decision_signer_title: string;
  legal_basis: string;
  target_percent: number;
  checklist_id: string;
  checklist_name: string;
  notes: string;
  is_sample: number;
  scope_count: number;
  created_at: string;
  updated_at: string;
  rev: string;
  rev_history: string;
  deleted_at: string | null;
}

export interface PlanColumns {
  title: string;
  title_key: string;
  issuer: string;
  period_kind: PeriodKind;
  period_year: number;
  decision_number: string;
  decision_date: string | null;
  decision_signer: string;
  decision_signer_title: string;
  legal_basis: string;
  target_percent: number;
  checklist_id: string;
  notes: string;
}

export interface MemberRow {
  id: string;
  plan_id: string;
  official_id: string;
  name: string;
  organization: string;
  role: TeamRole;
  position: string;
  ord: number;
  rev: string;
  rev_history: string;
}

export interface ScopeUnitRow {
  id: string;
  name: string;
  kind: UnitKind;
}

const PLAN_SELECT = `
  SELECT p.id, p.title, p.issuer, p.period_kind, p.period_year, p.decision_number, p.decision_date,
    p.decision_signer, p.decision_signer_title, p.legal_basis, p.target_percent, p.checklist_id,
    c.name AS checklist_name, p.notes, p.is_sample,
    coalesce((SELECT sum(k.scope) FROM progress_kind AS k WHERE k.plan_id = p.id), 0) AS scope_count,
    p.created_at, p.updated_at, p.rev, p.rev_history, p.deleted_at
  FROM plans AS p JOIN checklists AS c ON c.id = p.checklist_id`;

/** SQL for plans, their scope (plan_units) and their team (plan_members). */
export class PlanRepo {
  readonly byId: Statement<[string], PlanRow>;
  readonly list: Statement<{ words: string }, PlanRow>;
  readonly insert: Statement<RowMeta & PlanColumns & { is_sample: number }>;
  readonly update: Statement<RowMetaUpdate & PlanColumns & { id: string; expected: string }>;
  readonly membersOf: Statement<[string], MemberRow>;
  readonly insertMember: Statement<
    RowMeta & { plan_id: string; official_id: string; role: TeamRole; position: string; ord: number }
  >;
  readonly updateMember: Statement<RowMetaUpdate & { id: string; role: TeamRole; position: string; ord: number }>;
  readonly tombstoneMember: Statement<RowMetaUpdate & { id: string }>;
  readonly scopeUnitIds: Statement<[string], { unit_id: string }>;
  readonly scopeRowsOf: Statement<[string, string], { id: string; rev: string; rev_history: string }>;
  readonly insertScope: Statement<RowMeta & { plan_id: string; unit_id: string }>;
  readonly tombstoneScope: Statement<RowMetaUpdate & { id: string }>;
  readonly liveUnit: Statement<[string], ScopeUnitRow>;
  readonly official: Statement<[string], { id: string; name: string; position: string }>;

  constructor(private readonly db: Db) {
    const meta =
      'updated_at = @updated_at, changed_by_office = @changed_by_office, rev = @rev, rev_history = @rev_history';
    this.byId = db.prepare(`${PLAN_SELECT} WHERE p.id = ?`);
    this.list = db.prepare(`
      ${PLAN_SELECT} WHERE p.deleted_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM json_each(@words) AS w WHERE instr(p.title_key, w.value) = 0)
      ORDER BY p.period_year DESC, p.title_key`);
    this.insert = db.prepare(`
      INSERT INTO plans (id, title, title_key, issuer, period_kind, period_year, decision_number, decision_date,
        decision_signer, decision_signer_title, legal_basis, target_percent, checklist_id, notes, is_sample,
        created_at, updated_at, changed_by_office, rev, rev_history)
      VALUES (@id, @title, @title_key, @issuer, @period_kind, @period_year, @decision_number, @decision_date,
        @decision_signer, @decision_signer_title, @legal_basis, @target_percent, @checklist_id, @notes, @is_sample,
        @created_at, @updated_at, @changed_by_office, @rev, @rev_history)`);
    this.update = db.prepare(`
      UPDATE plans SET title = @title, title_key = @title_key, issuer = @issuer, period_kind = @period_kind,
        period_year = @period_year, decision_number = @decision_number, decision_date = @decision_date,
        decision_signer = @decision_signer, decision_signer_title = @decision_signer_title,
        legal_basis = @legal_basis, target_percent = @target_percent, checklist_id = @checklist_id,
        notes = @notes, ${meta}
      WHERE id = @id AND rev = @expected AND deleted_at IS NULL`);
    this.membersOf = db.prepare(`
      SELECT m.id, m.plan_id, m.official_id, o.name, o.organization, m.role, m.position, m.ord, m.rev, m.rev_history
      FROM plan_members AS m JOIN officials AS o ON o.id = m.official_id
      WHERE m.plan_id = ? AND m.deleted_at IS NULL ORDER BY m.ord, m.id`);
    this.insertMember = db.prepare(`
      INSERT INTO plan_members (id, plan_id, official_id, role, position, ord,
        created_at, updated_at, changed_by_office, rev, rev_history)
      VALUES (@id, @plan_id, @official_id, @role, @position, @ord,
        @created_at, @updated_at, @changed_by_office, @rev, @rev_history)`);
    this.updateMember = db.prepare(
      `UPDATE plan_members SET role = @role, position = @position, ord = @ord, ${meta} WHERE id = @id`,
    );
    this.tombstoneMember = db.prepare(`UPDATE plan_members SET deleted_at = @updated_at, ${meta} WHERE id = @id`);
    this.scopeUnitIds = db.prepare(`SELECT DISTINCT unit_id FROM plan_units WHERE plan_id = ? AND deleted_at IS NULL`);
    this.scopeRowsOf = db.prepare(
      `SELECT id, rev, rev_history FROM plan_units WHERE plan_id = ? AND unit_id = ? AND deleted_at IS NULL`,
    );
    this.insertScope = db.prepare(`
      INSERT INTO plan_units (id, plan_id, unit_id, created_at, updated_at, changed_by_office, rev, rev_history)
      VALUES (@id, @plan_id, @unit_id, @created_at, @updated_at, @changed_by_office, @rev, @rev_history)`);
    this.tombstoneScope = db.prepare(`UPDATE plan_units SET deleted_at = @updated_at, ${meta} WHERE id = @id`);
    this.liveUnit = db.prepare(`SELECT id, name, kind FROM units WHERE id = ? AND deleted_at IS NULL`);
    this.official = db.prepare(`SELECT id, name, position FROM officials WHERE id = ? AND deleted_at IS NULL`);
  }

  /**
   * Active units matching a filter, in Vietnamese name order. Kinds and bodies arrive as JSON
   * arrays (one statement serves every combination); each search word is its own `instr` test.
   */
  matchingUnits(filter: { kinds: string[]; managingBodies: string[]; words: string[] }): ScopeUnitRow[] {
    const words = filter.words.slice(0, 8);
    const params: Record<string, string> = {
      kinds: JSON.stringify(filter.kinds),
      bodies: JSON.stringify(filter.managingBodies),
    };
    words.forEach((word, index) => {
      params[`w${index}`] = word;
    });
    const wordSql = words.map((_, index) => `AND instr(search_key, @w${index}) > 0`).join(' ');
    return this.db
      .prepare<Record<string, string>, ScopeUnitRow>(
        `SELECT id, name, kind FROM units
         WHERE deleted_at IS NULL AND active = 1
           AND (@kinds = '[]' OR kind IN (SELECT value FROM json_each(@kinds)))
           AND (@bodies = '[]' OR managing_body IN (SELECT value FROM json_each(@bodies)))
           ${wordSql}
         ORDER BY sort_key`,
      )
      .all(params);
  }
}
