import { describe, expect, it } from 'vitest';
import { chartSvg, countAxis } from '../../../electron/core/features/reports/report-chart-svg';

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

  it('counts units on whole steps: no "6,3" units on the axis', () => {
    expect(countAxis(25)).toEqual({ step: 5, top: 25 });
    expect(countAxis(18)).toEqual({ step: 5, top: 20 });
    expect(countAxis(81)).toEqual({ step: 20, top: 100 });
    expect(countAxis(3)).toEqual({ step: 1, top: 3 });
    expect(countAxis(0)).toEqual({ step: 1, top: 1 });
    const { svg } = chartSvg({
      type: 'bars',
      title: 'Số đơn vị được kiểm tra theo loại hình',
      series: ['Phạm vi', 'Đã kiểm tra'],
      rows: [{ label: 'Trường mầm non', values: [25, 8] }],
      max: 25,
      suffix: '',
    });
    const ticks = [...svg.matchAll(/<text[^>]*text-anchor="middle"[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);
    expect(ticks).toEqual(['0', '5', '10', '15', '20', '25']);
  });

  it('labels months so that no two labels touch, and says the last value as the text does', () => {
    const labels = [
      'T9/2019',
      'T10/2019',
      'T11/2019',
      'T12/2019',
      'T1/2020',
      'T2/2020',
      'T3/2020',
      'T4/2020',
      'T5/2020',
      'T6/2020',
      'T7/2020',
      'T8/2020',
    ];
    const { svg } = chartSvg({
      type: 'lines',
      title: 'Tiến độ kiểm tra so với chỉ tiêu (%)',
      labels,
      series: [{ name: 'Năm học 2019–2020', values: labels.map((_, index) => (34.57 * (index + 1)) / labels.length) }],
      target: 100,
      suffix: '%',
    });
    const placed = [
      ...svg.matchAll(/<text x="([\d.]+)" y="[\d.]+" font-size="10" text-anchor="(middle|end)">(T[^<]*)<\/text>/g),
    ].map((match) => ({ x: Number(match[1]), anchor: match[2], text: match[3]! }));
    expect(placed.at(-1)?.text).toBe('T8/2020');
    const width = (label: string) => label.length * 10 * 0.5;
    for (let index = 1; index < placed.length; index += 1) {
      const before = placed[index - 1]!;
      const after = placed[index]!;
      const beforeEnd = before.x + width(before.text) / 2;
      const afterStart = after.anchor === 'end' ? after.x - width(after.text) : after.x - width(after.text) / 2;
      expect(afterStart).toBeGreaterThan(beforeEnd);
    }
    expect(svg).toContain('>35%</text>');
    expect(svg).not.toContain('34,6%');
  });
});
