import type { Tx } from '../../db/write-path';
import { fieldError } from '../../kernel/errors';
import type { AmendmentChange, InspectionContent } from '../../../../shared/domain/inspection';
import type { InspectionRepo } from './inspection-repo';
import type { InspectionRow, RepresentativeRow, RequestRow, ResultRow, TeamRow } from './inspection-entities';

/** The stored rows of one inspection's content, read once per save. */
export interface StoredContent {
  row: InspectionRow;
  team: TeamRow[];
  representatives: RepresentativeRow[];
  results: ResultRow[];
  requests: RequestRow[];
}

export function readStored(repo: InspectionRepo, row: InspectionRow): StoredContent {
  return {
    row,
    team: repo.teamOf.all(row.id),
    representatives: repo.representativesOf.all(row.id),
    results: repo.results.of(row.id),
    requests: repo.requestsOf.all(row.id),
  };
}

export function toContent(stored: StoredContent): InspectionContent {
  const { row } = stored;
  return {
    inspectionDate: row.inspection_date,
    startTime: row.start_time,
    endTime: row.end_time,
    place: row.place,
    minutesNumber: row.minutes_number,
    team: stored.team.map((member) => ({
      id: member.id,
      officialId: member.official_id,
      name: member.name,
      position: member.position,
      role: member.role,
    })),
    representatives: stored.representatives.map((person) => ({
      id: person.id,
      name: person.name,
      position: person.position,
    })),
    results: stored.results.map((item) => ({ criterionId: item.criterion_id, result: item.result, note: item.note })),
    strengths: row.strengths,
    limitations: row.limitations,
    causes: row.causes,
    requests: stored.requests.map((request) => ({
      id: request.id,
      text: request.text,
      dueDate: request.due_date,
      remediedDate: request.remedied_date,
    })),
    unitResponse: row.unit_response,
    conclusion: row.conclusion,
  };
}

/** The inspection's own fields a draft save writes (never status, plan, unit or kind). */
export type ScalarContent = Pick<
  InspectionContent,
  | 'inspectionDate'
  | 'startTime'
  | 'endTime'
  | 'place'
  | 'minutesNumber'
  | 'strengths'
  | 'limitations'
  | 'causes'
  | 'unitResponse'
  | 'conclusion'
>;

const SCALAR_FIELDS = [
  'inspectionDate',
  'startTime',
  'endTime',
  'place',
  'minutesNumber',
  'strengths',
  'limitations',
  'causes',
  'unitResponse',
  'conclusion',
] as const satisfies readonly (keyof ScalarContent)[];

export function scalarContent(content: InspectionContent): ScalarContent {
  const out: Partial<ScalarContent> = {};
  for (const field of SCALAR_FIELDS) (out as Record<string, unknown>)[field] = content[field];
  return out as ScalarContent;
}

export interface ApplyContext {
  tx: Tx;
  repo: InspectionRepo;
  /** Live criteria of the inspection's checklist version, id → text (for labels and checks). */
  criteria: Map<string, string>;
}

function describeMembers(members: { name: string; role?: string; position: string }[]): string {
  return members.map((member) => [member.name, member.position, member.role].filter(Boolean).join(' — ')).join('; ');
}

