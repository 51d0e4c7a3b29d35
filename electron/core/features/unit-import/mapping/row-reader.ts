import type { SchoolLevel, SchoolType, UnitKind } from '../../../../../shared/domain/unit';
import type { HeaderChoice, ImportField, RowIssue, SkipReason } from '../../../../../shared/domain/unit-import';
import { foldVietnamese } from '../../../../../shared/text/fold';
import { inferFromName, schoolFromText, type KindGuess } from '../../../../../shared/domain/unit-names';
import { parseActive, parseKind, parseManagingBody, parseSchool } from './field-values';
import { headerKey, titleFromHeader } from './header-words';
import { cellKey, type SheetText } from './sheet-text';

/**
 * The rows under the header, read as a clerk reads them: blank rows, the "(1) (2) (3)" row,
 * group titles ("I. KHỐI MẦM NON"), subtotals and totals, the signature block below the table
 * are recognised and set aside; every other row becomes a candidate unit with what its cells
 * say explicitly (an empty cell says nothing, so an update never wipes a value).
 */

export type TextField = 'code' | 'name' | 'parent' | 'headName' | 'headTitle' | 'address' | 'phone' | 'notes';

export interface CandidateUnit {
  code: string;
  name: string;
  /** Kind, level and type as decided for this row; `…Explicit` when a column or the user said so. */
  kind: UnitKind;
  kindExplicit: boolean;
  kindInferred: boolean;
  schoolLevel: SchoolLevel | null;
  levelExplicit: boolean;
  schoolType: SchoolType | null;
  typeExplicit: boolean;
  managingBody: ReturnType<typeof parseManagingBody>;
  active: boolean | undefined;
  text: Partial<Record<TextField, string>>;
}

export type ReadRow =
  | { row: number; type: 'blank' }
  | { row: number; type: 'skip'; reason: SkipReason; name: string }
  | {
      row: number;
      type: 'unit';
      unit: CandidateUnit;
      originalName: string | null;
      errors: RowIssue[];
      warnings: RowIssue[];
    };

export interface RowOverrides {
  kind?: UnitKind;
  schoolLevel?: SchoolLevel | null;
  schoolType?: SchoolType | null;
}

const ROMAN = /^(?=[ivxlc]+$)c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/;
const NUMBERING_CELL = /^\(?\s*(\d{1,3}|[a-z])\s*\)?$/i;
const SECTION_PREFIX = /^\s*(?:[IVXLC]{1,6}|[A-Z])\s*[.)/-]\s*\S/;
const FOOTER_TITLES = new Set([
  'hieu truong',
  'truong phong',
  'pho truong phong',
  'chu tich',
  'pho chu tich',
  'giam doc',
  'thu truong don vi',
  'ke toan',
  'nguoi lap bieu',
  'nguoi lap',
  'chanh van phong',
  'thu truong co quan',
]);

function folded(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9/]+/g, ' ')
    .trim();
}

function isTotals(f: string): boolean {
  return (
    /^(tong(\s+cong(?!\s+ty)|\s+so\b|\s+(cac|toan|chung|khoi)\b|$)|total|sum)\b/.test(f) ||
    /^cong(\s+(cac|toan|chung|khoi|so)\b|$)/.test(f)
  );
}

function isFooter(f: string): boolean {
  if (FOOTER_TITLES.has(f)) return true;
  return (
    /^(nguoi lap|nguoi ky|ky ten|ky ghi ro|xac nhan|luu y|noi nhan|t\/m|tm |k\/t|kt |ghi chu\s*$)/.test(f) ||
    /\bngay\s+\S{0,4}\s*thang\s+\S{0,4}\s*nam\b/.test(f)
  );
}

function isSectionMarker(text: string): boolean {
  const f = foldVietnamese(text).trim();
  return ROMAN.test(f) || /^[a-z]$/.test(f);
}

interface Columns {
  byField: Map<ImportField, number>;
  mapped: number[];
}

