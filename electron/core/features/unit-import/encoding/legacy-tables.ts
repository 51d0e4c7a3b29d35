/**
 * Code charts of the two legacy Vietnamese encodings old office files are full of, written
 * from the published charts:
 *
 * - TCVN3 (TCVN 5712:1993, the "ABC" encoding of the .VnTime fonts). One byte per letter.
 *   The VN3 set used by the ABC fonts has lower-case letters with tones and the bare capitals
 *   Ă Â Ê Ô Ơ Ư Đ; capitals with tones are drawn by the ".VnTimeH" fonts from the lower-case
 *   codes. The VN1 capitals that sit in slots VN3 leaves empty (0xAF, 0xBA, 0xBF–0xC5, …) are
 *   decoded too; 0x80–0x9F stay Windows punctuation (quotes, dashes), as in the ABC fonts.
 * - VNI (VNI-Windows, the "VNI-Times" fonts). A base letter followed by one mark byte
 *   (tone, or vowel mark with its tone), e.g. "a" + "ù" = "á", "o" + "ä" = "ộ"; a few letters
 *   are single bytes (Ñ = Đ, Ô = Ơ, Ö = Ư, Í = Í, Ò = Ị …).
 *
 * Text arrives here as a string of code units 0x00–0xFF (how Excel stores text typed in those
 * fonts, and how a single-byte CSV reads as Latin-1).
 */

/** TCVN3 byte → Unicode (NFC). Bytes not listed are Latin-1 / Windows-1252 as they are. */
export const TCVN3_TO_UNICODE: ReadonlyMap<number, string> = new Map<number, string>([
  // Bare capitals and the vowel letters without tone.
  [0xa1, 'Ă'],
  [0xa2, 'Â'],
  [0xa3, 'Ê'],
  [0xa4, 'Ô'],
  [0xa5, 'Ơ'],
  [0xa6, 'Ư'],
  [0xa7, 'Đ'],
  [0xa8, 'ă'],
  [0xa9, 'â'],
  [0xaa, 'ê'],
  [0xab, 'ô'],
  [0xac, 'ơ'],
  [0xad, 'ư'],
  [0xae, 'đ'],
  // a: huyền, hỏi, ngã, sắc, nặng
  [0xb5, 'à'],
  [0xb6, 'ả'],
  [0xb7, 'ã'],
  [0xb8, 'á'],
  [0xb9, 'ạ'],
  // ă
  [0xbb, 'ằ'],
  [0xbc, 'ẳ'],
  [0xbd, 'ẵ'],
  [0xbe, 'ắ'],
  [0xc6, 'ặ'],
  // â
  [0xc7, 'ầ'],
  [0xc8, 'ẩ'],
  [0xc9, 'ẫ'],
  [0xca, 'ấ'],
  [0xcb, 'ậ'],
  // e
  [0xcc, 'è'],
  [0xce, 'ẻ'],
  [0xcf, 'ẽ'],
  [0xd0, 'é'],
  [0xd1, 'ẹ'],
  // ê
  [0xd2, 'ề'],
  [0xd3, 'ể'],
  [0xd4, 'ễ'],
  [0xd5, 'ế'],
  [0xd6, 'ệ'],
  // i
  [0xd7, 'ì'],
  [0xd8, 'ỉ'],
  [0xdc, 'ĩ'],
  [0xdd, 'í'],
  [0xde, 'ị'],
  // o
  [0xdf, 'ò'],
  [0xe1, 'ỏ'],
  [0xe2, 'õ'],
  [0xe3, 'ó'],
  [0xe4, 'ọ'],
  // ô
  [0xe5, 'ồ'],
  [0xe6, 'ổ'],
  [0xe7, 'ỗ'],
  [0xe8, 'ố'],
  [0xe9, 'ộ'],
  // ơ
  [0xea, 'ờ'],
  [0xeb, 'ở'],
  [0xec, 'ỡ'],
  [0xed, 'ớ'],
  [0xee, 'ợ'],
  // u
  [0xef, 'ù'],
  [0xf1, 'ủ'],
  [0xf2, 'ũ'],
  [0xf3, 'ú'],
  [0xf4, 'ụ'],
  // ư
  [0xf5, 'ừ'],
  [0xf6, 'ử'],
  [0xf7, 'ữ'],
  [0xf8, 'ứ'],
  [0xf9, 'ự'],
  // y
  [0xfa, 'ỳ'],
  [0xfb, 'ỷ'],
  [0xfc, 'ỹ'],
  [0xfd, 'ý'],
  [0xfe, 'ỵ'],
  // VN1 capitals in slots the ABC fonts leave free.
  [0xaf, 'Ằ'],
  [0xba, 'Ẳ'],
  [0xbf, 'Ẵ'],
  [0xc0, 'Ắ'],
  [0xc1, 'Ầ'],
  [0xc2, 'Ẩ'],
  [0xc3, 'Ẫ'],
  [0xc4, 'Ấ'],
  [0xc5, 'Ề'],
  [0xcd, 'Ể'],
  [0xd9, 'Ễ'],
  [0xda, 'Ế'],
  [0xdb, 'Ồ'],
  [0xe0, 'Ổ'],
  [0xf0, 'Ỗ'],
  [0xff, 'Ố'],
  // Combining tone marks (huyền, hỏi, ngã, sắc, nặng); the result is normalised to NFC.
  [0xb0, '\u0300'],
  [0xb1, '\u0309'],
  [0xb2, '\u0303'],
  [0xb3, '\u0301'],
  [0xb4, '\u0323'],
]);

