import { TCVN3_TO_UNICODE, VNI_MARKS, VNI_SINGLE, VNI_VOWEL_BASES, vniMarkFits } from './legacy-tables';

/**
 * Text typed in a legacy font reaches us as Unicode characters standing for bytes: Excel
 * stores the ANSI (Windows-1252) reading of each byte, so 0x93 arrives as "“" and 0xB8 as
 * "¸". These helpers turn such characters back into the byte values the code charts use.
 */
// Written out because Node's TextDecoder('windows-1252') decodes 0x80–0x9F as C1 controls.
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
const BYTE_OF_CHAR = new Map<string, number>();
WINDOWS_1252_HIGH.forEach((code, index) => {
  if (code > 0xff) BYTE_OF_CHAR.set(String.fromCharCode(code), 0x80 + index);
});

/** Bytes → text as Windows-1252 (Western Windows' ANSI code page), the way Excel stored legacy-font text. */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const chunk: number[] = [];
  for (const byte of bytes) {
    chunk.push(byte >= 0x80 && byte <= 0x9f ? (WINDOWS_1252_HIGH[byte - 0x80] ?? byte) : byte);
    if (chunk.length === 8192) {
      out += String.fromCharCode(...chunk);
      chunk.length = 0;
    }
  }
  return out + String.fromCharCode(...chunk);
}

/** The byte a character stands for in legacy-font text, or -1 for a real Unicode character. */
export function legacyByte(char: string): number {
  const code = char.charCodeAt(0);
  if (char.length === 1 && code <= 0xff) return code;
  return BYTE_OF_CHAR.get(char) ?? -1;
}

/**
 * True when the text may be legacy-font text: every character is a byte value (Latin-1 or a
 * Windows-1252 punctuation sign) and at least one is outside ASCII. Text holding a real
 * Vietnamese Unicode letter (ư, ệ, …) is never legacy text and is never converted.
 */
export function couldBeLegacy(text: string): boolean {
  let high = false;
  for (const char of text) {
    const byte = legacyByte(char);
    if (byte < 0) return false;
    if (byte >= 0x80) high = true;
  }
  return high;
}

/** TCVN3 (ABC) → Unicode NFC. `upperFont`: the text was drawn in a ".VnTimeH"-style capital font. */
export function decodeTcvn3(text: string, upperFont = false): string {
  let out = '';
  for (const char of text) {
    const byte = legacyByte(char);
    out += (byte >= 0 ? TCVN3_TO_UNICODE.get(byte) : undefined) ?? char;
  }
  const result = out.normalize('NFC');
  return upperFont ? result.toUpperCase() : result;
}

/** VNI-Windows → Unicode NFC: each base letter takes at most one mark byte after it. */
export function decodeVni(text: string): string {
  const chars = Array.from(text);
  let out = '';
  for (let index = 0; index < chars.length; index += 1) {
    const char = chars[index] ?? '';
    const byte = legacyByte(char);
    const single = byte >= 0 ? VNI_SINGLE.get(byte) : undefined;
    const base = single ?? char;
    const next = chars[index + 1];
    if (VNI_VOWEL_BASES.has(base.normalize('NFD').charAt(0)) && next !== undefined) {
      const markByte = legacyByte(next);
      const marks = markByte >= 0 ? VNI_MARKS.get(markByte) : undefined;
      // A single-byte letter that already carries a tone (Í, Ị …) takes no further mark.
      const toned = single !== undefined && single.normalize('NFD').length > 1 && !/[ơưƠƯ]/.test(single);
      if (marks !== undefined && !toned && vniMarkFits(base, marks)) {
        out += (base + marks).normalize('NFC');
        index += 1;
        continue;
      }
    }
    out += base;
  }
  return out.normalize('NFC');
}
