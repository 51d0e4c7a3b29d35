import { describe, expect, it } from 'vitest';
import { searchKey, searchWords } from '../../shared/text/search';

function matches(key: string, query: string): boolean {
  return searchWords(query).every((word) => key.includes(word));
}

describe('search by word starts, without diacritics', () => {
  const hiepHa = searchKey('UBND xã Hiệp Hạ', 'MAU-XA03', 'Lương Thị Hồng Đào');
  const nongNghiep = searchKey('Phòng Nông nghiệp và Phát triển nông thôn', 'MAU-PB06', 'Hoàng Thị Lan Hạnh');

  it('finds "Hiệp Hạ" from "hiep ha", in any case and form', () => {
    for (const query of ['hiep ha', 'HIỆP HẠ', 'Hiệp Hạ'.normalize('NFD'), 'ha hiep', 'xa hiep', 'hie h']) {
      expect(matches(hiepHa, query), query).toBe(true);
    }
  });

  it('does not match inside words ("nghiep" does not contain the word "hiep")', () => {
    expect(matches(nongNghiep, 'hiep ha')).toBe(false);
    expect(matches(nongNghiep, 'nghiep')).toBe(true);
  });

  it('matches codes and people, with punctuation ignored', () => {
    expect(matches(hiepHa, 'mau-xa03')).toBe(true);
    expect(matches(hiepHa, 'xa03')).toBe(true);
    expect(matches(hiepHa, 'dao')).toBe(true);
    expect(matches(hiepHa, 'đào')).toBe(true);
  });

  it('has no words for an empty or punctuation-only query', () => {
    expect(searchWords('  -- ,, ')).toEqual([]);
    expect(searchWords('a b c d e f g h i j k l m n', 12)).toHaveLength(12);
  });
});
