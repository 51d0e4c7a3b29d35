import type { UnitInput } from '../../../../shared/domain/unit';
import { inferFromName } from '../../../../shared/domain/unit-names';

/**
 * The sample district ("Dữ liệu mẫu") a newcomer can load to see the app as it is used: the
 * departments, communes and towns and 81 schools of a district shaped like Lộc Bình in the
 * source story. Deterministic; every unit is flagged as sample and says so in its notes.
 */

export interface SampleUnit {
  input: UnitInput;
  parentCode: string | null;
}

const SAMPLE_NOTE = 'Dữ liệu mẫu — không phải số liệu thật.';
const DISTRICT = 'huyện Lộc Bình, tỉnh Lạng Sơn';

const DEPARTMENTS: [string, string][] = [
  ['Văn phòng HĐND và UBND huyện', 'Chánh Văn phòng'],
  ['Phòng Nội vụ', 'Trưởng phòng'],
  ['Phòng Tư pháp', 'Trưởng phòng'],
  ['Phòng Tài chính - Kế hoạch', 'Trưởng phòng'],
  ['Phòng Kinh tế và Hạ tầng', 'Trưởng phòng'],
  ['Phòng Nông nghiệp và Phát triển nông thôn', 'Trưởng phòng'],
  ['Phòng Tài nguyên và Môi trường', 'Trưởng phòng'],
  ['Phòng Lao động - Thương binh và Xã hội', 'Trưởng phòng'],
  ['Phòng Văn hóa và Thông tin', 'Trưởng phòng'],
  ['Phòng Giáo dục và Đào tạo', 'Trưởng phòng'],
  ['Phòng Y tế', 'Trưởng phòng'],
  ['Phòng Dân tộc', 'Trưởng phòng'],
  ['Thanh tra huyện', 'Chánh Thanh tra'],
];
const EDUCATION_OFFICE_CODE = 'MAU-PB10';

const TOWNS = ['Lộc Bình', 'Na Dương'];
/** Commune names of the sample district (also used to make benchmark data look real). */
export const COMMUNES = [
  'Hiệp Hạ',
  'Khánh Xuân',
  'Xuân Dương',
  'Tú Đoạn',
  'Tam Gia',
  'Nhượng Bạn',
  'Đông Quan',
  'Lợi Bác',
  'Nam Quan',
  'Sàn Viên',
  'Tú Mịch',
  'Hữu Khánh',
  'Mẫu Sơn',
  'Minh Hiệp',
  'Thống Nhất',
  'Ái Quốc',
  'Hữu Lân',
  'Tĩnh Bắc',
  'Vân Mộng',
  'Khuất Xá',
  'Xuân Tình',
];

const PUBLIC_SERVICE = [
  ['Trung tâm Văn hóa, Thể thao và Truyền thông huyện', 'Giám đốc'],
  ['Ban Quản lý dự án đầu tư xây dựng huyện', 'Giám đốc'],
  ['Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện', 'Giám đốc'],
] as const;

export const FAMILY_NAMES = [
  'Nguyễn',
  'Hoàng',
  'Lành',
  'Vi',
  'Lương',
  'Đinh',
  'Nông',
  'Trần',
  'Lăng',
  'Hà',
  'Triệu',
  'Lộc',
];
export const MIDDLE_NAMES = ['Văn', 'Thị', 'Đức', 'Thị Thu', 'Minh', 'Thị Hồng', 'Quang', 'Thị Lan'];
export const GIVEN_NAMES = [
  'An',
  'Bình',
  'Chiến',
  'Dung',
  'Đào',
  'Giang',
  'Hạnh',
  'Hùng',
  'Khánh',
  'Linh',
  'Mai',
  'Nam',
  'Phương',
  'Quyết',
  'Sơn',
  'Thắm',
  'Tuấn',
  'Vân',
  'Xuân',
  'Yến',
];

/** A small deterministic generator, so the sample is the same on every PC (the sample plans use it too). */
export function makeRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

function base(random: () => number): Pick<UnitInput, 'headName' | 'phone' | 'active' | 'notes' | 'parentId'> {
  const phone = `0205 38${String(Math.floor(random() * 100)).padStart(2, '0')} ${String(Math.floor(random() * 1000)).padStart(3, '0')}`;
  return {
    headName: `${pick(random, FAMILY_NAMES)} ${pick(random, MIDDLE_NAMES)} ${pick(random, GIVEN_NAMES)}`,
    phone,
    active: true,
    notes: SAMPLE_NOTE,
    parentId: null,
  };
}

