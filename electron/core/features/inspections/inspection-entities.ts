import { col, defineEntity } from '../../db/columns';
import type { EntityRow } from '../../db/record-table';
import { INSPECTION_KINDS, INSPECTION_STATUSES, type ResultValue } from '../../../../shared/domain/inspection';
import { TEAM_ROLES } from '../../../../shared/domain/plan';

/** Column maps of an inspection and the parts it records. */
export const inspectionEntity = defineEntity({
  table: 'inspections',
  fields: {
    planId: col.text('plan_id').once(),
    unitId: col.text('unit_id').once(),
    kind: col.oneOf('kind', INSPECTION_KINDS).once(),
    originalId: col.optionalText('original_id').once(),
    status: col.oneOf('status', INSPECTION_STATUSES),
    plannedDate: col.optionalText('planned_date'),
    checklistVersionId: col.optionalText('checklist_version_id'),
    inspectionDate: col.optionalText('inspection_date'),
    startTime: col.text('start_time'),
    endTime: col.text('end_time'),
    place: col.text('place'),
    minutesNumber: col.text('minutes_number'),
    strengths: col.text('strengths'),
    limitations: col.text('limitations'),
    causes: col.text('causes'),
    unitResponse: col.text('unit_response'),
    conclusion: col.text('conclusion'),
    finalisedAt: col.optionalText('finalised_at'),
    finalisedBy: col.text('finalised_by'),
    isSample: col.flag('is_sample').once(),
  },
});

/** The team present; a member may be linked to the reusable list of officials. */
export const teamEntity = defineEntity({
  table: 'inspection_team',
  fields: {
    inspectionId: col.text('inspection_id').once(),
    officialId: col.optionalText('official_id'),
    name: col.text('name'),
    position: col.text('position'),
    role: col.oneOf('role', TEAM_ROLES),
    ord: col.integer('ord'),
  },
});

export const representativeEntity = defineEntity({
  table: 'inspection_representatives',
  fields: {
    inspectionId: col.text('inspection_id').once(),
    name: col.text('name'),
    position: col.text('position'),
    ord: col.integer('ord'),
  },
});

export const requestEntity = defineEntity({
  table: 'inspection_requests',
  fields: {
    inspectionId: col.text('inspection_id').once(),
    text: col.text('text'),
    dueDate: col.optionalText('due_date'),
    remediedDate: col.optionalText('remedied_date'),
    ord: col.integer('ord'),
  },
});

/** A change after finalising: the reason, who, and each field's old and new value (JSON). */
export const amendmentEntity = defineEntity({
  table: 'inspection_amendments',
  fields: {
    inspectionId: col.text('inspection_id').once(),
    reason: col.text('reason').once(),
    operator: col.text('operator').once(),
    changes: col.text('changes').once(),
  },
});

export type InspectionRow = EntityRow<typeof inspectionEntity>;
export type TeamRow = EntityRow<typeof teamEntity>;
export type RepresentativeRow = EntityRow<typeof representativeEntity>;
export type RequestRow = EntityRow<typeof requestEntity>;
export type AmendmentRow = EntityRow<typeof amendmentEntity>;

/** An owned child row (a result per criterion): no id or revision, the inspection's covers it. */
export interface ResultRow {
  [column: string]: string | null;
  inspection_id: string;
  criterion_id: string;
  result: ResultValue | null;
  note: string;
}
