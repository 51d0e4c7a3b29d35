import {
  listItemRuns,
  recipientsBeside,
  type Block,
  type DocumentLayout,
  type Recipients,
  type Run,
  type Signature,
  type TableRow,
} from './blocks';
import { DOCUMENT_FONT_FAMILY } from './fonts';
import { headerPhrases } from './line-balance';

/**
 * A document's blocks as one self-contained HTML page in the layout of Nghị định 30/2020: A4,
 * the decree's margins, sizes, capitals, bold and italic; page numbers in the top margin from
 * page 2 (CSS page-margin boxes, drawn by Chromium's print engine in Electron, browser mode and
 * the tests alike). No script, no external resource: the font comes in as @font-face rules with
 * data: URLs (see fonts.ts), so the output is the same on every PC.
 */

/** Dots printed for one unit of a `fill` run. */
const FILL_UNIT = '…';
/** Enough dots for one full line at 14 pt across 165 mm; the rest is clipped at the margin. */
const DOTTED_LINE = '.'.repeat(150);

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A blank day, month, year or hour: its dots and the word before them stay on one line. */
const SHORT_FILL = 3;

function runsHtml(runs: Run[]): string {
  return runs
    .map((run, index) => {
      if ('fill' in run) {
        const short = run.fill <= SHORT_FILL ? ' short' : '';
        return `<span class="fill${short}">${FILL_UNIT.repeat(Math.max(1, run.fill))}</span>`;
      }
      const next = runs[index + 1];
      const beforeShortFill = next !== undefined && 'fill' in next && next.fill <= SHORT_FILL;
      let html = escapeHtml(beforeShortFill ? run.text.replace(/ $/, '\u00a0') : run.text);
      if (run.italic) html = `<i>${html}</i>`;
      if (run.bold) html = `<b>${html}</b>`;
      return html;
    })
    .join('');
}

/**
 * A body's name for the narrow header column, wrapped where a reader would break it (see
 * `headerPhrases`). Each phrase is an inline block that still wraps inside if it alone is too wide.
 */
export function headerNameHtml(name: string): string {
  const phrases = headerPhrases(name);
  if (phrases.length < 2) return escapeHtml(name);
  return phrases.map((phrase) => `<span class="phrase">${escapeHtml(phrase)}</span>`).join(' ');
}

function headerHtml(block: Extract<Block, { kind: 'header' }>): string {
  const mark = block.mark ? `<p class="draft-mark"><span>${escapeHtml(block.mark)}</span></p>\n` : '';
  return `${mark}<table class="doc-header" role="presentation"><tr>
<td class="hd-left"><div class="parent">${headerNameHtml(block.parentBody)}</div><div class="issuing"><span class="ruled short">${headerNameHtml(block.issuingBody)}</span></div></td>
<td class="hd-right"><div class="nation">${escapeHtml(block.nationalName)}</div><div class="motto"><span class="ruled">${escapeHtml(block.motto)}</span></div></td>
</tr><tr>
<td class="hd-left number">${runsHtml(block.number)}</td>
<td class="hd-right place-date">${runsHtml(block.placeDate)}</td>
</tr></table>`;
}

function tableHtml(block: Extract<Block, { kind: 'table' }>): string {
  const { columns } = block;
  const rowHtml = (row: TableRow) =>
    'group' in row
      ? `<tr class="group"><td colspan="${columns.length}">${escapeHtml(row.group)}</td></tr>`
      : `<tr>${row.cells
          .map((runs, index) => `<td class="a-${columns[index]?.align ?? 'left'}">${runsHtml(runs)}</td>`)
          .join('')}</tr>`;
  const cols = columns
    .map((column) => (column.width === undefined ? '<col>' : `<col style="width: ${column.width}mm">`))
    .join('');
  const table = `<table class="grid${block.name ? ` ${escapeHtml(block.name)}` : ''}">
<colgroup>${cols}</colgroup>
<thead><tr>${columns.map((column) => `<th>${escapeHtml(column.title)}</th>`).join('')}</tr></thead>
<tbody>
${block.rows.map(rowHtml).join('\n')}
</tbody></table>`;
  return block.intro ? `<p class="lead-in">${runsHtml(block.intro)}</p>\n${table}` : table;
}

