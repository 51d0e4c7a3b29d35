import type { InspectionContent } from './inspection';

/**
 * What the minutes need before an inspection can be finalised. Shared, so the editor shows
 * the same field-level messages before asking as the core gives when it refuses.
 * Answers field path → i18n key; an empty object means "complete".
 */
export function finaliseProblems(
  content: InspectionContent,
  groups: readonly { criteria: readonly { id: string }[] }[],
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!content.inspectionDate) problems.inspectionDate = 'inspections.finalise.date';
  if (!content.startTime) problems.startTime = 'inspections.finalise.startTime';
  if (content.startTime && content.endTime && content.endTime < content.startTime) {
    problems.endTime = 'inspections.finalise.endBeforeStart';
  }
  if (!content.place) problems.place = 'inspections.finalise.place';

  content.team.forEach((member, index) => {
    if (!member.name) problems[`team.${index}.name`] = 'validation.required';
  });
  if (!content.team.some((member) => member.role === 'leader' && member.name)) {
    problems.team = 'inspections.finalise.leader';
  }
  content.representatives.forEach((person, index) => {
    if (!person.name) problems[`representatives.${index}.name`] = 'validation.required';
  });
  if (!content.representatives.some((person) => person.name)) {
    problems.representatives = 'inspections.finalise.representative';
  }

  const decided = new Set(content.results.filter((item) => item.result !== null).map((item) => item.criterionId));
  for (const group of groups) {
    for (const criterion of group.criteria) {
      if (!decided.has(criterion.id)) problems[`results.${criterion.id}`] = 'inspections.finalise.result';
    }
  }

  content.requests.forEach((request, index) => {
    if (!request.text) problems[`requests.${index}.text`] = 'validation.required';
    if (!request.dueDate) problems[`requests.${index}.dueDate`] = 'inspections.finalise.dueDate';
  });
  if (!content.conclusion) problems.conclusion = 'inspections.finalise.conclusion';
  return problems;
}
