import { describe, expect, it } from 'vitest';
import { runReplications } from '../../src/analysis/batch.ts';
import { pairedDifference, unpairedDifference } from '../../src/analysis/stats.ts';
import { total } from '../../src/analysis/summary.ts';
import { Simulation } from '../../src/engine/index.ts';
import { small, with_ } from '../helpers.ts';

describe('common random numbers', () => {
  const base = small(6_000, 24);

  it('gives the same people, traits and network in plan A and plan B', () => {
    const plan = with_(base, (s) => {
      s.levers.discount.depthPct = 30;
      s.levers.community.levelPct = 70;
      s.levers.training.hoursPerStaffPerMonth = 10;
    });
    const a = new Simulation(base, { seed: 5, replication: 2 });
    const b = new Simulation(plan, { seed: 5, replication: 2 });
    for (const key of [
      'segment',
      'rate',
      'spend',
      'priceSens',
      'tolerance',
      'complainProp',
      'generosity',
      'stage',
    ] as const) {
      expect(b.pop[key]).toEqual(a.pop[key]);
    }
    expect(b.net.offsets).toEqual(a.net.offsets);
    expect(b.net.targets).toEqual(a.net.targets);
  });

  it('gives a difference of exactly zero for a plan identical to the baseline', () => {
    const a = runReplications(base, 11, 5).map((r) => total(r, 'profit'));
    const b = runReplications(structuredClone(base), 11, 5).map((r) => total(r, 'profit'));
    const d = pairedDifference(a, b);
    expect(d.mean).toBe(0);
    expect(d.half).toBe(0);
  });

  it('makes the paired interval of a small lever change much narrower than the unpaired one', () => {
    const plan = with_(base, (s) => {
      s.levers.careGestures.perYear = 2;
    });
    const reps = 12;
    const a = runReplications(base, 21, reps).map((r) => total(r, 'revenue'));
    const b = runReplications(plan, 21, reps).map((r) => total(r, 'revenue'));
    const paired = pairedDifference(a, b);
    const unpaired = unpairedDifference(a, b);
    expect(paired.half).toBeLessThan(unpaired.half / 3);
  });
});
