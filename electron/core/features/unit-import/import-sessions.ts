import { randomBytes } from 'node:crypto';
import type { TextEncodingChoice } from '../../../../shared/domain/unit-import';
import { importError } from './import-errors';
import type { ReadRow } from './mapping/row-reader';
import { sheetText, type SheetText } from './mapping/sheet-text';
import { readCsv } from './reading/csv-reader';
import type { FileGrid } from './reading/grid';

/**
 * Files read by `unitImport.inspect`, kept in memory while the wizard is open so that
 * choosing another sheet, header row or encoding never reads the file again. At most a few
 * are kept, and each for an hour: an abandoned wizard cannot grow memory.
 */
export interface ImportSession {
  id: string;
  fileName: string;
  format: FileGrid['format'];
  /** CSV bytes, decoded again when the user picks another encoding. */
  bytes: Uint8Array | null;
  grids: Map<TextEncodingChoice, FileGrid>;
  texts: Map<string, SheetText>;
  /** The rows read for the last preview, reused by apply when nothing changed in between. */
  lastRead: { key: string; rows: ReadRow[] } | null;
  touched: number;
}

const MAX_SESSIONS = 3;
const SESSION_TTL_MS = 60 * 60 * 1000;

export class ImportSessions {
  private readonly sessions = new Map<string, ImportSession>();

  create(fileName: string, grid: FileGrid, bytes: Uint8Array | null): ImportSession {
    this.sweep();
    while (this.sessions.size >= MAX_SESSIONS) {
      const oldest = [...this.sessions.values()].sort((a, b) => a.touched - b.touched)[0];
      if (!oldest) break;
      this.sessions.delete(oldest.id);
    }
    const session: ImportSession = {
      id: randomBytes(12).toString('base64url'),
      fileName,
      format: grid.format,
      bytes,
      grids: new Map([['auto', grid]]),
      texts: new Map(),
      lastRead: null,
      touched: Date.now(),
    };
    this.sessions.set(session.id, session);
    return session;
  }

  get(id: string): ImportSession {
    this.sweep();
    const session = this.sessions.get(id);
    if (!session) throw importError('sessionExpired');
    session.touched = Date.now();
    return session;
  }

  discard(id: string): boolean {
    return this.sessions.delete(id);
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, session] of this.sessions) if (now - session.touched > SESSION_TTL_MS) this.sessions.delete(id);
  }
}

/** The grid as read with an encoding choice (CSV bytes are decoded again; a workbook is read once). */
export function gridFor(session: ImportSession, choice: TextEncodingChoice): FileGrid {
  const key: TextEncodingChoice = session.format === 'csv' ? choice : 'auto';
  let grid = session.grids.get(key);
  if (!grid) {
    if (!session.bytes) throw importError('sessionExpired');
    grid = readCsv(session.bytes, session.fileName, choice);
    session.grids.set(key, grid);
  }
  return grid;
}

/** One sheet's text with an encoding choice, converted once and kept. */
export function textFor(session: ImportSession, sheet: number, choice: TextEncodingChoice): SheetText {
  const cacheKey = `${sheet}:${choice}`;
  let text = session.texts.get(cacheKey);
  if (!text) {
    const grid = gridFor(session, choice);
    const source = grid.sheets[sheet];
    if (!source) throw importError('sheetNotFound');
    text = sheetText(source, choice, grid.legacyHint);
    session.texts.set(cacheKey, text);
  }
  return text;
}
