import { describe, expect, it } from 'vitest';
import { chartSvg } from '../../../electron/core/features/reports/report-chart-svg';

describe('the report charts as SVG', () => {
  it('keeps a long criterion wording whole on the bar chart, wrapped over lines instead of cut', () => {
    const label =
      '2.3. Bộ phận tiếp nhận và trả kết quả (một cửa) hoạt động đúng quy định, niêm yết đầy đủ bộ thủ tục hành chính';
    const { svg } = chartSvg({
      type: 'bars',
      title: 'Tỷ lệ đơn vị chưa đạt theo nội dung kiểm tra',
      series: ['Chưa đạt'],
      rows: [{ label, values: [35] }],
      max: 40,
      suffix: '%',
    });
    const words = [...svg.matchAll(/<text[^>]*text-anchor="end"[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);
    expect(words.join(' ')).toBe(label);
    expect(svg).not.toContain('…');
  });
});
