import { expect, it, describe as suite } from 'vitest';
import { describe } from '../../src/ui/exportChart.ts';
import { isoDay } from '../../src/ui/format.ts';
import { fill, STRINGS } from '../../src/ui/i18n.ts';

/** Just what describe() reads of a Plot figure: its scales and whether it drew a colour legend. */
const chart = {
  scale: (name: string) =>
    ({
      x: { label: '月份 →', domain: [1, 36] },
      y: { label: '↑ 活跃客户', domain: [0, 8666] },
      color: { type: 'ordinal', domain: ['基线', '折扣方案'], range: ['#111', '#222'] },
    })[name],
  querySelector: () => ({}),
} as unknown as Element;

const words = (lang: 'en' | 'zh') => {
  const s = STRINGS[lang];
  return {
    series: s.chartSeries,
    from: s.chartFrom,
    to: s.chartTo,
    colon: s.chartColon,
    comma: s.chartComma,
    stop: s.chartStop,
    end: s.chartEnd,
  };
};

suite('what a screen reader hears of a chart, and the run’s time left', () => {
  it('punctuates a chart’s description in Chinese with Chinese marks, in English with English ones', () => {
    expect(describe(chart, words('zh'))).toBe(
      `月份：从 1 到 36。活跃客户：从 0 到 ${(8666).toLocaleString()}。系列：基线，折扣方案。`,
    );
    expect(describe(chart, words('en'))).toBe(
      `月份: from 1 to 36. 活跃客户: from 0 to ${(8666).toLocaleString()}. Series: 基线, 折扣方案.`,
    );
  });

  it('says the time left in each language’s own order and unit', () => {
    expect(fill(STRINGS.zh.timeLeft, { seconds: 4 })).toBe('剩余约 4 秒');
    expect(fill(STRINGS.en.timeLeft, { seconds: 4 })).toBe('4 s left');
  });

  it('dates an exported chart as ISO 8601, month and day never swapped', () => {
    expect(isoDay(new Date(2026, 11, 2, 23, 59))).toBe('2026-12-02');
    expect(isoDay(new Date(2027, 0, 9))).toBe('2027-01-09');
  });
});
