import { z } from 'zod';
import { idSchema, isoDateSchema, line, multiline, requiredLine, rowMetaSchema } from './common';
import { MANAGING_BODIES, UNIT_KINDS } from './unit';
import { parentBodyLine } from '../format/document-text';

/** A plan covers a calendar year ("năm 2019") or a school year ("năm học 2019–2020"). */
export const PERIOD_KINDS = ['calendarYear', 'schoolYear'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** Roles on an inspection team, in the order the minutes list them. */
export const TEAM_ROLES = ['leader', 'deputy', 'member', 'secretary'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export function teamRoleOrder(role: TeamRole): number {
  return TEAM_ROLES.indexOf(role);
}

/**
 * The two directives of the story, offered as suggestions for the legal basis. They are names
 * of legal documents printed in Vietnamese minutes, so they stay Vietnamese in every interface
 * language (not interface text).
 */
export const LEGAL_BASIS_SUGGESTIONS = [
  'Chỉ thị số 26/CT-TTg ngày 05/9/2016 của Thủ tướng Chính phủ về việc tăng cường kỷ luật, kỷ cương trong các cơ quan hành chính nhà nước các cấp',
  'Chỉ thị số 02/CT-UBND ngày 04/01/2018 của Chủ tịch UBND tỉnh Lạng Sơn về việc tăng cường kỷ luật, kỷ cương hành chính',
] as const;

export const planInputSchema = z.object({
  /** e.g. "Kiểm tra KLKCHC năm học 2019–2020" */
  title: requiredLine(300),
  /** Cơ quan ban hành, e.g. "Phòng Giáo dục và Đào tạo huyện Lộc Bình". */
  issuer: requiredLine(200),
  /**
   * The body that formed the team, printed above "ĐOÀN KIỂM TRA" in the minutes, e.g. "UBND
   * HUYỆN LỘC BÌNH". Filled from the issuer (`teamParentBodyOf`) and editable; '' prints the
   * issuer's line.
   */
  teamParentBody: line(200).default(''),
  periodKind: z.enum(PERIOD_KINDS, { error: 'validation.choose' }),
  /** The calendar year, or the first year of the school year (2019 for 2019–2020). */
  periodYear: z
    .number({ error: 'validation.number' })
    .int({ error: 'validation.number' })
    .min(2000, { error: 'plans.validation.year' })
    .max(2100, { error: 'plans.validation.year' }),
  /** Số quyết định thành lập đoàn kiểm tra, e.g. "125/QĐ-UBND". */
  decisionNumber: line(60),
  decisionDate: isoDateSchema.nullable(),
  /** Người ký quyết định (name) and title, e.g. "Nguyễn Đặng Ân", "Chủ tịch UBND huyện". */
  decisionSigner: line(120),
  decisionSignerTitle: line(150),
  legalBasis: multiline(4000),
  /** Chỉ tiêu: percentage of the units in scope to inspect (100 by default). */
  targetPercent: z
    .number({ error: 'validation.number' })
    .int({ error: 'validation.number' })
    .min(1, { error: 'plans.validation.target' })
    .max(100, { error: 'plans.validation.target' }),
  checklistId: idSchema,
  notes: multiline(4000),
});
export type PlanInputRaw = z.input<typeof planInputSchema>;
export type PlanInput = z.output<typeof planInputSchema>;

export const planSchema = rowMetaSchema.extend({
  title: z.string(),
  issuer: z.string(),
  teamParentBody: z.string(),
  periodKind: z.enum(PERIOD_KINDS),
  periodYear: z.number().int(),
  decisionNumber: z.string(),
  decisionDate: z.string().nullable(),
  decisionSigner: z.string(),
  decisionSignerTitle: z.string(),
  legalBasis: z.string(),
  targetPercent: z.number().int(),
  checklistId: z.string(),
  checklistName: z.string(),
  notes: z.string(),
  isSample: z.boolean(),
  /** The office that made the plan (its id; a received plan shows where it came from). */
  originOffice: z.string(),
  /** Live units in scope. */
  scopeCount: z.number().int(),
});
export type Plan = z.infer<typeof planSchema>;

/** One person on a plan's team (đoàn kiểm tra), in order. */
export const planMemberSchema = z.object({
  id: z.string(),
  officialId: z.string(),
  name: z.string(),
  role: z.enum(TEAM_ROLES),
  /** Position as printed for this plan (copied from the official, editable). */
  position: z.string(),
  organization: z.string(),
});
export type PlanMember = z.infer<typeof planMemberSchema>;

export const planMemberInputSchema = z.object({
  officialId: idSchema,
  role: z.enum(TEAM_ROLES, { error: 'validation.choose' }),
  position: line(150),
});
export type PlanMemberInputRaw = z.input<typeof planMemberInputSchema>;

export const MAX_TEAM = 30;

export const planTeamSchema = z
  .array(planMemberInputSchema)
  .max(MAX_TEAM, { error: 'validation.tooLong' })
  .superRefine((members, ctx) => {
    const seen = new Set<string>();
    members.forEach((member, index) => {
      if (seen.has(member.officialId)) {
        ctx.addIssue({ code: 'custom', path: [index, 'officialId'], message: 'plans.validation.duplicateMember' });
      }
      seen.add(member.officialId);
    });
    if (members.filter((member) => member.role === 'leader').length > 1) {
      ctx.addIssue({ code: 'custom', path: [], message: 'plans.validation.oneLeader' });
    }
  });

/** How to pick units for the scope: by kind, managing body and/or a search, or by hand. */
export const scopeSelectionSchema = z.object({
  unitIds: z.array(idSchema).max(20_000).default([]),
  /** Adds every active unit matching all of these (an empty filter matches every active unit). */
  filter: z
    .object({
      kinds: z.array(z.enum(UNIT_KINDS)).max(UNIT_KINDS.length).default([]),
      managingBodies: z.array(z.enum(MANAGING_BODIES)).max(MANAGING_BODIES.length).default([]),
      query: z.string().max(200).default(''),
    })
    .nullable()
    .default(null),
});
export type ScopeSelectionRaw = z.input<typeof scopeSelectionSchema>;

/**
 * The team's parent body as the minutes print it, from the plan's issuer: a team formed by UBND
 * huyện Lộc Bình heads its minutes "UBND HUYỆN LỘC BÌNH", one formed by Phòng GD&ĐT "PHÒNG
 * GD&ĐT HUYỆN LỘC BÌNH".
 */
export function teamParentBodyOf(issuer: string): string {
  return parentBodyLine(issuer);
}

export function emptyPlanInput(checklistId: string, issuer: string, year: number): PlanInputRaw {
  return {
    title: '',
    issuer,
    teamParentBody: teamParentBodyOf(issuer),
    periodKind: 'calendarYear',
    periodYear: year,
    decisionNumber: '',
    decisionDate: null,
    decisionSigner: '',
    decisionSignerTitle: '',
    legalBasis: '',
    targetPercent: 100,
    checklistId,
    notes: '',
  };
}

export function planToInput(plan: Plan): PlanInputRaw {
  return {
    title: plan.title,
    issuer: plan.issuer,
    teamParentBody: plan.teamParentBody,
    periodKind: plan.periodKind,
    periodYear: plan.periodYear,
    decisionNumber: plan.decisionNumber,
    decisionDate: plan.decisionDate,
    decisionSigner: plan.decisionSigner,
    decisionSignerTitle: plan.decisionSignerTitle,
    legalBasis: plan.legalBasis,
    targetPercent: plan.targetPercent,
    checklistId: plan.checklistId,
    notes: plan.notes,
  };
}

/** "2019" or "2019–2020" (an en dash, as printed). */
export function periodYears(kind: PeriodKind, year: number): string {
  return kind === 'schoolYear' ? `${year}–${year + 1}` : String(year);
}