function shortLabel(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/**
 * Writes the difference between what is stored and `next` in child rows: inserted, updated or
 * tombstoned one by one (results, being owned rows, are deleted instead); the caller writes the
 * scalar fields with the inspection's new revision. Answers the changes, field by field, for
 * the audit trail and amendments (scalar fields included), and whether any child row was written
 * (a new order or a new link to an official is written without a change a person reads; the
 * caller still gives the record its new revision). Ids sent for new child rows must not belong
 * to another inspection.
 */
export function applyContent(
  ctx: ApplyContext,
  stored: StoredContent,
  next: InspectionContent,
): { changes: AmendmentChange[]; childRowsWritten: boolean } {
  const changes: AmendmentChange[] = [];
  const { repo, tx } = ctx;
  const inspectionId = stored.row.id;
  const storedScalars = repo.inspections.content(stored.row);
  for (const field of SCALAR_FIELDS) {
    const before = storedScalars[field] ?? '';
    const after = next[field] ?? '';
    if (before !== after) changes.push({ field, label: '', before, after });
  }

  /**
   * A new child row's id must be new, or a row of this inspection that was removed and is now
   * added back (then it is revived, keeping its history). An id of another record is refused.
   */
  const claimId = (id: string, field: string): boolean => {
    const owner = repo.childOwner.get({ id });
    if (!owner) return false;
    if (owner.inspection_id !== inspectionId) {
      throw fieldError(field, 'validation.invalidId', 'errors.VALIDATION_generic');
    }
    return true;
  };

  // Team present
  const teamById = new Map(stored.team.map((member) => [member.id, member]));
  let teamChanged = stored.team.length !== next.team.length;
  next.team.forEach((member, ord) => {
    const known = teamById.get(member.id);
    const values = {
      officialId: member.officialId,
      name: member.name,
      position: member.position,
      role: member.role,
      ord,
    };
    if (!known) {
      const removed = claimId(member.id, `content.team.${ord}.id`) ? repo.team.get(member.id) : undefined;
      if (removed) tx.update(repo.team, removed, values, { revive: true });
      else tx.insert(repo.team, { inspectionId, ...values }, { id: member.id });
      teamChanged = true;
    } else if (tx.update(repo.team, known, values).changed) {
      teamChanged = true;
    }
    teamById.delete(member.id);
  });
  for (const gone of teamById.values()) tx.tombstone(repo.team, gone);
  if (teamChanged) {
    const before = describeMembers(stored.team);
    const after = describeMembers(next.team);
    if (before !== after) changes.push({ field: 'team', label: '', before, after });
  }

  // Representatives of the unit
  const peopleById = new Map(stored.representatives.map((person) => [person.id, person]));
  let peopleChanged = stored.representatives.length !== next.representatives.length;
  next.representatives.forEach((person, ord) => {
    const known = peopleById.get(person.id);
    const values = { name: person.name, position: person.position, ord };
    if (!known) {
      const removed = claimId(person.id, `content.representatives.${ord}.id`)
        ? repo.representatives.get(person.id)
        : undefined;
      if (removed) tx.update(repo.representatives, removed, values, { revive: true });
      else tx.insert(repo.representatives, { inspectionId, ...values }, { id: person.id });
      peopleChanged = true;
    } else if (tx.update(repo.representatives, known, values).changed) {
      peopleChanged = true;
    }
    peopleById.delete(person.id);
  });
  for (const gone of peopleById.values()) tx.tombstone(repo.representatives, gone);
  if (peopleChanged) {
    const before = describeMembers(stored.representatives);
    const after = describeMembers(next.representatives);
    if (before !== after) changes.push({ field: 'representatives', label: '', before, after });
  }

  // Results, one per criterion; a criterion left out is cleared. They are owned rows: the
  // inspection's new revision, written by the caller in this transaction, covers them. "Not
  // decided, no note" is no row at all (DELETE), so the table holds only what was recorded and
  // the same content is always the same rows. Every write here also answers a change, so the
  // caller never skips the new revision.
  const resultByCriterion = new Map(stored.results.map((item) => [item.criterion_id, item]));
  const seen = new Set<string>();
  next.results.forEach((item, index) => {
    if (!ctx.criteria.has(item.criterionId) || seen.has(item.criterionId)) {
      throw fieldError(`content.results.${index}.criterionId`, 'validation.invalidId', 'errors.VALIDATION_generic');
    }
    seen.add(item.criterionId);
  });
  const wanted = new Map(next.results.map((item) => [item.criterionId, item]));
  const results = tx.owned(repo.results, inspectionId);
  for (const [criterionId, text] of ctx.criteria) {
    const known = resultByCriterion.get(criterionId);
    const item = wanted.get(criterionId) ?? { criterionId, result: null, note: '' };
    const label = shortLabel(text);
    const row = { inspection_id: inspectionId, criterion_id: criterionId, result: item.result, note: item.note };
    const empty = item.result === null && item.note === '';
    if (!known) {
      if (empty) continue;
      results.insert(row);
    } else if (known.result !== item.result || known.note !== item.note) {
      if (empty) results.delete(row);
      else results.update(row);
    }
    const before = known?.result ?? '';
    const after = item.result ?? '';
    if (before !== after) changes.push({ field: `results.${criterionId}.result`, label, before, after });
    if ((known?.note ?? '') !== item.note) {
      changes.push({ field: `results.${criterionId}.note`, label, before: known?.note ?? '', after: item.note });
    }
  }

  // Requests, with their deadlines and remedy dates
  const requestById = new Map(stored.requests.map((request) => [request.id, request]));
  let requestsChanged = stored.requests.length !== next.requests.length;
  next.requests.forEach((request, ord) => {
    const known = requestById.get(request.id);
    const label = shortLabel(request.text || known?.text || '');
    const values = { text: request.text, dueDate: request.dueDate, remediedDate: request.remediedDate, ord };
    if (!known) {
      const removed = claimId(request.id, `content.requests.${ord}.id`) ? repo.requests.get(request.id) : undefined;
      if (removed) tx.update(repo.requests, removed, values, { revive: true });
      else tx.insert(repo.requests, { inspectionId, ...values }, { id: request.id });
      requestsChanged = true;
      changes.push({ field: `requests.${request.id}`, label, before: '', after: request.text });
    } else {
      if (tx.update(repo.requests, known, values).changed) requestsChanged = true;
      if (known.text !== values.text) {
        changes.push({ field: `requests.${request.id}.text`, label, before: known.text, after: values.text });
      }
      if (known.due_date !== values.dueDate) {
        changes.push({
          field: `requests.${request.id}.dueDate`,
          label,
          before: known.due_date ?? '',
          after: values.dueDate ?? '',
        });
      }
      if (known.remedied_date !== values.remediedDate) {
        changes.push({
          field: `requests.${request.id}.remediedDate`,
          label,
          before: known.remedied_date ?? '',
          after: values.remediedDate ?? '',
        });
      }
    }
    requestById.delete(request.id);
  });
  for (const gone of requestById.values()) {
    tx.tombstone(repo.requests, gone);
    changes.push({ field: `requests.${gone.id}`, label: shortLabel(gone.text), before: gone.text, after: '' });
  }
  // Result writes always answer a change (above), so they need no flag of their own.
  return { changes, childRowsWritten: teamChanged || peopleChanged || requestsChanged };
}
