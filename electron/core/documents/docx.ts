import { crc32, deflateSync } from 'node:zlib';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  ImageRun,
  LeaderType,
  LineRuleType,
  Packer,
  PageBreak,
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
import {
  listItemRuns,
  recipientsBeside,
  type Alignment,
  type Block,
  type DocumentLayout,
  type Recipients,
  type Run,
  type Signature,
  type TableColumn,
} from './blocks';
import { balancedHeaderLines, balancedLines, textTwips } from './line-balance';

/**
 * A document's blocks as an editable Word document, drawn from the same blocks as the PDF:
 * "Times New Roman" (what Word has; the PDF uses its metric twin Tinos) at the decree's sizes,
 * A4 with the decree's margins, real paragraph styles (Heading 1/2/3, Title, Subtitle, Body
 * Text …), the two-column header as a borderless table, tables whose header row repeats and
 * whose rows never split, page numbers in the header from page 2.
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
const INDENT = MM(12.7);
const FILL_UNIT = '…';

/**
 * Line spacing as a multiple of the font's line (240 = single). The rule is always written out:
 * Word reads a missing rule as "auto", LibreOffice as "exact", which cut every chart down to
 * one line and set the text tight.
 */
const SINGLE = { line: 240, lineRule: LineRuleType.AUTO };
const LINE_125 = { line: 300, lineRule: LineRuleType.AUTO };

const STYLE = {
  body: 'BodyText',
  header: 'DocumentHeader',
  signature: 'SignatureBlock',
  tableText: 'TableText',
  recipients: 'Recipients',
  dotted: 'DottedLine',
  caption: 'ChartCaption',
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

/** Word's default left and right cell margins, together (0.19 cm each). */
const CELL_MARGINS = 216;
/** A hair under the width: Word's own measure must never find a line too long and wrap it again. */
const FIT = 0.98;

interface LineStyle {
  points: number;
  bold: boolean;
  italics?: boolean;
}

/** Lines as one paragraph's runs, a line break between them. */
function lineRuns(lines: string[], style: LineStyle): TextRun[] {
  return lines.map(
    (line, index) =>
      new TextRun({
        text: line,
        size: PT(style.points),
        ...(style.bold ? { bold: true } : {}),
        ...(style.italics ? { italics: true } : {}),
        ...(index > 0 ? { break: 1 } : {}),
      }),
  );
}

/** A body's name in a header column, broken as the printed copy breaks it. */
function headerNameRuns(name: string, style: LineStyle, width: number): TextRun[] {
  return lineRuns(balancedHeaderLines(name, { points: style.points, bold: style.bold, width: width * FIT }), style);
}

/**
 * A centred paragraph's runs on the printed copy's balanced lines when they share one style;
 * mixed or dotted runs are left to Word.
 */
function balancedRuns(runs: Run[], style: LineStyle, width: number): TextRun[] {
  const texts = runs.filter((run): run is Extract<Run, { text: string }> => 'text' in run);
  const first = texts[0];
  const oneStyle = texts.every((run) => !!run.bold === !!first?.bold && !!run.italic === !!first?.italic);
  if (texts.length !== runs.length || !oneStyle) {
    return textRuns(runs, { size: PT(style.points), bold: style.bold, italics: style.italics });
  }
  const own = { ...style, bold: style.bold || !!first?.bold, italics: !!style.italics || !!first?.italic };
  const text = texts.map((run) => run.text).join('');
  return lineRuns(balancedLines(text, { points: own.points, bold: own.bold, width: width * FIT }), own);
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
    // A little space above, so the rule clears the letters it underlines.
    spacing: { before: 50, after: 0, ...SINGLE },
    children: [new TextRun({ text: '', size: PT(2) })],
  });
}

/**
 * "DỰ THẢO" in a box at the right, above the header: a paragraph indented to its text's width
 * and bordered (a table there would be merged into the header's table by Word).
 */
function draftMark(mark: string): Paragraph {
  const width = textTwips(mark, 13, true) + MM(6);
  const side = { ...LINE, space: 1 };
  return new Paragraph({
    style: STYLE.header,
    alignment: AlignmentType.CENTER,
    indent: { left: TEXT_WIDTH - width },
    border: { top: side, bottom: side, left: side, right: side },
    spacing: { after: 120 },
    children: [new TextRun({ text: mark, bold: true, size: PT(13) })],
  });
}

