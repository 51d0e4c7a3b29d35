import type { MinutesDocument } from '../../../../shared/domain/minutes';
import { DOCUMENT_FONT_FAMILY } from '../../documents/fonts';
import { layoutMinutes, type Block, type Run } from './layout';

/**
 * The minutes as one self-contained HTML page in the layout of Nghị định 30/2020: A4, the
 * decree's margins, sizes, capitals, bold and italic; page numbers in the top margin from page
 * 2 (CSS page-margin boxes, drawn by Chromium's print engine in Electron, browser mode and the
 * tests alike). No script, no external resource: the font comes in as @font-face rules with
 * data: URLs (see fonts.ts), so the output is the same on every PC.
 */


/** Dots printed for one unit of a `fill` run. */
const FILL_UNIT = '…';
/** Enough dots for one full line at 14 pt across 165 mm; the rest is clipped at the margin. */
const DOTTED_LINE = '.'.repeat(150);

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function runsHtml(runs: Run[]): string {
  return runs
    .map((run) => {
      if ('fill' in run) return `<span class="fill">${FILL_UNIT.repeat(Math.max(1, run.fill))}</span>`;
      let html = escapeHtml(run.text);
      if (run.italic) html = `<i>${html}</i>`;
      if (run.bold) html = `<b>${html}</b>`;
      return html;
    })
    .join('');
}

function headerHtml(block: Extract<Block, { kind: 'header' }>): string {
  return `<table class="doc-header" role="presentation"><tr>
<td class="hd-left"><div class="parent">${escapeHtml(block.parentBody)}</div><div class="issuing"><span class="ruled short">${escapeHtml(block.issuingBody)}</span></div></td>
<td class="hd-right"><div class="nation">${escapeHtml(block.nationalName)}</div><div class="motto"><span class="ruled">${escapeHtml(block.motto)}</span></div></td>
</tr><tr>
<td class="hd-left number">${runsHtml(block.number)}</td>
<td class="hd-right place-date">${runsHtml(block.placeDate)}</td>
</tr></table>`;
}

function criteriaHtml(block: Extract<Block, { kind: 'criteria' }>): string {
  const [no, criterion, result, note] = block.columns.map(escapeHtml);
  const body = block.groups
    .map((group) => {
      const rows = group.rows
        .map(
          (row) =>
            `<tr><td class="c-no">${escapeHtml(row.number)}</td><td class="c-text">${escapeHtml(row.text)}</td>` +
            `<td class="c-result">${runsHtml(row.result)}</td><td class="c-note">${escapeHtml(row.note)}</td></tr>`,
        )
        .join('\n');
      return `<tr class="c-group"><td colspan="4">${escapeHtml(group.title)}</td></tr>\n${rows}`;
    })
    .join('\n');
  return `<table class="criteria">
<colgroup><col class="w-no"><col class="w-text"><col class="w-result"><col class="w-note"></colgroup>
<thead><tr><th>${no}</th><th>${criterion}</th><th>${result}</th><th>${note}</th></tr></thead>
<tbody>
${body}
</tbody></table>`;
}

function signatureTable(row: { title: string; hint: string; name: string }[]): string {
  const cells = (render: (signature: { title: string; hint: string; name: string }) => string) =>
    row.map((signature) => `<td>${render(signature)}</td>`).join('');
  // One row for the titles, one for the hints, one for the names: the names line up even when
  // one title takes two lines.
  return `<table class="signatures${row.length === 1 ? ' single' : ''}" role="presentation">
<tr class="sig-title">${cells((signature) => escapeHtml(signature.title))}</tr>
<tr class="sig-hint">${cells((signature) => escapeHtml(signature.hint))}</tr>
<tr class="sig-name">${cells((signature) =>
    signature.name.trim() === '' ? `<span class="fill">${FILL_UNIT.repeat(8)}</span>` : escapeHtml(signature.name),
  )}</tr>
</table>`;
}

