import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../kernel/errors';

/**
 * The bundled Tinos (Times-New-Roman metrics, full Vietnamese) as @font-face rules with data:
 * URLs, under a private family name: the print window, the browser and the tests all draw the
 * same glyphs, and no installed font without Vietnamese can stand in for it.
 */

/** The private family name every document's CSS asks for. */
export const DOCUMENT_FONT_FAMILY = 'KLKCHC Tinos';

const SUBSETS = [
  {
    name: 'latin',
    range:
      'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  },
  {
    name: 'vietnamese',
    range:
      'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB',
  },
] as const;

const FACES = [
  { weight: 400, style: 'normal' },
  { weight: 400, style: 'italic' },
  { weight: 700, style: 'normal' },
  { weight: 700, style: 'italic' },
] as const;

const cache = new Map<string, string>();

/** The @font-face rules for the documents; read once per process from `<resourcesDir>/fonts`. */
export function documentFontCss(resourcesDir: string): string {
  const fontsDir = path.join(resourcesDir, 'fonts');
  const cached = cache.get(fontsDir);
  if (cached !== undefined) return cached;
  const rules: string[] = [];
  for (const subset of SUBSETS) {
    for (const face of FACES) {
      const file = path.join(fontsDir, `tinos-${subset.name}-${face.weight}-${face.style}.woff2`);
      let data: Buffer;
      try {
        data = fs.readFileSync(file);
      } catch (error) {
        throw new AppError('documents.FONT_MISSING', {
          messageKey: 'documents.errors.fontMissing',
          params: { file },
          cause: error,
        });
      }
      rules.push(
        `@font-face { font-family: '${DOCUMENT_FONT_FAMILY}'; font-weight: ${face.weight}; font-style: ${face.style}; ` +
          `font-display: block; src: url(data:font/woff2;base64,${data.toString('base64')}) format('woff2'); ` +
          `unicode-range: ${subset.range}; }`,
      );
    }
  }
  const css = rules.join('\n');
  cache.set(fontsDir, css);
  return css;
}
