import type { SchoolLevel, UnitKind } from '../../../../shared/domain/unit';
import { citationDate } from '../../../../shared/format/document-text';
import { periodShortcut, type Period } from '../../../../shared/domain/report-period';
import { periodYears, type PeriodKind } from '../../../../shared/domain/plan';
import type { BreakdownKey } from './report-figures';

/**
 * The report's fixed wording: official Vietnamese, the same in every interface language (as the
 * minutes' form is). The story's own phrases: "đã kiểm tra được 28/81 đơn vị trường, đạt 35%
 * mục tiêu đề ra"; "21 cơ quan, đơn vị hành chính gồm: 6 phòng chuyên môn trực thuộc UBND
 * huyện và 15 UBND cấp xã"; "đã kiểm tra được 70% số cơ quan, đơn vị".
 */
export const REPORT_FORM = {
  nationalName: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  motto: 'Độc lập - Tự do - Hạnh phúc',
  title: 'BÁO CÁO',
  subject: 'Kết quả kiểm tra việc thực hiện kỷ luật, kỷ cương hành chính',
  fileSubject: 'Báo cáo kết quả kiểm tra việc thực hiện kỷ luật, kỷ cương hành chính',
  fileDescription: 'Báo cáo kết quả kiểm tra (Mẫu 1.4, Nghị định 30/2020/NĐ-CP)',
  numberSymbol: 'BC',
  draftMark: 'DỰ THẢO',
  recipients: 'Nơi nhận:',
  archive: 'Lưu: VT.',
  sections: {
    work: 'I. CÔNG TÁC TRIỂN KHAI KIỂM TRA',
    results: 'II. KẾT QUẢ KIỂM TRA',
    coverage: '1. Số cơ quan, đơn vị được kiểm tra',
    strengths: '2. Ưu điểm',
    limitations: '3. Hạn chế, tồn tại',
    causes: '4. Nguyên nhân',
    requests: '5. Kiến nghị, yêu cầu đối với các cơ quan, đơn vị',
    next: 'III. TÁI KIỂM TRA, ĐƠN VỊ CHƯA KIỂM TRA VÀ ĐỀ XUẤT',
    reinspections: '1. Tái kiểm tra',
    notInspected: '2. Cơ quan, đơn vị chưa được kiểm tra',
    proposals: '3. Đề xuất, kiến nghị',
  },
  appendix: {
    title: 'PHỤ LỤC',
    caption: 'DANH SÁCH CƠ QUAN, ĐƠN VỊ ĐƯỢC KIỂM TRA',
    attached: 'Kèm theo Báo cáo số',
    columns: ['TT', 'Cơ quan, đơn vị', 'Ngày kiểm tra', 'Số biên bản', 'Đạt', 'Chưa đạt', 'Không áp dụng'],
  },
  charts: {
    progress: 'Tiến độ kiểm tra so với chỉ tiêu (%)',
    kinds: 'Số đơn vị được kiểm tra theo loại hình',
    kindSeries: ['Trong phạm vi', 'Đã kiểm tra'],
    criteria: 'Tỷ lệ đơn vị chưa đạt theo từng nội dung kiểm tra (%)',
    criteriaSeries: ['Chưa đạt'],
    target: 'Chỉ tiêu',
  },
} as const;

/** "phòng chuyên môn trực thuộc UBND huyện", "trường mầm non" …, as counted units are named. */
const KIND_NAMES: Record<Exclude<UnitKind, 'school'>, string> = {
  department: 'phòng chuyên môn trực thuộc UBND huyện',
  commune: 'UBND cấp xã',
  publicService: 'đơn vị sự nghiệp',
  other: 'đơn vị khác',
};

const LEVEL_NAMES: Record<SchoolLevel, string> = {
  preschool: 'trường mầm non',
  primary: 'trường tiểu học',
  lowerSecondary: 'trường trung học cơ sở',
  multiLevel: 'trường liên cấp',
  other: 'trường khác',
};

