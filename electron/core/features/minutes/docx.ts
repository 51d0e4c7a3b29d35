import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LeaderType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBordersOptions,
  type ITableCellBorders,
} from 'docx';
import type { MinutesDocument } from '../../../../shared/domain/minutes';
import { layoutMinutes, type Block, type Run } from './layout';

/**
 * The minutes as an editable Word document, drawn from the same layout as the PDF: "Times New
 * Roman" (what Word has; the PDF uses its metric twin Tinos) at the decree's sizes, A4 with the
 * decree's margins, real paragraph styles (Heading 1/2, Title, Subtitle, Body Text …), the
 * two-column header as a borderless table, the criteria as a real table whose header row repeats
 * and whose rows never split, page numbers in the header from page 2.
 */

const FONT = 'Times New Roman';
/** Half-points. */
const PT = (points: number) => points * 2;
/** Twentieths of a point (twips) per millimetre. */
const MM = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);

const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: MM(20), bottom: MM(20), left: MM(30), right: MM(15), header: MM(10) };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const HEADER_LEFT = Math.round(TEXT_WIDTH * 0.37);
const HEADER_RIGHT = TEXT_WIDTH - HEADER_LEFT;
const COLUMNS = [MM(12), 0, MM(26), MM(40)];
COLUMNS[1] = TEXT_WIDTH - (COLUMNS[0] ?? 0) - (COLUMNS[2] ?? 0) - (COLUMNS[3] ?? 0);
const INDENT = MM(12.7);
const FILL_UNIT = '…';

const STYLE = {
  body: 'BodyText',
  header: 'DocumentHeader',
  signature: 'SignatureBlock',
  tableText: 'TableText',
  recipients: 'Recipients',
  dotted: 'DottedLine',
} as const;

const NONE = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const NO_BORDERS: ITableCellBorders = { top: NONE, bottom: NONE, left: NONE, right: NONE };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const TABLE_BORDERS = {
  top: LINE,
  bottom: LINE,
  left: LINE,
  right: LINE,
  insideHorizontal: LINE,
  insideVertical: LINE,
} as const;

function textRuns(runs: Run[], style: { size?: number; bold?: boolean; italics?: boolean } = {}): TextRun[] {
  return runs.map((run) => {
    if ('fill' in run) return new TextRun({ text: FILL_UNIT.repeat(Math.max(1, run.fill)), ...style });
    return new TextRun({
      text: run.text,
      ...style,
      ...(run.bold ? { bold: true } : {}),
      ...(run.italic ? { italics: true } : {}),
    });
  });
}

/**
 * A short horizontal rule under a centred line, as the decree draws them: an empty paragraph
 * whose top border spans `width` twips, centred inside a cell `cellWidth` wide.
 */
function rule(width: number, cellWidth: number): Paragraph {
  const side = Math.max(0, Math.round((cellWidth - width) / 2));
  const border: IBordersOptions = { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } };
  return new Paragraph({
    style: STYLE.header,
    border,
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 240 },
    children: [new TextRun({ text: '', size: PT(2) })],
  });
}

/** A rough width of a line of Times New Roman, in twips, to size the rules under it. */
function textWidth(text: string, points: number, bold: boolean): number {
  let ems = 0;
  for (const char of text.normalize('NFD').replace(/[\u0300-\u036f]/g, '')) {
    if (char === ' ') ems += 0.25;
    else if (/[A-Z]/.test(char)) ems += bold ? 0.72 : 0.67;
    else if (/[a-z]/.test(char)) ems += bold ? 0.5 : 0.46;
    else ems += 0.5;
  }
  return Math.round(ems * points * 20);
}

function headerTable(block: Extract<Block, { kind: 'header' }>): Table {
  const cell = (width: number, children: Paragraph[]) =>
    new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, children });
  const centred = (runs: TextRun[]) =>
    new Paragraph({ style: STYLE.header, alignment: AlignmentType.CENTER, children: runs });
  const issuingWidth = textWidth(block.issuingBody, 13, true);
  const mottoWidth = textWidth(block.motto, 13, true);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [HEADER_LEFT, HEADER_RIGHT],
    layout: TableLayoutType.FIXED,
    borders: { ...NO_BORDERS, insideHorizontal: NONE, insideVertical: NONE },
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          cell(HEADER_LEFT, [
            centred([new TextRun({ text: block.parentBody, size: PT(13) })]),
            centred([new TextRun({ text: block.issuingBody, size: PT(13), bold: true })]),
            rule(Math.round(Math.min(issuingWidth, HEADER_LEFT) * 0.4), HEADER_LEFT),
          ]),
          cell(HEADER_RIGHT, [
            centred([new TextRun({ text: block.nationalName, size: PT(12), bold: true })]),
            centred([new TextRun({ text: block.motto, size: PT(13), bold: true })]),
            rule(Math.min(mottoWidth, HEADER_RIGHT), HEADER_RIGHT),
          ]),
        ],
      }),
      new TableRow({
        cantSplit: true,
        children: [
          cell(HEADER_LEFT, [
            new Paragraph({
              style: STYLE.header,
              alignment: AlignmentType.CENTER,
              spacing: { before: 120 },
              children: textRuns(block.number, { size: PT(13) }),
            }),
          ]),
          cell(HEADER_RIGHT, [
            new Paragraph({
              style: STYLE.header,
              alignment: AlignmentType.CENTER,
              spacing: { before: 120 },
              children: textRuns(block.placeDate, { size: PT(14), italics: true }),
            }),
          ]),
        ],
      }),
    ],
  });
}

