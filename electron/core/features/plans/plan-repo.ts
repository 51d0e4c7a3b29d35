import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/open';
import { col, defineEntity } from '../../db/columns';
import { RecordTable, type EntityRow, type TableOf } from '../../db/record-table';
import type { Tx } from '../../db/write-path';
import { PERIOD_KINDS, TEAM_ROLES } from '../../../../shared/domain/plan';
import type { SchoolLevel, UnitKind } from '../../../../shared/domain/unit';
import { searchKey } from '../../../../shared/text/search';

/** Column maps of a plan, its scope (one row per unit it covers) and its team. */
export const planEntity = defineEntity({
  table: 'plans',
  fields: {
    title: col.text('title'),
    issuer: col.text('issuer'),
    teamParentBody: col.text('team_parent_body'),
    periodKind: col.oneOf('period_kind', PERIOD_KINDS),
    periodYear: col.integer('period_year'),
    decisionNumber: col.text('decision_number'),
    decisionDate: col.optionalText('decision_date'),
    decisionSigner: col.text('decision_signer'),
    decisionSignerTitle: col.text('decision_signer_title'),
    legalBasis: col.text('legal_basis'),
    targetPercent: col.integer('target_percent'),
    checklistId: col.text('checklist_id'),
    notes: col.text('notes'),
    isSample: col.flag('is_sample').once(),
    /** The office that made the plan (a plan received from another office is marked with it). */
    originOffice: col.text('origin_office').once(),
  },
  derived: {
    title_key: (plan): string => searchKey(plan.title),
  },
});

/**
 * Not unique in the schema: two offices may each add the same unit before exchanging data;
 * the service adds a unit once, readers count distinct units.
 */
export const scopeEntity = defineEntity({
  table: 'plan_units',
  fields: {
    planId: col.text('plan_id').once(),
    unitId: col.text('unit_id').once(),
  },
});

/** The position is copied from the official and editable per plan: a promotion does not rewrite old minutes. */
export const memberEntity = defineEntity({
  table: 'plan_members',
  fields: {
    planId: col.text('plan_id').once(),
    officialId: col.text('official_id').once(),
    role: col.oneOf('role', TEAM_ROLES),
    position: col.text('position'),
    ord: col.integer('ord'),
  },
});

export type PlanRow = EntityRow<typeof planEntity>;
export type ScopeRow = EntityRow<typeof scopeEntity>;
export type MemberRow = EntityRow<typeof memberEntity>;

/** A plan as the screens show it: with its checklist's name and the live units in scope. */
export type PlanViewRow = PlanRow & { checklist_name: string; scope_count: number };

export type MemberViewRow = MemberRow & { name: string; organization: string };

export interface ScopeUnitRow {
  id: string;
  name: string;
  kind: UnitKind;
  school_level: SchoolLevel | null;
}

/**
 * The plans' repository: the only writer of `plans`, `plan_units` and `plan_members` (through
 * the write path) and their queries. Other features put a unit in a plan's scope through
 * `addToScope`, never with SQL of their own.
 */
export class PlanRepo {
  readonly plans: TableOf<typeof planEntity>;
  readonly scope: TableOf<typeof scopeEntity>;
  readonly members: TableOf<typeof memberEntity>;
  readonly view: Statement<[string], PlanViewRow>;
  readonly list: Statement<{ words: string }, PlanViewRow>;
  readonly membersOf: Statement<[string], MemberViewRow>;
  readonly scopeUnitIds: Statement<[string], { unit_id: string }>;
  readonly scopeRowsOf: Statement<[string, string], ScopeRow>;
  readonly liveUnit: Statement<[string], ScopeUnitRow>;
  readonly official: Statement<[string], { id: string; name: string; position: string }>;
  private readonly sampleStmt: Statement<[], PlanRow>;

  constructor(private readonly db: Db) {
    this.plans = new RecordTable(db, planEntity, 'plan');
    this.scope = new RecordTable(db, scopeEntity, null);
    this.members = new RecordTable(db, memberEntity, null);
    const viewSelect = `
      SELECT ${planEntity.select('p')}, c.name AS checklist_name,
        coalesce((SELECT sum(k.scope) FROM progress_kind AS k WHERE k.plan_id = p.id), 0) AS scope_count
      FROM plans AS p JOIN checklists AS c ON c.id = p.checklist_id`;
    this.view = db.prepare(`${viewSelect} WHERE p.id = ?`);
    this.list = db.prepare(`
      ${viewSelect} WHERE p.deleted_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM json_each(@words) AS w WHERE instr(p.title_key, w.value) = 0)
      ORDER BY p.period_year DESC, p.title_key`);
    this.membersOf = db.prepare(`
      SELECT ${memberEntity.select('m')}, o.name, o.organization
      FROM plan_members AS m JOIN officials AS o ON o.id = m.official_id
      WHERE m.plan_id = ? AND m.deleted_at IS NULL ORDER BY m.ord, m.id`);
    this.scopeUnitIds = db.prepare(`SELECT DISTINCT unit_id FROM plan_units WHERE plan_id = ? AND deleted_at IS NULL`);
    this.scopeRowsOf = db.prepare(
      `SELECT ${scopeEntity.select()} FROM plan_units WHERE plan_id = ? AND unit_id = ? AND deleted_at IS NULL`,
    );
    this.liveUnit = db.prepare(`SELECT id, name, kind, school_level FROM units WHERE id = ? AND deleted_at IS NULL`);
    this.official = db.prepare(`SELECT id, name, position FROM officials WHERE id = ? AND deleted_at IS NULL`);
    this.sampleStmt = db.prepare(`SELECT ${planEntity.select()} FROM plans WHERE is_sample = 1 AND deleted_at IS NULL`);
  }

  inScope(planId: string, unitId: string): boolean {
    return this.scopeRowsOf.all(planId, unitId).length > 0;
  }

  /** Puts a unit in a plan's scope (once); true when it was not in it. */
  addToScope(tx: Tx, planId: string, unitId: string): boolean {
    if (this.inScope(planId, unitId)) return false;
    tx.insert(this.scope, { planId, unitId });
    return true;
  }

  liveSamplePlans(): PlanRow[] {
    return this.sampleStmt.all();
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
        `SELECT id, name, kind, school_level FROM units
         WHERE deleted_at IS NULL AND active = 1
           AND (@kinds = '[]' OR kind IN (SELECT value FROM json_each(@kinds)))
           AND (@bodies = '[]' OR managing_body IN (SELECT value FROM json_each(@bodies)))
           ${wordSql}
         ORDER BY sort_key`,
      )
      .all(params);
  }
}