/** Short names for the charts' rows. */
const SHORT_NAMES: Record<Exclude<UnitKind, 'school'>, string> = {
  department: 'Phòng chuyên môn',
  commune: 'UBND xã, thị trấn',
  publicService: 'Đơn vị sự nghiệp',
  other: 'Đơn vị khác',
};
const SHORT_LEVELS: Record<SchoolLevel, string> = {
  preschool: 'Trường mầm non',
  primary: 'Trường tiểu học',
  lowerSecondary: 'Trường THCS',
  multiLevel: 'Trường TH và THCS',
  other: 'Trường khác',
};

function splitKey(key: BreakdownKey): { kind: UnitKind; level: SchoolLevel | null } {
  if (key.startsWith('school:')) return { kind: 'school', level: key.slice('school:'.length) as SchoolLevel };
  return { kind: key as UnitKind, level: null };
}

export function kindName(key: BreakdownKey): string {
  const { kind, level } = splitKey(key);
  return kind === 'school' ? LEVEL_NAMES[level ?? 'other'] : KIND_NAMES[kind];
}

export function kindShortName(key: BreakdownKey): string {
  const { kind, level } = splitKey(key);
  return kind === 'school' ? SHORT_LEVELS[level ?? 'other'] : SHORT_NAMES[kind];
}

export function keyKind(key: BreakdownKey): { kind: UnitKind; level: SchoolLevel | null } {
  return splitKey(key);
}

/** What a set of units is called: "đơn vị trường", "cơ quan, đơn vị hành chính", "cơ quan, đơn vị". */
export function unitsNoun(keys: readonly BreakdownKey[]): string {
  if (keys.length > 0 && keys.every((key) => key.startsWith('school:'))) return 'đơn vị trường';
  if (keys.length > 0 && keys.every((key) => key === 'department' || key === 'commune')) {
    return 'cơ quan, đơn vị hành chính';
  }
  return 'cơ quan, đơn vị';
}

/** Who is spoken of in the findings: "các trường", "các cơ quan, đơn vị". */
export function subjectNoun(keys: readonly BreakdownKey[]): string {
  return keys.length > 0 && keys.every((key) => key.startsWith('school:')) ? 'các trường' : 'các cơ quan, đơn vị';
}

/** "a và b", "a, b và c": the last two joined by "và". */
export function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} và ${items.at(-1) ?? ''}`;
}

/** "01/01/2019" as citations write it (a leading zero below 10, for months only January and February). */
export function shortDate(iso: string | null | undefined): string {
  return citationDate(iso) ?? '';
}

const QUARTERS = { q1: 'I', q2: 'II', q3: 'III', q4: 'IV' } as const;

/** "năm 2019", "năm học 2019–2020", "6 tháng đầu năm 2020", "quý I năm 2020", "từ ngày … đến ngày …". */
export function periodPhrase(period: Period): string {
  const exact = periodShortcut(period);
  if (exact) {
    const { shortcut, year } = exact;
    if (shortcut === 'year') return `năm ${year}`;
    if (shortcut === 'schoolYear') return `năm học ${year}–${year + 1}`;
    if (shortcut === 'firstHalf') return `6 tháng đầu năm ${year}`;
    return `quý ${QUARTERS[shortcut]} năm ${year}`;
  }
  return `từ ngày ${shortDate(period.from)} đến ngày ${shortDate(period.to)}`;
}

/** "năm 2019", "năm học 2019–2020": a plan's own period. */
export function planPeriodPhrase(kind: PeriodKind, year: number): string {
  return kind === 'schoolYear' ? `năm học ${periodYears(kind, year)}` : `năm ${year}`;
}

/** First letter in capitals. */
export function capital(text: string): string {
  const first = String.fromCodePoint(text.codePointAt(0) ?? 0);
  return text === '' ? '' : first.toLocaleUpperCase('vi-VN') + text.slice(first.length);
}

/** First letter in lower case unless the first word is an abbreviation ("UBND", "THCS"). */
export function lowerFirst(text: string): string {
  const firstWord = text.split(/\s/, 1)[0] ?? '';
  if (firstWord.length > 1 && firstWord === firstWord.toLocaleUpperCase('vi-VN')) return text;
  const first = String.fromCodePoint(text.codePointAt(0) ?? 0);
  return text === '' ? '' : first.toLocaleLowerCase('vi-VN') + text.slice(first.length);
}
