import { describe, expect, it } from 'vitest';
import { catalogs } from '../../shared/i18n/resources';
import { translate } from '../../shared/i18n/translate';

function entries(tree: unknown, prefix = ''): [string, string][] {
  if (typeof tree === 'string') return [[prefix, tree]];
  return Object.entries(tree as Record<string, unknown>).flatMap(([key, value]) =>
    entries(value, prefix ? `${prefix}.${key}` : key),
  );
}

/** Old-style tone placement ("xoá", "hoà", "thuỷ"): the app writes "xóa", "hòa", "thủy". */
const OLD_STYLE_TONE = /(?<![qQ])[oOuU][àáảãạèéẻẽẹỳýỷỹỵ](?!\p{L})/u;
/** Two full stops where one was meant (an ellipsis "…" or "..." is fine). */
const DOUBLE_STOP = /(?<!\.)\.\.(?!\.)/;

describe('the wording of the catalogs', () => {
  it('spells each Vietnamese word one way ("Xóa", never "Xoá")', () => {
    const odd = entries(catalogs.vi).filter(([, text]) => OLD_STYLE_TONE.test(text));
    expect(odd).toEqual([]);
  });

  it('has no doubled full stop, even where a sentence is put inside another', () => {
    for (const language of ['vi', 'en'] as const) {
      expect(entries(catalogs[language]).filter(([, text]) => DOUBLE_STOP.test(text))).toEqual([]);
      const refused = translate(language, 'errors.VALIDATION', {
        fields: translate(language, 'plans.validation.oneLeader'),
      });
      expect(refused).not.toMatch(DOUBLE_STOP);
    }
  });
});
