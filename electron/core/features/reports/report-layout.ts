import type { Block, DocumentLayout, Run, TableColumn, TableRow } from '../../documents/blocks';
import { mergeRuns } from '../../documents/blocks';
import type { ReportAppendix, ReportBody, ReportFields, ReportRun } from '../../../../shared/domain/report';
import { documentDate, safeFileName, upperVietnamese } from '../../../../shared/format/document-text';
import { chartSvg } from './report-chart-svg';
import { REPORT_FORM, shortDate } from './report-wording';

/**
 * A report as blocks of the documents engine, in the layout of Mẫu 1.4 (Nghị định 30/2020,
 * Phụ lục III, a "văn bản có tên loại"): header, number, place and date, BÁO CÁO and its
 * subject, the text, the signature with "Nơi nhận" at its left, then the appendix listing
 * each inspected unit. The HTML (hence the PDF and the printout) and the .docx are drawn from
 * this one description.
 */

export interface LayoutSource {
  fields: ReportFields;
  body: ReportBody;
  appendix: ReportAppendix;
  /** A draft prints "DỰ THẢO" above its header: it must not pass for the issued report. */
  status?: 'draft' | 'finalised';
}

function runs(items: readonly ReportRun[]): Run[] {
  return mergeRuns(
    items.map((run) => ({
      text: run.text,
      ...(run.bold ? { bold: true } : {}),
      ...(run.italic ? { italic: true } : {}),
    })),
  );
}

function hasText(items: readonly ReportRun[]): boolean {
  return items.some((run) => run.text.trim() !== '');
}

/** "Số: 12/BC-UBND", or "Số: …/BC" with dots for handwriting. */
function numberRuns(number: string): Run[] {
  return number.trim() === ''
    ? [{ text: 'Số: ' }, { fill: 3 }, { text: `/${REPORT_FORM.numberSymbol}` }]
    : [{ text: `Số: ${number.trim()}` }];
}

function placeDateRuns(fields: ReportFields): Run[] {
  const date = documentDate(fields.reportDate);
  return mergeRuns([
    fields.place.trim() === '' ? { fill: 6 } : { text: fields.place.trim() },
    { text: ', ' },
    ...(date
      ? [{ text: date }]
      : [{ text: 'ngày ' }, { fill: 3 }, { text: ' tháng ' }, { fill: 3 }, { text: ' năm ' }, { fill: 3 }]),
  ]);
}

const APPENDIX_COLUMNS: TableColumn[] = [
  { title: REPORT_FORM.appendix.columns[0], width: 10, align: 'center' },
  { title: REPORT_FORM.appendix.columns[1] },
  { title: REPORT_FORM.appendix.columns[2], width: 23, align: 'center' },
  { title: REPORT_FORM.appendix.columns[3], width: 28, align: 'center' },
  { title: REPORT_FORM.appendix.columns[4], width: 11, align: 'center' },
  { title: REPORT_FORM.appendix.columns[5], width: 14, align: 'center' },
  { title: REPORT_FORM.appendix.columns[6], width: 18, align: 'center' },
];

function appendixBlocks(source: LayoutSource): Block[] {
  const { appendix, fields } = source;
  if (appendix.rows.length === 0) return [];
  const rows: TableRow[] = [];
  let plan = -1;
  let number = 0;
  for (const [planIndex, unit, date, minutes, pass, fail, na] of appendix.rows) {
    if (planIndex !== plan && appendix.plans.length > 1) {
      rows.push({ group: appendix.plans[planIndex]?.title ?? '' });
      number = 0;
    }
    plan = planIndex;
    number += 1;
    rows.push({
      cells: [
        [{ text: String(number) }],
        [{ text: unit }],
        [{ text: shortDate(date) }],
        [minutes.trim() === '' ? { fill: 2 } : { text: minutes }],
        [{ text: String(pass) }],
        [{ text: String(fail) }],
        [{ text: String(na) }],
      ],
    });
  }
  const attached = [
    REPORT_FORM.appendix.attached,
    fields.number.trim() || '…',
    ...(fields.reportDate ? [documentDate(fields.reportDate) ?? ''] : []),
  ].join(' ');
  return [
    { kind: 'pageBreak' },
    { kind: 'title', title: REPORT_FORM.appendix.title, subtitle: [{ text: REPORT_FORM.appendix.caption }] },
    { kind: 'paragraph', runs: [{ text: `(${attached})`, italic: true }] },
    { kind: 'table', name: 'appendix', columns: APPENDIX_COLUMNS, rows },
  ];
}

