import type { InspectionKind, InspectionStatus, ResultValue } from '../../../../shared/domain/inspection';
import type { TeamRole } from '../../../../shared/domain/plan';

/** Rows of the inspection tables as SQLite returns them. */

interface Revisioned {
  id: string;
  rev: string;
  rev_history: string;
}

export interface InspectionRow extends Revisioned {
  plan_id: string;
  unit_id: string;
  kind: InspectionKind;
  original_id: string | null;
  status: InspectionStatus;
  planned_date: string | null;
  checklist_version_id: string | null;
  inspection_date: string | null;
  start_time: string;
  end_time: string;
  place: string;
  minutes_number: string;
  strengths: string;
  limitations: string;
  causes: string;
  unit_response: string;
  conclusion: string;
  finalised_at: string | null;
  finalised_by: string;
  is_sample: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export const INSPECTION_COLUMNS = `id, plan_id, unit_id, kind, original_id, status, planned_date, checklist_version_id,
  inspection_date, start_time, end_time, place, minutes_number, strengths, limitations, causes, unit_response,
  conclusion, finalised_at, finalised_by, is_sample, created_at, updated_at, rev, rev_history, deleted_at`;

/** The columns a draft save writes (never status, plan, unit or kind: those fire the progress triggers). */
export interface InspectionContentColumns {
  inspection_date: string | null;
  start_time: string;
  end_time: string;
  place: string;
  minutes_number: string;
  strengths: string;
  limitations: string;
  causes: string;
  unit_response: string;
  conclusion: string;
}

export interface TeamRow extends Revisioned {
  inspection_id: string;
  official_id: string | null;
  name: string;
  position: string;
  role: TeamRole;
  ord: number;
}

export interface RepresentativeRow extends Revisioned {
  inspection_id: string;
  name: string;
  position: string;
  ord: number;
}

/** An owned child row: no id or revision of its own, the inspection's revision covers it. */
export interface ResultRow {
  inspection_id: string;
  criterion_id: string;
  result: ResultValue | null;
  note: string;
}

export interface RequestRow extends Revisioned {
  inspection_id: string;
  text: string;
  due_date: string | null;
  remedied_date: string | null;
  ord: number;
}

export interface AmendmentRow {
  id: string;
  inspection_id: string;
  reason: string;
  operator: string;
  changes: string;
  created_at: string;
}
