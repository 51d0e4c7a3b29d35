import { z } from 'zod';
import { defineEndpoints } from './define';
import { idSchema } from '../domain/common';
import { MANAGING_BODIES, SCHOOL_LEVELS, SCHOOL_TYPES, UNIT_KINDS, unitInputSchema, unitSchema } from '../domain/unit';

export const UNIT_SORTS = ['name', 'code', 'kind', 'updated'] as const;
export type UnitSort = (typeof UNIT_SORTS)[number];

export const unitFilterSchema = z.object({
  /** Typed by the user; compared after folding diacritics and case. */
  query: z.string().max(200).default(''),
  kinds: z.array(z.enum(UNIT_KINDS)).max(UNIT_KINDS.length).default([]),
  managingBodies: z.array(z.enum(MANAGING_BODIES)).max(MANAGING_BODIES.length).default([]),
  /** Schools of these levels / types only (a THCS of the PTDTBT type is a THCS). */
  schoolLevels: z.array(z.enum(SCHOOL_LEVELS)).max(SCHOOL_LEVELS.length).default([]),
  schoolTypes: z.array(z.enum(SCHOOL_TYPES)).max(SCHOOL_TYPES.length).default([]),
  active: z.enum(['active', 'inactive', 'all']).default('active'),
});
export type UnitFilter = z.input<typeof unitFilterSchema>;

/** What the registry may answer besides the common errors. */
export const RegistryError = {
  undoUnknown: 'registry.undoUnknown',
  undoStale: 'registry.undoStale',
  undoInUse: 'registry.undoInUse',
} as const;

const mutationResult = z.object({ unit: unitSchema, undoId: z.string() });

export const registryEndpoints = defineEndpoints({
  'registry.list': {
    input: unitFilterSchema.extend({
      sort: z.enum(UNIT_SORTS).default('name'),
      offset: z.number().int().min(0).max(10_000_000).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ total: z.number().int(), rows: z.array(unitSchema) }),
  },
  'registry.get': { input: z.object({ id: idSchema }), output: unitSchema },
  'registry.counts': {
    input: z.object({}),
    output: z.object({
      total: z.number().int(),
      active: z.number().int(),
      sample: z.number().int(),
      byKind: z.record(z.enum(UNIT_KINDS), z.number().int()),
      /** Live schools by level, and by type. */
      bySchoolLevel: z.record(z.enum(SCHOOL_LEVELS), z.number().int()),
      bySchoolType: z.record(z.enum(SCHOOL_TYPES), z.number().int()),
    }),
  },
  'registry.create': { input: z.object({ unit: unitInputSchema }), output: mutationResult },
  'registry.update': {
    input: z.object({ id: idSchema, rev: z.string().min(1), unit: unitInputSchema }),
    output: mutationResult,
  },
  'registry.setActive': {
    input: z.object({ id: idSchema, rev: z.string().min(1).max(100), active: z.boolean() }),
    output: mutationResult,
  },
  /** Reverts the change an earlier call reported by its undoId, if nothing changed since. */
  'registry.undo': {
    input: z.object({ undoId: z.string().min(1).max(100) }),
    output: z.object({ unit: unitSchema.nullable() }),
  },
  'registry.loadSample': {
    input: z.object({}),
    output: z.object({ created: z.number().int() }),
  },
  'registry.removeSample': {
    input: z.object({}),
    output: z.object({ removed: z.number().int(), kept: z.number().int() }),
  },
});
