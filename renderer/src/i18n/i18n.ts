import i18next, { type FormatterModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogs } from '../../../shared/i18n/resources';
import type { Language } from '../../../shared/domain/settings';

const LANGUAGE_CACHE = 'klkchc.language';

/** The language chosen last time, remembered here too so the first paint is already in it. */
export function cachedLanguage(): Language {
  return localStorage.getItem(LANGUAGE_CACHE) === 'en' ? 'en' : 'vi';
}

/** The values that count things; a year ({{year}}) or a process id must stay as typed. */
const COUNT_KEYS = new Set(['count', 'shown', 'total', 'inspected', 'scope', 'rows', 'row', 'units', 'done', 'limit']);

/**
 * Counts as the language writes them: "10.020 đơn vị", "10,020 units". Every interpolated value
 * passes through it (alwaysFormat); only whole numbers under a counting name change.
 */
export const COUNT_FORMATTER: FormatterModule = {
  type: 'formatter',
  init: () => undefined,
  add: () => undefined,
  addCached: () => undefined,
  // i18next's type says string; the interpolator takes any value back (and stringifies it).
  format: (value: string, _format, language, options) => {
    const key = (options as { interpolationkey?: string } | undefined)?.interpolationkey ?? '';
    const raw: unknown = value;
    if (typeof raw !== 'number' || !Number.isInteger(raw) || !COUNT_KEYS.has(key)) return value;
    return raw.toLocaleString(language === 'en' ? 'en-US' : 'vi-VN');
  },
};

export async function initI18n(language: Language = cachedLanguage()) {
  await i18next
    .use(initReactI18next)
    .use(COUNT_FORMATTER)
    .init({
      resources: { vi: { translation: catalogs.vi }, en: { translation: catalogs.en } },
      lng: language,
      fallbackLng: 'vi',
      interpolation: { escapeValue: false, alwaysFormat: true },
      returnNull: false,
    });
  document.documentElement.lang = language;
  return i18next;
}

export async function applyLanguage(language: Language) {
  localStorage.setItem(LANGUAGE_CACHE, language);
  document.documentElement.lang = language;
  if (i18next.language !== language) await i18next.changeLanguage(language);
}