function recipientsHtml(recipients: Recipients): string {
  return `<div class="recipients"><div class="rc-head">${escapeHtml(recipients.heading)}</div>${recipients.items
    .map((item) => `<div>${escapeHtml(item)}</div>`)
    .join('')}</div>`;
}

/** One row of signature blocks; `beside` is the recipients' markup at their left, if any. */
function signatureTable(row: Signature[], beside: string | null): string {
  const cells = (render: (signature: Signature) => string) =>
    row.map((signature) => `<td>${render(signature)}</td>`).join('');
  const left = beside === null ? '' : `<td class="rc-cell" rowspan="3">${beside}</td>`;
  // One row for the titles, one for the hints, one for the names: the names line up even when
  // one title takes two lines.
  return `<table class="signatures${row.length === 1 && beside === null ? ' single' : ''}" role="presentation">
<tr class="sig-title">${left}${cells((signature) => escapeHtml(signature.title).replace(/\n/g, '<br>'))}</tr>
<tr class="sig-hint">${cells((signature) => escapeHtml(signature.hint))}</tr>
<tr class="sig-name">${cells((signature) =>
    signature.name.trim() === '' ? `<span class="fill">${FILL_UNIT.repeat(8)}</span>` : escapeHtml(signature.name),
  )}</tr>
</table>`;
}

function closingHtml(block: Extract<Block, { kind: 'closing' }>): string {
  const { recipients, signatures } = block;
  const beside = recipientsBeside(block);
  const rows = signatures.map((row, index) =>
    signatureTable(row, beside && index === signatures.length - 1 ? recipientsHtml(beside) : null),
  );
  const sentence = block.runs.length > 0 ? `<p>${runsHtml(block.runs)}</p>\n` : '';
  const below = recipients && !beside ? `\n${recipientsHtml(recipients)}` : '';
  return `<div class="closing">${sentence}${rows.join('\n')}${below}</div>`;
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'header':
      return headerHtml(block);
    case 'title':
      return `<h1 class="title">${escapeHtml(block.title)}</h1>\n<p class="subtitle"><span class="ruled short">${runsHtml(block.subtitle)}</span></p>`;
    case 'heading': {
      const tag = `h${block.level + 1}`;
      return `<${tag}>${runsHtml(block.runs)}</${tag}>`;
    }
    case 'paragraph':
      return `<p>${runsHtml(block.runs)}</p>`;
    case 'list':
      return block.items.map((item, index) => `<p>${runsHtml(listItemRuns(block.marker, index, item))}</p>`).join('\n');
    case 'dotted':
      return Array.from({ length: block.lines }, () => `<p class="dotted">${DOTTED_LINE}</p>`).join('\n');
    case 'table':
      return tableHtml(block);
    case 'figure':
      return `<figure class="chart" style="width: ${block.width}mm"><figcaption>${escapeHtml(block.caption)}</figcaption>${block.svg}</figure>`;
    case 'pageBreak':
      return '<div class="page-break"></div>';
    case 'closing':
      return closingHtml(block);
  }
}