/** Combining marks, named. */
export const MARK = {
  grave: '\u0300', // huyền
  hook: '\u0309', // hỏi
  tilde: '\u0303', // ngã
  acute: '\u0301', // sắc
  dot: '\u0323', // nặng
  circumflex: '\u0302',
  breve: '\u0306',
  horn: '\u031b',
} as const;

/** VNI mark bytes after a vowel: the combining marks they add (vowel mark first, then tone). */
export const VNI_MARKS: ReadonlyMap<number, string> = new Map<number, string>([
  // Tones alone. Upper-case letters take 0xC0–0xDF, lower-case ones 0xE0–0xFF.
  [0xd9, MARK.acute],
  [0xd8, MARK.grave],
  [0xdb, MARK.hook],
  [0xd5, MARK.tilde],
  [0xcf, MARK.dot],
  [0xf9, MARK.acute],
  [0xf8, MARK.grave],
  [0xfb, MARK.hook],
  [0xf5, MARK.tilde],
  [0xef, MARK.dot],
  // Circumflex (â ê ô), alone and with each tone.
  [0xc2, MARK.circumflex],
  [0xc1, MARK.circumflex + MARK.acute],
  [0xc0, MARK.circumflex + MARK.grave],
  [0xc5, MARK.circumflex + MARK.hook],
  [0xc3, MARK.circumflex + MARK.tilde],
  [0xc4, MARK.circumflex + MARK.dot],
  [0xe2, MARK.circumflex],
  [0xe1, MARK.circumflex + MARK.acute],
  [0xe0, MARK.circumflex + MARK.grave],
  [0xe5, MARK.circumflex + MARK.hook],
  [0xe3, MARK.circumflex + MARK.tilde],
  [0xe4, MARK.circumflex + MARK.dot],
  // Breve (ă), alone and with each tone.
  [0xca, MARK.breve],
  [0xc9, MARK.breve + MARK.acute],
  [0xc8, MARK.breve + MARK.grave],
  [0xda, MARK.breve + MARK.hook],
  [0xdc, MARK.breve + MARK.tilde],
  [0xcb, MARK.breve + MARK.dot],
  [0xea, MARK.breve],
  [0xe9, MARK.breve + MARK.acute],
  [0xe8, MARK.breve + MARK.grave],
  [0xfa, MARK.breve + MARK.hook],
  [0xfc, MARK.breve + MARK.tilde],
  [0xeb, MARK.breve + MARK.dot],
]);

/** Marks that only follow certain letters: a circumflex goes on a/e/o, a breve on a. */
export function vniMarkFits(base: string, marks: string): boolean {
  const decomposed = base.normalize('NFD');
  const letter = decomposed.toLowerCase();
  if (marks.startsWith(MARK.circumflex)) return letter === 'a' || letter === 'e' || letter === 'o';
  if (marks.startsWith(MARK.breve)) return letter === 'a';
  return true;
}

/** VNI letters that are one byte on their own (they may still take a tone byte after them). */
export const VNI_SINGLE: ReadonlyMap<number, string> = new Map<number, string>([
  [0xd1, 'Đ'],
  [0xf1, 'đ'],
  [0xd4, 'Ơ'],
  [0xf4, 'ơ'],
  [0xd6, 'Ư'],
  [0xf6, 'ư'],
  [0xcd, 'Í'],
  [0xcc, 'Ì'],
  [0xc6, 'Ỉ'],
  [0xd3, 'Ĩ'],
  [0xd2, 'Ị'],
  [0xed, 'í'],
  [0xec, 'ì'],
  [0xe6, 'ỉ'],
  [0xf3, 'ĩ'],
  [0xf2, 'ị'],
  [0xce, 'Ỵ'],
  [0xee, 'ỵ'],
]);

/** Letters a VNI mark byte can follow (compared after NFD, so ơ and ư count as o and u). */
export const VNI_VOWEL_BASES = new Set(['a', 'e', 'o', 'u', 'y', 'i', 'A', 'E', 'O', 'U', 'Y', 'I']);
