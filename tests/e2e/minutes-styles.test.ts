import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentFontCss } from '../../electron/core/documents/fonts';
import { renderMinutesHtml } from '../../electron/core/features/minutes/minutes-render';
import { richMinutes } from '../core/minutes/fixtures';
import { chromiumPath } from './harness';

/**
 * The table of electron/core/documents/LAYOUT.md (Nghị định 30/2020, Phụ lục I) on the minutes' computed
 * styles in Chromium: capitals, bold, italic, indent, spacing, rules, and the rules that keep
 * headings, rows and signatures from being split (tests/core/minutes/layout-rules.test.ts
 * measures sizes and margins on the printed PDF).
 */

const RESOURCES = path.resolve(import.meta.dirname, '..', '..', 'resources');
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
});
afterAll(async () => {
  await browser.close();
});

describe('the document’s styles (computed in Chromium)', () => {
  it('set capitals, bold, italic, indent, spacing and rules as the decree’s table says', async () => {
    const page = await browser.newPage();
    try {
      await page.setContent(renderMinutesHtml(richMinutes(), documentFontCss(RESOURCES)));
      const style = (selector: string) =>
        page
          .locator(selector)
          .first()
          .evaluate((element) => {
            const css = getComputedStyle(element);
            return {
              family: css.fontFamily,
              sizePt: Math.round(parseFloat(css.fontSize) * 0.75 * 10) / 10,
              bold: Number(css.fontWeight) >= 700,
              italic: css.fontStyle === 'italic',
              align: css.textAlign,
              indentCm: Math.round((parseFloat(css.textIndent) / 96) * 2.54 * 100) / 100,
              spacingAfterPt: Math.round(parseFloat(css.marginBottom) * 0.75 * 10) / 10,
              lineHeight: Math.round((parseFloat(css.lineHeight) / parseFloat(css.fontSize)) * 100) / 100,
              text: (element as HTMLElement).innerText,
            };
          });
      expect(await style('body')).toMatchObject({ family: '"KLKCHC Tinos"' });
      expect(await style('.parent')).toMatchObject({ sizePt: 13, bold: false, text: 'UBND HUYỆN LỘC BÌNH' });
      expect(await style('.issuing')).toMatchObject({ sizePt: 13, bold: true, text: 'ĐOÀN KIỂM TRA' });
      expect(await style('.nation')).toMatchObject({
        sizePt: 12,
        bold: true,
        text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      });
      expect(await style('.motto')).toMatchObject({ sizePt: 13, bold: true, text: 'Độc lập - Tự do - Hạnh phúc' });
      expect(await style('.number')).toMatchObject({ sizePt: 13, bold: false, italic: false, text: 'Số: 05/BB-ĐKT' });
      expect(await style('.place-date')).toMatchObject({ sizePt: 14, italic: true });
      expect(await style('.title')).toMatchObject({ sizePt: 14, bold: true, align: 'center', text: 'BIÊN BẢN' });
      expect(await style('.subtitle')).toMatchObject({ sizePt: 14, bold: true, align: 'center' });
      const body = await style('body > p:not([class])');
      expect(body).toMatchObject({ sizePt: 14, bold: false, align: 'justify', indentCm: 1.27, spacingAfterPt: 6 });
      expect(body.lineHeight).toBeGreaterThanOrEqual(1);
      expect(body.lineHeight).toBeLessThanOrEqual(1.5);
      expect(await style('.sig-title td')).toMatchObject({
        sizePt: 14,
        bold: true,
        text: 'ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA',
      });
      expect(await style('.sig-name td')).toMatchObject({ sizePt: 14, bold: true, text: 'Triệu Thị Mai' });
      expect(await style('.rc-head')).toMatchObject({ sizePt: 12, bold: true, italic: true, text: 'Nơi nhận:' });
      expect(await style('.recipients > div:last-child')).toMatchObject({ sizePt: 11, text: '- Lưu: VT, Hồ sơ.' });
      // The rules: under the issuing body 1/3–1/2 of its width, under the motto its full width.
      const rule = (selector: string) =>
        page
          .locator(selector)
          .first()
          .evaluate((element) => {
            const after = getComputedStyle(element, '::after');
            return {
              rule: parseFloat(after.width),
              text: element.getBoundingClientRect().width,
              border: after.borderTopStyle,
            };
          });
      const issuing = await rule('.issuing .ruled');
      expect(issuing.border).toBe('solid');
      expect(issuing.rule / issuing.text).toBeGreaterThanOrEqual(1 / 3);
      expect(issuing.rule / issuing.text).toBeLessThanOrEqual(1 / 2);
      const motto = await rule('.motto .ruled');
      expect(motto.rule).toBeCloseTo(motto.text, 0);
      // Headings stay with what follows; rows and signature blocks are never split.
      const breaks = await page.evaluate(() => ({
        heading: getComputedStyle(document.querySelector('h2')!).breakAfter,
        row: getComputedStyle(document.querySelector('.criteria tbody tr')!).breakInside,
        signatures: getComputedStyle(document.querySelector('table.signatures')!).breakInside,
        closing: getComputedStyle(document.querySelector('.closing')!).breakInside,
        widows: getComputedStyle(document.body).widows,
        orphans: getComputedStyle(document.body).orphans,
      }));
      expect(breaks).toEqual({
        heading: 'avoid',
        row: 'avoid',
        signatures: 'avoid',
        closing: 'avoid',
        widows: '2',
        orphans: '2',
      });
    } finally {
      await page.close();
    }
  });
});