/** The page and type of Nghị định 30/2020 (sizes in pt, lengths in mm/cm as the decree gives them). */
function documentCss(): string {
  const font = `'${DOCUMENT_FONT_FAMILY}'`;
  return `
@page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm;
  @top-center { content: counter(page); font-family: ${font}; font-size: 13pt; vertical-align: middle; } }
@page :first { @top-center { content: none; } }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${font}; font-size: 14pt; line-height: 1.25; color: #000; background: #fff;
  font-kerning: normal; text-rendering: geometricPrecision; orphans: 2; widows: 2; }
table { border-collapse: collapse; }
.draft-mark { text-align: right; text-indent: 0; margin: 0 0 6pt; }
.draft-mark span { display: inline-block; border: 1pt solid #000; padding: 1pt 8pt; font-weight: bold; font-size: 13pt; }
.doc-header { width: 100%; table-layout: fixed; margin: 0 0 12pt; }
.doc-header td { vertical-align: top; text-align: center; padding: 0; line-height: 1.2; text-wrap: balance; }
.hd-left { width: 37%; font-size: 13pt; }
.hd-right { width: 63%; }
.parent { text-transform: none; }
.issuing { font-weight: bold; }
.doc-header .phrase { display: inline-block; }
.nation { font-size: 12pt; font-weight: bold; white-space: nowrap; }
.motto { font-size: 13pt; font-weight: bold; }
.ruled { display: inline-block; }
.ruled::after { content: ''; display: block; margin: 1.5pt auto 0; border-top: 0.75pt solid #000; width: 100%; }
.ruled.short::after { width: 40%; }
.number { font-size: 13pt; padding-top: 6pt !important; }
.place-date { font-size: 14pt; font-style: italic; padding-top: 6pt !important; }
.title { font-size: 14pt; font-weight: bold; text-align: center; margin: 18pt 0 0; break-after: avoid; }
.subtitle { font-weight: bold; text-align: center; text-indent: 0; margin: 0 0 12pt; break-after: avoid; text-wrap: balance; }
.subtitle .ruled.short::after { width: 30%; margin-top: 3pt; }
p { margin: 0 0 6pt; text-align: justify; text-indent: 1.27cm; }
p.lead-in { break-after: avoid; }
h2, h3, h4 { font-size: 14pt; font-weight: bold; margin: 6pt 0 6pt; text-indent: 1.27cm; text-align: justify;
  break-after: avoid; break-inside: avoid; }
h3, h4 { margin-top: 0; }
h4 { font-style: italic; }
.fill { letter-spacing: 0; line-break: anywhere; }
.fill.short { white-space: nowrap; }
p.dotted { text-indent: 0; white-space: nowrap; overflow: hidden; text-align: left; letter-spacing: 1.5pt; }
.page-break { break-after: page; }
figure.chart { margin: 6pt auto 10pt; break-inside: avoid; text-align: center; }
figure.chart figcaption { font-size: 13pt; font-weight: bold; font-style: italic; margin-bottom: 4pt; text-wrap: balance; }
figure.chart svg { display: block; width: 100%; height: auto; }
table.grid { width: 100%; table-layout: fixed; font-size: 13pt; line-height: 1.2; margin: 0 0 8pt; }
.grid th, .grid td { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: top; }
.grid th { font-weight: bold; text-align: center; vertical-align: middle; }
.grid thead { display: table-header-group; }
.grid tr { break-inside: avoid; }
.grid tr.group td { font-weight: bold; }
.grid tr.group { break-after: avoid; }
.grid .a-left { text-align: left; }
.grid .a-center { text-align: center; }
.grid .a-right { text-align: right; }
.closing { break-inside: avoid; }
.closing p { margin-bottom: 12pt; }
table.signatures { width: 100%; table-layout: fixed; break-inside: avoid; margin-top: 6pt; }
table.signatures td { text-align: center; vertical-align: top; padding: 0 4pt; }
table.signatures.single td { width: 50%; }
table.signatures .sig-title td { font-weight: bold; text-wrap: balance; }
table.signatures .sig-hint td { font-style: italic; font-size: 13pt; }
table.signatures .sig-name td { font-weight: bold; padding-top: 25mm; padding-bottom: 12pt; }
table.signatures td.rc-cell { font-weight: normal; text-align: left; text-wrap: wrap; padding: 0; }
.recipients { margin-top: 12pt; font-size: 11pt; line-height: 1.15; break-inside: avoid; }
.rc-cell .recipients { margin-top: 0; }
.rc-head { font-size: 12pt; font-weight: bold; font-style: italic; }
`;
}

/**
 * The whole document as an HTML page. `fontCss` is the @font-face rules of the bundled font
 * (fonts.ts); tests may pass '' to check the markup alone.
 */
export function renderDocumentHtml(layout: DocumentLayout, fontCss: string): string {
  const body = layout.blocks.map(blockHtml).join('\n');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">
<title>${escapeHtml(layout.title)}</title>
<style>${fontCss}${documentCss()}</style>
</head><body>
${body}
</body></html>
`;
}
