/**
 * The customer-health score (health.ts) is judged by what it predicts: customers it calls poor at
 * the end of a month leave within the next three months more often than those it calls good.
 */
import { describe, expect, it } from 'vitest';
import { interval } from '../../src/analysis/stats.ts';
import { HEALTH, healthScore } from '../../src/engine/health.ts';
import { Simulation, series } from '../../src/engine/index.ts';
import { small } from '../helpers.ts';

const GOOD = 0;
const POOR = 2;

/** Churn within three months by band, pooled over the months 12 … T−4 of one replication. */
function churnByBand(rep: number) {
  const s = small(15_000, 30);
  const sim = new Simulation(s, { seed: 'health', replication: rep });
  const p = sim.pop;
  const watched: { t: number; band: Int8Array }[] = [];
  const seen = [0, 0, 0];
  const left = [0, 0, 0];
  for (let t = 0; t < s.horizonMonths; t++) {
    sim.step();
    for (const w of watched)
      if (t > w.t && t <= w.t + 3)
        for (let i = 0; i < p.n; i++)
          if (w.band[i] >= 0 && p.stage[i] === 5) {
            left[w.band[i]]++;
            w.band[i] = -1;
          }
    if (t >= 12 && t + 3 < s.horizonMonths) {
      const band = new Int8Array(p.n).fill(-1);
      for (let i = 0; i < p.n; i++) {
        if (p.stage[i] < 2 || p.stage[i] > 4) continue;
        const h = p.health[i];
        band[i] = h >= HEALTH.goodFrom ? GOOD : h < HEALTH.poorBelow ? POOR : 1;
        seen[band[i]]++;
      }
      watched.push({ t, band });
    }
  }
  return { rate: left.map((l, k) => l / seen[k]), seen, sim };
}

describe('the customer-health score', () => {
  it('follows its formula: satisfaction and its trend, usage against the customer’s own, unresolved complaints', () => {
    expect(healthScore(1, 1, 0.7, 0.7, false)).toBeCloseTo(100 * (0.7 * 0.7 + 0.3), 10);
    expect(healthScore(0.5, 1, 0.7, 0.7, false)).toBeLessThan(healthScore(1, 1, 0.7, 0.7, false));
    expect(healthScore(1, 1, 0.6, 0.7, false)).toBeLessThan(healthScore(1, 1, 0.6, 0.6, false)); // falling
    expect(healthScore(1, 1, 0.7, 0.7, true)).toBeCloseTo(
      HEALTH.unresolvedFactor * healthScore(1, 1, 0.7, 0.7, false),
    );
    expect(healthScore(0, 0, 0, 0, false)).toBe(0);
  });

  const reps = Array.from({ length: 6 }, (_, k) => churnByBand(k));

  it('is reported each month: shares good / average / poor of the active customers sum to 1, and none is empty', () => {
    const { sim } = reps[0];
    const [g, a, p] = (['healthGood', 'healthAverage', 'healthPoor'] as const).map((m) =>
      series(sim.metrics, sim.months, m),
    );
    for (let t = 1; t < sim.months; t++) {
      expect(g[t] + a[t] + p[t]).toBeCloseTo(1, 10);
      for (const x of [g[t], a[t], p[t]]) expect(x).toBeGreaterThan(0.03);
    }
  });

  it('calls at risk customers who then leave more often than those it calls healthy (paired over replications)', () => {
    const lift = interval(reps.map((r) => r.rate[POOR] - r.rate[GOOD]));
    const ratio = reps.map((r) => r.rate[POOR] / r.rate[GOOD]);
    console.info(
      `health score: 3-month churn, poor ÷ good = ${(ratio.reduce((a, b) => a + b, 0) / ratio.length).toFixed(2)} (per replication ${ratio.map((x) => x.toFixed(2)).join(', ')}); good ${reps[0].rate[GOOD].toFixed(3)}, average ${reps[0].rate[1].toFixed(3)}, poor ${reps[0].rate[POOR].toFixed(3)}`,
    );
    expect(lift.lo).toBeGreaterThan(0);
  });
});
