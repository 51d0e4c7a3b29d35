import fs from 'node:fs';
import { looksSealed } from '../../files/sealed-reader';

/** What a file chosen for a restore looks like, from its first bytes. */
export type FileKind = 'empty' | 'sealed' | 'sqlite' | 'docx' | 'xlsx' | 'zip' | 'pdf' | 'office97' | 'unknown';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** A zip's first entries name what it is (Word and Excel write theirs near the start). */
const SNIFF_BYTES = 64 * 1024;

/**
 * Sniffs a file so a refusal can say what it is ("a Word document", "an empty file") instead of
 * only that it is not a backup: people will pick the wrong file from a stick full of them.
 */
export function sniffFile(file: string): FileKind {
  const fd = fs.openSync(file, 'r');
  let head: Buffer;
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    head = buffer.subarray(0, fs.readSync(fd, buffer, 0, SNIFF_BYTES, 0));
  } finally {
    fs.closeSync(fd);
  }
  if (head.length === 0) return 'empty';
  if (looksSealed(head)) return 'sealed';
  if (head.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)) return 'sqlite';
  if (head.subarray(0, 4).equals(ZIP)) {
    const names = head.toString('latin1');
    if (names.includes('word/')) return 'docx';
    if (names.includes('xl/')) return 'xlsx';
    return 'zip';
  }
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head.subarray(0, OLE.length).equals(OLE)) return 'office97';
  return 'unknown';
}
