import type { SchoolLevel, SchoolType, UnitKind } from './unit';
import { foldVietnamese } from '../text/fold';

/**
 * What a unit's name says about it, where nothing else does (an imported list without a kind
 * column, a new unit typed in the registry, the sample district): "Trường Mầm non Hoa Sen" is a
 * pre-school, "UBND thị trấn Na Dương" a commune/town, "Phòng Tư pháp" a district department.
 * A school's name gives its level and its type apart: "Trường PTDTBT TH&THCS Xuân Lễ" is a
 * multi-level school (tiểu học and THCS) of the ethnic semi-boarding type. Works on folded text,
 * so "TRUONG THCS" and "Trường THCS" agree.
 */

export interface SchoolGuess {
  /** null when the text names no level. */
  level: SchoolLevel | null;
  /** null when the text names no type (a school's name without one is a regular school). */
  type: SchoolType | null;
}

export interface KindGuess {
  kind: UnitKind;
  schoolLevel: SchoolLevel | null;
  schoolType: SchoolType | null;
}

/** Folded words separated by single spaces, "&" read as "và": "TH&THCS Lục Thôn" → "th va thcs luc thon". */
export function foldedWords(text: string): string {
  return foldVietnamese(text)
    .replace(/&/g, ' va ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The folded words with a space at each end, so a pattern can match whole words. */
function words(text: string): string {
  return ` ${foldedWords(text)} `;
}

const SEMI_BOARDING = / (ptdtbt|pt dtbt|dtbt|pho thong dan toc ban tru|dan toc ban tru) /;
const BOARDING = / (ptdtnt|pt dtnt|dtnt|pho thong dan toc noi tru|dan toc noi tru) /;

const PRIMARY = '(?:tieu hoc|th)';
const LOWER_SECONDARY = '(?:trung hoc co so|thcs)';
const UPPER_SECONDARY = '(?:trung hoc pho thong|thpt)';
const PRESCHOOL = '(?:mam non|mau giao|mn|mg)';
/** Two levels joined: "TH và THCS", "TH&THCS", "TH-THCS", "THCS và THPT", "MN và TH"; or said outright. */
const MULTI_LEVEL = new RegExp(
  [
    ` (lien cap|pho thong co nhieu cap hoc|nhieu cap hoc) `,
    ` ${PRESCHOOL} (va )?${PRIMARY} `,
    ` ${PRIMARY} (va )?${LOWER_SECONDARY} `,
    ` ${LOWER_SECONDARY} (va )?${UPPER_SECONDARY} `,
  ].join('|'),
);

/** The school type a text names (a school's name, a "Loại trường" or "Cấp học" cell), if any. */
export function schoolTypeFromText(text: string): SchoolType | null {
  const w = words(text);
  if (SEMI_BOARDING.test(w)) return 'ethnicSemiBoarding';
  if (BOARDING.test(w)) return 'ethnicBoarding';
  return null;
}

/** The school level a text names, if any: two levels joined make a multi-level school. */
export function levelFromText(text: string): SchoolLevel | null {
  const w = words(text);
  if (MULTI_LEVEL.test(w)) return 'multiLevel';
  if (new RegExp(` (${PRESCHOOL}|nha tre|nhom tre) `).test(w)) return 'preschool';
  if (new RegExp(` ${LOWER_SECONDARY} `).test(w)) return 'lowerSecondary';
  if (new RegExp(` ${PRIMARY} `).test(w)) return 'primary';
  if (new RegExp(` (${UPPER_SECONDARY}|gdtx|giao duc thuong xuyen) `).test(w)) return 'other';
  return null;
}

/**
 * Level and type from a text. A text that names a type but no level ("Trường PTDTBT Mẫu Sơn")
 * is a school of level "other" until the clerk says which.
 */
export function schoolFromText(text: string): SchoolGuess {
  const type = schoolTypeFromText(text);
  const level = levelFromText(text) ?? (type ? 'other' : null);
  return { level, type };
}

const SCHOOL_NAME =
  /^ (truong|nha tre|nhom tre|lop mau giao|mn|mg|th|thcs|ptdtbt|ptdtnt|pt dtbt|pt dtnt|pho thong) | truong (mam non|tieu hoc|thcs|trung hoc|pho thong|ptdtbt|ptdtnt|pt|th|lien cap|mau giao|mn) /;

/** Kind (and level and type for a school) from a name; null when the name says nothing. */
export function inferFromName(name: string): KindGuess | null {
  const w = words(name);
  if (SCHOOL_NAME.test(w)) {
    const school = schoolFromText(name);
    return { kind: 'school', schoolLevel: school.level, schoolType: school.type ?? 'regular' };
  }
  const other = (kind: UnitKind): KindGuess => ({ kind, schoolLevel: null, schoolType: null });
  if (/^ (ubnd|uy ban nhan dan|hdnd va ubnd) (xa|thi tran|phuong) /.test(w) || /^ (xa|thi tran|phuong) /.test(w)) {
    return other('commune');
  }
  if (/^ (phong|van phong hdnd|van phong ubnd|van phong hoi dong|thanh tra huyen|thanh tra) /.test(w)) {
    return other('department');
  }
  if (
    /^ (trung tam|ban quan ly|dai truyen thanh|dai phat thanh|nha van hoa|thu vien|benh vien|tram y te|hoi) /.test(w)
  ) {
    return other('publicService');
  }
  return null;
}
