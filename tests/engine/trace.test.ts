import { describe, expect, it } from 'vitest';
import {
  customerStory,
  HEALTH,
  healthScore,
  healthStory,
  historyMonths,
  recentRate,
  Simulation,
  Stage,
  series,
  simulate,
  tracePopulation,
  UNSCORED,
  usualVisitRate,
} from '../../src/engine/index.ts';
import { RECENT_DECAY } from '../../src/engine/month/world.ts';
import { NEVER } from '../../src/engine/state.ts';
import { metric, small } from '../helpers.ts';

describe('the population trace', () => {
  const s = small(3_000, 18);
  const whole = tracePopulation(s, { seed: 'trace', replication: 2 }, 3_000);
  const run = simulate(s, { seed: 'trace', replication: 2 });

  it('follows the very run the engine reports: month totals of the whole market equal the metrics', () => {
    const n = whole.size;
    for (let f = 1; f < whole.frames; f++) {
      let active = 0;
      let visits = 0;
      let voiced = 0;
      let silent = 0;
      for (let i = 0; i < n; i++) {
        const st = whole.stage[f * n + i];
        if (st >= Stage.FIRST && st <= Stage.ADVOCATE) active++;
        visits += whole.visits[f * n + i];
        voiced += whole.voiced[f * n + i];
        silent += whole.silent[f * n + i];
      }
      expect(active).toBe(metric(run, 'active')[f - 1]);
      expect(visits).toBe(metric(run, 'visits')[f - 1]);
      expect(voiced).toBe(metric(run, 'voiced')[f - 1]);
      expect(silent).toBe(metric(run, 'silent')[f - 1]);
    }
  });

  it('keeps a window’s links to contacts inside it and counts the rest', () => {
    const tr = tracePopulation(s, { seed: 'trace', replication: 2 }, 500);
    const net = new Simulation(s, { seed: 'trace', replication: 2 }).net;
    let kept = 0;
    for (let i = 0; i < tr.size; i++) {
      const contacts = Array.from(net.targets.subarray(net.offsets[i], net.offsets[i + 1]));
      const shown = Array.from(tr.targets.subarray(tr.offsets[i], tr.offsets[i + 1]));
      expect(shown).toEqual(contacts.filter((j) => j < 500));
      expect(tr.outside[i]).toBe(contacts.length - shown.length);
      kept += shown.length;
    }
    // Ring-lattice contacts are mostly near neighbours, so most of a window's links stay inside it.
    expect(kept / (net.offsets[500] - net.offsets[0])).toBeGreaterThan(0.7);
    // A window is the same customers as in the whole-market trace.
    expect(tr.stage.subarray(17 * 500, 18 * 500)).toEqual(whole.stage.subarray(17 * 3000, 17 * 3000 + 500));
  });

  it('tells a customer’s story with every visit, complaint and referral of theirs', () => {
    const n = whole.size;
    let told = 0;
    for (let i = 0; i < n; i += 37) {
      const story = customerStory(whole, i);
      const total = (kind: string) => story.filter((e) => e.kind === kind).reduce((a, e) => a + e.value, 0);
      let visits = 0;
      let voiced = 0;
      for (let f = 1; f < whole.frames; f++) {
        visits += whole.visits[f * n + i];
        voiced += whole.voiced[f * n + i];
      }
      expect(total('visits')).toBe(visits);
      expect(total('voiced')).toBe(voiced);
      const last = story.filter((e) => e.kind === 'stage').at(-1);
      expect(last?.value ?? whole.stage[i]).toBe(whole.stage[(whole.frames - 1) * n + i]);
      told += story.length;
    }
    expect(told).toBeGreaterThan(0);
  });

  it('carries each customer’s health score as health.ts computes it from their state after the month', () => {
    // The same run stepped alongside: after month t, a customer's state is what the month's books
    // scored them from (nothing later in the month changes their visits, satisfaction or complaints).
    const sim = new Simulation(s, { seed: 'trace', replication: 2 });
    const p = sim.pop;
    const n = whole.size;
    expect(n).toBe(p.n);
    expect(Array.from(new Set(whole.health.subarray(0, n)))).toEqual([UNSCORED]);
    const bands = [0, 0, 0];
    for (let f = 1; f < whole.frames; f++) {
      sim.step();
      const t = f - 1;
      const month = [0, 0, 0];
      let active = 0;
      for (let i = 0; i < n; i++) {
        const st = p.stage[i];
        const traced = whole.health[f * n + i];
        if (st < Stage.FIRST || st > Stage.ADVOCATE) {
          expect(traced).toBe(UNSCORED);
          continue;
        }
        const unresolved =
          p.lastUnresolvedTick[i] !== NEVER && p.lastUnresolvedTick[i] > t - HEALTH.unresolvedMonths;
        const months = historyMonths(p.firstTick[i], t);
        const lately = months > 0 ? recentRate(p.recent[i], months, RECENT_DECAY) : 1;
        const usual = months > 0 ? usualVisitRate(p.visits[i], p.firstTick[i], months) : 1;
        const h = healthScore(lately, usual, p.sat[i], p.satSlow[i], unresolved);
        if (traced !== Math.round(h)) expect({ f, i, traced }).toEqual({ f, i, traced: Math.round(h) });
        month[traced >= HEALTH.goodFrom ? 0 : traced < HEALTH.poorBelow ? 2 : 1]++;
        active++;
      }
      // The same whole-point scores give the month's reported shares.
      (['healthGood', 'healthAverage', 'healthPoor'] as const).forEach((m, k) => {
        expect(month[k] / active).toBeCloseTo(series(run.metrics, run.months, m)[t], 12);
        bands[k] += month[k];
      });
    }
    // Every band occurs, so the comparison above covered all three.
    for (const b of bands) expect(b).toBeGreaterThan(100);
    // A customer's health story is their column of the trace, null while not a customer.
    const i = whole.stage.findIndex((st, k) => k >= (whole.frames - 1) * n && st === Stage.LAPSED) % n;
    const story = healthStory(whole, i);
    expect(story).toHaveLength(whole.frames - 1);
    story.forEach((h, k) => {
      const st = whole.stage[(k + 1) * n + i];
      expect(h === null).toBe(st < Stage.FIRST || st > Stage.ADVOCATE);
      if (h !== null) expect(h).toBe(whole.health[(k + 1) * n + i]);
    });
  });
});
