import { newRowMeta, nextRowMeta } from '../../db/row-meta';
import { fieldError } from '../../kernel/errors';
import type { AmendmentChange, InspectionContent } from '../../../../shared/domain/inspection';
import type { InspectionRepo } from './inspection-repo';
import type {
  InspectionContentColumns,
  InspectionRow,
  RepresentativeRow,
  RequestRow,
  ResultRow,
  TeamRow,
} from './inspection-rows';

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
    results: repo.resultsOf.all(row.id),
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

export function contentColumns(content: InspectionContent): InspectionContentColumns {
  return {
    inspection_date: content.inspectionDate,
    start_time: content.startTime,
    end_time: content.endTime,
    place: content.place,
    minutes_number: content.minutesNumber,
    strengths: content.strengths,
    limitations: content.limitations,
    causes: content.causes,
    unit_response: content.unitResponse,
    conclusion: content.conclusion,
  };
}

const SCALAR_FIELDS: [keyof InspectionContentColumns, string][] = [
  ['inspection_date', 'inspectionDate'],
  ['start_time', 'startTime'],
  ['end_time', 'endTime'],
  ['place', 'place'],
  ['minutes_number', 'minutesNumber'],
  ['strengths', 'strengths'],
  ['limitations', 'limitations'],
  ['causes', 'causes'],
  ['unit_response', 'unitResponse'],
  ['conclusion', 'conclusion'],
];

