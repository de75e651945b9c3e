import { describe, expect, it } from 'vitest';
import { scenarioDiff } from '../../src/analysis/scenarioDiff.ts';
import { defaultScenario } from '../../src/engine/index.ts';
import { describeChanges } from '../../src/ui/planChanges.ts';
import { with_ } from '../helpers.ts';

describe('what a plan changes, as the report says it', () => {
  const base = defaultScenario();
  const plan = with_(base, (s) => {
    s.levers.discount.depthPct = 20;
    s.levers.discount.target = 'all';
    s.levers.discount.schedule = [{ from: 1, to: 12 }];
    s.levers.training.hoursPerStaffPerMonth = 8;
    s.levers.points.tiers = !base.levers.points.tiers;
    s.levers.careGestures.audience = { ...s.levers.careGestures.audience, kind: 'topValue', topPct: 20 };
    s.population.segments[1].visitsPerMonth += 1;
  });
  const lines = (lang: 'en' | 'zh') =>
    describeChanges(scenarioDiff(base, plan), lang).map((c) => `${c.label}: ${c.from} → ${c.to}`);

  it('labels each change as the editor does, with units and choices in words, in English', () => {
    const en = lines('en');
    expect(en).toContain(`Discount · Depth: ${base.levers.discount.depthPct} % → 20 %`);
    expect(en).toContain('Discount · For whom: new customers → everyone');
    expect(en).toContain('Discount · on in months: always → months 1–12');
    expect(en).toContain(
      `Training and incentives · Training hours: ${base.levers.training.hoursPerStaffPerMonth} → 8 hours per staff per month`,
    );
    expect(en).toContain(`Points and tiers · Tiers: ${base.levers.points.tiers ? 'yes → no' : 'no → yes'}`);
    expect(en).toContain('Care gestures · who it reaches: everyone → top 20 % by value');
    // A field the editor does not label reads as its path's words.
    expect(en.some((l) => l.startsWith('segments 2 · visits per month: '))).toBe(true);
    for (const l of en) expect(l).not.toMatch(/undefined|[{}"]|levers\./);
  });

  it('and in Chinese, from the same tables', () => {
    const zh = lines('zh');
    expect(zh).toContain(`折扣 · 折扣深度: ${base.levers.discount.depthPct} % → 20 %`);
    expect(zh).toContain('折扣 · 适用对象: 新客 → 全部客户');
    expect(zh).toContain('折扣 · 启用月份: 全程 → 第 1–12 个月');
    expect(zh).toContain('培训与激励 · 培训时长: 2 → 8 每名员工每月小时数');
    for (const l of zh) expect(l).not.toMatch(/undefined|[{}"]|levers\./);
  });
});
