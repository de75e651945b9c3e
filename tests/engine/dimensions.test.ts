/**
 * How the three dimensions combine (the synergy dial), and the cross-links by which they co-evolve:
 * each pinned down on its formula and, through the engine, on what it changes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runReplications } from '../../src/analysis/batch.ts';
import { pairedDifference } from '../../src/analysis/stats.ts';
import { HEADLINE_KPIS } from '../../src/analysis/summary.ts';
import { dimensionMix, dimensionScore, synergyExponent, USUAL_LEVELS } from '../../src/engine/churn.ts';
import { Simulation } from '../../src/engine/index.ts';
import { bondReceptivity, PERCEPTION, trustedShare, valueTarget } from '../../src/engine/perception.ts';
import { small, with_ } from '../helpers.ts';

const unit = fc.double({ min: 0.01, max: 1, noNaN: true });
const weights = fc
  .tuple(
    fc.double({ min: 0.05, max: 1, noNaN: true }),
    fc.double({ min: 0.05, max: 1, noNaN: true }),
    fc.double({ min: 0.05, max: 1, noNaN: true }),
  )
  .map(([a, b, c]) => [a / (a + b + c), b / (a + b + c), c / (a + b + c)] as const);
const u = USUAL_LEVELS;

describe('the synergy dial: a normalised CES of value, bond and experience', () => {
  it('at 0 (additive) is exactly the old weighted sum', () => {
    fc.assert(
      fc.property(weights, unit, unit, unit, ([wv, we, wx], v, b, x) => {
        const m = dimensionMix(wv, we, wx, synergyExponent(0));
        expect(dimensionScore(m, v, b, x)).toBe(wv * v + we * b + wx * x);
      }),
    );
  });

  it('gives the same score at every setting when the dimensions stand at equal multiples of their usual levels', () => {
    fc.assert(
      fc.property(
        weights,
        fc.double({ min: 0.2, max: 1.5, noNaN: true }),
        fc.double({ min: -1, max: 10, noNaN: true }),
        ([wv, we, wx], k, s) => {
          const add = dimensionMix(wv, we, wx, 1);
          const m = dimensionMix(wv, we, wx, synergyExponent(s));
          const [v, b, x] = [k * u.value, k * u.bond, k * u.experience];
          expect(dimensionScore(m, v, b, x)).toBeCloseTo(dimensionScore(add, v, b, x), 10);
        },
      ),
    );
  });

  it('tends to the weighted geometric mean at 1 and to the weakest dimension as synergy grows', () => {
    fc.assert(
      fc.property(weights, unit, unit, unit, ([wv, we, wx], v, b, x) => {
        const geo = dimensionMix(wv, we, wx, 0);
        const pi = geo.pi;
        const expected =
          geo.d0 * (v / u.value) ** pi[0] * (b / u.bond) ** pi[1] * (x / u.experience) ** pi[2];
        expect(dimensionScore(geo, v, b, x)).toBeCloseTo(expected, 10);
        const nearGeo = dimensionMix(wv, we, wx, 1e-7);
        expect(dimensionScore(nearGeo, v, b, x)).toBeCloseTo(expected, 5);
        const weakest = geo.d0 * Math.min(v / u.value, b / u.bond, x / u.experience);
        const strong = dimensionScore(dimensionMix(wv, we, wx, synergyExponent(60)), v, b, x);
        expect(strong / weakest).toBeGreaterThanOrEqual(1 - 1e-12);
        expect(strong / weakest).toBeLessThan(1.1);
      }),
    );
  });

  it('never rises as synergy grows (power-mean inequality), and the written-out harmonic case equals the general formula', () => {
    fc.assert(
      fc.property(weights, unit, unit, unit, ([wv, we, wx], v, b, x) => {
        let last = Number.POSITIVE_INFINITY;
        for (const s of [-1, 0, 0.5, 1, 2, 3, 5, 10]) {
          const d = dimensionScore(dimensionMix(wv, we, wx, synergyExponent(s)), v, b, x);
          expect(d).toBeLessThanOrEqual(last + 1e-12);
          last = d;
        }
        const h = dimensionMix(wv, we, wx, -1);
        const general =
          h.d0 * (h.pi[0] * (u.value / v) + h.pi[1] * (u.bond / b) + h.pi[2] * (u.experience / x)) ** -1;
        expect(dimensionScore(h, v, b, x)).toBeCloseTo(general, 10);
      }),
    );
  });

  it('lets a dimension the segment does not weigh stay at zero without pulling the score down', () => {
    const m = dimensionMix(0.6, 0, 0.4, synergyExponent(2));
    expect(dimensionScore(m, 0.5, 0, 0.65)).toBeCloseTo(0.6 * 0.5 + 0.4 * 0.65, 10);
    expect(dimensionScore(dimensionMix(0.5, 0.2, 0.3, -1), 0.5, 0, 0.65)).toBe(0);
  });
});

describe('co-evolution: the dimensions move each other', () => {
  it('a good experience makes a bond take hold faster, a poor one slower', () => {
    expect(bondReceptivity(u.experience, u.experience)).toBe(1);
    expect(bondReceptivity(0.85, u.experience)).toBeGreaterThan(1.2);
    expect(bondReceptivity(0.4, u.experience)).toBeLessThan(0.7);
    expect(bondReceptivity(0, u.experience)).toBe(0);
  });

  it('trust makes personalisation feel like value (none of it without trust)', () => {
    expect(trustedShare(PERCEPTION.usualTrust)).toBeCloseTo(1, 12);
    const at = (trust: number) => valueTarget(0.65, 1, trust, 0, 0, false, 0.5, 1, 1);
    expect(at(0.7) - at(0.45)).toBeCloseTo(PERCEPTION.valueFromPersonalisation * (0.7 / 0.45 - 1), 10);
    expect(valueTarget(0.65, 1, 0, 0, 0, false, 0.5, 1, 1)).toBe(
      valueTarget(0.65, 0, 0.45, 0, 0, false, 0.5, 1, 1),
    );
  });

  it('a bond makes an unresolved failure hurt more with betrayal > 0, less with betrayal < 0 (same seeds)', () => {
    // A silent failure injected for everyone in month 6: the bond it costs, by the sign of betrayal.
    const world = with_(small(6_000, 8), (s) => {
      s.levers.community.levelPct = 80; // bonds worth betraying
      s.probes.injectedFailure = { month: 6, sharePct: 100, severityPct: 60 };
    });
    const sims = [0, 1, -1].map(
      (betrayal) =>
        new Simulation(
          with_(world, (s) => {
            s.dimensions.betrayal = betrayal;
          }),
          { seed: 'betrayal', replication: 0 },
        ),
    );
    // Up to the failure the three worlds are identical (common random numbers): the same customers.
    for (let t = 0; t < 5; t++) for (const sim of sims) sim.step();
    const bonded: number[] = [];
    for (let i = 0; i < sims[0].pop.n; i++)
      if (sims[0].pop.stage[i] >= 2 && sims[0].pop.stage[i] <= 4 && sims[0].pop.bond[i] > 0.3) bonded.push(i);
    expect(bonded.length).toBeGreaterThan(100);
    for (const sim of sims) sim.step();
    const [neutral, betrayed, buffered] = sims.map(
      (sim) => bonded.reduce((a, i) => a + sim.pop.bond[i], 0) / bonded.length,
    );
    expect(betrayed).toBeLessThan(neutral - 0.005);
    expect(buffered).toBeGreaterThan(neutral + 0.005);
  });
});

describe('the dial in the engine', () => {
  const retention = HEADLINE_KPIS.find((k) => k.id === 'retention12')!.of;
  const base = small(8_000, 24);
  // One plan that lifts only the bond, one that lifts all three: complementarity must cost the first more.
  const bondOnly = (s: ReturnType<typeof small>) => {
    s.levers.community.levelPct = 100;
    s.levers.careGestures.perYear = 8;
    s.levers.proactiveContact.perMonth = 2;
  };
  const spread = (s: ReturnType<typeof small>) => {
    s.levers.personalisation.levelPct = 50;
    s.levers.knowledgeServices.levelPct = 30;
    s.levers.community.levelPct = 40;
    s.levers.careGestures.perYear = 2;
    s.levers.serviceStandards.levelPct = 60;
    s.levers.transparency.levelPct = 50;
  };
  const gap = (synergy: number) => {
    const at = (edit: (s: ReturnType<typeof small>) => void) =>
      runReplications(
        with_(base, (s) => {
          s.dimensions.synergy = synergy;
          edit(s);
        }),
        'dial',
        10,
      ).map(retention);
    return { spread: at(spread), bond: at(bondOnly) };
  };

  it('with complementarity the unbalanced plan loses more retention against the balanced one than when the dimensions add up', () => {
    const add = gap(0);
    const def = gap(base.dimensions.synergy);
    const lead = (g: ReturnType<typeof gap>) => g.spread.map((x, k) => x - g.bond[k]);
    // Difference in differences, paired by replication (same customers, same draws in all four runs).
    const d = pairedDifference(lead(add), lead(def));
    expect(d.lo).toBeGreaterThan(0);
  });
});