export interface ApplyContext {
  repo: InspectionRepo;
  now: Date;
  officeId: string;
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
 * Writes the difference between what is stored and `next`: changed scalar columns in one
 * UPDATE (done by the caller with the inspection's new revision), child rows inserted,
 * updated or tombstoned one by one (results, being owned rows, are deleted instead). Answers
 * the changes, field by field, for the audit trail and amendments, and whether any child row
 * was written (a new order or a new link to an official is written without a change a person
 * reads; the caller still gives the record its new revision). Ids sent for new child rows must
 * not belong to another inspection.
 */
export function applyContent(
  ctx: ApplyContext,
  stored: StoredContent,
  next: InspectionContent,
): { changes: AmendmentChange[]; childRowsWritten: boolean } {
  const changes: AmendmentChange[] = [];
  const { repo, now, officeId } = ctx;
  const inspectionId = stored.row.id;
  const nextColumns = contentColumns(next);
  for (const [column, field] of SCALAR_FIELDS) {
    const before = stored.row[column] ?? '';
    const after = nextColumns[column] ?? '';
    if (before !== after) changes.push({ field, label: '', before, after });
  }

  /**
   * A new child row's id must be new, or a row of this inspection that was removed and is now
   * added back (then it is revived, keeping its history). An id of another record is refused.
   */
  const claimId = (id: string, field: string): { rev: string; rev_history: string } | null => {
    const owner = repo.childOwner.get({ id });
    if (!owner) return null;
    if (owner.inspection_id !== inspectionId) {
      throw fieldError(field, 'validation.invalidId', 'errors.VALIDATION_generic');
    }
    return owner;
  };

  // Team present
  const teamById = new Map(stored.team.map((member) => [member.id, member]));
  let teamChanged = stored.team.length !== next.team.length;
  next.team.forEach((member, ord) => {
    const known = teamById.get(member.id);
    const values = {
      official_id: member.officialId,
      name: member.name,
      position: member.position,
      role: member.role,
      ord,
    };
    if (!known) {
      const removed = claimId(member.id, `content.team.${ord}.id`);
      if (removed) repo.updateTeam.run({ id: member.id, ...values, ...nextRowMeta(now, officeId, removed) });
      else repo.insertTeam.run({ ...newRowMeta(now, officeId, member.id), inspection_id: inspectionId, ...values });
      teamChanged = true;
    } else if (
      known.official_id !== values.official_id ||
      known.name !== values.name ||
      known.position !== values.position ||
      known.role !== values.role ||
      known.ord !== ord
    ) {
      repo.updateTeam.run({ id: known.id, ...values, ...nextRowMeta(now, officeId, known) });
      teamChanged = true;
    }
    teamById.delete(member.id);
  });
  for (const gone of teamById.values()) {
    repo.tombstoneTeam.run({ id: gone.id, ...nextRowMeta(now, officeId, gone) });
  }
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
    if (!known) {
      const removed = claimId(person.id, `content.representatives.${ord}.id`);
      const values = { name: person.name, position: person.position, ord };
      if (removed) {
        repo.updateRepresentative.run({ id: person.id, ...values, ...nextRowMeta(now, officeId, removed) });
      } else {
        repo.insertRepresentative.run({
          ...newRowMeta(now, officeId, person.id),
          inspection_id: inspectionId,
          ...values,
        });
      }
      peopleChanged = true;
    } else if (known.name !== person.name || known.position !== person.position || known.ord !== ord) {
      repo.updateRepresentative.run({
        id: known.id,
        name: person.name,
        position: person.position,
        ord,
        ...nextRowMeta(now, officeId, known),
      });
      peopleChanged = true;
    }
    peopleById.delete(person.id);
  });
  for (const gone of peopleById.values()) {
    repo.tombstoneRepresentative.run({ id: gone.id, ...nextRowMeta(now, officeId, gone) });
  }
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
  for (const [criterionId, text] of ctx.criteria) {
    const known = resultByCriterion.get(criterionId);
    const item = wanted.get(criterionId) ?? { criterionId, result: null, note: '' };
    const label = shortLabel(text);
    const row = { inspection_id: inspectionId, criterion_id: criterionId, result: item.result, note: item.note };
    const empty = item.result === null && item.note === '';
    if (!known) {
      if (empty) continue;
      repo.insertResult.run(row);
    } else if (known.result !== item.result || known.note !== item.note) {
      if (empty) repo.deleteResult.run({ inspection_id: inspectionId, criterion_id: criterionId });
      else repo.updateResult.run(row);
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
    const values = { text: request.text, due_date: request.dueDate, remedied_date: request.remediedDate, ord };
    if (!known) {
      const removed = claimId(request.id, `content.requests.${ord}.id`);
      if (removed) repo.updateRequest.run({ id: request.id, ...values, ...nextRowMeta(now, officeId, removed) });
      else repo.insertRequest.run({ ...newRowMeta(now, officeId, request.id), inspection_id: inspectionId, ...values });
      requestsChanged = true;
      changes.push({ field: `requests.${request.id}`, label, before: '', after: request.text });
    } else {
      const differs =
        known.text !== values.text ||
        known.due_date !== values.due_date ||
        known.remedied_date !== values.remedied_date ||
        known.ord !== ord;
      if (differs) {
        repo.updateRequest.run({ id: known.id, ...values, ...nextRowMeta(now, officeId, known) });
        requestsChanged = true;
      }
      if (known.text !== values.text) {
        changes.push({ field: `requests.${request.id}.text`, label, before: known.text, after: values.text });
      }
      if (known.due_date !== values.due_date) {
        changes.push({
          field: `requests.${request.id}.dueDate`,
          label,
          before: known.due_date ?? '',
          after: values.due_date ?? '',
        });
      }
      if (known.remedied_date !== values.remedied_date) {
        changes.push({
          field: `requests.${request.id}.remediedDate`,
          label,
          before: known.remedied_date ?? '',
          after: values.remedied_date ?? '',
        });
      }
    }
    requestById.delete(request.id);
  });
  for (const gone of requestById.values()) {
    repo.tombstoneRequest.run({ id: gone.id, ...nextRowMeta(now, officeId, gone) });
    changes.push({ field: `requests.${gone.id}`, label: shortLabel(gone.text), before: gone.text, after: '' });
  }
  // Result writes always answer a change (above), so they need no flag of their own.
  return { changes, childRowsWritten: teamChanged || peopleChanged || requestsChanged };
}
