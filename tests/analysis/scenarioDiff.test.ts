import { describe, expect, it } from 'vitest';
import { scenarioDiff } from '../../src/analysis/scenarioDiff.ts';
import { defaultScenario } from '../../src/engine/index.ts';
import { with_ } from '../helpers.ts';

describe('what a plan changes', () => {
  it('lists exactly the changed leaves, nested and in arrays, and nothing for a renamed copy', () => {
    const base = defaultScenario();
    expect(
      scenarioDiff(
        base,
        with_(base, (s) => (s.name = 'other')),
      ),
    ).toEqual([]);
    const plan = with_(base, (s) => {
      s.levers.discount.depthPct = 25;
      s.population.segments[1].visitsPerMonth += 1;
      s.horizonMonths = 48;
    });
    expect(scenarioDiff(base, plan)).toEqual([
      { path: 'horizonMonths', from: base.horizonMonths, to: 48 },
      {
        path: 'population.segments.1.visitsPerMonth',
        from: base.population.segments[1].visitsPerMonth,
        to: base.population.segments[1].visitsPerMonth + 1,
      },
      { path: 'levers.discount.depthPct', from: base.levers.discount.depthPct, to: 25 },
    ]);
  });
});

describe('a schedule or an audience', () => {
  it('is one change, whole, not its windows or parts one by one', () => {
    const base = defaultScenario();
    const plan = with_(base, (s) => {
      s.levers.discount.schedule = [{ from: 1, to: 12 }];
      s.levers.community.audience = { ...s.levers.community.audience, kind: 'atRisk' };
    });
    expect(scenarioDiff(base, plan)).toEqual([
      { path: 'levers.discount.schedule', from: base.levers.discount.schedule, to: [{ from: 1, to: 12 }] },
      {
        path: 'levers.community.audience',
        from: base.levers.community.audience,
        to: plan.levers.community.audience,
      },
    ]);
  });
});
