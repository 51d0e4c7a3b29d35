/**
 * Dates as the office writes them. A calendar date is stored as ISO "yyyy-mm-dd" (no time
 * zone: an inspection on 09/02/2020 is on that day wherever the PC's clock is set); it is
 * shown as dd/mm/yyyy and printed in documents as "ngày 09 tháng 02 năm 2020".
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TYPED_DATE = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})\s*$/;

/** 5 → "05", 12 → "12": days, months, hours and document numbers below 10 take a leading zero. */
export function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) return false;
  if (!Number.isInteger(month) || month < 1 || month > 12) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return Number.isInteger(day) && day >= 1 && day <= daysInMonth;
}

/** "2020-02-09" → "09/02/2020"; anything else → "". */
export function formatDate(iso: string | null | undefined): string {
  const match = ISO_DATE.exec(iso ?? '');
  if (!match) return '';
  return `${match[3]}/${match[2]}/${match[1]}`;
}

/** "9/2/2020", "09.02.2020", "9-2-20" → "2020-02-09"; invalid → null. */
export function parseTypedDate(text: string): string | null {
  const match = TYPED_DATE.exec(text);
  if (!match) return null;
  const day = Number(match[1]);
  const month = Number(match[2]);
  let year = Number(match[3]);
  if ((match[3] ?? '').length === 2) year += 2000;
  if (!isValidCalendarDate(year, month, day)) return null;
  return `${year}-${twoDigits(month)}-${twoDigits(day)}`;
}

/** "2020-02-09" → { day: "09", month: "02", year: "2020" } for "ngày … tháng … năm …". */
export function dateParts(iso: string | null | undefined): { day: string; month: string; year: string } | null {
  const match = ISO_DATE.exec(iso ?? '');
  if (!match) return null;
  return { day: match[3] ?? '', month: match[2] ?? '', year: match[1] ?? '' };
}

/** A timestamp (ISO, UTC) → "dd/mm/yyyy hh:mm" in the PC's local time. */
export function formatDateTime(isoTimestamp: string | null | undefined): string {
  if (!isoTimestamp) return '';
  const date = new Date(isoTimestamp);
  if (Number.isNaN(date.getTime())) return '';
  return `${twoDigits(date.getDate())}/${twoDigits(date.getMonth() + 1)}/${date.getFullYear()} ${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}`;
}

/** Today's calendar date in the PC's local time, as ISO "yyyy-mm-dd". */
export function localIsoDate(now: Date): string {
  return `${now.getFullYear()}-${twoDigits(now.getMonth() + 1)}-${twoDigits(now.getDate())}`;
}
