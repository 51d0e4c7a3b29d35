import { z } from 'zod';
import { defineEndpoints } from './define';
import { idSchema } from '../domain/common';
import { planInputSchema, planMemberSchema, planSchema, planTeamSchema, scopeSelectionSchema } from '../domain/plan';
import { SCHOOL_LEVELS, UNIT_KINDS } from '../domain/unit';

const planWithTeam = z.object({
  plan: planSchema,
  team: z.array(planMemberSchema),
  /** The team's revision as a whole, sent back with `plans.setTeam`. */
  teamRev: z.string(),
});

export const planEndpoints = defineEndpoints({
  /** Newest period first, then by title. */
  'plans.list': {
    input: z.object({ query: z.string().max(200).default('') }),
    output: z.array(planSchema),
  },
  'plans.get': { input: z.object({ id: idSchema }), output: planWithTeam },
  /** A plan, optionally with its team and first scope at once. */
  'plans.create': {
    input: z.object({
      plan: planInputSchema,
      team: planTeamSchema.default([]),
      scope: scopeSelectionSchema.nullable().default(null),
    }),
    output: planWithTeam,
  },
  'plans.update': {
    input: z.object({ id: idSchema, rev: z.string().min(1).max(100), plan: planInputSchema }),
    output: planWithTeam,
  },
  /**
   * Replaces the team with this list, in this order. `teamRev` is the team the list was based
   * on: when another editor changed the team since, the call is refused as a CONFLICT.
   */
  'plans.setTeam': {
    input: z.object({ planId: idSchema, teamRev: z.string().min(1).max(64), team: planTeamSchema }),
    output: planWithTeam,
  },
  /** How many units a selection would add, before adding them. */
  'plans.previewScope': {
    input: z.object({ planId: idSchema.nullable().default(null), selection: scopeSelectionSchema }),
    output: z.object({
      matching: z.number().int(),
      alreadyInScope: z.number().int(),
      byKind: z.record(z.enum(UNIT_KINDS), z.number().int()),
      bySchoolLevel: z.record(z.enum(SCHOOL_LEVELS), z.number().int()),
    }),
  },
  /** Adds units to the scope; each gets a planned inspection on the schedule. */
  'plans.addScope': {
    input: z.object({ planId: idSchema, selection: scopeSelectionSchema }),
    output: z.object({ added: z.number().int(), alreadyInScope: z.number().int() }),
  },
  /**
   * Takes units out of the scope with their planned and draft inspections. A unit with a
   * finalised inspection stays (listed in `kept`): its record is part of the plan's history.
   */
  'plans.removeScope': {
    input: z.object({ planId: idSchema, unitIds: z.array(idSchema).min(1).max(20_000) }),
    output: z.object({
      removed: z.number().int(),
      kept: z.array(z.object({ unitId: z.string(), unitName: z.string() })),
    }),
  },
});
