import type { DetectedEncoding, LegacyEncoding, TextEncodingChoice } from '../../../../../shared/domain/unit-import';
import { couldBeLegacy, decodeTcvn3, decodeVni, decodeWindows1252 } from './legacy-decode';
import { vietnameseScore } from './vietnamese-score';

/**
 * Reading the bytes of a CSV/TXT file, and finding TCVN3/VNI text inside cells. The rule
 * throughout: prefer "no conversion". Clean UTF-8 is never reinterpreted, and a legacy reading
 * is chosen only when it makes clearly more Vietnamese words than the text as it is.
 */

export interface DecodedText {
  text: string;
  encoding: DetectedEncoding;
  /** A legacy encoding the bytes showed (the cells are converted later, cell by cell). */
  legacyHint: LegacyEncoding;
}

/** How much text the detection looks at: enough to decide, bounded for a 20 MB file. */
const SAMPLE_CHARS = 256 * 1024;
const SAMPLE_BYTES = 64 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');
const windows1258 = new TextDecoder('windows-1258');

function looksUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const length = Math.min(bytes.length - (bytes.length % 2), SAMPLE_BYTES);
  if (length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < length; index += 2) {
    if (bytes[index] === 0) evenZeros += 1;
    if (bytes[index + 1] === 0) oddZeros += 1;
  }
  const pairs = length / 2;
  // ASCII-heavy UTF-16 has a zero in every other byte; Vietnamese letters keep most of them.
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

function isAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte > 0x7f) return false;
  return true;
}

/** The best legacy reading of a text, if one beats the text as it is. */
export function bestLegacyReading(samples: Iterable<string>, limit = 4_000): LegacyEncoding {
  let none = 0;
  let tcvn3 = 0;
  let vni = 0;
  let seen = 0;
  for (const sample of samples) {
    if (!couldBeLegacy(sample)) continue;
    none += vietnameseScore(sample);
    tcvn3 += vietnameseScore(decodeTcvn3(sample));
    vni += vietnameseScore(decodeVni(sample));
    seen += 1;
    if (seen >= limit) break;
  }
  const best = Math.max(tcvn3, vni);
  if (best <= 0 || best <= none || tcvn3 === vni) return 'none';
  return tcvn3 > vni ? 'tcvn3' : 'vni';
}

/** Bytes of a CSV/TXT file → text, honouring the user's choice or detecting. */
export function decodeTextBytes(bytes: Uint8Array, choice: TextEncodingChoice = 'auto'): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: utf8Lenient.decode(bytes.subarray(3)), encoding: 'utf-8-bom', legacyHint: 'none' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', legacyHint: 'none' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', legacyHint: 'none' };
  }
  const utf16 = looksUtf16(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16, legacyHint: 'none' };
  if (isAscii(bytes)) return { text: utf8Lenient.decode(bytes), encoding: 'ascii', legacyHint: 'none' };

  if (choice === 'windows-1258') {
    return { text: windows1258.decode(bytes).normalize('NFC'), encoding: 'windows-1258', legacyHint: 'none' };
  }
  let valid: string | null = null;
  try {
    valid = utf8.decode(bytes);
  } catch {
    valid = null;
  }
  if (valid !== null) {
    // Valid UTF-8: never reinterpreted as bytes. Legacy text stored as Unicode Latin-1
    // letters (a CSV saved from a .VnTime sheet) is found cell by cell later.
    return { text: valid, encoding: 'utf-8', legacyHint: 'none' };
  }
  if (choice === 'unicode') return { text: utf8Lenient.decode(bytes), encoding: 'utf-8', legacyHint: 'none' };

  // Single-byte text: Windows-1258 (Vietnamese Windows), or TCVN3/VNI bytes.
  const ansi = decodeWindows1252(bytes);
  if (choice === 'tcvn3' || choice === 'vni') return { text: ansi, encoding: choice, legacyHint: choice };
  const asWindows1258 = windows1258.decode(bytes).normalize('NFC');
  const sample = ansi.slice(0, SAMPLE_CHARS);
  const scores = {
    windows1258: vietnameseScore(asWindows1258.slice(0, SAMPLE_CHARS)),
    tcvn3: vietnameseScore(decodeTcvn3(sample)),
    vni: vietnameseScore(decodeVni(sample)),
  };
  const best = Math.max(scores.tcvn3, scores.vni);
  if (best > scores.windows1258 && scores.tcvn3 !== scores.vni) {
    const legacy = scores.tcvn3 > scores.vni ? 'tcvn3' : 'vni';
    return { text: ansi, encoding: legacy, legacyHint: legacy };
  }
  return { text: asWindows1258, encoding: 'windows-1258', legacyHint: 'none' };
}

/** Where a cell's font says its text is legacy-encoded. */
export type FontHint = 'tcvn3' | 'tcvn3-upper' | 'vni';

/** ".VnTime"/".VnArial…" hold TCVN3 (".VnTimeH": drawn in capitals); "VNI-Times"/"VNI-Helve…" hold VNI. */
export function fontHint(fontName: string | undefined | null): FontHint | null {
  if (!fontName) return null;
  const name = fontName.trim();
  if (/^\.vn/i.test(name)) return /H$/.test(name) ? 'tcvn3-upper' : 'tcvn3';
  if (/^vni[-\s_]/i.test(name)) return 'vni';
  return null;
}

/** How the cells of one sheet are converted. */
export interface ConversionPlan {
  choice: TextEncodingChoice;
  /** The legacy encoding found in cells without a font clue ('auto' only). */
  detected: LegacyEncoding;
}

/**
 * One piece of text (a cell, or a rich-text run with its own font) in Unicode NFC. Returns
 * the converted text and whether a conversion happened.
 */
export function convertText(
  text: string,
  font: FontHint | null,
  plan: ConversionPlan,
): { text: string; converted: boolean } {
  if (plan.choice === 'unicode' || plan.choice === 'windows-1258') {
    return { text: text.normalize('NFC'), converted: false };
  }
  const legacy = couldBeLegacy(text);
  if (plan.choice === 'tcvn3' || plan.choice === 'vni') {
    if (!legacy) return { text: text.normalize('NFC'), converted: false };
    return {
      text: plan.choice === 'tcvn3' ? decodeTcvn3(text, font === 'tcvn3-upper') : decodeVni(text),
      converted: true,
    };
  }
  // auto: the font is the strongest clue; then the characters, cell by cell.
  if (font === 'tcvn3' || font === 'tcvn3-upper') {
    if (legacy) return { text: decodeTcvn3(text, font === 'tcvn3-upper'), converted: true };
    if (font === 'tcvn3-upper' && /^[\x20-\x7e]*$/.test(text)) return { text: text.toUpperCase(), converted: false };
    return { text: text.normalize('NFC'), converted: false };
  }
  if (font === 'vni') {
    return legacy ? { text: decodeVni(text), converted: true } : { text: text.normalize('NFC'), converted: false };
  }
  if (legacy && plan.detected !== 'none') {
    const candidate = plan.detected === 'tcvn3' ? decodeTcvn3(text) : decodeVni(text);
    if (vietnameseScore(candidate) > vietnameseScore(text)) return { text: candidate, converted: true };
  }
  return { text: text.normalize('NFC'), converted: false };
}