function headerTable(block: Extract<Block, { kind: 'header' }>): Table {
  const cell = (width: number, children: Paragraph[]) =>
    new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, children });
  const centred = (runs: TextRun[]) =>
    new Paragraph({ style: STYLE.header, alignment: AlignmentType.CENTER, children: runs });
  const left = HEADER_LEFT - CELL_MARGINS;
  // The rules under the issuing body (its longest line) and under the motto, sized to their text.
  const issuingWidth = Math.max(
    ...balancedHeaderLines(block.issuingBody, { points: 13, bold: true, width: left * FIT }).map((line) =>
      textTwips(line, 13, true),
    ),
  );
  const mottoWidth = textTwips(block.motto, 13, true);
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
            centred(headerNameRuns(block.parentBody, { points: 13, bold: false }, left)),
            centred(headerNameRuns(block.issuingBody, { points: 13, bold: true }, left)),
            rule(Math.round(Math.min(issuingWidth, HEADER_LEFT) * 0.4), HEADER_LEFT),
          ]),
          cell(HEADER_RIGHT, [
            centred(lineRuns([block.nationalName], { points: 12, bold: true })),
            centred(lineRuns([block.motto], { points: 13, bold: true })),
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

/** Twips of each column: the widths given, and what is left shared by the others. */
function columnWidths(columns: TableColumn[]): number[] {
  const given = columns.map((column) => (column.width === undefined ? null : MM(column.width)));
  const free = given.filter((width) => width === null).length;
  const rest = TEXT_WIDTH - given.reduce<number>((sum, width) => sum + (width ?? 0), 0);
  let shared = 0;
  return given.map((width) => {
    if (width !== null) return width;
    shared += 1;
    // The last free column takes the twips the division leaves over.
    return shared < free ? Math.floor(rest / free) : rest - Math.floor(rest / free) * (free - 1);
  });
}

const ALIGNMENT = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function gridTable(block: Extract<Block, { kind: 'table' }>): Table {
  const widths = columnWidths(block.columns);
  const cell = (index: number, children: Paragraph[], span = 1) =>
    new TableCell({
      width: {
        size: span === 1 ? (widths[index] ?? 0) : TEXT_WIDTH,
        type: WidthType.DXA,
      },
      columnSpan: span,
      verticalAlign: VerticalAlignTable.TOP,
      margins: { left: 80, right: 80, top: 30, bottom: 30 },
      children,
    });
  const para = (runs: TextRun[], alignment: Alignment = 'left') =>
    new Paragraph({ style: STYLE.tableText, alignment: ALIGNMENT[alignment], children: runs });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((column, index) =>
      cell(index, [para([new TextRun({ text: column.title, bold: true })], 'center')]),
    ),
  });
  const rows = block.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children:
          'group' in row
            ? [
                cell(
                  0,
                  [
                    new Paragraph({
                      style: STYLE.tableText,
                      keepNext: true,
                      children: [new TextRun({ text: row.group, bold: true })],
                    }),
                  ],
                  block.columns.length,
                ),
              ]
            : row.cells.map((runs, index) => cell(index, [para(textRuns(runs), block.columns[index]?.align)])),
      }),
  );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    rows: [header, ...rows],
  });
}

function recipientParagraphs(recipients: Recipients, spaceBefore: number): Paragraph[] {
  return [
    new Paragraph({
      style: STYLE.recipients,
      keepNext: true,
      spacing: { before: spaceBefore },
      children: [new TextRun({ text: recipients.heading, bold: true, italics: true, size: PT(12) })],
    }),
    ...recipients.items.map(
      (item, index, items) =>
        new Paragraph({ style: STYLE.recipients, keepNext: index < items.length - 1, children: [new TextRun(item)] }),
    ),
  ];
}

/**
 * A signature's title, a line break where it has one ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"), and a line
 * too long for its column on balanced lines ("ĐẠI DIỆN ĐƠN VỊ / ĐƯỢC KIỂM TRA", never "… KIỂM /
 * TRA"), as the printed copy breaks it.
 */
function titleRuns(title: string, width: number): TextRun[] {
  return title
    .split('\n')
    .flatMap((line) => balancedLines(line, { points: 14, bold: true, width: (width - CELL_MARGINS) * FIT }))
    .map((line, index) => new TextRun({ text: line, bold: true, ...(index > 0 ? { break: 1 } : {}) }));
}

