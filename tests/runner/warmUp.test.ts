import { describe, expect, it } from 'vitest';
import { LEVER_NAMES, simulate } from '../../src/engine/index.ts';
import { createLeverState, resolveLevers } from '../../src/engine/levers.ts';
import { warmUpScenarios } from '../../src/runner/warmUp.ts';
import { LIBRARY, loadLibraryScenario } from '../../src/scenario/library.ts';

const scenarios = LIBRARY.flatMap((e) => {
  const r = loadLibraryScenario(e.id);
  return r.ok ? [{ id: e.id, scenario: r.scenario }] : [];
});

describe('the workers’ warm-up copies of a scenario', () => {
  it('exist for every shipped scenario', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(20);
  });

  it.each(scenarios)('$id: small, every lever on in every month, both discount paths, and runnable', ({
    scenario,
  }) => {
    const before = structuredClone(scenario);
    const copies = warmUpScenarios(scenario);
    expect(scenario, 'the scenario itself is left as it was').toEqual(before);
    expect(copies.map((c) => c.levers.discount.target)).toEqual(['new', 'all']);
    for (const c of copies) {
      expect(c.population.marketSize).toBeLessThanOrEqual(3_000);
      expect(c.horizonMonths).toBe(24);
      expect(c.population.segments).toEqual(scenario.population.segments);
      for (const month of [1, 12, 24]) {
        const st = createLeverState();
        resolveLevers(c, month, st);
        expect(
          LEVER_NAMES.filter((name) => !st.on[name]),
          `levers off in month ${month}`,
        ).toEqual([]);
        expect(st.tiers).toBe(true);
      }
      const r = simulate(c, { seed: 'warm-up', replication: 0 });
      expect(r.months).toBe(24);
      expect(Number.isFinite(r.metrics[0])).toBe(true);
    }
  });
});
