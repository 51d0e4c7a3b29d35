import type {
  DocumentDateParts,
  DocumentTime,
  MinutesDocument,
  MinutesPerson,
} from '../../../../shared/domain/minutes';
import { twoDigits } from '../../../../shared/format/document-text';
import { mergeRuns, type Block, type DocumentLayout, type Run, type TableColumn } from '../../documents/blocks';

/**
 * The minutes as blocks of the documents engine, in the order of Mẫu 1.9 (Nghị định 30/2020,
 * Phụ lục III), with the form's fixed wording filled in. This is the single description of the
 * document: the HTML (hence the PDF and the printout) and the .docx are both drawn from it, so
 * they cannot drift apart. Empty values become `fill` runs, printed as dotted lines for
 * handwriting.
 */

/** The form's fixed wording. Official Vietnamese text: never translated. */
export const FORM = {
  nationalName: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  motto: 'Độc lập - Tự do - Hạnh phúc',
  title: 'BIÊN BẢN',
  /** The .docx file's subject and description. */
  fileSubject: 'Biên bản kiểm tra việc thực hiện kỷ luật, kỷ cương hành chính',
  fileDescription: 'Biên bản kiểm tra (Mẫu 1.9, Nghị định 30/2020/NĐ-CP)',
  /** A plan's minutes bound into one PDF: its title and file name, before the plan's title. */
  batchTitle: 'Biên bản kiểm tra –',
  subject: 'Kiểm tra việc thực hiện kỷ luật, kỷ cương hành chính tại',
  reinspectionSubject: 'Tái kiểm tra việc thực hiện kỷ luật, kỷ cương hành chính tại',
  sections: {
    composition: 'I. THÀNH PHẦN',
    team: '1. Đoàn kiểm tra',
    unit: '2. Đơn vị được kiểm tra',
    content: 'II. NỘI DUNG KIỂM TRA',
    results: 'III. KẾT QUẢ KIỂM TRA',
    strengths: '1. Ưu điểm',
    limitations: '2. Hạn chế, tồn tại',
    causes: '3. Nguyên nhân',
    conclusion: '4. Kết luận',
    requests: 'IV. KIẾN NGHỊ, YÊU CẦU',
    response: 'V. Ý KIẾN CỦA ĐƠN VỊ ĐƯỢC KIỂM TRA',
  },
  columns: ['TT', 'Nội dung kiểm tra', 'Kết quả', 'Ghi chú'] as [string, string, string, string],
  contentIntro: 'Đoàn kiểm tra đã kiểm tra các nội dung sau:',
  requestsIntro: 'Đoàn kiểm tra đề nghị đơn vị và người đứng đầu đơn vị thực hiện:',
  deadline: 'Thời hạn khắc phục và báo cáo kết quả:',
  person: 'Ông (bà)',
  recipients: 'Nơi nhận:',
  archive: 'Lưu: VT, Hồ sơ.',
} as const;

/** Dots for a word or number left blank; one unit prints one "…". */
const SHORT = 3;
const ROLE = 4;
const NAME = 8;
const PHRASE = 10;
const PLACE = 14;

function text(value: string, style: { bold?: boolean; italic?: boolean } = {}): Run {
  return { text: value, ...style };
}

/** The value, or dots for handwriting when it is empty. */
function valueOr(value: string, fill: number): Run {
  return value.trim() === '' ? { fill } : { text: value };
}

/** "ngày 09 tháng 02 năm 2020", or "ngày … tháng … năm …" with dots. */
function dateRuns(date: DocumentDateParts | null): Run[] {
  if (!date) return [text('ngày '), { fill: SHORT }, text(' tháng '), { fill: SHORT }, text(' năm '), { fill: SHORT }];
  return [text(`ngày ${date.day} tháng ${date.month} năm ${date.year}`)];
}

function timeRuns(time: DocumentTime | null): Run[] {
  if (!time) return [{ fill: SHORT }, text(' giờ '), { fill: SHORT }];
  return [text(`${time.hour} giờ ${time.minute}`)];
}

function paragraph(...runs: Run[]): Block {
  return { kind: 'paragraph', runs: mergeRuns(runs) };
}

/** Lines the clerk typed, one paragraph each; dotted lines when there are none. */
function paragraphsOrDots(lines: string[], dottedLines: number): Block[] {
  const kept = lines.map((value) => value.trim()).filter((value) => value !== '');
  if (kept.length === 0) return [{ kind: 'dotted', lines: dottedLines }];
  return kept.map((value) => paragraph(text(value)));
}

