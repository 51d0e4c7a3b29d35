import type { SchoolLevel, UnitKind } from '../../../../../shared/domain/unit';
import { foldVietnamese } from '../../../../../shared/text/fold';

/**
 * Kind and school level from a unit's name, where no column says them: "Trường Mầm non Hoa
 * Sen" is a pre-school, "UBND thị trấn Na Dương" a commune/town, "Phòng Tư pháp" a district
 * department. Works on folded text, so "TRUONG THCS" and "Trường THCS" agree.
 */

export interface KindGuess {
  kind: UnitKind;
  schoolLevel: SchoolLevel | null;
}

/** Folded words separated by single spaces, "&" read as "và": "TH&THCS Lục Thôn" → "th va thcs luc thon". */
export function foldedWords(text: string): string {
  return foldVietnamese(text)
    .replace(/&/g, ' va ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The folded words with a space at each end, so a pattern can match whole words. */
function words(name: string): string {
  return ` ${foldedWords(name)} `;
}

/** The school level a text names (a school's name, or a "Cấp học" cell), if any. */
export function levelFromText(text: string): SchoolLevel | null {
  const w = words(text);
  if (/ (ptdtbt|pt dtbt|pho thong dan toc ban tru|ban tru) /.test(w)) return 'ethnicSemiBoarding';
  if (
    / (lien cap|tieu hoc va thcs|tieu hoc va trung hoc co so|th va thcs|th thcs|thcs va thpt|pho thong co nhieu cap hoc) /.test(
      w,
    )
  ) {
    return 'multiLevel';
  }
  if (/ (mam non|mau giao|nha tre|mn|mg) /.test(w)) return 'preschool';
  if (/ (trung hoc co so|thcs) /.test(w)) return 'lowerSecondary';
  if (/ (tieu hoc|th) /.test(w)) return 'primary';
  if (/ (thpt|trung hoc pho thong|pho thong dan toc noi tru|ptdtnt|gdtx|giao duc thuong xuyen) /.test(w)) {
    return 'other';
  }
  return null;
}

/** Kind (and level for a school) from a name; null when the name says nothing. */
export function inferFromName(name: string): KindGuess | null {
  const w = words(name);
  if (
    /^ (truong|nha tre|nhom tre|lop mau giao|mn|mg|th|thcs|ptdtbt) /.test(w) ||
    / truong (mam non|tieu hoc|thcs|trung hoc|pho thong|ptdtbt|th|lien cap|mau giao) /.test(w)
  ) {
    return { kind: 'school', schoolLevel: levelFromText(name) };
  }
  if (/^ (ubnd|uy ban nhan dan|hdnd va ubnd) (xa|thi tran|phuong) /.test(w) || /^ (xa|thi tran|phuong) /.test(w)) {
    return { kind: 'commune', schoolLevel: null };
  }
  if (/^ (phong|van phong hdnd|van phong ubnd|van phong hoi dong|thanh tra huyen|thanh tra) /.test(w)) {
    return { kind: 'department', schoolLevel: null };
  }
  if (
    /^ (trung tam|ban quan ly|dai truyen thanh|dai phat thanh|nha van hoa|thu vien|benh vien|tram y te|hoi) /.test(w)
  ) {
    return { kind: 'publicService', schoolLevel: null };
  }
  return null;
}
