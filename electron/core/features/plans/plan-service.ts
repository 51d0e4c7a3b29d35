import { createHash } from 'node:crypto';
import { recordMeta } from '../../db/record-table';
import type { Tx, WritePath } from '../../db/write-path';
import { AppError, fieldError } from '../../kernel/errors';
import type { Plan, PlanInput, PlanMember, TeamRole } from '../../../../shared/domain/plan';
import {
  SCHOOL_LEVELS,
  UNIT_KINDS,
  type ManagingBody,
  type SchoolLevel,
  type UnitKind,
} from '../../../../shared/domain/unit';
import { searchWords } from '../../../../shared/text/search';
import type { InspectionService } from '../inspections/inspection-service';
import type { ChecklistRepo } from '../checklists/checklist-repo';
import { planEntity, type PlanRepo, type PlanRow, type PlanViewRow, type ScopeUnitRow } from './plan-repo';

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
  /** The revision of the team as a whole; `setTeam` is refused when it moved meanwhile. */
  teamRev: string;
}

/** A digest of the live members' ids and revisions: changes whenever any member does. */
function teamRevision(members: { id: string; rev: string }[]): string {
  const hash = createHash('sha256');
  for (const member of [...members].sort((a, b) => a.id.localeCompare(b.id)))
    hash.update(`${member.id}:${member.rev};`);
  return hash.digest('base64url').slice(0, 22);
}

function toPlan(row: PlanViewRow): Plan {
  return {
    ...recordMeta(row),
    ...planEntity.fromRow(row),
    checklistName: row.checklist_name,
    scopeCount: row.scope_count,
  };
}

/** Plans: their fields, their team, and their scope (each unit in scope gets a planned inspection). */
export class PlanService {
  constructor(
    private readonly writes: WritePath,
    readonly repo: PlanRepo,
    private readonly checklists: ChecklistRepo,
    private readonly inspections: InspectionService,
  ) {}

  list(query: string): Plan[] {
    return this.repo.list.all({ words: JSON.stringify(searchWords(query)) }).map(toPlan);
  }

