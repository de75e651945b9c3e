/**
 * Levers aimed at an audience (issue 19): they reach only it, cost only for it, and the audiences
 * are who they say they are, month by month.
 */
import { describe, expect, it } from 'vitest';
import { HEALTH } from '../../src/engine/health.ts';
import { type AudienceKind, type Scenario, Simulation, series } from '../../src/engine/index.ts';
import { AIMED_LEVERS } from '../../src/engine/scenario.ts';
import { UNSCORED } from '../../src/engine/state.ts';
import { small, with_ } from '../helpers.ts';

const isActive = (st: number) => st >= 2 && st <= 4;
const aim = (s: Scenario, lever: 'careGestures' | 'personalisation', kind: AudienceKind, extra = {}) => {
  s.levers[lever].audience = { ...s.levers[lever].audience, kind, ...extra };
};

/** Runs month by month, handing each month's state before and after to `look`. */
function walk(
  s: Scenario,
  look: (before: { stage: Uint8Array; health: Uint8Array }, sim: Simulation) => void,
) {
  const sim = new Simulation(s, { seed: 'aim', replication: 0 });
  while (!sim.done) {
    const before = { stage: sim.pop.stage.slice(), health: sim.pop.health.slice() };
    sim.step();
    look(before, sim);
  }
  return sim;
}

describe('a lever aimed at an audience', () => {
  // No word of mouth, no community: nothing carries one customer's month into another's within it.
  const quiet = with_(small(6_000, 12), (s) => {
    s.population.network.meanContacts = 0;
    s.population.network.onlineReach = 0;
  });
  const base = quiet;
  const plan = with_(quiet, (s) => {
    s.levers.careGestures.perYear = 12;
    s.levers.personalisation.levelPct = 80;
    aim(s, 'careGestures', 'segment', { segment: 'relationship' });
    aim(s, 'personalisation', 'segment', { segment: 'relationship' });
  });
  const rel = base.population.segments.findIndex((g) => g.id === 'relationship');

  it('changes no one outside it directly: their month is exactly the baseline’s (common random numbers)', () => {
    const a = new Simulation(base, { seed: 'aim', replication: 0 });
    const b = new Simulation(plan, { seed: 'aim', replication: 0 });
    a.step();
    b.step();
    let outside = 0;
    let insideMoved = 0;
    for (let i = 0; i < a.pop.n; i++) {
      if (a.pop.segment[i] === rel) {
        if (a.pop.bond[i] !== b.pop.bond[i]) insideMoved++;
        continue;
      }
      outside++;
      for (const f of [
        'stage',
        'attitude',
        'bond',
        'value',
        'exper',
        'sat',
        'trust',
        'visits',
        'revenue',
      ] as const)
        expect(b.pop[f][i], `${f} of customer ${i}`).toBe(a.pop[f][i]);
    }
    expect(outside).toBeGreaterThan(3000);
    expect(insideMoved).toBeGreaterThan(100);
  });

  it('over a year, moves the audience’s bond a great deal and everyone else’s hardly at all (only through the staff)', () => {
    const meanBond = (s: Scenario, inSegment: boolean) => {
      const sim = new Simulation(s, { seed: 'aim', replication: 0 });
      while (!sim.done) sim.step();
      let sum = 0;
      let n = 0;
      for (let i = 0; i < sim.pop.n; i++)
        if (isActive(sim.pop.stage[i]) && (sim.pop.segment[i] === rel) === inSegment) {
          sum += sim.pop.bond[i];
          n++;
        }
      return sum / n;
    };
    const inside = meanBond(plan, true) / meanBond(base, true) - 1;
    const outside = meanBond(plan, false) / meanBond(base, false) - 1;
    expect(inside).toBeGreaterThan(0.2);
    expect(Math.abs(outside)).toBeLessThan(0.02);
  });

  it('counts its per-customer cost for the audience only', () => {
    const s = with_(small(6_000, 12), (x) => {
      x.levers.personalisation.levelPct = 60;
      aim(x, 'personalisation', 'segment', { segment: 'relationship' });
    });
    const c = s.levers.personalisation.cost;
    const sim = walk(s, () => {});
    const reach = series(sim.metrics, sim.months, 'reach.personalisation');
    const cost = series(sim.metrics, sim.months, 'cost.personalisation');
    const active = series(sim.metrics, sim.months, 'active');
    for (let t = 0; t < sim.months; t++) {
      expect(cost[t]).toBeCloseTo((c.fixedPerMonth + c.perCustomerPerMonth * reach[t]) * 0.6, 6);
      expect(reach[t]).toBeLessThan(0.5 * active[t]);
    }
    // The audience at the end is exactly the segment's active customers.
    let inSegment = 0;
    for (let i = 0; i < sim.pop.n; i++)
      if (isActive(sim.pop.stage[i]) && sim.pop.segment[i] === rel) inSegment++;
    expect(reach[sim.months - 1]).toBe(inSegment);
  });

  it('aimed at the top 20 % by spend, holds exactly 20 % of the customers active at the month’s start', () => {
    const s = with_(small(6_000, 18), (x) => {
      x.levers.careGestures.perYear = 6;
      aim(x, 'careGestures', 'topValue', { topPct: 20 });
    });
    const bit = 1 << AIMED_LEVERS.indexOf('careGestures');
    let months = 0;
    walk(s, (before, sim) => {
      let active = 0;
      let top = 0;
      const mask = sim.topValueMask!;
      for (let i = 0; i < sim.pop.n; i++) {
        if (!isActive(before.stage[i])) {
          expect(mask[i] & bit).toBe(0);
          continue;
        }
        active++;
        if (mask[i] & bit) top++;
      }
      expect(top).toBe(Math.round(0.2 * active));
      months++;
    });
    expect(months).toBe(18);
  });

  it('aimed at customers at risk, reaches exactly those the health score called poor a month before', () => {
    const s = with_(small(6_000, 12), (x) => {
      x.levers.careGestures.perYear = 6;
      aim(x, 'careGestures', 'atRisk');
    });
    walk(s, (before, sim) => {
      let expected = 0;
      for (let i = 0; i < sim.pop.n; i++) {
        const h = before.health[i];
        if (isActive(sim.pop.stage[i]) && h !== UNSCORED && h < HEALTH.poorBelow) expected++;
      }
      expect(series(sim.metrics, sim.months, 'reach.careGestures')[sim.t - 1]).toBe(expected);
    });
  });

  it('aimed at new customers, reaches those in their first months', () => {
    const s = with_(small(6_000, 12), (x) => {
      x.levers.careGestures.perYear = 6;
      aim(x, 'careGestures', 'new', { newMonths: 3 });
    });
    walk(s, (_, sim) => {
      const t = sim.t - 1;
      let expected = 0;
      for (let i = 0; i < sim.pop.n; i++)
        if (isActive(sim.pop.stage[i]) && t - sim.pop.firstTick[i] < 3) expected++;
      expect(series(sim.metrics, sim.months, 'reach.careGestures')[t]).toBe(expected);
    });
  });

  it('reaches everyone by default, so an old scenario runs as before', () => {
    const s = small(6_000, 6);
    for (const name of AIMED_LEVERS) expect(s.levers[name].audience.kind).toBe('everyone');
    const sim = walk(s, () => {});
    expect(Array.from(series(sim.metrics, 6, 'reach.careGestures'))).toEqual(
      Array.from(series(sim.metrics, 6, 'active')),
    );
  });
});
