import { describe, expect, it } from 'vitest';
import {
  assertRunnable,
  defaultScenario,
  estimateMemoryBytes,
  ScenarioError,
  simulate,
  validateScenario,
} from '../../src/engine/index.ts';
import { with_ } from '../helpers.ts';

describe('scenario validation', () => {
  it('accepts the default scenario', () => {
    expect(validateScenario(defaultScenario())).toEqual([]);
  });

  it('names the field, the range and the unit of a value out of range', () => {
    const s = with_(defaultScenario(), (x) => {
      x.levers.discount.depthPct = 120;
    });
    expect(validateScenario(s)).toEqual([
      { path: 'levers.discount.depthPct', message: 'must be between 0 and 90 (%), got 120' },
    ]);
  });

  it('lists several problems together', () => {
    const s = with_(defaultScenario(), (x) => {
      x.horizonMonths = 0;
      x.population.segments[1].sharePct = 50;
      x.levers.careGestures.schedule = [{ from: 5, to: 2 }];
      x.market.costPerLead = Number.NaN;
    });
    const paths = validateScenario(s).map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'horizonMonths',
        'population.segments',
        'levers.careGestures.schedule.0',
        'market.costPerLead',
      ]),
    );
  });

  it('refuses to run an invalid scenario, with every issue in the error', () => {
    const s = with_(defaultScenario(), (x) => {
      x.staff.headcount = 0;
      x.levers.pricePct = 1000;
    });
    expect(() => simulate(s, { seed: 1, replication: 0 })).toThrowError(ScenarioError);
    try {
      simulate(s, { seed: 1, replication: 0 });
    } catch (e) {
      expect((e as ScenarioError).issues.map((i) => i.path)).toEqual(['staff.headcount', 'levers.pricePct']);
    }
  });

  it('refuses a population too large for memory up front, quoting the estimate', () => {
    const s = with_(defaultScenario(), (x) => {
      x.population.marketSize = 4_000_000;
    });
    const need = estimateMemoryBytes(s);
    expect(need).toBeGreaterThan(256 * 2 ** 20);
    expect(() => assertRunnable(s, 256 * 2 ** 20)).toThrowError(
      /population\.marketSize: 4,000,000 people need about \d+ MiB, more than the 256 MiB allowed/,
    );
  });
});
