import type { ReportChart } from '../../../../shared/domain/report';
import { DOCUMENT_FONT_FAMILY } from '../../documents/fonts';

/**
 * A report's charts as SVG, for the printed report (inline in the HTML, as an image in the
 * .docx). Drawn for print: black text in the document's font, lines told apart by dash as well
 * as colour (a black-and-white printer keeps them apart), values written on the bars. Every
 * text is escaped here. Sizes are in CSS pixels of a 165 mm text width.
 */

export const CHART_WIDTH_MM = 160;
const WIDTH = 600;
const FONT = `${DOCUMENT_FONT_FAMILY}, 'Times New Roman', serif`;
const COLOURS = ['#1f4e79', '#c55a11', '#548235', '#7f6000', '#7030a0', '#2e75b6', '#595959', '#b4472a'];
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '4 4', '1 2', '10 4', '3 2 1 2'];
/** Average width of a character of the font, in ems (for wrapping labels). */
const EM_PER_CHAR = 0.47;

function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function number(value: number, suffix: string): string {
  const rounded = Math.round(value * 10) / 10;
  return `${String(rounded).replace('.', ',')}${suffix}`;
}

/** Words wrapped to lines of at most `width` pixels, at most `maxLines` (the last cut with "…"). */
function wrap(text: string, width: number, size: number, maxLines: number): string[] {
  const perLine = Math.max(4, Math.floor(width / (size * EM_PER_CHAR)));
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = current === '' ? word : `${current} ${word}`;
    if (next.length <= perLine) current = next;
    else {
      if (current !== '') lines.push(current);
      current = word.length > perLine ? `${word.slice(0, perLine - 1)}…` : word;
    }
  }
  if (current !== '') lines.push(current);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    const last = kept[maxLines - 1] ?? '';
    kept[maxLines - 1] = `${last.length >= perLine ? last.slice(0, perLine - 1) : last}…`;
    return kept;
  }
  return lines;
}

/**
 * The axis of a count (units, never a fraction of one): a step of 1, 2 or 5 times a power of ten
 * giving at most `ticks` steps, and the top of the axis on a step.
 */
export function countAxis(max: number, ticks = 5): { step: number; top: number } {
  const raw = Math.max(1, max) / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= raw) ?? raw);
  return { step, top: Math.ceil(Math.max(1, max) / step) * step };
}

function text(x: number, y: number, content: string, attributes = ''): string {
  return `<text x="${x}" y="${y}" ${attributes}>${escapeXml(content)}</text>`;
}

function svg(height: number, body: string, title: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escapeXml(title)}" font-family="${escapeXml(FONT)}" font-size="12" fill="#000"><rect width="${WIDTH}" height="${height}" fill="#fff"/>${body}</svg>`;
}

function legend(names: readonly string[], y: number, kind: 'line' | 'box'): { markup: string; height: number } {
  const parts: string[] = [];
  let x = 10;
  let row = 0;
  names.forEach((name, index) => {
    const label = wrap(name, 260, 11, 1)[0] ?? '';
    const width = 28 + label.length * 11 * EM_PER_CHAR + 16;
    if (x + width > WIDTH - 10 && x > 10) {
      x = 10;
      row += 1;
    }
    const top = y + row * 18;
    const colour = COLOURS[index % COLOURS.length] ?? '#000';
    parts.push(
      kind === 'line'
        ? `<line x1="${x}" y1="${top + 6}" x2="${x + 22}" y2="${top + 6}" stroke="${colour}" stroke-width="2.2" stroke-dasharray="${DASHES[index % DASHES.length] ?? ''}"/>`
        : `<rect x="${x + 4}" y="${top}" width="14" height="12" fill="${colour}"/>`,
      text(x + 28, top + 10, label, 'font-size="11"'),
    );
    x += width;
  });
  return { markup: parts.join(''), height: names.length === 0 ? 0 : (row + 1) * 18 };
}

function barsSvg(chart: Extract<ReportChart, { type: 'bars' }>): { svg: string; height: number } {
  const labelWidth = 250;
  const left = labelWidth + 16;
  const right = WIDTH - 50;
  const barHeight = 13;
  // A criterion's wording is read in full in an official report: up to four lines before "…".
  const rows = chart.rows.map((row) => ({ row, lines: wrap(row.label, labelWidth, 11, 4) }));
  const series = chart.series.length;
  const { markup: legendMarkup, height: legendHeight } =
    series > 1 ? legend(chart.series, 6, 'box') : { markup: '', height: 0 };
  const top = legendHeight + 10;
  const parts: string[] = [legendMarkup];
  let y = top;
  // A percentage is read in quarters of its scale; a count of units on whole steps (no "6,3" units).
  const axis = chart.suffix === '' ? countAxis(chart.max) : { step: chart.max / 4, top: chart.max };
  const steps = Math.round(axis.top / axis.step);
  const scale = (value: number) => ((right - left) * Math.max(0, Math.min(value, axis.top))) / axis.top;
  // Grid lines at each step of the scale, behind the bars.
  const rowsHeight = rows.reduce(
    (sum, { lines }) => sum + Math.max(series * (barHeight + 2), lines.length * 13) + 8,
    0,
  );
  for (let step = 0; step <= steps; step += 1) {
    const x = left + ((right - left) * step) / steps;
    parts.push(
      `<line x1="${x}" y1="${top - 4}" x2="${x}" y2="${top + rowsHeight}" stroke="#bfbfbf" stroke-width="0.6"/>`,
      text(x, top + rowsHeight + 14, number(axis.step * step, chart.suffix), 'font-size="10" text-anchor="middle"'),
    );
  }
  for (const { row, lines } of rows) {
    const height = Math.max(series * (barHeight + 2), lines.length * 13);
    lines.forEach((line, index) => {
      const lineY = y + height / 2 - ((lines.length - 1) * 13) / 2 + index * 13 + 4;
      parts.push(text(labelWidth, lineY, line, 'font-size="11" text-anchor="end"'));
    });
    row.values.forEach((value, index) => {
      const barY = y + height / 2 - (series * (barHeight + 2)) / 2 + index * (barHeight + 2);
      const width = scale(value);
      parts.push(
        `<rect x="${left}" y="${barY}" width="${Math.max(width, value > 0 ? 1 : 0)}" height="${barHeight}" fill="${COLOURS[index % COLOURS.length] ?? '#000'}"/>`,
        text(left + width + 4, barY + barHeight - 3, number(value, chart.suffix), 'font-size="10"'),
      );
    });
    y += height + 8;
  }
  parts.push(
    `<line x1="${left}" y1="${top - 4}" x2="${left}" y2="${top + rowsHeight}" stroke="#000" stroke-width="0.8"/>`,
  );
  const height = top + rowsHeight + 22;
  return { svg: svg(height, parts.join(''), chart.title), height };
}

