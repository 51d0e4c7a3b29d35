/**
 * A printed document of Nghị định 30/2020 (the minutes, the results report …) as a sequence of
 * blocks. A feature lays its document out as blocks, in the order of its form and with the
 * form's wording; html.ts (hence the PDF and the printout) and docx.ts draw any block list in
 * the decree's layout (LAYOUT.md), so the two files cannot drift apart and every document
 * looks the same. Empty values are `fill` runs, printed as dots for handwriting.
 */

/** Text, bold and/or italic; or `fill` units of dots ("…" each) for a value left blank. */
export type Run = { text: string; bold?: boolean; italic?: boolean } | { fill: number };

export type Alignment = 'left' | 'center' | 'right';

export interface TableColumn {
  title: string;
  /** In mm; the columns without a width (leave at least one) share what is left of the text width. */
  width?: number;
  /** Of the body cells (the header row is centred); left by default. */
  align?: Alignment;
}

/** A row of cells, one list of runs per column; or a bold title across every column. */
export type TableRow = { cells: Run[][] } | { group: string };

export interface Signature {
  /** "TRƯỞNG ĐOÀN"; a line break ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH") starts a second line. */
  title: string;
  /** "(Ký, ghi rõ họ tên)"; '' for none. */
  hint: string;
  /** The signer's name under the room for signature and seal; dots when ''. */
  name: string;
}

/** "Nơi nhận:" and its list; `beside`: at the left of a last row of one signature (Mẫu 1.4). */
export interface Recipients {
  heading: string;
  items: string[];
  beside?: boolean;
}

export type Block =
  /** The two columns at the top: bodies on the left, national name and motto on the right. */
  | {
      kind: 'header';
      parentBody: string;
      issuingBody: string;
      nationalName: string;
      motto: string;
      /** "Số: 05/BB-ĐKT" under the bodies. */
      number: Run[];
      /** "Lộc Bình, ngày 09 tháng 02 năm 2020" under the motto. */
      placeDate: Run[];
      /** "DỰ THẢO" boxed above the header's right column, on a text not yet issued (Nghị định 30, ô số 15). */
      mark?: string;
    }
  /** The document's type name (BIÊN BẢN, BÁO CÁO) and its subject, centred, ruled under. */
  | { kind: 'title'; title: string; subtitle: Run[] }
  /**
   * Level 1: "I. THÀNH PHẦN" (bold; capitals as given); level 2: "1. Đoàn kiểm tra" (bold);
   * level 3: "1.1. …" (bold italic). Kept on the page of what follows.
   */
  | { kind: 'heading'; level: 1 | 2 | 3; runs: Run[] }
  /** Body text: justified, first line indented. */
  | { kind: 'paragraph'; runs: Run[] }
  /**
   * Body paragraphs each opening with its marker, as a clerk types them: "- " (dash),
   * "1. " (number), "a) " (letter). The items carry their own ending (";" or ".").
   */
  | { kind: 'list'; marker: 'dash' | 'number' | 'letter'; items: Run[][] }
  /** Lines of dots across the page, for a section left to be written by hand. */
  | { kind: 'dotted'; lines: number }
  /**
   * A ruled table across the text width. Its header row repeats on every page; no row is
   * split across pages, and a group title stays with the row after it.
   */
  | {
      kind: 'table';
      /** What the table holds, as a class name in the HTML ("criteria"). */
      name?: string;
      /** The sentence before the table, kept on the same page as its first rows. */
      intro?: Run[];
      columns: TableColumn[];
      rows: TableRow[];
    }
  /**
   * A chart, kept whole on one page under its caption: `svg` is drawn inline in the HTML (no
   * script runs in the print window) and placed as an image in the .docx, with `png` (the same
   * chart as pixels) for Word versions that cannot show SVG. The feature that makes the SVG
   * escapes every text it puts in it.
   */
  | { kind: 'figure'; caption: string; svg: string; width: number; height: number; png?: Uint8Array }
  /** What follows starts on a new page. */
  | { kind: 'pageBreak' }
  /**
   * The end of the document, kept on one page: the closing sentence (if any), the signature
   * blocks (rows of one or two, side by side) and "Nơi nhận". The recipients go under the
   * signatures (the minutes, Mẫu 1.9), or at the left of a last row of one signature (Mẫu 1.4
   * and the other documents with a name of their own).
   */
  | {
      kind: 'closing';
      runs: Run[];
      signatures: Signature[][];
      recipients: Recipients | null;
    };

/** A whole document: its blocks and the file's own properties. */
export interface DocumentLayout {
  /** The HTML page's title and the .docx title (the file name without extension). */
  title: string;
  /** The .docx subject and description (shown in Word's file properties). */
  subject: string;
  description: string;
  blocks: Block[];
}

/** Joins adjacent text runs of the same style, so the output has as few spans as possible. */
export function mergeRuns(runs: Run[]): Run[] {
  const merged: Run[] = [];
  for (const run of runs) {
    const last = merged.at(-1);
    if (
      last &&
      'text' in last &&
      'text' in run &&
      Boolean(last.bold) === Boolean(run.bold) &&
      Boolean(last.italic) === Boolean(run.italic)
    ) {
      merged[merged.length - 1] = { ...last, text: last.text + run.text };
    } else if (!('text' in run) || run.text !== '') {
      merged.push(run);
    }
  }
  return merged;
}

/** The recipients to set at the left of the last signature row, or null when they go under it. */
export function recipientsBeside(block: Extract<Block, { kind: 'closing' }>): Recipients | null {
  const { recipients, signatures } = block;
  return recipients?.beside === true && signatures.at(-1)?.length === 1 ? recipients : null;
}

/** The letters of points "a)", "b)" … "đ)" in Vietnamese order. */
const LETTERS = 'abcdđeghiklmnopqrstuvxy';

/** A list item as the paragraph it prints as: its marker ("- ", "3. ", "c) ") and its runs, merged. */
export function listItemRuns(marker: Extract<Block, { kind: 'list' }>['marker'], index: number, item: Run[]): Run[] {
  const text =
    marker === 'dash' ? '- ' : marker === 'number' ? `${index + 1}. ` : `${LETTERS[index % LETTERS.length] ?? 'a'}) `;
  return mergeRuns([{ text }, ...item]);
}