function criteriaTable(block: Extract<Block, { kind: 'criteria' }>): Table {
  const cell = (index: number, children: Paragraph[], span = 1) =>
    new TableCell({
      width: {
        size: span === 1 ? (COLUMNS[index] ?? 0) : TEXT_WIDTH,
        type: WidthType.DXA,
      },
      columnSpan: span,
      verticalAlign: VerticalAlignTable.TOP,
      margins: { left: 80, right: 80, top: 30, bottom: 30 },
      children,
    });
  const para = (runs: TextRun[], alignment: 'left' | 'center' = 'left') =>
    new Paragraph({
      style: STYLE.tableText,
      alignment: alignment === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
      children: runs,
    });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((title, index) =>
      cell(index, [para([new TextRun({ text: title, bold: true })], 'center')]),
    ),
  });
  const rows: TableRow[] = [header];
  for (const group of block.groups) {
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [
          cell(
            0,
            [
              new Paragraph({
                style: STYLE.tableText,
                keepNext: true,
                children: [new TextRun({ text: group.title, bold: true })],
              }),
            ],
            4,
          ),
        ],
      }),
    );
    for (const row of group.rows) {
      rows.push(
        new TableRow({
          cantSplit: true,
          children: [
            cell(0, [para([new TextRun(row.number)], 'center')]),
            cell(1, [para([new TextRun(row.text)])]),
            cell(2, [para(textRuns(row.result), 'center')]),
            cell(3, [para([new TextRun(row.note)])]),
          ],
        }),
      );
    }
  }
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: COLUMNS,
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    rows,
  });
}

function signatureTable(row: { title: string; hint: string; name: string }[]): Table {
  // A lone block (the secretary) takes half the width, in the middle of the page.
  const width = Math.floor(TEXT_WIDTH / 2);
  const indent = row.length === 1 ? Math.round(TEXT_WIDTH / 4) : 0;
  const line = (render: (signature: { title: string; hint: string; name: string }) => Paragraph) =>
    new TableRow({
      cantSplit: true,
      children: row.map(
        (signature) =>
          new TableCell({
            width: { size: width, type: WidthType.DXA },
            borders: NO_BORDERS,
            children: [render(signature)],
          }),
      ),
    });
  // Titles, hints and names each on their own row, so the names line up.
  return new Table({
    width: { size: width * row.length, type: WidthType.DXA },
    columnWidths: row.map(() => width),
    indent: { size: indent, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: { ...NO_BORDERS, insideHorizontal: NONE, insideVertical: NONE },
    rows: [
      line(
        (signature) =>
          new Paragraph({
            style: STYLE.signature,
            keepNext: true,
            children: [new TextRun({ text: signature.title, bold: true })],
          }),
      ),
      line(
        (signature) =>
          new Paragraph({
            style: STYLE.signature,
            keepNext: true,
            children: [new TextRun({ text: signature.hint, italics: true, size: PT(13) })],
          }),
      ),
      line(
        (signature) =>
          new Paragraph({
            style: STYLE.signature,
            keepNext: true,
            spacing: { before: MM(25), after: 240 },
            children: [
              new TextRun({ text: signature.name.trim() === '' ? FILL_UNIT.repeat(8) : signature.name, bold: true }),
            ],
          }),
      ),
    ],
  });
}

function closingParts(block: Extract<Block, { kind: 'closing' }>): (Paragraph | Table)[] {
  return [
    new Paragraph({ style: STYLE.body, keepNext: true, keepLines: true, children: textRuns(block.runs) }),
    // Word and LibreOffice merge tables that touch: a thin paragraph keeps the rows apart.
    ...block.rows.flatMap((row) => [
      signatureTable(row),
      new Paragraph({ style: STYLE.signature, keepNext: true, children: [new TextRun({ text: '', size: PT(2) })] }),
    ]),
    new Paragraph({
      style: STYLE.recipients,
      keepNext: true,
      spacing: { before: 240 },
      children: [new TextRun({ text: block.recipients.heading, bold: true, italics: true, size: PT(12) })],
    }),
    ...block.recipients.items.map(
      (item, index, items) =>
        new Paragraph({ style: STYLE.recipients, keepNext: index < items.length - 1, children: [new TextRun(item)] }),
    ),
  ];
}

function dottedLine(): Paragraph {
  return new Paragraph({
    style: STYLE.dotted,
    // Word draws the dots itself up to the right margin (a tab with a dot leader).
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH, leader: LeaderType.DOT }],
    children: [new TextRun({ text: '\t' })],
  });
}

