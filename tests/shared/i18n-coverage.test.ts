import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../../shared/i18n/resources';
import { hasTranslation } from '../../shared/i18n/translate';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const RENDERER_FILES = sourceFiles(path.join(ROOT, 'renderer', 'src'));
/** Literal text a person sees that is not a word in any language. */
const NOT_WORDS = new Set(['dd/mm/yyyy', 'hh:mm']);
/** Key names are printed on the keyboard itself, the same in every language: "(Ctrl+Z)", "(Esc)". */
const KEY_COMBO = /^\(?(Ctrl|Alt|Shift|Esc|Enter|Insert|Delete|Tab|F\d{1,2}|PgUp|PgDn)(\+[\w↑↓]+)*\)?$/;
const VISIBLE_ATTRIBUTES = new Set([
  'label',
  'title',
  'placeholder',
  'aria-label',
  'helperText',
  'alt',
  'aria-description',
]);

function visit(node: ts.Node, found: (node: ts.Node) => void) {
  found(node);
  node.forEachChild((child) => visit(child, found));
}

function leaves(tree: unknown, prefix = ''): string[] {
  if (typeof tree === 'string') return [prefix];
  return Object.entries(tree as Record<string, unknown>).flatMap(([key, value]) =>
    leaves(value, prefix ? `${prefix}.${key}` : key),
  );
}

describe('every string of the interface goes through the catalogs', () => {
  it('the English catalog has exactly the Vietnamese keys, and singular forms only of counted ones', () => {
    const vietnamese = new Set(leaves(catalogs.vi));
    const english = leaves(catalogs.en);
    const singulars = english.filter((key) => key.endsWith('_one') && !vietnamese.has(key));
    expect(english.filter((key) => !singulars.includes(key)).sort()).toEqual([...vietnamese].sort());
    const valueOf = (key: string) =>
      key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogs.en);
    for (const key of singulars) {
      // i18next picks "<key>_one" when the count is 1: its plural must be the key itself, counted.
      expect(valueOf(key.slice(0, -'_one'.length)), key).toContain('{{count}}');
    }
    expect(singulars.length).toBeGreaterThan(0);
  });

  it('says "1 unit", "2 units" in English and the same words for any count in Vietnamese', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      resources: { vi: { translation: catalogs.vi }, en: { translation: catalogs.en } },
      lng: 'en',
      interpolation: { escapeValue: false },
    });
    expect(i18n.t('progress.notInspectedCount', { count: 1 })).toBe('1 unit not yet inspected');
    expect(i18n.t('progress.notInspectedCount', { count: 2 })).toBe('2 units not yet inspected');
    expect(i18n.t('progress.drafts', { count: 1 })).toBe('1 set of minutes being recorded');
    await i18n.changeLanguage('vi');
    expect(i18n.t('progress.notInspectedCount', { count: 1 })).toBe(
      catalogs.vi.progress.notInspectedCount.replace('{{count}}', '1'),
    );
  });

  it('no Vietnamese string is empty or carries decomposed (NFD) characters', () => {
    for (const key of leaves(catalogs.vi)) {
      const value = key
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogs.vi) as string;
      expect(value.trim(), key).not.toBe('');
      expect(value, key).toBe(value.normalize('NFC'));
    }
  });

  it('every literal key the renderer asks for exists', () => {
    const missing: string[] = [];
    for (const file of RENDERER_FILES) {
      const text = fs.readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) {
        const key = match[1] ?? '';
        if (!hasTranslation(key)) missing.push(`${path.relative(ROOT, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('no JSX text or visible attribute is written literally in a component', () => {
    const literal: string[] = [];
    for (const file of RENDERER_FILES.filter((name) => name.endsWith('.tsx'))) {
      const source = ts.createSourceFile(
        file,
        fs.readFileSync(file, 'utf8'),
        ts.ScriptTarget.Latest,
        true,
        ts.ScriptKind.TSX,
      );
      visit(source, (node) => {
        let text: string | null = null;
        if (ts.isJsxText(node)) text = node.text.trim();
        if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer)) {
          if (VISIBLE_ATTRIBUTES.has(node.name.getText(source))) text = node.initializer.text.trim();
        }
        if (text && /\p{L}{2,}/u.test(text) && !NOT_WORDS.has(text) && !KEY_COMBO.test(text)) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
          literal.push(`${path.relative(ROOT, file)}:${line + 1}: ${text.slice(0, 60)}`);
        }
      });
    }
    expect(literal).toEqual([]);
  });
});
