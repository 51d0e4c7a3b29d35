import { describe, expect, it } from 'vitest';
import { cleanMultiline, cleanText, foldVietnamese, likeContains, removeInvisible } from '../../shared/text/fold';

describe('foldVietnamese', () => {
  it('ignores diacritics, case and đ', () => {
    expect(foldVietnamese('Hiệp Hạ')).toBe('hiep ha');
    expect(foldVietnamese('HIỆP HẠ')).toBe('hiep ha');
    expect(foldVietnamese('Đông Quan')).toBe('dong quan');
    expect(foldVietnamese('đ Đ')).toBe('d d');
    expect(foldVietnamese('Trường THCS Tú Đoạn')).toBe('truong thcs tu doan');
  });

  it('treats NFC and NFD input the same', () => {
    const nfc = 'Nguyễn Thị Thắm'.normalize('NFC');
    const nfd = 'Nguyễn Thị Thắm'.normalize('NFD');
    expect(nfc).not.toBe(nfd);
    expect(foldVietnamese(nfc)).toBe(foldVietnamese(nfd));
    expect(foldVietnamese(nfd)).toBe('nguyen thi tham');
  });

  it('collapses whitespace', () => {
    expect(foldVietnamese('  UBND \t xã\nHiệp   Hạ ')).toBe('ubnd xa hiep ha');
  });
});

describe('cleaning text for storage', () => {
  it('stores names in NFC with single spaces', () => {
    const cleaned = cleanText('  Trường   Mầm non  Hoa Sen '.normalize('NFD'));
    expect(cleaned).toBe('Trường Mầm non Hoa Sen');
    expect(cleaned).toBe(cleaned.normalize('NFC'));
  });

  it('keeps line breaks in notes but trims each line', () => {
    expect(cleanMultiline('Dòng một   \r\nDòng  hai\rDòng ba  ')).toBe('Dòng một\nDòng hai\nDòng ba');
  });

  it('drops what changes how text shows without being seen', () => {
    // A right-to-left override pasted from a web page would show the rest reversed.
    expect(cleanText('Trường \u202eMầm non\u202c Hoa\u200b Sen\ufeff')).toBe('Trường Mầm non Hoa Sen');
    expect(cleanMultiline('Hạn chế\u0007 một\n\u2067Dòng hai\u2069')).toBe('Hạn chế một\nDòng hai');
    // Emoji keep their joiners; tabs and line breaks are the callers' to turn into spaces.
    expect(removeInvisible('👨\u200d👩\ta\nb')).toBe('👨\u200d👩\ta\nb');
  });

  it('reads the eth that converted text holds for Đ as Đ', () => {
    expect(cleanText('Trường Tiểu học \u00d0ồng Bục')).toBe('Trường Tiểu học Đồng Bục');
    expect(cleanMultiline('\u00d0inh Thị Êm, \u00f0ã ký')).toBe('Đinh Thị Êm, đã ký');
    expect(foldVietnamese('\u00d0INH THỊ ÊM')).toBe('dinh thi em');
  });

  it('escapes LIKE wildcards', () => {
    expect(likeContains('100%_a\\b')).toBe('%100\\%\\_a\\\\b%');
  });
});
