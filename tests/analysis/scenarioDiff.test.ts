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