function blockParts(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'header':
      return [headerTable(block)];
    case 'title':
      return [
        new Paragraph({ style: 'Title', children: [new TextRun(block.title)] }),
        new Paragraph({ style: 'Subtitle', children: textRuns(block.subtitle) }),
        rule(MM(35), TEXT_WIDTH),
        new Paragraph({ style: STYLE.body, spacing: { after: 0 }, children: [] }),
      ];
    case 'heading':
      return [new Paragraph({ style: block.level === 1 ? 'Heading1' : 'Heading2', children: textRuns(block.runs) })];
    case 'paragraph':
      return [new Paragraph({ style: STYLE.body, widowControl: true, children: textRuns(block.runs) })];
    case 'dotted':
      return Array.from({ length: block.lines }, dottedLine);
    case 'criteria':
      return [
        new Paragraph({ style: STYLE.body, keepNext: true, children: [new TextRun(block.intro)] }),
        criteriaTable(block),
        new Paragraph({ style: STYLE.body, spacing: { after: 0 }, children: [] }),
      ];
    case 'closing':
      return closingParts(block);
  }
}

const LINE_125 = 300;

export function buildMinutesDocx(doc: MinutesDocument): Document {
  const blocks = layoutMinutes(doc);
  return new Document({
    title: doc.fileName,
    subject: 'Biên bản kiểm tra việc thực hiện kỷ luật, kỷ cương hành chính',
    creator: 'Kiểm tra KLKCHC',
    description: 'Biên bản kiểm tra (Mẫu 1.9, Nghị định 30/2020/NĐ-CP)',
    styles: {
      default: {
        document: {
          run: { font: FONT, size: PT(14), language: { value: 'vi-VN' } },
          paragraph: { spacing: { line: LINE_125 } },
        },
        title: {
          run: { font: FONT, size: PT(14), bold: true, allCaps: true, color: '000000' },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 360, after: 0 }, keepNext: true },
        },
        heading1: {
          run: { font: FONT, size: PT(14), bold: true, color: '000000' },
          paragraph: {
            alignment: AlignmentType.JUSTIFIED,
            indent: { firstLine: INDENT },
            spacing: { before: 120, after: 120, line: LINE_125 },
            keepNext: true,
            keepLines: true,
          },
        },
        heading2: {
          run: { font: FONT, size: PT(14), bold: true, italics: false, color: '000000' },
          paragraph: {
            alignment: AlignmentType.JUSTIFIED,
            indent: { firstLine: INDENT },
            spacing: { before: 0, after: 120, line: LINE_125 },
            keepNext: true,
            keepLines: true,
          },
        },
      },
      paragraphStyles: [
        {
          id: 'Subtitle',
          name: 'Subtitle',
          basedOn: 'Normal',
          next: STYLE.body,
          quickFormat: true,
          run: { font: FONT, size: PT(14), bold: true, color: '000000' },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 40 }, keepNext: true },
        },
        {
          id: STYLE.body,
          name: 'Body Text',
          basedOn: 'Normal',
          quickFormat: true,
          run: { font: FONT, size: PT(14) },
          paragraph: {
            alignment: AlignmentType.JUSTIFIED,
            indent: { firstLine: INDENT },
            spacing: { before: 0, after: 120, line: LINE_125 },
          },
        },
        {
          id: STYLE.header,
          name: 'Document Header',
          basedOn: 'Normal',
          run: { font: FONT, size: PT(13) },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0, line: 240 } },
        },
        {
          id: STYLE.tableText,
          name: 'Table Text',
          basedOn: 'Normal',
          run: { font: FONT, size: PT(13) },
          paragraph: { spacing: { before: 0, after: 0, line: 240 } },
        },
        {
          id: STYLE.signature,
          name: 'Signature Block',
          basedOn: 'Normal',
          run: { font: FONT, size: PT(14) },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0, line: 240 }, keepLines: true },
        },
        {
          id: STYLE.recipients,
          name: 'Recipients',
          basedOn: 'Normal',
          run: { font: FONT, size: PT(11) },
          paragraph: { spacing: { before: 0, after: 0, line: 240 }, keepLines: true },
        },
        {
          id: STYLE.dotted,
          name: 'Dotted Line',
          basedOn: 'Normal',
          run: { font: FONT, size: PT(14) },
          paragraph: { spacing: { before: 0, after: 120, line: LINE_125 } },
        },
        {
          id: 'PageNumber',
          name: 'Page Number Line',
          basedOn: 'Normal',
          run: { font: FONT, size: PT(13) },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0 } },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...MARGIN, footer: MM(10) },
          },
          // A different (empty) first-page header: page numbers start on page 2.
          titlePage: true,
        },
        headers: {
          first: new Header({ children: [new Paragraph({ style: 'PageNumber', children: [] })] }),
          default: new Header({
            children: [
              new Paragraph({ style: 'PageNumber', children: [new TextRun({ children: [PageNumber.CURRENT] })] }),
            ],
          }),
        },
        children: blocks.flatMap(blockParts),
      },
    ],
  });
}

/** The .docx file's bytes. */
export async function renderMinutesDocx(doc: MinutesDocument): Promise<Buffer> {
  return Packer.toBuffer(buildMinutesDocx(doc));
}
