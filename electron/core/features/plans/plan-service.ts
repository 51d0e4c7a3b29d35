import type { Db } from '../../db/open';
import { newRowMeta, nextRowMeta } from '../../db/row-meta';
import type { Clock } from '../../kernel/clock';
import { AppError, fieldError } from '../../kernel/errors';
import type { AuditChange } from '../../../../shared/domain/audit';
import type { Plan, PlanInput, PlanMember, TeamRole } from '../../../../shared/domain/plan';
import { UNIT_KINDS, type ManagingBody, type UnitKind } from '../../../../shared/domain/unit';
import { isLockedStatus } from '../../../../shared/domain/inspection';
import { searchKey, searchWords } from '../../../../shared/text/search';
import type { AuditTrail } from '../audit/audit-trail';
import type { InspectionService } from '../inspections/inspection-service';
import { PlanRepo, type PlanColumns, type PlanRow, type ScopeUnitRow } from './plan-repo';

export interface TeamInput {
  officialId: string;
  role: TeamRole;
  position: string;
}

export interface ScopeSelection {
  unitIds: string[];
  filter: { kinds: UnitKind[]; managingBodies: ManagingBody[]; query: string } | null;
}

export interface PlanWithTeam {
  plan: Plan;
  team: PlanMember[];
}

function columns(input: PlanInput): PlanColumns {
  return {
    title: input.title,
    title_key: searchKey(input.title),
    issuer: input.issuer,
    period_kind: input.periodKind,
    period_year: input.periodYear,
    decision_number: input.decisionNumber,
    decision_date: input.decisionDate,
    decision_signer: input.decisionSigner,
    decision_signer_title: input.decisionSignerTitle,
    legal_basis: input.legalBasis,
    target_percent: input.targetPercent,
    checklist_id: input.checklistId,
    notes: input.notes,
  };
}

function toPlan(row: PlanRow): Plan {
  return {
    id: row.id,
    title: row.title,
    issuer: row.issuer,
    periodKind: row.period_kind,
    periodYear: row.period_year,
    decisionNumber: row.decision_number,
    decisionDate: row.decision_date,
    decisionSigner: row.decision_signer,
    decisionSignerTitle: row.decision_signer_title,
    legalBasis: row.legal_basis,
    targetPercent: row.target_percent,
    checklistId: row.checklist_id,
    checklistName: row.checklist_name,
    notes: row.notes,
    isSample: row.is_sample === 1,
    scopeCount: row.scope_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    rev: row.rev,
  };
}

const AUDITED_FIELDS: (keyof PlanColumns)[] = [
  'title',
  'issuer',
  'period_kind',
  'period_year',
  'decision_number',
  'decision_date',
  'decision_signer',
  'decision_signer_title',
  'legal_basis',
  'target_percent',
  'checklist_id',
  'notes',
];

