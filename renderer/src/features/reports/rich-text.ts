import { MAX_RUN_LENGTH, type ReportRun } from '../../../../shared/domain/report';
import { cleanText, removeInvisible } from '../../../../shared/text/fold';

/**
 * A paragraph's runs as the HTML an editable paragraph holds, and back. Bold and italic are
 * what the browser's own editing commands make (b/strong/i/em, or a font-weight / font-style
 * span); a counted number is an island the caret cannot enter, so its link to the units it
 * counts cannot be half-edited.
 */

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function runsToHtml(runs: readonly ReportRun[], countLabel: (text: string) => string): string {
  return runs
    .map((run) => {
      let html = escapeHtml(run.text);
      if (run.ref !== undefined) {
        html = `<span class="count" data-ref="${escapeHtml(run.ref)}" contenteditable="false" role="link" tabindex="0" aria-label="${escapeHtml(countLabel(run.text))}">${html}</span>`;
      }
      if (run.italic) html = `<i>${html}</i>`;
      if (run.bold) html = `<b>${html}</b>`;
      return html;
    })
    .join('');
}

interface Style {
  bold: boolean;
  italic: boolean;
}

function styleOf(element: HTMLElement, parent: Style): Style {
  const tag = element.tagName;
  let { bold, italic } = parent;
  if (tag === 'B' || tag === 'STRONG') bold = true;
  if (tag === 'I' || tag === 'EM') italic = true;
  const weight = element.style.fontWeight;
  if (weight === 'bold' || Number(weight) >= 600) bold = true;
  else if (weight === 'normal' || (weight !== '' && Number(weight) < 600)) bold = false;
  if (element.style.fontStyle === 'italic') italic = true;
  else if (element.style.fontStyle === 'normal') italic = false;
  return { bold, italic };
}

function run(text: string, style: Style, ref?: string): ReportRun {
  return {
    text,
    ...(style.bold ? { bold: true } : {}),
    ...(style.italic ? { italic: true } : {}),
    ...(ref !== undefined ? { ref } : {}),
  };
}

/**
 * A run's text cut into pieces of at most `max` characters, at the last space before the limit
 * where there is one, never inside a surrogate pair: a long paragraph is stored as several runs.
 */
export function splitLongText(text: string, max = MAX_RUN_LENGTH): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = max;
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
}

/** The lines of pasted text, each cleaned as a paragraph's text is; empty lines left out. */
export function pastedLines(text: string): string[] {
  return text
    .split(/\r\n?|\n|\u2028|\u2029/)
    .map(cleanText)
    .filter((line) => line !== '');
}

/**
 * The runs an editable paragraph holds now: adjacent runs of one style joined (then cut to the
 * longest run stored), no line breaks, a tab as a space, nothing invisible.
 */
export function htmlToRuns(root: HTMLElement): ReportRun[] {
  const out: ReportRun[] = [];
  const walk = (node: Node, style: Style) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) {
        out.push(run(child.textContent ?? '', style));
      } else if (child instanceof HTMLElement) {
        if (child.tagName === 'BR') {
          out.push(run(' ', style));
          continue;
        }
        const next = styleOf(child, style);
        const ref = child.dataset.ref;
        if (ref !== undefined) out.push(run(child.textContent ?? '', next, ref));
        else walk(child, next);
      }
    }
  };
  walk(root, { bold: false, italic: false });
  const merged: ReportRun[] = [];
  for (const item of out) {
    // The browser keeps typed spaces as no-break spaces; the document wants plain ones.
    const text = removeInvisible(item.text.replace(/[\u00a0\t]/g, ' ').replace(/[\r\n]+/g, ' '));
    const last = merged.at(-1);
    if (
      last &&
      last.ref === undefined &&
      item.ref === undefined &&
      Boolean(last.bold) === Boolean(item.bold) &&
      Boolean(last.italic) === Boolean(item.italic)
    ) {
      last.text += text;
    } else if (text !== '' || item.ref !== undefined) {
      merged.push({ ...item, text });
    }
  }
  return merged.flatMap((item) =>
    item.ref !== undefined || item.text.length <= MAX_RUN_LENGTH
      ? [item]
      : splitLongText(item.text).map((text) => ({ ...item, text })),
  );
}

export function sameRuns(a: readonly ReportRun[], b: readonly ReportRun[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
