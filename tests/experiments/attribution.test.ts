import { describe, expect, it } from 'vitest';
import { runReplications } from '../../src/analysis/batch.ts';
import { pairedDifference } from '../../src/analysis/stats.ts';
import type { Scenario } from '../../src/engine/index.ts';
import {
  attribute,
  attributionCost,
  attributionDesign,
  GROUPS,
  groupOf,
  split,
  subsetScenario,
} from '../../src/experiments/attribution.ts';
import { evaluateHere, measure } from '../../src/experiments/measure.ts';
import { OUTCOMES } from '../../src/experiments/outcomes.ts';
import { loadLibraryScenario } from '../../src/scenario/library.ts';
import { LEVER_GROUPS } from '../../src/scenario/migrations.ts';
import { toEngine } from '../../src/scenario/schema.ts';
import { small, with_ } from '../helpers.ts';

const library = (id: string) => {
  const r = loadLibraryScenario(id);
  if (!r.ok) throw new Error(`${id}: ${r.problems[0].en}`);
  return toEngine(r.file);
};

/** The shipped baseline and three-dimension plan in a smaller world (same levers, same everything else). */
function shipped(marketSize: number, synergy?: number, months = 36): { baseline: Scenario; plan: Scenario } {
  const [baseline, plan] = [library('baselines/neighbourhood'), library('plans/three-dimension-balanced')];
  for (const s of [baseline, plan]) {
    s.population.marketSize = marketSize;
    s.horizonMonths = months;
    if (synergy !== undefined) s.dimensions.synergy = synergy;
  }
  return { baseline, plan };
}

