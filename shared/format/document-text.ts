/**
 * Text as official documents print it (Nghị định 30/2020/NĐ-CP): "ngày 09 tháng 02 năm 2020",
 * "Số: 05/BB-ĐKT", "08 giờ 30", body names in capitals. Pure functions: the minutes' model is
 * built with them, and tests check them one by one.
 */
import { dateParts, twoDigits } from './date';

export { twoDigits };

/** Vietnamese capitals ("UBND huyện Lộc Bình" → "UBND HUYỆN LỘC BÌNH"), NFC, single spaces. */
export function upperVietnamese(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleUpperCase('vi-VN').normalize('NFC');
}

/** Whole words, Vietnamese letters included (JavaScript's \b knows only ASCII letters). */
function phrase(words: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'giu');
}

/**
 * The phrases a parent-body line may shorten (Nghị định 30/2020, Phụ lục I: "viết tắt những
 * cụm từ thông dụng"), as clerks write them: UBND, HĐND, GD&ĐT.
 */
const COMMON_SHORT_FORMS: [RegExp, string][] = [
  [phrase('(?:ủy|uỷ) ban nhân dân'), 'UBND'],
  [phrase('hội đồng nhân dân'), 'HĐND'],
  [phrase('giáo dục\\s*(?:và|&|-|–)\\s*đào tạo'), 'GD&ĐT'],
];

/**
 * A body's name as the line above an issuing body prints it: the common phrases shortened, in
 * capitals. "UBND huyện Lộc Bình" → "UBND HUYỆN LỘC BÌNH"; "Phòng Giáo dục và Đào tạo huyện
 * Lộc Bình" → "PHÒNG GD&ĐT HUYỆN LỘC BÌNH" (as schools' own documents head it).
 */
export function parentBodyLine(body: string): string {
  let text = body.normalize('NFC');
  for (const [pattern, short] of COMMON_SHORT_FORMS) text = text.replace(pattern, short);
  return upperVietnamese(text);
}

/** First letter in capitals, the rest untouched ("đoàn kiểm tra" → "Đoàn kiểm tra"). */
export function capitalizeFirst(text: string): string {
  const trimmed = text.normalize('NFC').trim();
  if (trimmed === '') return '';
  const first = String.fromCodePoint(trimmed.codePointAt(0) ?? 0);
  return first.toLocaleUpperCase('vi-VN') + trimmed.slice(first.length);
}

/**
 * Day, month and year as Nghị định 30/2020 writes them: a day below 10 and the months 1 and 2
 * take a leading zero ("09", "02"), the other months do not ("3" … "12").
 */
export function officialDateParts(iso: string | null | undefined): { day: string; month: string; year: string } | null {
  const parts = dateParts(iso);
  if (!parts) return null;
  const month = Number(parts.month);
  return { day: parts.day, month: month < 3 ? parts.month : String(month), year: parts.year };
}

/** "2020-02-09" → "ngày 09 tháng 02 năm 2020", "2020-03-15" → "ngày 15 tháng 3 năm 2020"; else null. */
export function documentDate(iso: string | null | undefined): string | null {
  const parts = officialDateParts(iso);
  if (!parts) return null;
  return `ngày ${parts.day} tháng ${parts.month} năm ${parts.year}`;
}

/** "2016-09-05" → "05/9/2016", as citations of legal documents write dates. */
export function citationDate(iso: string | null | undefined): string | null {
  const parts = officialDateParts(iso);
  if (!parts) return null;
  return `${parts.day}/${parts.month}/${parts.year}`;
}

/** "08:30" → { hour: "08", minute: "30" }; "" or malformed → null. */
export function timeParts(time: string | null | undefined): { hour: string; minute: string } | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec((time ?? '').trim());
  if (!match) return null;
  return { hour: match[1] ?? '', minute: match[2] ?? '' };
}

/** A document number: 5 → "05"; blank, zero or not a number → "". */
export function documentNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isInteger(value) || value <= 0) return '';
  return twoDigits(value);
}

/**
 * A file name a clerk can read and every file system accepts: the Vietnamese letters stay, the
 * characters Windows refuses (\ / : * ? " < > |) and control characters become spaces.
 */
export function safeFileName(text: string, maxLength = 120): string {
  const cleaned = text
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  const cut = Array.from(cleaned).slice(0, maxLength).join('').trim();
  return cut === '' ? 'bien-ban' : cut;
}