function linesSvg(chart: Extract<ReportChart, { type: 'lines' }>): { svg: string; height: number } {
  const left = 46;
  const right = WIDTH - 24;
  const top = 24;
  const plotHeight = 210;
  const bottom = top + plotHeight;
  const highest = Math.max(chart.target ?? 0, ...chart.series.flatMap((series) => series.values), 1);
  const max = Math.ceil(highest / 20) * 20;
  const y = (value: number) => bottom - (plotHeight * Math.max(0, value)) / max;
  const count = Math.max(1, chart.labels.length);
  const x = (index: number) => (count === 1 ? (left + right) / 2 : left + ((right - left) * index) / (count - 1));
  const parts: string[] = [];
  for (let value = 0; value <= max; value += max <= 100 ? 20 : 40) {
    parts.push(
      `<line x1="${left}" y1="${y(value)}" x2="${right}" y2="${y(value)}" stroke="#d9d9d9" stroke-width="0.6"/>`,
      text(left - 6, y(value) + 4, number(value, chart.suffix), 'font-size="10" text-anchor="end"'),
    );
  }
  // Labels never touch: the last one ends at its tick (anchored at its end), each other one is
  // centred on its tick, so two labelled ticks are at least one and a half labels apart.
  const labelWidth = Math.max(...chart.labels.map((label) => label.length), 1) * 10 * 0.55;
  const stepWidth = count > 1 ? (right - left) / (count - 1) : right - left;
  const every = Math.max(1, Math.ceil((1.5 * labelWidth + 6) / stepWidth));
  chart.labels.forEach((label, index) => {
    // Counted from the last month, which is always labelled, so labels never crowd at the end.
    if ((count - 1 - index) % every !== 0) return;
    parts.push(
      `<line x1="${x(index)}" y1="${bottom}" x2="${x(index)}" y2="${bottom + 4}" stroke="#000" stroke-width="0.8"/>`,
      text(
        x(index),
        bottom + 16,
        label,
        `font-size="10" text-anchor="${index === count - 1 && count > 1 ? 'end' : 'middle'}"`,
      ),
    );
  });
  parts.push(
    `<line x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}" stroke="#000" stroke-width="0.8"/>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${bottom}" stroke="#000" stroke-width="0.8"/>`,
  );
  if (chart.target !== null) {
    parts.push(
      `<line x1="${left}" y1="${y(chart.target)}" x2="${right}" y2="${y(chart.target)}" stroke="#c00000" stroke-width="1.2" stroke-dasharray="7 4"/>`,
      text(
        right - 2,
        y(chart.target) - 5,
        `Chỉ tiêu ${number(chart.target, chart.suffix)}`,
        'font-size="10" text-anchor="end" fill="#c00000"',
      ),
    );
  }
  chart.series.forEach((series, index) => {
    const colour = COLOURS[index % COLOURS.length] ?? '#000';
    const points = series.values.map((value, at) => `${x(at).toFixed(1)},${y(value).toFixed(1)}`).join(' ');
    parts.push(
      `<polyline points="${points}" fill="none" stroke="${colour}" stroke-width="2.2" stroke-dasharray="${DASHES[index % DASHES.length] ?? ''}"/>`,
    );
    const last = series.values.length - 1;
    if (last >= 0) {
      parts.push(
        `<circle cx="${x(last)}" cy="${y(series.values[last] ?? 0)}" r="3" fill="${colour}"/>`,
        text(
          x(last) - 4,
          y(series.values[last] ?? 0) - 6,
          // Whole, as the report's text says it (28/81 is "35%", not "34,6%").
          number(Math.round(series.values[last] ?? 0), chart.suffix),
          'font-size="10" text-anchor="end"',
        ),
      );
    }
  });
  const { markup, height: legendHeight } = legend(
    chart.series.map((series) => series.name),
    bottom + 28,
    'line',
  );
  parts.push(markup);
  const height = bottom + 28 + legendHeight + 6;
  return { svg: svg(height, parts.join(''), chart.title), height };
}

/** The chart as SVG markup, and its printed size in millimetres. */
export function chartSvg(chart: ReportChart): { svg: string; width: number; height: number } {
  const drawn = chart.type === 'bars' ? barsSvg(chart) : linesSvg(chart);
  return { svg: drawn.svg, width: CHART_WIDTH_MM, height: Math.round((drawn.height * CHART_WIDTH_MM) / WIDTH) };
}
