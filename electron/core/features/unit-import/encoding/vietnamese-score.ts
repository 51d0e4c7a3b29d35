/**
 * How much a text looks like Vietnamese: each word with a diacritic is checked against the
 * shape of a Vietnamese syllable (onset, vowel cluster, final consonant, one tone at most).
 * Real text scores one point per such word; mojibake ("Tr­êng", "Tröôøng") loses one.
 * ASCII-only words say nothing and score zero. Linear in the text's length, no backtracking
 * blow-up (the regular expression is anchored and its alternatives are fixed strings).
 */

const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
const QUALITY: Record<string, string> = { '\u0302': 'aeo', '\u0306': 'a', '\u031b': 'ou' };

const ONSETS = 'ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x';
const VOWELS = [
  'uyê',
  'uya',
  'uyu',
  'iêu',
  'yêu',
  'oai',
  'oao',
  'oay',
  'oeo',
  'uây',
  'uôi',
  'ươi',
  'ươu',
  'ai',
  'ao',
  'au',
  'ay',
  'âu',
  'ây',
  'eo',
  'êu',
  'ia',
  'iê',
  'iu',
  'oa',
  'oă',
  'oe',
  'oi',
  'oo',
  'ôi',
  'ơi',
  'ua',
  'uâ',
  'uê',
  'ui',
  'uô',
  'uơ',
  'uy',
  'ưa',
  'ưi',
  'ươ',
  'ưu',
  'yê',
  'a',
  'ă',
  'â',
  'e',
  'ê',
  'i',
  'o',
  'ô',
  'ơ',
  'u',
  'ư',
  'y',
].join('|');
const FINALS = 'ch|ng|nh|c|m|n|p|t';
const SYLLABLE = new RegExp(`^(?:${ONSETS})?(?:${VOWELS})(?:${FINALS})?$`, 'u');

const WORD_SEPARATORS = /[\s,.;:!?()[\]{}"“”'‘’/\\|+=*&^%$#@~`<>_–—-]+/u;

/** True for a word shaped like one Vietnamese syllable (any case). */
export function isVietnameseSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  let bare = '';
  let tones = 0;
  for (const char of decomposed) {
    if (TONES.has(char)) {
      tones += 1;
      continue;
    }
    const allowed = QUALITY[char];
    if (allowed !== undefined) {
      const previous = bare.charAt(bare.length - 1);
      if (!allowed.includes(previous)) return false;
      bare += char;
      continue;
    }
    if ((char >= 'a' && char <= 'z') || char === 'đ') {
      bare += char;
      continue;
    }
    return false;
  }
  if (tones > 1 || bare.length === 0 || bare.length > 12) return false;
  return SYLLABLE.test(bare.normalize('NFC'));
}

function isAscii(word: string): boolean {
  for (let index = 0; index < word.length; index += 1) if (word.charCodeAt(index) > 0x7f) return false;
  return true;
}

/** +1 for each Vietnamese word with a diacritic, −1 for each non-ASCII word that is not one. */
export function vietnameseScore(text: string): number {
  let score = 0;
  for (const word of text.split(WORD_SEPARATORS)) {
    if (word === '' || isAscii(word)) continue;
    score += isVietnameseSyllable(word) ? 1 : -1;
  }
  return score;
}