function columnsOf(mapping: readonly ImportField[]): Columns {
  const byField = new Map<ImportField, number>();
  const mapped: number[] = [];
  mapping.forEach((field, column) => {
    if (field === 'ignore') return;
    mapped.push(column);
    if (!byField.has(field)) byField.set(field, column);
  });
  return { byField, mapped };
}

/** Phone numbers stored as numbers in Excel lose their leading zero: 912345678 → 0912345678. */
function restorePhone(text: string, wasNumber: boolean): { text: string; restored: boolean } {
  if (wasNumber && /^[1-9]\d{7,9}$/.test(text)) return { text: `0${text}`, restored: true };
  return { text, restored: false };
}

export interface ReadOptions {
  header: HeaderChoice;
  mapping: readonly ImportField[];
  overrides: ReadonlyMap<number, RowOverrides>;
}

/** Every row under the header, classified, with its candidate unit where it is one. */
export function readRows(sheet: SheetText, options: ReadOptions): ReadRow[] {
  const { byField, mapped } = columnsOf(options.mapping);
  const headerEnd = options.header.row === 0 ? 0 : options.header.row - 1 + options.header.lines;
  // The header's own labels, to spot the header repeated further down (a sheet printed in pages).
  const headerLabels = new Map<number, { text: string; key: string }>();
  if (options.header.row > 0) {
    for (const column of mapped) {
      const label = (sheet.rows[headerEnd - 1]?.[column] ?? '').trim();
      if (label !== '') headerLabels.set(column, { text: label, key: headerKey(label) });
    }
  }
  const repeatsHeader = (cells: readonly string[]): boolean => {
    if (headerLabels.size === 0) return false;
    let same = 0;
    for (const [column, label] of headerLabels) {
      const cell = (cells[column] ?? '').trim();
      // Folding only when the lengths could match: folding every cell of 10,000 rows costs seconds.
      if (cell === label.text || (Math.abs(cell.length - label.text.length) <= 3 && headerKey(cell) === label.key)) {
        same += 1;
      }
    }
    return same >= Math.min(2, headerLabels.size);
  };
  const value = (cells: readonly string[], field: ImportField): string => {
    const column = byField.get(field);
    return column === undefined ? '' : (cells[column] ?? '').trim();
  };
  const headTitle = headerTitle(sheet, options.header, byField.get('headName'));

  const result: ReadRow[] = [];
  let section: KindGuess | null = null;
  let sectionText = '';
  let afterTable = false;
  let unitsSeen = 0;
  for (let index = headerEnd; index < sheet.rows.length; index += 1) {
    const row = index + 1;
    const cells = sheet.rows[index] ?? [];
    const texts = cells.map((cell) => (cell ?? '').trim()).filter((text) => text !== '');
    if (texts.length === 0) {
      result.push({ row, type: 'blank' });
      continue;
    }
    const name = value(cells, 'name');
    const number = value(cells, 'number');
    const code = value(cells, 'code');
    const lead = name || texts[0] || '';
    const leadKey = folded(lead);
    const skip = (reason: SkipReason) => result.push({ row, type: 'skip', reason, name: lead });

    if (repeatsHeader(cells)) {
      skip('repeatedHeader');
      continue;
    }
    if (texts.length >= 2 && texts.every((text) => NUMBERING_CELL.test(text))) {
      skip('numbering');
      continue;
    }
    // A title merged over the whole row repeats one text in every cell it covers; a group's
    // title ("I | KHỐI MẦM NON") is merged over every cell but its numbering.
    const merged = texts.length >= 2 && texts.every((text) => text === texts[0]);
    const numberColumn = byField.get('number');
    const rest = cells
      .filter((_, column) => column !== numberColumn)
      .map((cell) => (cell ?? '').trim())
      .filter((text) => text !== '');
    const mergedGroup =
      rest.length >= 2 && rest.every((text) => text === rest[0]) && (number === '' || isSectionMarker(number));
    if ((code === '' || merged) && isTotals(leadKey)) {
      skip('totals');
      afterTable = unitsSeen > 0;
      continue;
    }
    if ((code === '' || merged) && isFooter(leadKey)) {
      skip('footer');
      afterTable = unitsSeen > 0;
      continue;
    }
    const otherData = mapped.some((column) => {
      const field = options.mapping[column];
      return field !== 'name' && field !== 'number' && (cells[column] ?? '').trim() !== '';
    });
    const sectionLike =
      isSectionMarker(number) ||
      SECTION_PREFIX.test(lead) ||
      (name === '' && texts.length === 1 && !afterTable && unitsSeen === 0);
    if (merged || mergedGroup || (code === '' && !otherData && sectionLike)) {
      skip('section');
      sectionText = lead.replace(SECTION_PREFIX, (match) => match.slice(-1));
      section = parseKind(lead) ?? inferFromName(lead.replace(/^\s*\S+\s*[.)/-]\s*/, ''));
      continue;
    }
    if (afterTable && number === '' && code === '' && !inferFromName(name)) {
      skip('footer');
      continue;
    }
    if (name === '') {
      if (!otherData) {
        skip('noName');
        continue;
      }
    }
    unitsSeen += 1;
    result.push(buildUnit(sheet, index, cells, byField, options.overrides.get(row), section, sectionText, headTitle));
  }
  return result;
}

