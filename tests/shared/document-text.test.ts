import { describe, expect, it } from 'vitest';
import {
  capitalizeFirst,
  citationDate,
  documentDate,
  documentNumber,
  officialDateParts,
  parentBodyLine,
  safeFileName,
  timeParts,
  twoDigits,
  upperVietnamese,
} from '../../shared/format/document-text';

describe('document text (Nghị định 30/2020)', () => {
  it('writes dates with a leading zero for days below 10 and for January and February only', () => {
    expect(documentDate('2020-02-09')).toBe('ngày 09 tháng 02 năm 2020');
    expect(documentDate('2020-01-31')).toBe('ngày 31 tháng 01 năm 2020');
    expect(documentDate('2020-03-05')).toBe('ngày 05 tháng 3 năm 2020');
    expect(documentDate('2019-12-20')).toBe('ngày 20 tháng 12 năm 2019');
    expect(officialDateParts('2020-09-15')).toEqual({ day: '15', month: '9', year: '2020' });
    expect(documentDate('')).toBeNull();
    expect(documentDate(null)).toBeNull();
    expect(documentDate('09/02/2020')).toBeNull();
  });

  it('heads a document with a parent body in capitals, its common phrases shortened', () => {
    expect(parentBodyLine('UBND huyện Lộc Bình')).toBe('UBND HUYỆN LỘC BÌNH');
    expect(parentBodyLine('Ủy ban nhân dân huyện Lộc Bình')).toBe('UBND HUYỆN LỘC BÌNH');
    expect(parentBodyLine('Hội đồng nhân dân xã Hiệp Hạ')).toBe('HĐND XÃ HIỆP HẠ');
    expect(parentBodyLine('Phòng Giáo dục và Đào tạo huyện Lộc Bình')).toBe('PHÒNG GD&ĐT HUYỆN LỘC BÌNH');
    expect(parentBodyLine('Sở Giáo dục - Đào tạo Lạng Sơn')).toBe('SỞ GD&ĐT LẠNG SƠN');
    // Only whole phrases: "giáo dục" alone, or inside a longer word, stays.
    expect(parentBodyLine('Trung tâm Giáo dục nghề nghiệp')).toBe('TRUNG TÂM GIÁO DỤC NGHỀ NGHIỆP');
    expect(parentBodyLine('  UBND  tỉnh Lạng Sơn ').normalize('NFC')).toBe('UBND TỈNH LẠNG SƠN');
    expect(parentBodyLine('')).toBe('');
  });

  it('cites legal documents as dd/m/yyyy', () => {
    expect(citationDate('2016-09-05')).toBe('05/9/2016');
    expect(citationDate('2018-01-04')).toBe('04/01/2018');
    expect(citationDate(undefined)).toBeNull();
  });

  it('pads document numbers below 10 and leaves blanks blank', () => {
    expect(twoDigits(5)).toBe('05');
    expect(documentNumber(5)).toBe('05');
    expect(documentNumber(12)).toBe('12');
    expect(documentNumber(0)).toBe('');
    expect(documentNumber(null)).toBe('');
    expect(documentNumber(Number.NaN)).toBe('');
  });

  it('reads times as hour and minute', () => {
    expect(timeParts('08:30')).toEqual({ hour: '08', minute: '30' });
    expect(timeParts('')).toBeNull();
    expect(timeParts('25:00')).toBeNull();
  });

  it('writes body names in Vietnamese capitals, NFC', () => {
    expect(upperVietnamese('UBND huyện Lộc Bình')).toBe('UBND HUYỆN LỘC BÌNH');
    expect(upperVietnamese('Phòng Giáo dục và Đào tạo')).toBe('PHÒNG GIÁO DỤC VÀ ĐÀO TẠO');
    // Decomposed input (typed on some keyboards) comes out composed.
    const decomposed = 'đoàn kiểm tra'.normalize('NFD');
    expect(upperVietnamese(decomposed)).toBe('ĐOÀN KIỂM TRA');
    expect(upperVietnamese(decomposed)).toBe(upperVietnamese(decomposed).normalize('NFC'));
    expect(capitalizeFirst('chủ tịch UBND huyện')).toBe('Chủ tịch UBND huyện');
    expect(capitalizeFirst('  ')).toBe('');
  });

  it('makes file names every file system accepts, keeping the Vietnamese letters', () => {
    expect(safeFileName('Biên bản 05/BB-ĐKT: Trường "Hiệp Hạ"?')).toBe('Biên bản 05 BB-ĐKT Trường Hiệp Hạ');
    expect(safeFileName('...')).toBe('bien-ban');
    expect(safeFileName('a'.repeat(300)).length).toBe(120);
  });
});
