import type { ImportField } from '../../../../../shared/domain/unit-import';
import { catalogs } from '../../../../../shared/i18n/resources';
import { foldVietnamese } from '../../../../../shared/text/fold';

/**
 * The words clerks put over their columns, folded (no diacritics, lower case), so "Tên đơn
 * vị", "TEN DON VI" and "Ten don vi" are one. Our own export headers (both languages) are
 * added from the catalogs, so an exported file always maps back.
 */
const WORDS: Record<Exclude<ImportField, 'ignore'>, string[]> = {
  number: ['stt', 'tt', 'so tt', 'so thu tu', 'thu tu', 'no', 'number'],
  code: ['ma', 'ma don vi', 'ma dv', 'ma so', 'ma truong', 'ma co quan', 'ma don vi hanh chinh', 'ky hieu', 'code'],
  name: [
    'ten',
    'ten don vi',
    'ten truong',
    'ten co quan',
    'ten co quan don vi',
    'ten don vi truong hoc',
    'ten to chuc',
    'ten xa',
    'ten phong',
    'ten xa thi tran',
    'don vi',
    'co quan don vi',
    'co quan',
    'truong',
    'truong hoc',
    'name',
    'unit',
    'unit name',
  ],
  kind: ['loai hinh', 'loai', 'loai don vi', 'loai hinh don vi', 'loai hinh co quan', 'kind', 'type'],
  schoolLevel: ['cap hoc', 'cap', 'bac hoc', 'cap truong', 'school level', 'level'],
  // "Loại hình" alone stays the kind (our exports head the kind so); "Loại hình trường" is this.
  schoolType: [
    'loai truong',
    'loai truong hoc',
    'loai hinh truong',
    'loai hinh truong hoc',
    'kieu truong',
    'school type',
  ],
  managingBody: ['co quan quan ly', 'don vi quan ly', 'cap quan ly', 'quan ly', 'co quan chu quan', 'managing body'],
  parent: ['don vi cap tren', 'co quan cap tren', 'cap tren', 'don vi chu quan', 'truc thuoc', 'parent unit', 'parent'],
  headName: [
    'nguoi dung dau',
    'ho ten nguoi dung dau',
    'ho va ten nguoi dung dau',
    'thu truong',
    'thu truong don vi',
    'hieu truong',
    'ho ten hieu truong',
    'ho va ten',
    'ho ten',
    'lanh dao',
    'chu tich',
    'truong phong',
    'giam doc',
    'head',
    'head of unit',
  ],
  headTitle: ['chuc vu', 'chuc danh', 'chuc vu nguoi dung dau', 'title', 'position'],
  address: ['dia chi', 'dia diem', 'tru so', 'dia chi tru so', 'address'],
  phone: [
    'dien thoai',
    'so dien thoai',
    'dien thoai lien he',
    'dien thoai co quan',
    'sdt',
    'dt',
    'so dt',
    'phone',
    'telephone',
    'tel',
  ],
  active: ['trang thai', 'tinh trang', 'hoat dong', 'tinh trang hoat dong', 'status', 'active'],
  notes: ['ghi chu', 'ghi chu khac', 'chu thich', 'notes', 'note', 'remarks'],
};

/** Header text → comparable words: folded, punctuation to spaces ("Mã ĐV:" → "ma dv"). */
export function headerKey(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

type KnownField = Exclude<ImportField, 'ignore'>;

function knownPhrases(): Map<string, KnownField> {
  const phrases = new Map<string, KnownField>();
  for (const [field, words] of Object.entries(WORDS) as [KnownField, string[]][]) {
    for (const word of words) phrases.set(word, field);
  }
  for (const catalog of Object.values(catalogs)) {
    for (const [field, label] of Object.entries(catalog.unitImport.columns) as [KnownField, string][]) {
      const key = headerKey(label);
      if (key !== '' && !phrases.has(key)) phrases.set(key, field);
    }
  }
  return phrases;
}

const EXACT = knownPhrases();

export interface FieldMatch {
  field: KnownField;
  /** Higher is surer: an exact header beats a header that merely contains the words. */
  score: number;
}

/**
 * The field a header names, if any. An exact match wins; otherwise the longest known phrase
 * found as whole words inside the header ("Họ và tên hiệu trưởng" → head's name).
 */
export function matchHeader(text: string): FieldMatch | null {
  const key = headerKey(text);
  if (key === '' || key.length > 120) return null;
  const exact = EXACT.get(key);
  if (exact) return { field: exact, score: 100 + key.split(' ').length };
  const padded = ` ${key} `;
  let best: FieldMatch | null = null;
  for (const [phrase, field] of EXACT) {
    // One-letter phrases ("tt", "dt") only count as the whole header.
    if (phrase.length < 3) continue;
    if (!padded.includes(` ${phrase} `)) continue;
    const score = 10 * phrase.split(' ').length;
    if (!best || score > best.score) best = { field, score };
  }
  return best;
}

/** Headers that are the title of the people listed under them, and that title as it is written. */
const TITLE_HEADERS: readonly [string, string][] = [
  ['pho hieu truong', 'Phó Hiệu trưởng'],
  ['hieu truong', 'Hiệu trưởng'],
  ['pho chu tich', 'Phó Chủ tịch'],
  ['chu tich', 'Chủ tịch'],
  ['pho truong phong', 'Phó Trưởng phòng'],
  ['truong phong', 'Trưởng phòng'],
  ['pho giam doc', 'Phó Giám đốc'],
  ['giam doc', 'Giám đốc'],
  ['chanh van phong', 'Chánh Văn phòng'],
  ['chanh thanh tra', 'Chánh Thanh tra'],
  ['truong ban', 'Trưởng ban'],
];

/**
 * "Hiệu trưởng" over a column of names says what those people are: the title for rows that
 * give none. The header's own words are kept ("Chủ tịch UBND xã"), unless it is all capitals
 * or merely names the person ("Họ tên Hiệu trưởng"), then the title alone.
 */
export function titleFromHeader(text: string): string | null {
  const key = headerKey(text).replace(/^ho (va )?ten /, '');
  const found = TITLE_HEADERS.find(([phrase]) => key === phrase || key.startsWith(`${phrase} `));
  if (!found) return null;
  const cleaned = text
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(/[\s:.,;*-]+$/u, '')
    .trim();
  // In capitals, or after "Họ tên": the title as it is usually written.
  if (cleaned === cleaned.toLocaleUpperCase('vi-VN') || /^họ\s/iu.test(cleaned)) return found[1];
  return cleaned.charAt(0).toLocaleUpperCase('vi-VN') + cleaned.slice(1);
}
