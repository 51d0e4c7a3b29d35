import { describe, expect, it } from 'vitest';
import { renderMinutesHtml } from '../../../electron/core/features/minutes/minutes-render';
import { emptyMinutes } from './fixtures';

describe('a blank form’s dates', () => {
  it('keep "năm" and its dots on one line (and the dots of a day, month or hour unbroken)', () => {
    const html = renderMinutesHtml(emptyMinutes(), '');
    const year = /năm\u00a0<span class="fill short">…+<\/span>/g;
    // The header's "…, ngày … tháng … năm …" and the opening "Hôm nay, vào hồi … ngày … năm …".
    expect(html.match(year)?.length).toBeGreaterThanOrEqual(2);
    expect(html).not.toMatch(/năm <span class="fill/);
    expect(html).toMatch(/\.fill\.short \{ white-space: nowrap; \}/);
  });
});