  get(id: string): PlanWithTeam {
    const row = this.repo.view.get(id);
    if (!row || row.deleted_at !== null) throw new AppError('NOT_FOUND');
    const members = this.repo.membersOf.all(id);
    return {
      plan: toPlan(row),
      teamRev: teamRevision(members),
      team: members.map((member) => ({
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
    return this.writes.run((tx) => {
      this.checkChecklist(input.checklistId);
      const isSample = options.isSample ?? false;
      const row = tx.insert(
        this.repo.plans,
        { ...input, isSample, originOffice: tx.officeId },
        { audit: { action: 'create', summary: input.title } },
      );
      if (team.length > 0) this.writeTeam(tx, row, team);
      if (scope) this.writeScope(tx, row, scope, isSample);
      return this.get(row.id);
    });
  }

  update(id: string, expectedRev: string, input: PlanInput): PlanWithTeam {
    return this.writes.run((tx) => {
      const current = tx.live(this.repo.plans, id, expectedRev);
      if (input.checklistId !== current.checklist_id) this.checkChecklist(input.checklistId);
      tx.update(this.repo.plans, current, input, {
        audit: { action: 'update', summary: input.title, changes: 'fields' },
      });
      return this.get(id);
    });
  }

  /**
   * Replaces the team with this list, from the team the clerk saw (`teamRev`): a list based on
   * a team another editor changed meanwhile is refused as a conflict instead of silently
   * dropping the member they added.
   */
  setTeam(planId: string, teamRev: string, team: TeamInput[]): PlanWithTeam {
    return this.writes.run((tx) => {
      const current = tx.live(this.repo.plans, planId);
      if (teamRevision(this.repo.membersOf.all(planId)) !== teamRev) throw new AppError('CONFLICT');
      this.writeTeam(tx, current, team);
      return this.get(planId);
    });
  }

  previewScope(
    planId: string | null,
    selection: ScopeSelection,
  ): {
    matching: number;
    alreadyInScope: number;
    byKind: Record<UnitKind, number>;
    bySchoolLevel: Record<SchoolLevel, number>;
  } {
    const units = this.resolve(selection);
    const inScope = planId ? new Set(this.repo.scopeUnitIds.all(planId).map((row) => row.unit_id)) : new Set();
    const byKind = Object.fromEntries(UNIT_KINDS.map((kind) => [kind, 0])) as Record<UnitKind, number>;
    const bySchoolLevel = Object.fromEntries(SCHOOL_LEVELS.map((level) => [level, 0])) as Record<SchoolLevel, number>;
    let alreadyInScope = 0;
    for (const unit of units) {
      if (inScope.has(unit.id)) {
        alreadyInScope += 1;
        continue;
      }
      byKind[unit.kind] += 1;
      if (unit.kind === 'school' && unit.school_level) bySchoolLevel[unit.school_level] += 1;
    }
    return { matching: units.length, alreadyInScope, byKind, bySchoolLevel };
  }

  /** Scope grows during the year; adding what is already there changes nothing (no revision check). */
  addScope(planId: string, selection: ScopeSelection, options: { isSample?: boolean } = {}) {
    return this.writes.run((tx) => {
      const current = tx.live(this.repo.plans, planId);
      return this.writeScope(tx, current, selection, options.isSample ?? current.is_sample === 1);
    });
  }

  /** Takes units out of scope with their planned and draft inspections; finalised work stays. */
  removeScope(planId: string, unitIds: string[]): { removed: number; kept: { unitId: string; unitName: string }[] } {
    return this.writes.run((tx) => {
      const plan = tx.live(this.repo.plans, planId);
      let removed = 0;
      const kept: { unitId: string; unitName: string }[] = [];
      for (const unitId of new Set(unitIds)) {
        const scopeRows = this.repo.scopeRowsOf.all(planId, unitId);
        if (scopeRows.length === 0) continue;
        const unitName = this.repo.liveUnit.get(unitId)?.name ?? '';
        // The inspection service's rules decide: a finalised record is never taken away.
        if (!this.inspections.removeFromPlan(tx, planId, unitId)) {
          kept.push({ unitId, unitName });
          continue;
        }
        for (const scopeRow of scopeRows) tx.tombstone(this.repo.scope, scopeRow);
        removed += 1;
      }
      if (removed > 0) {
        tx.record({
          entity: 'plan',
          entityId: planId,
          action: 'scopeRemove',
          summary: plan.title,
          detail: String(removed),
        });
      }
      return { removed, kept };
    });
  }

  /** The sample plans go with the sample district: plans, scope, team and their inspections. */
  removeSamples(tx: Tx): void {
    for (const plan of this.repo.liveSamplePlans()) {
      this.inspections.removeAllOfPlan(tx, plan.id);
      for (const unit of this.repo.scopeUnitIds.all(plan.id)) {
        for (const row of this.repo.scopeRowsOf.all(plan.id, unit.unit_id)) tx.tombstone(this.repo.scope, row);
      }
      for (const member of this.repo.membersOf.all(plan.id)) tx.tombstone(this.repo.members, member);
      tx.tombstone(this.repo.plans, plan);
    }
  }

  private checkChecklist(checklistId: string): void {
    if (!this.checklists.checklists.live(checklistId)) {
      throw fieldError('plan.checklistId', 'plans.validation.checklist', 'plans.validation.checklist');
    }
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

  /** Adds each unit not yet in scope, with a planned regular inspection. */
  private writeScope(
    tx: Tx,
    plan: PlanRow,
    selection: ScopeSelection,
    isSample: boolean,
  ): { added: number; alreadyInScope: number } {
    const units = this.resolve(selection);
    const inScope = new Set(this.repo.scopeUnitIds.all(plan.id).map((row) => row.unit_id));
    let added = 0;
    for (const unit of units) {
      if (inScope.has(unit.id)) continue;
      tx.insert(this.repo.scope, { planId: plan.id, unitId: unit.id });
      this.inspections.insertPlanned(tx, {
        planId: plan.id,
        unitId: unit.id,
        kind: 'regular',
        originalId: null,
        plannedDate: null,
        isSample,
      });
      inScope.add(unit.id);
      added += 1;
    }
    if (added > 0) {
      tx.record({ entity: 'plan', entityId: plan.id, action: 'scopeAdd', summary: plan.title, detail: String(added) });
    }
    return { added, alreadyInScope: units.length - added };
  }

  /** Replaces the team: members matched by official keep their row; order is the list's order. */
  private writeTeam(tx: Tx, plan: PlanRow, team: TeamInput[]): void {
    const existing = new Map(this.repo.membersOf.all(plan.id).map((member) => [member.official_id, member]));
    const describe = (members: { name: string; role: string }[]) =>
      members.map((member) => `${member.name} (${member.role})`).join('; ');
    const before = describe([...existing.values()]);
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
        changed = tx.update(this.repo.members, known, { role: member.role, position, ord }).changed || changed;
        existing.delete(member.officialId);
      } else {
        tx.insert(this.repo.members, {
          planId: plan.id,
          officialId: member.officialId,
          role: member.role,
          position,
          ord,
        });
        changed = true;
      }
    });
    for (const gone of existing.values()) {
      tx.tombstone(this.repo.members, gone);
      changed = true;
    }
    if (!changed) return;
    tx.record({
      entity: 'plan',
      entityId: plan.id,
      action: 'team',
      summary: plan.title,
      changes: [{ field: 'team', before, after: describe(this.repo.membersOf.all(plan.id)) }],
    });
  }
}