/** One row of signature blocks; `beside` are the recipients to put at their left, if any. */
function signatureTable(row: Signature[], beside: Recipients | null): Table {
  // A lone block (the secretary) takes half the width, in the middle of the page; beside the
  // recipients, the right half.
  const width = Math.floor(TEXT_WIDTH / 2);
  const indent = row.length === 1 && beside === null ? Math.round(TEXT_WIDTH / 4) : 0;
  const columns = row.length + (beside === null ? 0 : 1);
  const recipientsCell =
    beside === null
      ? []
      : [
          new TableCell({
            width: { size: width, type: WidthType.DXA },
            borders: NO_BORDERS,
            rowSpan: 3,
            children: recipientParagraphs(beside, 0),
          }),
        ];
  const line = (render: (signature: Signature) => Paragraph, first = false) =>
    new TableRow({
      cantSplit: true,
      // Also on the cells docx adds under the recipients, so Word keeps the rows together.
      keepNext: true,
      children: [
        ...(first ? recipientsCell : []),
        ...row.map(
          (signature) =>
            new TableCell({
              width: { size: width, type: WidthType.DXA },
              borders: NO_BORDERS,
              children: [render(signature)],
            }),
        ),
      ],
    });
  // Titles, hints and names each on their own row, so the names line up.
  return new Table({
    width: { size: width * columns, type: WidthType.DXA },
    columnWidths: Array.from({ length: columns }, () => width),
    indent: { size: indent, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: { ...NO_BORDERS, insideHorizontal: NONE, insideVertical: NONE },
    rows: [
      line(
        (signature) =>
          new Paragraph({
            style: STYLE.signature,
            keepNext: true,
            children: titleRuns(signature.title, width),
          }),
        true,
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
  const { recipients, signatures } = block;
  const beside = recipientsBeside(block);
  return [
    ...(block.runs.length > 0
      ? [new Paragraph({ style: STYLE.body, keepNext: true, keepLines: true, children: textRuns(block.runs) })]
      : []),
    // Word and LibreOffice merge tables that touch: a thin paragraph keeps the rows apart.
    ...signatures.flatMap((row, index) => [
      signatureTable(row, index === signatures.length - 1 ? beside : null),
      new Paragraph({ style: STYLE.signature, keepNext: true, children: [new TextRun({ text: '', size: PT(2) })] }),
    ]),
    ...(recipients && !beside ? recipientParagraphs(recipients, 240) : []),
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

/** A PNG of one white pixel: the stand-in for Word versions without SVG when no picture was made. */
function blankPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 255, 255]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Pixels (at 96 per inch, as docx measures pictures) of a length in millimetres. */
const PX = (millimetres: number) => Math.round((millimetres / 25.4) * 96);

/** A chart: its caption, then the picture, kept together and centred. */
function figureParts(block: Extract<Block, { kind: 'figure' }>): Paragraph[] {
  return [
    new Paragraph({
      style: STYLE.caption,
      keepNext: true,
      children: [new TextRun({ text: block.caption, bold: true, italics: true, size: PT(13) })],
    }),
    new Paragraph({
      style: STYLE.caption,
      spacing: { after: 200 },
      children: [
        new ImageRun({
          type: 'svg',
          data: Buffer.from(block.svg, 'utf8'),
          fallback: { type: 'png', data: block.png ? Buffer.from(block.png) : blankPng() },
          transformation: { width: PX(block.width), height: PX(block.height) },
          altText: { name: block.caption, title: block.caption, description: block.caption },
        }),
      ],
    }),
  ];
}

const HEADING_STYLE = { 1: 'Heading1', 2: 'Heading2', 3: 'Heading3' } as const;

function bodyParagraph(runs: Run[]): Paragraph {
  return new Paragraph({ style: STYLE.body, widowControl: true, children: textRuns(runs) });
}

function blockParts(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'header':
      return block.mark ? [draftMark(block.mark), headerTable(block)] : [headerTable(block)];
    case 'title':
      return [
        new Paragraph({ style: 'Title', children: [new TextRun(block.title)] }),
        new Paragraph({
          style: 'Subtitle',
          children: balancedRuns(block.subtitle, { points: 14, bold: true }, TEXT_WIDTH),
        }),
        rule(MM(35), TEXT_WIDTH),
        new Paragraph({ style: STYLE.body, spacing: { after: 0 }, children: [] }),
      ];
    case 'heading':
      return [new Paragraph({ style: HEADING_STYLE[block.level], children: textRuns(block.runs) })];
    case 'paragraph':
      return [bodyParagraph(block.runs)];
    case 'list':
      return block.items.map((item, index) => bodyParagraph(listItemRuns(block.marker, index, item)));
    case 'dotted':
      return Array.from({ length: block.lines }, dottedLine);
    case 'table':
      return [
        ...(block.intro ? [new Paragraph({ style: STYLE.body, keepNext: true, children: textRuns(block.intro) })] : []),
        gridTable(block),
        new Paragraph({ style: STYLE.body, spacing: { after: 0 }, children: [] }),
      ];
    case 'figure':
      return figureParts(block);
    case 'pageBreak':
      return [new Paragraph({ style: STYLE.body, spacing: { after: 0 }, children: [new PageBreak()] })];
    case 'closing':
      return closingParts(block);
  }
}

/** Headings: justified, indented as the body, kept with what follows (the first has space above). */
const HEADING_PARAGRAPH = {
  alignment: AlignmentType.JUSTIFIED,
  indent: { firstLine: INDENT },
  spacing: { before: 0, after: 120, ...LINE_125 },
  keepNext: true,
  keepLines: true,
};

/** The document as a docx `Document` (its parts stay open to inspection before packing). */
export function buildDocumentDocx(layout: DocumentLayout): Document {
  return new Document({
    title: layout.title,
    subject: layout.subject,
    creator: 'Kiểm tra KLKCHC',
    description: layout.description,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: PT(14), language: { value: 'vi-VN' } },
          paragraph: { spacing: { ...LINE_125 } },
        },
        title: {
          run: { font: FONT, size: PT(14), bold: true, allCaps: true, color: '000000' },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 360, after: 0 }, keepNext: true },
        },
        heading1: {
          run: { font: FONT, size: PT(14), bold: true, color: '000000' },
          paragraph: { ...HEADING_PARAGRAPH, spacing: { before: 120, after: 120, ...LINE_125 } },
        },
        heading2: {
          run: { font: FONT, size: PT(14), bold: true, italics: false, color: '000000' },
          paragraph: HEADING_PARAGRAPH,
        },
        heading3: {
          run: { font: FONT, size: PT(14), bold: true, italics: true, color: '000000' },
          paragraph: HEADING_PARAGRAPH,
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
            spacing: { before: 0, after: 120, ...LINE_125 },
          },
        },
        {
          id: STYLE.header,
          name: 'Document Header',
          basedOn: 'Normal',
          run: { font: FONT, size: PT(13) },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0, ...SINGLE } },
        },
        {
          id: STYLE.tableText,
          name: 'Table Text',
          basedOn: 'Normal',
          run: { font: FONT, size: PT(13) },
          paragraph: { spacing: { before: 0, after: 0, ...SINGLE } },
        },
        {
          id: STYLE.signature,
          name: 'Signature Block',
          basedOn: 'Normal',
          run: { font: FONT, size: PT(14) },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0, ...SINGLE }, keepLines: true },
        },
        {
          id: STYLE.recipients,
          name: 'Recipients',
          basedOn: 'Normal',
          run: { font: FONT, size: PT(11) },
          paragraph: { spacing: { before: 0, after: 0, ...SINGLE }, keepLines: true },
        },
        {
          id: STYLE.dotted,
          name: 'Dotted Line',
          basedOn: 'Normal',
          run: { font: FONT, size: PT(14) },
          paragraph: { spacing: { before: 0, after: 120, ...LINE_125 } },
        },
        {
          id: STYLE.caption,
          name: 'Chart Caption',
          basedOn: 'Normal',
          run: { font: FONT, size: PT(13) },
          paragraph: {
            alignment: AlignmentType.CENTER,
            spacing: { before: 120, after: 60, ...SINGLE },
            keepLines: true,
          },
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
        children: layout.blocks.flatMap(blockParts),
      },
    ],
  });
}

/** The .docx file's bytes. */
export async function renderDocumentDocx(layout: DocumentLayout): Promise<Buffer> {
  return Packer.toBuffer(buildDocumentDocx(layout));
}