/** "- Ông (bà) Nguyễn Văn An – Phó Trưởng phòng – Trưởng đoàn;" (the last ends with "."). */
function personLines(people: MinutesPerson[], emptyRows: number, withRole: boolean): Block {
  const rows: MinutesPerson[] =
    people.length > 0 ? people : Array.from({ length: emptyRows }, () => ({ name: '', position: '', role: '' }));
  return {
    kind: 'list',
    marker: 'dash',
    items: rows.map((person, index) => {
      const runs: Run[] = [
        text(`${FORM.person} `),
        valueOr(person.name, NAME),
        text(' – '),
        valueOr(person.position, NAME),
      ];
      if (withRole) runs.push(text(' – '), valueOr(person.role, ROLE));
      runs.push(text(index === rows.length - 1 ? '.' : ';'));
      return runs;
    }),
  };
}

function basisBlocks(doc: MinutesDocument): Block[] {
  const blocks: Block[] = doc.legalBasis
    .map((item) => item.trim().replace(/[;.,]+$/, ''))
    .filter((item) => item !== '')
    .map((item) => paragraph(text(/^(căn cứ|thực hiện)\b/i.test(item) ? `${item};` : `Căn cứ ${item};`)));
  const { decision } = doc;
  blocks.push(
    paragraph(
      text('Thực hiện Quyết định số '),
      valueOr(decision.number, 6),
      text(' ngày '),
      valueOr(decision.date, 5),
      text(' của '),
      valueOr(decision.authority, PHRASE),
      text(' về việc thành lập Đoàn kiểm tra việc thực hiện kỷ luật, kỷ cương hành chính'),
      decision.period === '' ? text('.') : text(` ${decision.period}.`),
    ),
  );
  return blocks;
}

/** The criteria table's columns: number, criterion, result, note (widths in mm). */
const CRITERIA_COLUMNS: TableColumn[] = [
  { title: FORM.columns[0], width: 12, align: 'center' },
  { title: FORM.columns[1] },
  { title: FORM.columns[2], width: 26, align: 'center' },
  { title: FORM.columns[3], width: 40 },
];

function criteriaBlocks(doc: MinutesDocument): Block[] {
  const groups = doc.criteria.filter((group) => group.rows.length > 0 || group.title.trim() !== '');
  if (groups.length === 0) return [paragraph(text(FORM.contentIntro)), { kind: 'dotted', lines: 5 }];
  return [
    {
      kind: 'table',
      name: 'criteria',
      intro: [text(FORM.contentIntro)],
      columns: CRITERIA_COLUMNS,
      rows: groups.flatMap((group) => [
        { group: group.number === '' ? group.title : `${group.number}. ${group.title}` },
        ...group.rows.map((row) => ({
          cells: [[text(row.number)], [text(row.text)], [valueOr(row.result, SHORT)], [text(row.note)]],
        })),
      ]),
    },
  ];
}

function requestBlocks(doc: MinutesDocument): Block[] {
  const requests = doc.requests.filter((request) => request.text.trim() !== '');
  if (requests.length === 0) return [{ kind: 'dotted', lines: 4 }];
  return [
    paragraph(text(FORM.requestsIntro)),
    {
      kind: 'list',
      marker: 'number',
      items: requests.map((request) => [
        text(`${request.text.trim().replace(/[;.]+$/, '')}. `),
        text(`${FORM.deadline} `, { italic: true }),
        request.deadline === '' ? { fill: PHRASE } : text(request.deadline),
        text('.'),
      ]),
    },
  ];
}

function copiesText(count: number): string {
  return twoDigits(count);
}

