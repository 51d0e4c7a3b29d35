import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEXT_ENCODINGS } from '../../../shared/domain/unit-import';
import { decodeTcvn3, decodeVni } from '../../../electron/core/features/unit-import/encoding/legacy-decode';
import {
  bestLegacyReading,
  convertText,
  decodeTextBytes,
} from '../../../electron/core/features/unit-import/encoding/text-encoding';
import { isVietnameseSyllable } from '../../../electron/core/features/unit-import/encoding/vietnamese-score';
import { bytesToChars, encodeTcvn3, encodeVni } from './support/legacy-charts';
import { sentence, vietnameseWord } from './support/vietnamese-arbitrary';

const FONTS = [null, 'tcvn3', 'tcvn3-upper', 'vni'] as const;
const LEGACY = ['none', 'tcvn3', 'vni'] as const;

describe('encoding detection never crashes or hangs (fast-check)', () => {
  it('any bytes decode to a string under every choice', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), fc.constantFrom(...TEXT_ENCODINGS), (bytes, choice) => {
        const decoded = decodeTextBytes(bytes, choice);
        expect(typeof decoded.text).toBe('string');
      }),
      { numRuns: 400 },
    );
  });

  it('any bytes that look like UTF-16 or carry a BOM still decode', () => {
    const withBom = fc
      .tuple(fc.constantFrom([0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]), fc.uint8Array({ maxLength: 2048 }))
      .map(([bom, body]) => Uint8Array.from([...bom, ...body]));
    fc.assert(
      fc.property(withBom, (bytes) => {
        expect(typeof decodeTextBytes(bytes).text).toBe('string');
      }),
      { numRuns: 200 },
    );
  });

  it('any text converts to NFC under every plan and font, in bounded time', () => {
    const started = performance.now();
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.constantFrom(...TEXT_ENCODINGS),
        fc.constantFrom(...LEGACY),
        fc.constantFrom(...FONTS),
        (text, choice, detected, font) => {
          const result = convertText(text, font, { choice, detected });
          expect(result.text).toBe(result.text.normalize('NFC'));
        },
      ),
      { numRuns: 500 },
    );
    expect(bestLegacyReading(['x'.repeat(100_000), 'µ'.repeat(100_000)])).toBe('none');
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('detection prefers "no conversion" for Unicode and finds legacy text', () => {
  it('clean Vietnamese Unicode is never converted, whatever the sheet seems to hold', () => {
    fc.assert(
      fc.property(
        sentence({ minWords: 1, maxWords: 12, capitals: true }),
        fc.constantFrom(...LEGACY),
        (text, detected) => {
          expect(bestLegacyReading([text])).toBe('none');
          expect(convertText(text, null, { choice: 'auto', detected })).toEqual({ text, converted: false });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('generated syllables are syllables (the generator is sound)', () => {
    fc.assert(
      fc.property(vietnameseWord, (word) => isVietnameseSyllable(word)),
      { numRuns: 300 },
    );
  });

  it('TCVN3 and VNI round-trip through the code charts', () => {
    fc.assert(
      fc.property(sentence({ minWords: 1, maxWords: 10, capitals: false }), (text) => {
        expect(decodeTcvn3(bytesToChars(encodeTcvn3(text)))).toBe(text);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(sentence({ minWords: 1, maxWords: 10, capitals: true }), (text) => {
        expect(decodeVni(bytesToChars(encodeVni(text)))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('a column of legacy names is recognised as what it is, never as the other encoding', () => {
    fc.assert(
      fc.property(
        fc.array(sentence({ minWords: 3, maxWords: 8, capitals: false }), { minLength: 5, maxLength: 20 }),
        (names) => {
          expect(bestLegacyReading(names.map((name) => bytesToChars(encodeTcvn3(name))))).toBe('tcvn3');
          expect(bestLegacyReading(names.map((name) => bytesToChars(encodeVni(name))))).toBe('vni');
        },
      ),
      { numRuns: 200 },
    );
  });
});