/** The title a header such as "Hiệu trưởng" gives the names under it (lowest header line first). */
function headerTitle(sheet: SheetText, header: HeaderChoice, column: number | undefined): string | null {
  if (column === undefined || header.row === 0) return null;
  const last = header.row - 1 + header.lines - 1;
  for (let line = last; line >= header.row - 1; line -= 1) {
    const label = (sheet.rows[line]?.[column] ?? '').trim();
    if (label !== '') return titleFromHeader(label);
  }
  return null;
}

function buildUnit(
  sheet: SheetText,
  index: number,
  cells: readonly string[],
  byField: ReadonlyMap<ImportField, number>,
  override: RowOverrides | undefined,
  section: KindGuess | null,
  sectionText: string,
  headTitle: string | null,
): ReadRow {
  const row = index + 1;
  const value = (field: ImportField): string => {
    const column = byField.get(field);
    return column === undefined ? '' : (cells[column] ?? '').trim();
  };
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const name = value('name');
  if (name === '') errors.push({ field: 'name', key: 'unitImport.reasons.nameMissing' });

  const kindCell = value('kind');
  const levelCell = value('schoolLevel');
  const typeCell = value('schoolType');
  const bodyCell = value('managingBody');
  const activeCell = value('active');
  const fromName = inferFromName(name);
  // What the name itself says of a school (its level, its type), whatever gave the kind.
  const named = schoolFromText(name);

  let kind: UnitKind = 'other';
  let kindExplicit = false;
  let kindInferred = false;
  let schoolLevel: SchoolLevel | null = null;
  let levelExplicit = false;
  let schoolType: SchoolType | null = null;
  let typeExplicit = false;
  const parsedKind = kindCell === '' ? undefined : parseKind(kindCell);
  if (kindCell !== '' && !parsedKind) {
    warnings.push({ field: 'kind', key: 'unitImport.reasons.unknownKind', params: { value: kindCell } });
  }
  if (parsedKind) {
    kind = parsedKind.kind;
    kindExplicit = true;
    schoolLevel = parsedKind.schoolLevel;
    schoolType = parsedKind.schoolType;
    typeExplicit = schoolType !== null;
  } else if (fromName) {
    kind = fromName.kind;
    kindInferred = true;
  } else if (section) {
    kind = section.kind;
    kindInferred = true;
  }
  if (levelCell !== '') {
    // A level cell may name the type too (old exports wrote "Phổ thông dân tộc bán trú" there).
    const school = parseSchool(levelCell);
    if (school?.level) {
      schoolLevel = school.level;
      levelExplicit = true;
    }
    if (school?.type) {
      schoolType = school.type;
      typeExplicit = true;
    }
    if (!school) {
      warnings.push({ field: 'schoolLevel', key: 'unitImport.reasons.unknownLevel', params: { value: levelCell } });
    }
  }
  if (typeCell !== '') {
    const school = parseSchool(typeCell);
    if (school?.type) {
      schoolType = school.type;
      typeExplicit = true;
    } else {
      warnings.push({ field: 'schoolType', key: 'unitImport.reasons.unknownSchoolType', params: { value: typeCell } });
    }
    if (school?.level && !levelExplicit) schoolLevel = school.level;
  }
  if (kind === 'school' && schoolLevel === null) {
    schoolLevel = named.level;
    if (schoolLevel === null && section?.schoolLevel) {
      schoolLevel = section.schoolLevel;
      warnings.push({
        field: 'schoolLevel',
        key: 'unitImport.reasons.levelFromSection',
        params: { section: sectionText },
      });
    }
  }
  if (kind === 'school' && schoolType === null) {
    schoolType = named.type ?? (section?.kind === 'school' ? section.schoolType : null) ?? 'regular';
  }
  if (override?.kind !== undefined) {
    kind = override.kind;
    kindExplicit = true;
    kindInferred = false;
  }
  if (override?.schoolLevel !== undefined) {
    schoolLevel = override.schoolLevel;
    levelExplicit = true;
  }
  if (override?.schoolType !== undefined) {
    schoolType = override.schoolType;
    typeExplicit = true;
  }
  if (kind === 'school') {
    // A row made a school by the clerk in the preview: what its name says, at least.
    schoolLevel ??= named.level;
    schoolType ??= named.type ?? 'regular';
  } else {
    schoolLevel = null;
    schoolType = null;
  }

  const managingBody = bodyCell === '' ? undefined : parseManagingBody(bodyCell);
  if (bodyCell !== '' && !managingBody) {
    warnings.push({
      field: 'managingBody',
      key: 'unitImport.reasons.unknownManagingBody',
      params: { value: bodyCell },
    });
  }
  const active = activeCell === '' ? undefined : parseActive(activeCell);
  if (activeCell !== '' && active === undefined) {
    warnings.push({ field: 'active', key: 'unitImport.reasons.unknownActive', params: { value: activeCell } });
  }

  const text: CandidateUnit['text'] = {};
  for (const field of ['code', 'name', 'parent', 'headName', 'headTitle', 'address', 'phone', 'notes'] as const) {
    const cell = value(field);
    if (cell !== '') text[field] = cell;
  }
  // A name under a "Hiệu trưởng" column is the principal, whatever other titles the file omits.
  if (text.headName !== undefined && text.headTitle === undefined && headTitle) text.headTitle = headTitle;
  const phoneColumn = byField.get('phone') ?? -1;
  if (text.phone !== undefined) {
    const restored = restorePhone(text.phone, phoneColumn >= 0 && sheet.numeric.has(cellKey(index, phoneColumn)));
    text.phone = restored.text;
    if (restored.restored) warnings.push({ field: 'phone', key: 'unitImport.reasons.phoneZeroRestored' });
  }
  const nameColumn = byField.get('name') ?? -1;
  const originalName = nameColumn >= 0 ? (sheet.originals.get(cellKey(index, nameColumn)) ?? null) : null;
  return {
    row,
    type: 'unit',
    unit: {
      code: text.code ?? '',
      name,
      kind,
      kindExplicit,
      kindInferred: kindInferred && !kindExplicit,
      schoolLevel,
      levelExplicit,
      schoolType,
      typeExplicit,
      managingBody,
      active,
      text,
    },
    originalName,
    errors,
    warnings,
  };
}
