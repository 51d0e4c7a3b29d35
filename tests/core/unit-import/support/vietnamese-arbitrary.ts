import fc from 'fast-check';

/** fast-check generators of real Vietnamese syllables and sentences (NFC). */

const ONSETS = [
  '',
  'b',
  'c',
  'ch',
  'd',
  'đ',
  'g',
  'gh',
  'h',
  'kh',
  'l',
  'm',
  'n',
  'ng',
  'nh',
  'ph',
  'qu',
  'r',
  's',
  't',
  'th',
  'tr',
  'v',
  'x',
];
const NUCLEI = [
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
  'ai',
  'ao',
  'oa',
  'uô',
  'ươ',
  'iê',
  'oi',
  'ôi',
  'ơi',
  'ưa',
];
const FINALS = ['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't'];
const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];

function syllable(onset: string, nucleus: string, final: string, tone: string): string {
  // The tone sits on the last vowel of the nucleus (a simplification that keeps one tone per word).
  const decomposed = nucleus.normalize('NFD');
  let lastVowel = 0;
  for (let index = 0; index < decomposed.length; index += 1) {
    if (/[aeiouy]/.test(decomposed[index] ?? '')) lastVowel = index;
  }
  let end = lastVowel + 1;
  while (end < decomposed.length && /\p{M}/u.test(decomposed[end] ?? '')) end += 1;
  const toned = decomposed.slice(0, end) + tone + decomposed.slice(end);
  return (onset + toned + final).normalize('NFC');
}

export const vietnameseWord = fc
  .tuple(fc.constantFrom(...ONSETS), fc.constantFrom(...NUCLEI), fc.constantFrom(...FINALS), fc.constantFrom(...TONES))
  .map(([onset, nucleus, final, tone]) => syllable(onset, nucleus, final, tone));

/** A word that carries a diacritic (so it says something about the encoding). */
export const markedWord = vietnameseWord.filter((word) => /[^\u0020-\u007e]/.test(word));

export function sentence(options: { minWords: number; maxWords: number; capitals: boolean }) {
  const word = options.capitals
    ? fc.tuple(markedWord, fc.boolean()).map(([w, cap]) => (cap ? w.charAt(0).toUpperCase() + w.slice(1) : w))
    : markedWord;
  return fc.array(word, { minLength: options.minWords, maxLength: options.maxWords }).map((words) => words.join(' '));
}
