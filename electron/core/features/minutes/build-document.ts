import type { InspectionDetail, ResultValue } from '../../../../shared/domain/inspection';
import { teamParentBodyOf, type TeamRole } from '../../../../shared/domain/plan';
import type { MinutesDocument, MinutesSettings, MinutesSignature } from '../../../../shared/domain/minutes';
import {
  capitalizeFirst,
  citationDate,
  documentDate,
  officialDateParts,
  safeFileName,
  timeParts,
  upperVietnamese,
} from '../../../../shared/format/document-text';

/**
 * inspection (+ its plan, unit, checklist version and team) + the office's document settings +
 * the minutes number → the minutes document, every value resolved. Pure: the same inspection
 * always gives the same document.
 */

/** What the minutes read from an inspection (a part of InspectionDetail). */
export type MinutesSource = Pick<InspectionDetail, 'content' | 'checklist' | 'kind'> & {
  plan: Pick<
    InspectionDetail['plan'],
    | 'title'
    | 'issuer'
    | 'teamParentBody'
    | 'periodKind'
    | 'periodYear'
    | 'decisionNumber'
    | 'decisionDate'
    | 'decisionSignerTitle'
    | 'legalBasis'
  >;
  unit: Pick<InspectionDetail['unit'], 'name' | 'headName' | 'headTitle'>;
};

/** Role names as the minutes print them (official Vietnamese wording, never translated). */
export const ROLE_TEXT: Record<TeamRole, string> = {
  leader: 'Trưởng đoàn',
  deputy: 'Phó Trưởng đoàn',
  member: 'Thành viên',
  secretary: 'Thư ký',
};

export const RESULT_TEXT: Record<ResultValue, string> = {
  pass: 'Đạt',
  fail: 'Chưa đạt',
  na: 'Không áp dụng',
};

const ROLE_ORDER: TeamRole[] = ['leader', 'deputy', 'member', 'secretary'];

export const SIGNATURE_TEXT = {
  unit: { title: 'ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA', hint: '(Ký, ghi rõ họ tên, đóng dấu)' },
  leader: { title: 'TRƯỞNG ĐOÀN', hint: '(Ký, ghi rõ họ tên)' },
  secretary: { title: 'THƯ KÝ', hint: '(Ký, ghi rõ họ tên)' },
} as const;

/** Text typed over several lines → one paragraph per non-empty line. */
function lines(value: string): string[] {
  return value
    .split('\n')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function periodText(kind: MinutesSource['plan']['periodKind'], year: number): string {
  if (!Number.isInteger(year) || year < 1900) return '';
  return kind === 'schoolYear' ? `năm học ${year}–${year + 1}` : `năm ${year}`;
}

export interface MinutesNumberText {
  /** "05", or '' to leave the number blank. */
  value: string;
  symbol: string;
}

/**
 * The line above "ĐOÀN KIỂM TRA": the body that formed the team, as the plan says it (edited by
 * the clerk, else from its issuer). The document settings' line is only a fallback for a plan
 * that names no issuer, then the office's parent body.
 */
export function headerParentBody(
  plan: Pick<MinutesSource['plan'], 'issuer' | 'teamParentBody'>,
  settings: Pick<MinutesSettings, 'parentBody' | 'officeParentBody'>,
): string {
  return (
    plan.teamParentBody.trim() ||
    teamParentBodyOf(plan.issuer) ||
    settings.parentBody.trim() ||
    settings.officeParentBody.trim()
  );
}

export function buildMinutesDocument(
  source: MinutesSource,
  settings: MinutesSettings,
  number: MinutesNumberText,
): MinutesDocument {
  const { content, plan, unit } = source;
  const team = content.team
    .map((member, index) => ({ member, index }))
    .sort((a, b) => ROLE_ORDER.indexOf(a.member.role) - ROLE_ORDER.indexOf(b.member.role) || a.index - b.index)
    .map(({ member }) => member);
  const leader = team.find((member) => member.role === 'leader');
  const secretary = team.find((member) => member.role === 'secretary');

  // The unit signs through its head when the head was there, else its first representative.
  const head = unit.headName.trim();
  const unitSigner =
    content.representatives.find((person) => head !== '' && person.name.trim() === head)?.name ??
    content.representatives.find((person) => person.name.trim() !== '')?.name ??
    head;

  const signatures: MinutesSignature[] = [
    { ...SIGNATURE_TEXT.unit, name: unitSigner.trim() },
    { ...SIGNATURE_TEXT.leader, name: leader?.name.trim() ?? '' },
  ];
  if (settings.secretarySigns && (secretary || team.length === 0)) {
    signatures.push({ ...SIGNATURE_TEXT.secretary, name: secretary?.name.trim() ?? '' });
  }

  const resultById = new Map(content.results.map((item) => [item.criterionId, item]));
  const criteria = [...source.checklist.groups]
    .sort((a, b) => a.position - b.position)
    .map((group, groupIndex) => ({
      number: String(groupIndex + 1),
      title: group.title.trim(),
      rows: [...group.criteria]
        .sort((a, b) => a.position - b.position)
        .map((criterion, criterionIndex) => {
          const recorded = resultById.get(criterion.id);
          return {
            number: `${groupIndex + 1}.${criterionIndex + 1}`,
            text: criterion.text.trim(),
            result: recorded?.result ? RESULT_TEXT[recorded.result] : '',
            note: recorded?.note.trim() ?? '',
          };
        }),
    }));

  const copies = Math.max(1, settings.copies);
  const unitCopies = copies >= 2 ? 1 : 0;
  const parentBody = headerParentBody(plan, settings);
  const place = settings.placeName.trim() || settings.officePlaceName;
  const numberLabel = number.value === '' ? '' : `${number.value}-${number.symbol}`;

  return {
    fileName: safeFileName(['Biên bản', numberLabel, unit.name].filter((part) => part.trim() !== '').join(' ')),
    header: { parentBody: upperVietnamese(parentBody), issuingBody: upperVietnamese(settings.issuingBody) },
    number: { value: number.value, symbol: number.symbol },
    place: place.trim(),
    date: officialDateParts(content.inspectionDate),
    unitName: unit.name.trim(),
    reinspection: source.kind === 'reinspection',
    legalBasis: lines(plan.legalBasis).map((item) => item.replace(/^[-–•+]\s*/, '')),
    decision: {
      number: plan.decisionNumber.trim(),
      date: citationDate(plan.decisionDate) ?? '',
      authority: capitalizeFirst(plan.decisionSignerTitle),
      period: periodText(plan.periodKind, plan.periodYear),
    },
    opening: {
      time: timeParts(content.startTime),
      date: officialDateParts(content.inspectionDate),
      place: content.place.trim(),
    },
    team: team.map((member) => ({
      name: member.name.trim(),
      position: member.position.trim(),
      role: ROLE_TEXT[member.role],
    })),
    representatives: content.representatives.map((person) => ({
      name: person.name.trim(),
      position: person.position.trim(),
      role: '',
    })),
    criteria,
    strengths: lines(content.strengths),
    limitations: lines(content.limitations),
    causes: lines(content.causes),
    requests: content.requests.map((request) => ({
      text: request.text.trim().replace(/\s*\n\s*/g, ' '),
      deadline: documentDate(request.dueDate) ?? '',
    })),
    unitResponse: lines(content.unitResponse),
    conclusion: lines(content.conclusion),
    closing: {
      time: timeParts(content.endTime),
      copies,
      unitCopies,
      teamCopies: copies - unitCopies,
    },
    signatures,
    recipients: lines(settings.recipients),
  };
}
