import type { MinutesDocument } from '../../../../shared/domain/minutes';
import { renderDocumentDocx } from '../../documents/docx';
import { renderDocumentHtml } from '../../documents/html';
import { layoutMinutes } from './minutes-layout';

/** The minutes drawn by the documents engine: HTML (for the printer and the PDF) and .docx. */

/** `fontCss` is the @font-face rules of the bundled font (documents/fonts.ts); tests may pass ''. */
export function renderMinutesHtml(doc: MinutesDocument, fontCss: string): string {
  return renderDocumentHtml(layoutMinutes(doc), fontCss);
}

export function renderMinutesDocx(doc: MinutesDocument): Promise<Buffer> {
  return renderDocumentDocx(layoutMinutes(doc));
}
