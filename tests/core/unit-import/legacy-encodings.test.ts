import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  decodeTcvn3,
  decodeVni,
  couldBeLegacy,
} from '../../../electron/core/features/unit-import/encoding/legacy-decode';
import { fontHint } from '../../../electron/core/features/unit-import/encoding/text-encoding';
import {
  TCVN3_CHART,
  TCVN3_LETTERS,
  TONE_NAMES,
  VNI_CHART,
  VNI_LETTERS,
  bytesToChars,
  composed,
} from './support/legacy-charts';

describe('TCVN3 (ABC) → Unicode, every letter with every tone', () => {
  for (const row of TCVN3_CHART) {
    row.codes.forEach((code, tone) => {
      const expected = composed(row.letter, tone);
      it(`${row.letter} ${TONE_NAMES[tone]} (0x${code.toString(16)}) → ${expected}, and ${expected.toUpperCase()} in a .VnTimeH font`, () => {
        expect(decodeTcvn3(bytesToChars([code]))).toBe(expected);
        expect(decodeTcvn3(bytesToChars([code]), true)).toBe(expected.toUpperCase());
        expect(decodeTcvn3(bytesToChars([code])).normalize('NFC')).toBe(decodeTcvn3(bytesToChars([code])));
      });
    });
  }

  it('decodes đ and the bare capitals Ă Â Ê Ô Ơ Ư Đ', () => {
    for (const [letter, code] of TCVN3_LETTERS) expect(decodeTcvn3(bytesToChars([code]))).toBe(letter);
  });

  it('decodes whole phrases from old documents', () => {
    expect(decodeTcvn3('Céng hoµ x· héi chñ nghÜa ViÖt Nam')).toBe('Cộng hoà xã hội chủ nghĩa Việt Nam');
    expect(decodeTcvn3('§éc lËp - Tù do - H¹nh phóc')).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(decodeTcvn3('Tr\u00adêng TiÓu häc §«ng Quan')).toBe('Trường Tiểu học Đông Quan');
    // Capitals drawn by the .VnTimeH font from lower-case codes.
    expect(decodeTcvn3('tr\u00adêng mÇm non hoa sen', true)).toBe('TRƯỜNG MẦM NON HOA SEN');
  });

  it('leaves Windows punctuation (curly quotes, dashes) alone, as the ABC fonts draw it', () => {
    expect(decodeTcvn3('“Tr\u00adêng” – Hµ Néi')).toBe('“Trường” – Hà Nội');
  });

  it('agrees with glibc iconv (TCVN5712-1) for every byte from 0xA0 to 0xFF', () => {
    const probe = spawnSync('iconv', ['-f', 'TCVN5712-1', '-t', 'UTF-8'], { input: Buffer.from([0x61]) });
    if (probe.status !== 0) return; // iconv without TCVN: the chart tests above still hold.
    for (let byte = 0xa0; byte <= 0xff; byte += 1) {
      const result = spawnSync('iconv', ['-f', 'TCVN5712-1', '-t', 'UTF-8'], { input: Buffer.from([byte]) });
      expect(decodeTcvn3(String.fromCharCode(byte)), `byte 0x${byte.toString(16)}`).toBe(
        result.stdout.toString('utf8').normalize('NFC'),
      );
    }
  });
});

describe('VNI → Unicode, every letter with every tone, both cases', () => {
  for (const row of VNI_CHART) {
    row.sequences.forEach((sequence, tone) => {
      const expected = composed(row.letter, tone);
      it(`${row.letter} ${TONE_NAMES[tone]} (${sequence.map((b) => b.toString(16)).join(' ')}) → ${expected}`, () => {
        expect(decodeVni(bytesToChars(sequence))).toBe(expected);
      });
    });
  }

  it('decodes đ and Đ', () => {
    for (const [letter, code] of VNI_LETTERS) expect(decodeVni(bytesToChars([code]))).toBe(letter);
  });

  it('decodes whole phrases from old documents', () => {
    expect(decodeVni('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam')).toBe('Cộng hòa xã hội chủ nghĩa Việt Nam');
    expect(decodeVni('Tröôøng Tieåu hoïc Ñoâng Quan')).toBe('Trường Tiểu học Đông Quan');
    expect(decodeVni('UÛY BAN NHAÂN DAÂN XAÕ HIEÄP HAÏ')).toBe('ỦY BAN NHÂN DÂN XÃ HIỆP HẠ');
    expect(decodeVni('Nguyeãn Thò Thu Höông')).toBe('Nguyễn Thị Thu Hương');
  });

  it('leaves a mark byte that follows no vowel as it is', () => {
    expect(decodeVni('ù')).toBe('ù');
    expect(decodeVni('Tröôøng 1')).toBe('Trường 1');
  });
});

describe('what counts as legacy text', () => {
  it('only text made of byte-valued characters, with at least one outside ASCII', () => {
    expect(couldBeLegacy('Tr\u00adêng')).toBe(true);
    expect(couldBeLegacy('“Hµ Néi”')).toBe(true);
    expect(couldBeLegacy('Truong Tieu hoc')).toBe(false);
    // A real Vietnamese letter beyond Latin-1 means Unicode text: never converted.
    expect(couldBeLegacy('Trường')).toBe(false);
    expect(couldBeLegacy('Hà Nội')).toBe(false);
  });

  it('reads the font: .Vn… is TCVN3 (…H in capitals), VNI-… is VNI, anything else says nothing', () => {
    expect(fontHint('.VnTime')).toBe('tcvn3');
    expect(fontHint('.VnArial')).toBe('tcvn3');
    expect(fontHint('.VnTimeH')).toBe('tcvn3-upper');
    expect(fontHint('.VnArial NarrowH')).toBe('tcvn3-upper');
    expect(fontHint('VNI-Times')).toBe('vni');
    expect(fontHint('VNI-Helve')).toBe('vni');
    expect(fontHint('Times New Roman')).toBeNull();
    expect(fontHint(undefined)).toBeNull();
  });
});
