import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { monthLabel, percentText } from '../../../renderer/src/features/statistics/chart-labels';
import { catalogs } from '../../../shared/i18n/resources';

/** The statistics charts' months and shares in the clerk's language. */

async function translator(language: 'vi' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { vi: { translation: catalogs.vi }, en: { translation: catalogs.en } },
    lng: language,
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

describe('chart labels', () => {
  it('names months "T1/2019" and writes "34,6%" in Vietnamese', async () => {
    const t = await translator('vi');
    expect(monthLabel(t, '2019-01-31')).toBe('T1/2019');
    expect(monthLabel(t, '2020-12-31')).toBe('T12/2020');
    expect(percentText(t, 34.62)).toBe('34,6%');
    expect(percentText(t, 70)).toBe('70%');
    expect(percentText(t, null)).toBe('');
  });

  it('names months "01/2019" and writes "34.6%" in English', async () => {
    const t = await translator('en');
    expect(monthLabel(t, '2019-01-31')).toBe('01/2019');
    expect(percentText(t, 34.62)).toBe('34.6%');
  });
});