/** Plans: their fields, their team, and their scope (each unit in scope gets a planned inspection). */
export class PlanService {
  readonly repo: PlanRepo;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly officeId: () => string,
    private readonly audit: AuditTrail,
    private readonly inspections: InspectionService,
  ) {
    this.repo = new PlanRepo(db);
  }

  list(query: string): Plan[] {
    return this.repo.list.all({ words: JSON.stringify(searchWords(query)) }).map(toPlan);
  }

  get(id: string): PlanWithTeam {
    const row = this.repo.byId.get(id);
    if (!row || row.deleted_at !== null) throw new AppError('NOT_FOUND');
    return {
      plan: toPlan(row),
      team: this.repo.membersOf.all(id).map((member) => ({
        id: member.id,
        officialId: member.official_id,
        name: member.name,
        role: member.role,
        position: member.position,
        organization: member.organization,
      })),
    };
  }

  create(
    input: PlanInput,
    team: TeamInput[],
    scope: ScopeSelection | null,
    options: { isSample?: boolean } = {},
  ): PlanWithTeam {
    return this.db
      .transaction(() => {
        this.checkChecklist(input.checklistId);
        const meta = newRowMeta(this.clock.now(), this.officeId());
        this.repo.insert.run({ ...meta, ...columns(input), is_sample: options.isSample ? 1 : 0 });
        this.audit.record({ entity: 'plan', entityId: meta.id, action: 'create', summary: input.title });
        if (team.length > 0) this.writeTeam(meta.id, input.title, team);
        if (scope) this.writeScope(meta.id, input.title, scope, options.isSample ?? false);
        return this.get(meta.id);
      })
      .immediate();
  }

  update(id: string, expectedRev: string, input: PlanInput): PlanWithTeam {
    return this.db
      .transaction(() => {
        const row = this.liveRow(id);
        if (row.rev !== expectedRev) throw new AppError('CONFLICT');
        const next = columns(input);
        const current = row as unknown as Record<string, string | number | null>;
        const changes: AuditChange[] = AUDITED_FIELDS.filter((key) => current[key] !== next[key]).map((key) => ({
          field: key,
          before: String(current[key] ?? ''),
          after: String(next[key] ?? ''),
        }));
        if (changes.length === 0) return this.get(id);
        if (next.checklist_id !== row.checklist_id) this.checkChecklist(next.checklist_id);
        const result = this.repo.update.run({
          id,
          expected: expectedRev,
          ...next,
          ...nextRowMeta(this.clock.now(), this.officeId(), row),
        });
        if (result.changes !== 1) throw new AppError('CONFLICT');
        this.audit.record({ entity: 'plan', entityId: id, action: 'update', summary: input.title, changes });
        return this.get(id);
      })
      .immediate();
  }

  setTeam(planId: string, team: TeamInput[]): PlanWithTeam {
    return this.db
      .transaction(() => {
        const row = this.liveRow(planId);
        this.writeTeam(planId, row.title, team);
        return this.get(planId);
      })
      .immediate();
  }

  previewScope(
    planId: string | null,
    selection: ScopeSelection,
  ): { matching: number; alreadyInScope: number; byKind: Record<UnitKind, number> } {
    const units = this.resolve(selection);
    const inScope = planId ? new Set(this.repo.scopeUnitIds.all(planId).map((row) => row.unit_id)) : new Set();
    const byKind = Object.fromEntries(UNIT_KINDS.map((kind) => [kind, 0])) as Record<UnitKind, number>;
    let alreadyInScope = 0;
    for (const unit of units) {
      if (inScope.has(unit.id)) alreadyInScope += 1;
      else byKind[unit.kind] += 1;
    }
    return { matching: units.length, alreadyInScope, byKind };
  }

  addScope(planId: string, selection: ScopeSelection, options: { isSample?: boolean } = {}) {
    return this.db
      .transaction(() => {
        const row = this.liveRow(planId);
        return this.writeScope(planId, row.title, selection, options.isSample ?? row.is_sample === 1);
      })
      .immediate();
  }

  /** Takes units out of scope with their planned and draft inspections; finalised work stays. */
  removeScope(planId: string, unitIds: string[]): { removed: number; kept: { unitId: string; unitName: string }[] } {
    return this.db
      .transaction(() => {
        const plan = this.liveRow(planId);
        const now = this.clock.now();
        const office = this.officeId();
        let removed = 0;
        const kept: { unitId: string; unitName: string }[] = [];
        for (const unitId of new Set(unitIds)) {
          const scopeRows = this.repo.scopeRowsOf.all(planId, unitId);
          if (scopeRows.length === 0) continue;
          const inspections = this.inspections.repo.livePlanUnit.all(planId, unitId);
          const unitName = this.repo.liveUnit.get(unitId)?.name ?? '';
          if (inspections.some((inspection) => isLockedStatus(inspection.status))) {
            kept.push({ unitId, unitName });
            continue;
          }
          for (const inspection of inspections) {
            this.inspections.repo.tombstone.run({ id: inspection.id, ...nextRowMeta(now, office, inspection) });
          }
          for (const scopeRow of scopeRows) {
            this.repo.tombstoneScope.run({ id: scopeRow.id, ...nextRowMeta(now, office, scopeRow) });
          }
          removed += 1;
        }
        if (removed > 0) {
          this.audit.record({
            entity: 'plan',
            entityId: planId,
            action: 'scopeRemove',
            summary: plan.title,
            detail: String(removed),
          });
        }
        return { removed, kept };
      })
      .immediate();
  }

  private liveRow(id: string): PlanRow {
    const row = this.repo.byId.get(id);
    if (!row || row.deleted_at !== null) throw new AppError('NOT_FOUND');
    return row;
  }

  private checkChecklist(checklistId: string): void {
    const found = this.db.prepare(`SELECT 1 FROM checklists WHERE id = ? AND deleted_at IS NULL`).get(checklistId);
    if (!found) throw fieldError('plan.checklistId', 'plans.validation.checklist', 'plans.validation.checklist');
  }

  private resolve(selection: ScopeSelection): ScopeUnitRow[] {
    const byId = new Map<string, ScopeUnitRow>();
    for (const unitId of selection.unitIds) {
      const unit = this.repo.liveUnit.get(unitId);
      if (!unit) throw fieldError('selection.unitIds', 'plans.validation.unitMissing', 'plans.validation.unitMissing');
      byId.set(unit.id, unit);
    }
    if (selection.filter) {
      // The same word-start search as the registry (shared/text/search.ts).
      const words = searchWords(selection.filter.query);
      for (const unit of this.repo.matchingUnits({ ...selection.filter, words })) byId.set(unit.id, unit);
    }
    return [...byId.values()];
  }

  /** Adds each unit not yet in scope, with a planned regular inspection, in one transaction. */
  private writeScope(
    planId: string,
    title: string,
    selection: ScopeSelection,
    isSample: boolean,
  ): { added: number; alreadyInScope: number } {
    const units = this.resolve(selection);
    const inScope = new Set(this.repo.scopeUnitIds.all(planId).map((row) => row.unit_id));
    const now = this.clock.now();
    const office = this.officeId();
    let added = 0;
    for (const unit of units) {
      if (inScope.has(unit.id)) continue;
      this.repo.insertScope.run({ ...newRowMeta(now, office), plan_id: planId, unit_id: unit.id });
      this.inspections.insertPlanned(planId, unit.id, 'regular', null, null, isSample);
      inScope.add(unit.id);
      added += 1;
    }
    if (added > 0) {
      this.audit.record({
        entity: 'plan',
        entityId: planId,
        action: 'scopeAdd',
        summary: title,
        detail: String(added),
      });
    }
    return { added, alreadyInScope: units.length - added };
  }

  /** Replaces the team: members matched by official keep their row; order is the list's order. */
  private writeTeam(planId: string, title: string, team: TeamInput[]): void {
    const now = this.clock.now();
    const office = this.officeId();
    const existing = new Map(this.repo.membersOf.all(planId).map((member) => [member.official_id, member]));
    const before = [...existing.values()].map((member) => `${member.name} (${member.role})`).join('; ');
    let changed = false;
    team.forEach((member, ord) => {
      const official = this.repo.official.get(member.officialId);
      if (!official) {
        throw fieldError(
          `team.${ord}.officialId`,
          'plans.validation.officialMissing',
          'plans.validation.officialMissing',
        );
      }
      const position = member.position || official.position;
      const known = existing.get(member.officialId);
      if (known) {
        if (known.role !== member.role || known.position !== position || known.ord !== ord) {
          this.repo.updateMember.run({
            id: known.id,
            role: member.role,
            position,
            ord,
            ...nextRowMeta(now, office, known),
          });
          changed = true;
        }
        existing.delete(member.officialId);
      } else {
        this.repo.insertMember.run({
          ...newRowMeta(now, office),
          plan_id: planId,
          official_id: member.officialId,
          role: member.role,
          position,
          ord,
        });
        changed = true;
      }
    });
    for (const gone of existing.values()) {
      this.repo.tombstoneMember.run({ id: gone.id, ...nextRowMeta(now, office, gone) });
      changed = true;
    }
    if (changed) {
      const after = this.repo.membersOf
        .all(planId)
        .map((member) => `${member.name} (${member.role})`)
        .join('; ');
      this.audit.record({
        entity: 'plan',
        entityId: planId,
        action: 'team',
        summary: title,
        changes: [{ field: 'team', before, after }],
      });
    }
  }
}
