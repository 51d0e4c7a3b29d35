import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogs } from '../../../shared/i18n/resources';
import type { Language } from '../../../shared/domain/settings';

const LANGUAGE_CACHE = 'klkchc.language';

/** The language chosen last time, remembered here too so the first paint is already in it. */
export function cachedLanguage(): Language {
  return localStorage.getItem(LANGUAGE_CACHE) === 'en' ? 'en' : 'vi';
}

export async function initI18n(language: Language = cachedLanguage()) {
  await i18next.use(initReactI18next).init({
    resources: { vi: { translation: catalogs.vi }, en: { translation: catalogs.en } },
    lng: language,
    fallbackLng: 'vi',
    interpolation: { escapeValue: false },
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
