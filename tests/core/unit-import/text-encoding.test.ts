import { describe, expect, it } from 'vitest';
import {
  bestLegacyReading,
  convertText,
  decodeTextBytes,
} from '../../../electron/core/features/unit-import/encoding/text-encoding';
import {
  isVietnameseSyllable,
  vietnameseScore,
} from '../../../electron/core/features/unit-import/encoding/vietnamese-score';
import { bytesToChars, encodeTcvn3, encodeVni, encodeWindows1258 } from './support/legacy-charts';

const SENTENCE = 'Trường Tiểu học Đông Quan, xã Hiệp Hạ, huyện Lộc Bình; Hiệu trưởng Nguyễn Thị Hồng Nhung';
const LOWER = 'trường mầm non hoa sen thị trấn na dương huyện lộc bình; hiệu trưởng lương văn hùng';

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function utf16le(text: string, bom: boolean): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

describe('reading the bytes of a CSV/TXT file', () => {
  it('UTF-8 with a BOM', () => {
    const decoded = decodeTextBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(SENTENCE)]));
    expect(decoded).toEqual({ text: SENTENCE, encoding: 'utf-8-bom', legacyHint: 'none' });
  });

  it('UTF-8 without a BOM is never reinterpreted', () => {
    expect(decodeTextBytes(utf8(SENTENCE))).toEqual({ text: SENTENCE, encoding: 'utf-8', legacyHint: 'none' });
  });

  it('UTF-16 little-endian with a BOM (Excel "Unicode Text"), big-endian, and without a BOM', () => {
    expect(decodeTextBytes(utf16le(SENTENCE, true)).text).toBe(SENTENCE);
    const be = Buffer.from(utf16le(SENTENCE, false)).swap16();
    expect(decodeTextBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toMatchObject({
      text: SENTENCE,
      encoding: 'utf-16be',
    });
    expect(decodeTextBytes(utf16le(`STT\tTên đơn vị\r\n1\t${SENTENCE}`, false))).toMatchObject({
      text: `STT\tTên đơn vị\r\n1\t${SENTENCE}`,
      encoding: 'utf-16le',
    });
  });

  it('Windows-1258 (base letters + combining tones), normalised to NFC', () => {
    const decoded = decodeTextBytes(Uint8Array.from(encodeWindows1258(SENTENCE)));
    expect(decoded.encoding).toBe('windows-1258');
    expect(decoded.text).toBe(SENTENCE);
    expect(decoded.text).toBe(decoded.text.normalize('NFC'));
  });

  it('TCVN3 bytes: recognised, the cells converted afterwards', () => {
    const decoded = decodeTextBytes(Uint8Array.from(encodeTcvn3(LOWER)));
    expect(decoded.encoding).toBe('tcvn3');
    expect(convertText(decoded.text, null, { choice: 'auto', detected: decoded.legacyHint }).text).toBe(LOWER);
  });

  it('VNI bytes: recognised, the cells converted afterwards', () => {
    const decoded = decodeTextBytes(Uint8Array.from(encodeVni(SENTENCE)));
    expect(decoded.encoding).toBe('vni');
    expect(convertText(decoded.text, null, { choice: 'auto', detected: decoded.legacyHint }).text).toBe(SENTENCE);
  });

  it('the user can force a reading', () => {
    const bytes = Uint8Array.from(encodeWindows1258('Hoà Bình'));
    expect(decodeTextBytes(bytes, 'windows-1258').text).toBe('Hoà Bình');
    expect(decodeTextBytes(Uint8Array.from(encodeTcvn3('hoà bình')), 'tcvn3').encoding).toBe('tcvn3');
  });

  it('ASCII is ASCII', () => {
    expect(decodeTextBytes(utf8('Truong Tieu hoc,0205 3840 123'))).toMatchObject({ encoding: 'ascii' });
  });
});

describe('legacy text inside Unicode cells', () => {
  it('finds TCVN3 and VNI by the words they make, and prefers no conversion for clean Unicode', () => {
    const tcvn3 = bytesToChars(encodeTcvn3(LOWER));
    const vni = bytesToChars(encodeVni(SENTENCE));
    expect(bestLegacyReading([tcvn3])).toBe('tcvn3');
    expect(bestLegacyReading([vni])).toBe('vni');
    expect(bestLegacyReading([SENTENCE, LOWER])).toBe('none');
    expect(bestLegacyReading(['Cà Mau', 'Hà Giang', 'Bà Rịa'])).toBe('none');
  });

  it('converts cell by cell: a Unicode cell in a TCVN3 sheet is left alone', () => {
    const plan = { choice: 'auto' as const, detected: 'tcvn3' as const };
    expect(convertText('Tr\u00adêng TiÓu häc', null, plan)).toEqual({ text: 'Trường Tiểu học', converted: true });
    expect(convertText('Trường Tiểu học', null, plan)).toEqual({ text: 'Trường Tiểu học', converted: false });
    expect(convertText('Cà Mau', null, plan)).toEqual({ text: 'Cà Mau', converted: false });
  });

  it('the font decides first: .VnTime, .VnTimeH and VNI-Times cells are converted', () => {
    const plan = { choice: 'auto' as const, detected: 'none' as const };
    expect(convertText('B¸o c¸o', 'tcvn3', plan).text).toBe('Báo cáo');
    expect(convertText('tr\u00adêng', 'tcvn3-upper', plan).text).toBe('TRƯỜNG');
    expect(convertText('truong', 'tcvn3-upper', plan).text).toBe('TRUONG');
    expect(convertText('Tröôøng', 'vni', plan).text).toBe('Trường');
    // A Unicode cell formatted in .VnTime later: its text is Unicode already.
    expect(convertText('Trường', 'tcvn3', plan)).toEqual({ text: 'Trường', converted: false });
  });

  it('NFD input comes out NFC', () => {
    const nfd = 'Hiệp Hạ'.normalize('NFD');
    expect(convertText(nfd, null, { choice: 'auto', detected: 'none' }).text).toBe('Hiệp Hạ');
    expect(decodeTextBytes(utf8(nfd)).text.normalize('NFC')).toBe('Hiệp Hạ');
  });
});

describe('what a Vietnamese syllable looks like', () => {
  it('accepts real syllables in any case and rejects mojibake', () => {
    for (const word of ['trường', 'TRƯỜNG', 'Nghiêng', 'khuya', 'quý', 'gì', 'người', 'rượu', 'hoặc', 'đ', 'Đông']) {
      expect(isVietnameseSyllable(word), word).toBe(word !== 'đ');
    }
    for (const word of ['Tr\u00adêng', 'Tröôøng', 'häc', 'TiÓu', 'Hoµ', 'trườngg', 'tìì']) {
      expect(isVietnameseSyllable(word), word).toBe(false);
    }
    expect(vietnameseScore('Trường Tiểu học ABC 123')).toBe(3);
    expect(vietnameseScore('Tr\u00adêng TiÓu häc')).toBe(-3);
  });
});
