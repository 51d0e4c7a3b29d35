import { catalogs } from './resources';
import type { Language } from '../domain/settings';

export type TranslateParams = Record<string, string | number>;

function lookup(tree: unknown, key: string): string | undefined {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, part)) {
      return undefined;
    }
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * The core's translator (the renderer uses i18next over the same catalogs). Same
 * "{{name}}" interpolation as i18next; an unknown key falls back to Vietnamese, then to the key.
 */
export function translate(language: Language, key: string, params: TranslateParams = {}): string {
  const template = lookup(catalogs[language], key) ?? lookup(catalogs.vi, key) ?? key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : '',
  );
}

export function hasTranslation(key: string): boolean {
  return lookup(catalogs.vi, key) !== undefined;
}

/**
 * Both languages, Vietnamese first, for places that have no language setting of ours yet (a
 * terminal, a start-up that failed before the settings could be read).
 */
export function translateBoth(key: string, params: TranslateParams = {}, separator = ' / '): string {
  const vi = translate('vi', key, params);
  const en = translate('en', key, params);
  return vi === en ? vi : `${vi}${separator}${en}`;
}
