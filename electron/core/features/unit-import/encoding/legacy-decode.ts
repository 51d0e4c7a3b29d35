import { TCVN3_TO_UNICODE, VNI_MARKS, VNI_SINGLE, VNI_VOWEL_BASES, vniMarkFits } from './legacy-tables';

/**
 * Text typed in a legacy font reaches us as Unicode characters standing for bytes: Excel
 * stores the ANSI (Windows-1252) reading of each byte, so 0x93 arrives as "“" and 0xB8 as
 * "¸". These helpers turn such characters back into the byte values the code charts use.
 */
const WINDOWS_1252_HIGH = new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i));
const BYTE_OF_CHAR = new Map<string, number>();
for (let index = 0; index < WINDOWS_1252_HIGH.length; index += 1) {
  const char = WINDOWS_1252_HIGH.charAt(index);
  if (char.charCodeAt(0) > 0xff) BYTE_OF_CHAR.set(char, 0x80 + index);
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
