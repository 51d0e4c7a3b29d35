import { z } from 'zod';
import { idSchema, line, multiline, requiredLine, rowMetaSchema } from './common';

export const UNIT_KINDS = ['department', 'commune', 'school', 'publicService', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** What a school teaches: mầm non, tiểu học, THCS, liên cấp ("TH và THCS"), or other (THPT, GDTX…). */
export const SCHOOL_LEVELS = ['preschool', 'primary', 'lowerSecondary', 'multiLevel', 'other'] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

/**
 * What kind of school it is, beside its level: a "Trường PTDTBT THCS" is a lower-secondary
 * school of the ethnic semi-boarding type (phổ thông dân tộc bán trú), a "Trường PTDTNT" one of
 * the ethnic boarding type (phổ thông dân tộc nội trú).
 */
export const SCHOOL_TYPES = ['regular', 'ethnicSemiBoarding', 'ethnicBoarding'] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number];

export const MANAGING_BODIES = ['district', 'education', 'other'] as const;
export type ManagingBody = (typeof MANAGING_BODIES)[number];

/** Schools are managed by Phòng GD&ĐT; every other kind by UBND huyện, unless the user says otherwise. */
export function defaultManagingBody(kind: UnitKind): ManagingBody {
  return kind === 'school' ? 'education' : 'district';
}

const CODE_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._/-]*$/u;
const PHONE_SEPARATORS = /[;,/]|\s-\s/;

/** One or more phone numbers: "0205 3840 123", "(0205) 3.840.123", "+84 912 345 678; 0912…". */
export function isValidPhoneList(value: string): boolean {
  if (value === '') return true;
  return value
    .split(PHONE_SEPARATORS)
    .map((part) => part.replace(/[\s.()-]/g, ''))
    .every((digits) => /^\+?\d{8,12}$/.test(digits));
}

export const unitInputSchema = z
  .object({
    code: line(30).refine((value) => value === '' || CODE_PATTERN.test(value), {
      error: 'registry.validation.codeFormat',
    }),
    name: requiredLine(250),
    kind: z.enum(UNIT_KINDS, { error: 'validation.required' }),
    schoolLevel: z.enum(SCHOOL_LEVELS).nullable(),
    /** Left out or null for a school: a regular school. */
    schoolType: z.enum(SCHOOL_TYPES).nullable().default(null),
    managingBody: z.enum(MANAGING_BODIES, { error: 'validation.required' }),
    parentId: idSchema.nullable(),
    headName: line(120),
    headTitle: line(120),
    address: line(300),
    phone: line(80).refine(isValidPhoneList, { error: 'registry.validation.phone' }),
    active: z.boolean(),
    notes: multiline(2000),
  })
  .superRefine((unit, ctx) => {
    if (unit.kind === 'school' && unit.schoolLevel === null) {
      ctx.addIssue({ code: 'custom', path: ['schoolLevel'], message: 'registry.validation.schoolLevelRequired' });
    }
  })
  .transform((unit) => ({
    ...unit,
    schoolLevel: unit.kind === 'school' ? unit.schoolLevel : null,
    schoolType: unit.kind === 'school' ? (unit.schoolType ?? 'regular') : null,
  }));

/** What a form or an import sends (before cleaning). */
export type UnitInputRaw = z.input<typeof unitInputSchema>;
/** What the core stores (after cleaning). */
export type UnitInput = z.output<typeof unitInputSchema>;

export const unitSchema = rowMetaSchema.extend({
  code: z.string(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  schoolLevel: z.enum(SCHOOL_LEVELS).nullable(),
  schoolType: z.enum(SCHOOL_TYPES).nullable(),
  managingBody: z.enum(MANAGING_BODIES),
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  headName: z.string(),
  headTitle: z.string(),
  address: z.string(),
  phone: z.string(),
  active: z.boolean(),
  notes: z.string(),
  isSample: z.boolean(),
});
export type Unit = z.infer<typeof unitSchema>;

export function emptyUnitInput(kind: UnitKind = 'school'): UnitInputRaw {
  return {
    code: '',
    name: '',
    kind,
    schoolLevel: kind === 'school' ? 'primary' : null,
    schoolType: kind === 'school' ? 'regular' : null,
    managingBody: defaultManagingBody(kind),
    parentId: null,
    headName: '',
    headTitle: '',
    address: '',
    phone: '',
    active: true,
    notes: '',
  };
}

export function unitToInput(unit: Unit): UnitInputRaw {
  return {
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    schoolLevel: unit.schoolLevel,
    schoolType: unit.schoolType,
    managingBody: unit.managingBody,
    parentId: unit.parentId,
    headName: unit.headName,
    headTitle: unit.headTitle,
    address: unit.address,
    phone: unit.phone,
    active: unit.active,
    notes: unit.notes,
  };
}