describe('attribution over the four lever groups', () => {
  it('maps every lever of the engine to exactly one group, as the scenario file groups them', () => {
    const levers = Object.keys(small().levers);
    for (const l of levers) expect(GROUPS).toContain(groupOf(l));
    expect(GROUPS.flatMap((g) => LEVER_GROUPS[g]).sort()).toEqual([...levers].sort());
    expect(groupOf('personalisation')).toBe('value');
    expect(groupOf('complaintHandling')).toBe('experience');
    expect(() => groupOf('nonsense')).toThrow(/belongs to no dimension/);
  });

  it('splits each replication exactly: the parts add up to that replication’s paired difference', async () => {
    const { baseline, plan } = shipped(2000, undefined, 24);
    const R = 4;
    const a = await attribute(baseline, plan, 'profit', 5, R, evaluateHere);
    expect(a.design.subsets).toHaveLength(16);
    const b = runReplications(baseline, 5, R).map(OUTCOMES.profit.of);
    const p = runReplications(plan, 5, R).map(OUTCOMES.profit.of);
    for (const s of a.splits) {
      const sum = GROUPS.reduce((x, g) => x + s.parts[g], 0);
      const scale = Math.abs(s.total) + 1;
      expect(Math.abs(sum - s.total) / scale).toBeLessThan(1e-12);
      // The total is the plan's own run minus the baseline's, replication by replication.
      expect(s.total).toBeCloseTo(p[s.replication] - b[s.replication], 6);
      const alone = GROUPS.reduce((x, g) => x + s.alone[g], 0);
      expect(s.interaction).toBeCloseTo(s.total - alone, 6);
      expect(s.other).toBe(0);
    }
    // Every group moves profit here, so no part is zero.
    for (const g of GROUPS) expect(a.splits.some((s) => s.parts[g] !== 0)).toBe(true);
    const total = a.rows.find((r) => r.part === 'total')!.value;
    expect(total.mean).toBeCloseTo(pairedDifference(b, p).mean, 6);
  });

  it('gives an emotion-only plan everything in emotion and zero interaction, over all 16 subsets', async () => {
    const baseline = small(3000, 18);
    const plan = with_(baseline, (s) => {
      s.levers.community.levelPct = 80;
      s.levers.careGestures.perYear = 6;
    });
    // All 16 subsets run, also those that differ only in groups the plan leaves alone: with the
    // same seeds the engine gives them the same result, so nothing leaks into other parts.
    for (let k = 0; k < 3; k++) {
      const v = new Map<number, number>();
      for (let m = 0; m < 16; m++)
        v.set(
          m,
          measure({ scenario: subsetScenario(baseline, plan, m), seed: 2, replication: k }, 'retention12')
            .outcome,
        );
      const s = split(v, 15, k);
      expect(s.total).not.toBe(0);
      expect(Math.abs(s.parts.emotion - s.total)).toBeLessThan(1e-12 * Math.abs(s.total));
      expect(s.alone.emotion).toBe(s.total);
      for (const g of ['value', 'experience', 'organisation'] as const) {
        expect(s.parts[g]).toBe(0);
        expect(s.alone[g]).toBe(0);
      }
      expect(s.interaction).toBe(0);
    }
    // The attribution itself runs only the two subsets that differ.
    const d = attributionDesign(baseline, plan);
    expect(d.subsets).toEqual([0, 2]);
    expect(attributionCost(d, 5)).toBe(10);
    expect(attributionCost(d, 5, { baseline: [1, 2, 3, 4, 5], plan: [1, 2, 3, 4, 5] })).toBe(0);
  });

  it('reuses known baseline and plan runs, and gives the same split as running them', async () => {
    const { baseline, plan } = shipped(1500, undefined, 18);
    const R = 3;
    const known = {
      baseline: runReplications(baseline, 9, R).map(OUTCOMES.nps.of),
      plan: runReplications(plan, 9, R).map(OUTCOMES.nps.of),
    };
    expect(attributionCost(attributionDesign(baseline, plan), R, known)).toBe(14 * R);
    const withKnown = await attribute(baseline, plan, 'nps', 9, R, evaluateHere, known);
    const without = await attribute(baseline, plan, 'nps', 9, R, evaluateHere);
    expect(withKnown.splits).toEqual(without.splits);
  });

  it('keeps a plan’s changes outside the levers as a part of their own', async () => {
    const baseline = small(2000, 18);
    const plan = with_(baseline, (s) => {
      s.levers.training.hoursPerStaffPerMonth = 10;
      s.market.acquisitionSpendPerMonth *= 2;
    });
    const d = attributionDesign(baseline, plan);
    expect(d.otherPaths).toEqual(['market.acquisitionSpendPerMonth']);
    expect(attributionCost(d, 2)).toBe(2 * 3);
    const a = await attribute(baseline, plan, 'activeEnd', 3, 2, evaluateHere);
    const b = runReplications(baseline, 3, 2).map(OUTCOMES.activeEnd.of);
    const p = runReplications(plan, 3, 2).map(OUTCOMES.activeEnd.of);
    for (const s of a.splits) {
      expect(s.total).toBe(p[s.replication] - b[s.replication]);
      expect(s.parts.organisation + s.other).toBeCloseTo(s.total, 9);
      expect(s.other).not.toBe(0);
    }
    expect(a.rows.map((r) => r.part)).toEqual([...GROUPS, 'interaction', 'other', 'total']);
  });
});

describe('the interaction part and the synergy dial', () => {
  // Issue 17 expected the shipped three-dimension plan's interaction part to be clearly positive at the
  // default synergy and smaller at 0 (additive). The model does not do that (docs/model.md, "Attribution
  // over lever groups"): the CES makes the dimensions complements (positive cross-effects), but
  // retention is concave in loyalty (the hazard falls ever more slowly as loyalty rises), and at
  // believable lever sizes the two are of the same order. The dial shows instead in what each group
  // does alone. Both are asserted, so the day the model changes this test says so.
  const R = 10;
  it('three-dimension plan, 12-month retention: the dial shrinks what emotion alone does; the interaction is not clearly positive', async () => {
    const at2 = shipped(6000, 2);
    const at0 = shipped(6000, 0);
    const a2 = await attribute(at2.baseline, at2.plan, 'retention12', 1, R, evaluateHere);
    const a0 = await attribute(at0.baseline, at0.plan, 'retention12', 1, R, evaluateHere);
    const emotionAlone = pairedDifference(
      a2.splits.map((s) => s.alone.emotion),
      a0.splits.map((s) => s.alone.emotion),
    );
    expect(emotionAlone.lo).toBeGreaterThan(0);
    // Known departure from the expectation: met now? Rewrite this test and docs/model.md.
    expect(a2.rows.find((r) => r.part === 'interaction')!.value.lo).toBeLessThanOrEqual(0);
  }, 600_000);
});
