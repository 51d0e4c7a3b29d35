import { importError } from '../import-errors';
import { isCompoundFile } from './compound-file';

/**
 * What a chosen file really is, from its first bytes rather than its name: clerks rename
 * files, and old systems save HTML tables as ".xls". Each wrong kind gets its own sentence.
 */
export type FileKind = 'xlsx' | 'xls' | 'ods' | 'text';

function containsUtf16(bytes: Buffer, text: string): boolean {
  return bytes.includes(Buffer.from(text, 'utf16le'));
}

/** Printable enough to be a CSV/TXT: few control bytes besides tab, CR, LF (UTF-16 checked apart). */
function looksLikeText(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  if (sample.length === 0) return false;
  if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) return true;
  let zeros = 0;
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) zeros += 1;
    else if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) controls += 1;
  }
  // UTF-16 without a BOM: zeros in about half the bytes, regularly.
  if (zeros > sample.length * 0.2) return zeros < sample.length * 0.6 && controls < sample.length * 0.02;
  return zeros === 0 && controls <= sample.length * 0.01;
}

/** The kind of file, or an error saying in plain words what it is instead. */
export function sniffFile(bytes: Buffer, fileName: string): FileKind {
  if (bytes.length === 0) throw importError('empty', { file: fileName });
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05)) {
    // OpenDocument puts an uncompressed "mimetype" entry first, naming the kind of document.
    const head = bytes.subarray(0, 120).toString('latin1');
    if (head.slice(30, 38) === 'mimetype' && head.includes('application/vnd.oasis.opendocument.')) {
      if (head.includes('opendocument.spreadsheet')) return 'ods';
      throw importError(head.includes('opendocument.text') ? 'wordDocument' : 'notSpreadsheet', { file: fileName });
    }
    return 'xlsx';
  }
  if (isCompoundFile(bytes)) {
    // An encrypted .xlsx is an OLE2 container holding an "EncryptedPackage" stream.
    if (containsUtf16(bytes, 'EncryptedPackage') || containsUtf16(bytes, 'EncryptionInfo')) {
      throw importError('encrypted', { file: fileName });
    }
    // Excel 97–2003 (or 95, or a Word document): the .xls reader looks at the streams inside.
    return 'xls';
  }
  if (looksLikeText(bytes)) {
    const head = bytes
      .subarray(0, 4096)
      .toString('latin1')
      .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
      .trimStart()
      .toLowerCase();
    if (head.startsWith('<') && /<(table|html|\?xml|workbook)/.test(head)) {
      throw importError('htmlTable', { file: fileName });
    }
    return 'text';
  }
  throw importError('notSpreadsheet', { file: fileName });
}
