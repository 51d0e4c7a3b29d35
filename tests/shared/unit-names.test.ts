import { describe, expect, it } from 'vitest';
import type { SchoolLevel, SchoolType, UnitKind } from '../../shared/domain/unit';
import { inferFromName, schoolFromText } from '../../shared/domain/unit-names';

/** Names as district lists write them: level and type are read apart. */
const SCHOOLS: [name: string, level: SchoolLevel | null, type: SchoolType][] = [
  ['Trường Mầm non Hoa Sen', 'preschool', 'regular'],
  ['Trường MN Hữu Khánh', 'preschool', 'regular'],
  ['Trường Mẫu giáo Tú Mịch', 'preschool', 'regular'],
  ['Nhà trẻ Hoa Hồng', 'preschool', 'regular'],
  ['Trường Tiểu học Hiệp Hạ', 'primary', 'regular'],
  ['TRƯỜNG TIỂU HỌC THỊ TRẤN LỘC BÌNH SỐ 2', 'primary', 'regular'],
  ['Trường TH Tú Đoạn', 'primary', 'regular'],
  ['Truong Tieu hoc Dong Quan', 'primary', 'regular'],
  ['Trường THCS Khánh Xuân', 'lowerSecondary', 'regular'],
  ['Trường Trung học cơ sở Thị trấn Na Dương', 'lowerSecondary', 'regular'],
  ['Trường THCS Thạch Tân', 'lowerSecondary', 'regular'],
  ['Trường PTDTBT TH Mẫu Sơn', 'primary', 'ethnicSemiBoarding'],
  ['Trường PTDTBT Tiểu học Hữu Lân', 'primary', 'ethnicSemiBoarding'],
  ['Trường PTDTBT THCS Tam Gia', 'lowerSecondary', 'ethnicSemiBoarding'],
  ['Trường Phổ thông dân tộc bán trú Trung học cơ sở Khuất Xá', 'lowerSecondary', 'ethnicSemiBoarding'],
  ['Trường PT DTBT THCS Xuân Tình', 'lowerSecondary', 'ethnicSemiBoarding'],
  ['Trường PTDTBT TH&THCS Xuân Lễ', 'multiLevel', 'ethnicSemiBoarding'],
  ['Trường PTDTBT Tiểu học và THCS Xuân Lễ', 'multiLevel', 'ethnicSemiBoarding'],
  ['Trường PTDTBT TH-THCS Nam Quan', 'multiLevel', 'ethnicSemiBoarding'],
  ['Trường PTDTBT Mẫu Sơn', 'other', 'ethnicSemiBoarding'],
  ['Trường PTDTNT THCS huyện Lộc Bình', 'lowerSecondary', 'ethnicBoarding'],
  ['Trường PTDTNT THCS và THPT Lộc Bình', 'multiLevel', 'ethnicBoarding'],
  ['Trường Phổ thông dân tộc nội trú tỉnh Lạng Sơn', 'other', 'ethnicBoarding'],
  ['Trường TH và THCS Lục Thôn', 'multiLevel', 'regular'],
  ['Trường TH&THCS Quan Bản', 'multiLevel', 'regular'],
  ['Trường Tiểu học và Trung học cơ sở Yên Khoái', 'multiLevel', 'regular'],
  ['Trường Liên cấp Tiểu học – THCS Đồng Bục', 'multiLevel', 'regular'],
  ['Trường Liên cấp Hoa Sen', 'multiLevel', 'regular'],
  ['Trường THCS và THPT Lộc Bình', 'multiLevel', 'regular'],
  ['Trường Mầm non và Tiểu học Bằng Khánh', 'multiLevel', 'regular'],
  ['Trường THPT Lộc Bình', 'other', 'regular'],
  ['Trường Hoa Lư', null, 'regular'],
];

const OTHERS: [name: string, kind: UnitKind][] = [
  ['UBND xã Hiệp Hạ', 'commune'],
  ['Ủy ban nhân dân thị trấn Na Dương', 'commune'],
  ['Phòng Giáo dục và Đào tạo', 'department'],
  ['Thanh tra huyện', 'department'],
  ['Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện', 'publicService'],
];

describe('what a unit name says about it', () => {
  it.each(SCHOOLS)('%s: a school of level %s, type %s', (name, level, type) => {
    expect(inferFromName(name)).toEqual({ kind: 'school', schoolLevel: level, schoolType: type });
  });

  it.each(OTHERS)('%s: a %s, neither level nor type', (name, kind) => {
    expect(inferFromName(name)).toEqual({ kind, schoolLevel: null, schoolType: null });
  });

  it('reads a cell that names only a level, only a type, or both', () => {
    expect(schoolFromText('THCS')).toEqual({ level: 'lowerSecondary', type: null });
    expect(schoolFromText('PTDTBT')).toEqual({ level: 'other', type: 'ethnicSemiBoarding' });
    expect(schoolFromText('Phổ thông dân tộc bán trú')).toEqual({ level: 'other', type: 'ethnicSemiBoarding' });
    expect(schoolFromText('PTDTBT TH&THCS')).toEqual({ level: 'multiLevel', type: 'ethnicSemiBoarding' });
    expect(schoolFromText('Ghi chú')).toEqual({ level: null, type: null });
  });

  it('does not take words that merely start like a level for one', () => {
    // "Thạch", "Thống Nhất", "thị trấn" are not "TH"; "Mẫu Sơn" is not "mẫu giáo".
    expect(inferFromName('Trường THCS Thống Nhất')).toMatchObject({ schoolLevel: 'lowerSecondary' });
    expect(inferFromName('Trường PTDTBT THCS Mẫu Sơn')).toMatchObject({ schoolLevel: 'lowerSecondary' });
    expect(inferFromName('Trường Tiểu học thị trấn Lộc Bình')).toMatchObject({ schoolLevel: 'primary' });
  });
});