/** The drafted closing sentence ("Trên đây là báo cáo …") goes with the signature, on its page. */
export const CLOSING_BLOCK = 'closing';

function bodyBlocks(body: ReportBody): Block[] {
  const blocks: Block[] = [];
  for (const block of body.blocks) {
    if (block.id === CLOSING_BLOCK && block === body.blocks.at(-1)) continue;
    switch (block.kind) {
      case 'heading':
        if (hasText(block.runs)) blocks.push({ kind: 'heading', level: block.level, runs: runs(block.runs) });
        break;
      case 'paragraph':
        if (hasText(block.runs)) blocks.push({ kind: 'paragraph', runs: runs(block.runs) });
        break;
      case 'table':
        blocks.push({
          kind: 'table',
          ...(block.intro.trim() !== '' ? { intro: [{ text: block.intro }] } : {}),
          columns: block.table.columns,
          rows: block.table.rows.map((row) =>
            'group' in row ? { group: row.group } : { cells: row.cells.map((cell) => [{ text: cell }]) },
          ),
        });
        break;
      case 'chart': {
        const drawn = chartSvg(block.chart);
        blocks.push({ kind: 'figure', caption: block.chart.title, ...drawn });
        break;
      }
    }
  }
  return blocks;
}

/** The recipients' lines as printed: "- UBND huyện (b/c);" … "- Lưu: VT." */
export function recipientItems(recipients: string): string[] {
  return [
    ...recipients
      .split('\n')
      .map((item) =>
        item
          .trim()
          .replace(/^[-–•]\s*/, '')
          .replace(/[;.]+$/, ''),
      )
      .filter((item) => item !== '')
      .map((item) => `- ${item};`),
    `- ${REPORT_FORM.archive}`,
  ];
}

export function reportFileName(fields: Pick<ReportFields, 'number' | 'title'>): string {
  // Dates and numbers keep their parts apart: "12/BC" → "12-BC", "31/8/2020" → "31-8-2020".
  return safeFileName(
    ['Báo cáo', fields.number.trim(), fields.title]
      .filter((part) => part.trim() !== '')
      .join(' ')
      .replaceAll('/', '-'),
  );
}

export function layoutReport(source: LayoutSource): DocumentLayout {
  const { fields } = source;
  const last = source.body.blocks.at(-1);
  const closing = last?.id === CLOSING_BLOCK && last.kind === 'paragraph' ? runs(last.runs) : [];
  const blocks: Block[] = [
    {
      kind: 'header',
      parentBody: upperVietnamese(fields.parentBody),
      issuingBody: upperVietnamese(fields.issuingBody),
      nationalName: REPORT_FORM.nationalName,
      motto: REPORT_FORM.motto,
      number: numberRuns(fields.number),
      placeDate: placeDateRuns(fields),
      ...(source.status === 'draft' ? { mark: REPORT_FORM.draftMark } : {}),
    },
    { kind: 'title', title: REPORT_FORM.title, subtitle: [{ text: fields.title.trim() || REPORT_FORM.subject }] },
    ...bodyBlocks(source.body),
    {
      kind: 'closing',
      runs: closing,
      signatures: [
        [
          {
            title: fields.signerTitle.split('\n').map(upperVietnamese).filter(Boolean).join('\n'),
            hint: '',
            name: fields.signerName.trim(),
          },
        ],
      ],
      recipients: { heading: REPORT_FORM.recipients, items: recipientItems(fields.recipients), beside: true },
    },
    ...appendixBlocks(source),
  ];
  return {
    title: reportFileName(fields),
    subject: REPORT_FORM.fileSubject,
    description: REPORT_FORM.fileDescription,
    blocks,
  };
}
