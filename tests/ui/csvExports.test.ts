import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/index.ts';
import { comparisonCsv, sweepCsvText } from '../../src/ui/csvExports.ts';
import { metric, small } from '../helpers.ts';

describe('the app’s CSV downloads', () => {
  const r = simulate(small(3_000, 14), { seed: 's', replication: 0 });

  it('head every figure with its unit in the page’s language, shares in %, replications from 1', () => {
    const en = comparisonCsv([{ name: 'Plan, "A"', results: [r] }], 'en')
      .slice(1)
      .trim()
      .split('\n');
    const zh = comparisonCsv([{ name: 'Plan, "A"', results: [r] }], 'zh')
      .slice(1)
      .trim()
      .split('\n');
    expect(en[0].startsWith('"Plan","Replication","Month","Active customers",')).toBe(true);
    expect(zh[0].startsWith('"方案","第几次重复","月份","活跃客户数",')).toBe(true);
    expect(en.length).toBe(1 + 14);
    expect(en[1].startsWith('"Plan, ""A""",1,1,')).toBe(true);
    const col = en[0].split('","').indexOf('Monthly retention (%)');
    expect(col).toBeGreaterThan(0);
    // The name holds a comma, inside its quotes: count the cells after it.
    const cells = en[1].slice('"Plan, ""A"""'.length + 1).split(',');
    expect(Number(cells[col - 1])).toBeCloseTo(100 * metric(r, 'retention')[0], 2);
    expect(zh[0]).toContain('"月留存率（%）"');
  });

  it('name a sweep’s columns with the outcome and its unit, in both languages', () => {
    const text = (lang: 'en' | 'zh') =>
      sweepCsvText(
        { label: lang === 'en' ? 'Mean CLV per customer' : '每位客户平均 CLV', unit: 'money' },
        lang,
        () => '',
        () => '',
      );
    expect(text('en').columns).toEqual([
      'Mean CLV per customer (money): mean',
      'Mean CLV per customer (money): 95 % low',
      'Mean CLV per customer (money): 95 % high',
      'Δ vs first point (money): mean',
      'Δ vs first point (money): 95 % low',
      'Δ vs first point (money): 95 % high',
    ]);
    expect(text('zh').columns[0]).toBe('每位客户平均 CLV（金额）：均值');
    expect(text('zh').columns[3]).toBe('相对第一个点 Δ（金额）：均值');
    expect(text('en').value(1234.5678)).toBe('1234.57');
  });
});