/** Lays out the whole document, in the order of the form. */
export function layoutMinutes(doc: MinutesDocument): DocumentLayout {
  const blocks: Block[] = [];
  blocks.push({
    kind: 'header',
    parentBody: doc.header.parentBody,
    issuingBody: doc.header.issuingBody,
    nationalName: FORM.nationalName,
    motto: FORM.motto,
    number: mergeRuns([
      text('Số: '),
      valueOr(doc.number.value, SHORT),
      text(doc.number.symbol === '' ? '' : `/${doc.number.symbol}`),
    ]),
    placeDate: mergeRuns([valueOr(doc.place, NAME), text(', '), ...dateRuns(doc.date)]),
  });
  blocks.push({
    kind: 'title',
    title: FORM.title,
    subtitle: mergeRuns([
      text(`${doc.reinspection ? FORM.reinspectionSubject : FORM.subject} `),
      valueOr(doc.unitName, PLACE),
    ]),
  });
  blocks.push(...basisBlocks(doc));
  blocks.push(
    paragraph(
      text('Hôm nay, vào hồi '),
      ...timeRuns(doc.opening.time),
      text(' '),
      ...dateRuns(doc.opening.date),
      text(', tại '),
      valueOr(doc.opening.place, PLACE),
      text(
        `, Đoàn kiểm tra tiến hành ${doc.reinspection ? 'tái kiểm tra' : 'kiểm tra'} việc thực hiện kỷ luật, kỷ cương hành chính tại `,
      ),
      valueOr(doc.unitName, PLACE),
      text(', cụ thể như sau:'),
    ),
  );

  blocks.push({ kind: 'heading', level: 1, runs: [text(FORM.sections.composition)] });
  blocks.push({ kind: 'heading', level: 2, runs: [text(`${FORM.sections.team}:`)] });
  blocks.push(personLines(doc.team, 3, true));
  blocks.push({
    kind: 'heading',
    level: 2,
    runs: mergeRuns([text(`${FORM.sections.unit}: `), valueOr(doc.unitName, PLACE)]),
  });
  blocks.push(personLines(doc.representatives, 2, false));

  blocks.push({ kind: 'heading', level: 1, runs: [text(FORM.sections.content)] });
  blocks.push(...criteriaBlocks(doc));

  blocks.push({ kind: 'heading', level: 1, runs: [text(FORM.sections.results)] });
  blocks.push({ kind: 'heading', level: 2, runs: [text(FORM.sections.strengths)] });
  blocks.push(...paragraphsOrDots(doc.strengths, 3));
  blocks.push({ kind: 'heading', level: 2, runs: [text(FORM.sections.limitations)] });
  blocks.push(...paragraphsOrDots(doc.limitations, 3));
  blocks.push({ kind: 'heading', level: 2, runs: [text(FORM.sections.causes)] });
  blocks.push(...paragraphsOrDots(doc.causes, 3));
  if (doc.conclusion.some((value) => value.trim() !== '')) {
    blocks.push({ kind: 'heading', level: 2, runs: [text(FORM.sections.conclusion)] });
    blocks.push(...paragraphsOrDots(doc.conclusion, 0));
  }

  blocks.push({ kind: 'heading', level: 1, runs: [text(FORM.sections.requests)] });
  blocks.push(...requestBlocks(doc));

  blocks.push({ kind: 'heading', level: 1, runs: [text(FORM.sections.response)] });
  blocks.push(...paragraphsOrDots(doc.unitResponse, 3));

  const { closing } = doc;
  const signatures = doc.signatures;
  blocks.push({
    kind: 'closing',
    runs: mergeRuns([
      text('Biên bản kết thúc vào hồi '),
      ...timeRuns(closing.time),
      text(
        ` cùng ngày, đã được đọc lại cho các thành viên cùng nghe và nhất trí ký tên; biên bản được lập thành ` +
          `${copiesText(closing.copies)} bản, ` +
          (closing.unitCopies > 0 ? `đơn vị được kiểm tra giữ ${copiesText(closing.unitCopies)} bản, ` : '') +
          `Đoàn kiểm tra giữ ${copiesText(closing.teamCopies)} bản./.`,
      ),
    ]),
    // Two blocks side by side (the unit on the left, the team leader on the right); a third
    // (the secretary) goes on a row of its own.
    signatures: [signatures.slice(0, 2), ...(signatures.length > 2 ? [signatures.slice(2)] : [])],
    recipients: {
      heading: FORM.recipients,
      items: [
        ...doc.recipients
          .map((item) =>
            item
              .trim()
              .replace(/^[-–•]\s*/, '')
              .replace(/[;.]+$/, ''),
          )
          .filter((item) => item !== '')
          .map((item) => `- ${item};`),
        `- ${FORM.archive}`,
      ],
    },
  });
  return { title: doc.fileName, subject: FORM.fileSubject, description: FORM.fileDescription, blocks };
}