function closingHtml(block: Extract<Block, { kind: 'closing' }>): string {
  const recipients = `<div class="recipients"><div class="rc-head">${escapeHtml(block.recipients.heading)}</div>${block.recipients.items
    .map((item) => `<div>${escapeHtml(item)}</div>`)
    .join('')}</div>`;
  return `<div class="closing"><p>${runsHtml(block.runs)}</p>\n${block.rows.map(signatureTable).join('\n')}\n${recipients}</div>`;
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'header':
      return headerHtml(block);
    case 'title':
      return `<h1 class="title">${escapeHtml(block.title)}</h1>\n<p class="subtitle"><span class="ruled short">${runsHtml(block.subtitle)}</span></p>`;
    case 'heading':
      return block.level === 1 ? `<h2>${runsHtml(block.runs)}</h2>` : `<h3>${runsHtml(block.runs)}</h3>`;
    case 'paragraph':
      return `<p>${runsHtml(block.runs)}</p>`;
    case 'dotted':
      return Array.from({ length: block.lines }, () => `<p class="dotted">${DOTTED_LINE}</p>`).join('\n');
    case 'criteria':
      return `<p class="lead-in">${escapeHtml(block.intro)}</p>\n${criteriaHtml(block)}`;
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
.doc-header { width: 100%; table-layout: fixed; margin: 0 0 12pt; }
.doc-header td { vertical-align: top; text-align: center; padding: 0; line-height: 1.2; text-wrap: balance; }
.hd-left { width: 37%; font-size: 13pt; }
.hd-right { width: 63%; }
.parent { text-transform: none; }
.issuing { font-weight: bold; }
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
h2, h3 { font-size: 14pt; font-weight: bold; margin: 6pt 0 6pt; text-indent: 1.27cm; text-align: justify;
  break-after: avoid; break-inside: avoid; }
h3 { margin-top: 0; }
.fill { letter-spacing: 0; line-break: anywhere; }
p.dotted { text-indent: 0; white-space: nowrap; overflow: hidden; text-align: left; letter-spacing: 1.5pt; }
table.criteria { width: 100%; table-layout: fixed; font-size: 13pt; line-height: 1.2; margin: 0 0 8pt; }
.criteria col.w-no { width: 12mm; } .criteria col.w-result { width: 26mm; } .criteria col.w-note { width: 40mm; }
.criteria th, .criteria td { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: top; }
.criteria th { font-weight: bold; text-align: center; vertical-align: middle; }
.criteria thead { display: table-header-group; }
.criteria tr { break-inside: avoid; }
.criteria .c-group td { font-weight: bold; }
.criteria tr.c-group { break-after: avoid; }
.criteria .c-no, .criteria .c-result { text-align: center; }
.criteria .c-text, .criteria .c-note { text-align: left; }
.closing { break-inside: avoid; }
.closing p { margin-bottom: 12pt; }
table.signatures { width: 100%; table-layout: fixed; break-inside: avoid; margin-top: 6pt; }
table.signatures td { text-align: center; vertical-align: top; padding: 0 4pt; }
table.signatures.single td { width: 50%; }
table.signatures .sig-title td { font-weight: bold; text-wrap: balance; }
table.signatures .sig-hint td { font-style: italic; font-size: 13pt; }
table.signatures .sig-name td { font-weight: bold; padding-top: 25mm; padding-bottom: 12pt; }
.recipients { margin-top: 12pt; font-size: 11pt; line-height: 1.15; break-inside: avoid; }
.rc-head { font-size: 12pt; font-weight: bold; font-style: italic; }
`;
}

/**
 * The whole minutes as an HTML document. `fontCss` is the @font-face rules of the bundled font
 * (fonts.ts); tests may pass '' to check the markup alone.
 */
export function renderMinutesHtml(doc: MinutesDocument, fontCss: string): string {
  const body = layoutMinutes(doc).map(blockHtml).join('\n');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">
<title>${escapeHtml(doc.fileName)}</title>
<style>${fontCss}${documentCss()}</style>
</head><body>
${body}
</body></html>
`;
}