function number2(value: number): string {
  return String(value).padStart(2, '0');
}

export function sampleUnits(): SampleUnit[] {
  const random = makeRandom(2019);
  const units: SampleUnit[] = [];
  DEPARTMENTS.forEach(([name, title], index) => {
    units.push({
      parentCode: null,
      input: {
        ...base(random),
        code: `MAU-PB${number2(index + 1)}`,
        name,
        kind: 'department',
        schoolLevel: null,
        schoolType: null,
        managingBody: 'district',
        headTitle: title,
        address: `Thị trấn Lộc Bình, ${DISTRICT}`,
      },
    });
  });
  const places = [...TOWNS.map((name) => ({ name, town: true })), ...COMMUNES.map((name) => ({ name, town: false }))];
  places.forEach((place, index) => {
    const prefix = place.town ? 'thị trấn' : 'xã';
    units.push({
      parentCode: null,
      input: {
        ...base(random),
        code: `MAU-XA${number2(index + 1)}`,
        name: `UBND ${prefix} ${place.name}`,
        kind: 'commune',
        schoolLevel: null,
        schoolType: null,
        managingBody: 'district',
        headTitle: `Chủ tịch UBND ${prefix}`,
        address: `${prefix === 'xã' ? 'Xã' : 'Thị trấn'} ${place.name}, ${DISTRICT}`,
      },
    });
  });
  PUBLIC_SERVICE.forEach(([name, title], index) => {
    units.push({
      parentCode: null,
      input: {
        ...base(random),
        code: `MAU-SN${number2(index + 1)}`,
        name,
        kind: 'publicService',
        schoolLevel: null,
        schoolType: null,
        managingBody: 'district',
        headTitle: title,
        address: `Thị trấn Lộc Bình, ${DISTRICT}`,
      },
    });
  });

  // Level and type come from the name, as they do for a list a clerk imports.
  const school = (code: string, name: string, place: { name: string; town: boolean }) => {
    const named = inferFromName(name);
    if (named?.kind !== 'school' || named.schoolLevel === null) throw new Error(`Not a school's name: ${name}`);
    units.push({
      parentCode: EDUCATION_OFFICE_CODE,
      input: {
        ...base(random),
        code,
        name,
        kind: 'school',
        schoolLevel: named.schoolLevel,
        schoolType: named.schoolType,
        managingBody: 'education',
        headTitle: 'Hiệu trưởng',
        address: `${place.town ? 'Thị trấn' : 'Xã'} ${place.name}, ${DISTRICT}`,
      },
    });
  };
  places.forEach((place, index) => {
    const where = place.town ? `thị trấn ${place.name}` : place.name;
    school(`MAU-MN${number2(index + 1)}`, `Trường Mầm non ${where}`, place);
    school(`MAU-TH${number2(index + 1)}`, `Trường Tiểu học ${where}`, place);
    school(`MAU-THCS${number2(index + 1)}`, `Trường THCS ${where}`, place);
  });
  // 69 so far; the remaining 12 make the 81 schools of the story.
  const extra: [string, string, number][] = [
    ['MAU-LC01', 'Trường TH và THCS Lục Thôn', 2],
    ['MAU-LC02', 'Trường TH và THCS Quan Bản', 5],
    ['MAU-LC03', 'Trường TH và THCS Đồng Bục', 8],
    ['MAU-LC04', 'Trường TH và THCS Yên Khoái', 11],
    ['MAU-LC05', 'Trường TH và THCS Bằng Khánh', 14],
    ['MAU-LC06', 'Trường TH và THCS Xuân Mãn', 17],
    ['MAU-BT01', 'Trường PTDTBT THCS Mẫu Sơn', 14],
    ['MAU-BT02', 'Trường PTDTBT THCS Tam Gia', 6],
    ['MAU-BT03', 'Trường PTDTBT Tiểu học Hữu Lân', 18],
    ['MAU-BT04', 'Trường PTDTBT TH&THCS Khuất Xá', 21],
    ['MAU-TH24', 'Trường Tiểu học thị trấn Lộc Bình số 2', 0],
    ['MAU-MN24', 'Trường Mầm non Hoa Sen', 1],
  ];
  for (const [code, name, placeIndex] of extra) {
    school(code, name, places[placeIndex] ?? { name: 'Lộc Bình', town: true });
  }
  return units;
}
