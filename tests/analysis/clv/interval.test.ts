/**
 * Per-customer CLV intervals from draws of the fitted parameters (normal on the log scale, covariance
 * the inverse Hessian): they hold the point estimate, narrow as the data grow, and cover the CLV
 * under the true parameters at about their level across repeated samples.
 */
import { describe, expect, it } from 'vitest';
import { type BgNbdParams, fitBgNbd } from '../../../src/analysis/clv/bgnbd.ts';
import { customerClv } from '../../../src/analysis/clv/clv.ts';
import { fitGammaGamma, type GammaGammaParams } from '../../../src/analysis/clv/gammaGamma.ts';
import type { CustomerSummary } from '../../../src/analysis/clv/summary.ts';
import { syntheticHistories } from './synthetic.ts';

const bg: BgNbdParams = { r: 0.6, alpha: 3, a: 0.9, b: 3 };
const gg: GammaGammaParams = { p: 5, q: 4, gamma: 20 };
const opts = { weeks: 52, annualDiscountRatePct: 10, margin: 0.3, draws: 100, level: 0.9 };

/** The synthetic histories kept to the day, as a log keeps them (so that histories share their T). */
function sample(n: number, seed: number): CustomerSummary {
  const d = syntheticHistories(bg, gg, n, seed);
  const T = d.T.map((t) => Math.round(t * 7) / 7);
  const tx = d.tx.map((t, i) => Math.min(T[i], Math.round(t * 7) / 7));
  return {
    n,
    ids: Array.from({ length: n }, (_, i) => `c${i}`),
    firstDay: new Int32Array(n),
    x: d.x,
    tx,
    T,
    meanRepeatValue: d.zbar,
    holdoutX: new Float64Array(n),
    calibrationEndDay: 0,
    holdoutEndDay: 0,
    repeatWeeks: new Float64Array(0),
    startDay: 0,
  };
}

const fitted = (s: CustomerSummary) =>
  customerClv(fitBgNbd(s), fitGammaGamma(s.x, s.meanRepeatValue), s, opts);
const medianRelativeWidth = (rows: ReturnType<typeof fitted>) => {
  const w = rows.map((r) => (r.clvHigh - r.clvLow) / r.clv).sort((a, b) => a - b);
  return w[Math.floor(w.length / 2)];
};

describe('CLV intervals from parameter draws', () => {
  it('hold the point estimate and narrow as the data grow (about as 1/√n)', () => {
    const small = fitted(sample(2000, 1));
    const large = fitted(sample(20_000, 2));
    let inside = 0;
    for (const r of small) {
      expect(r.clvLow).toBeLessThanOrEqual(r.clvHigh);
      if (r.clvLow <= r.clv && r.clv <= r.clvHigh) inside++;
    }
    expect(inside / small.length).toBeGreaterThan(0.95);
    const ratio = medianRelativeWidth(small) / medianRelativeWidth(large);
    expect(ratio).toBeGreaterThan(2);
    expect(ratio).toBeLessThan(5);
  });

  it('cover the CLV under the true parameters at about 90 % across samples', () => {
    // Three fixed histories (a one-off buyer, a lapsed and an active repeater), 20 samples each fitted.
    const probes = { x: [0, 2, 5], tx: [0, 5, 24], T: [25, 25, 25], zbar: [0, 30, 15] };
    const probe: CustomerSummary = {
      ...sample(3, 0),
      x: Float64Array.from(probes.x),
      tx: Float64Array.from(probes.tx),
      T: Float64Array.from(probes.T),
      meanRepeatValue: Float64Array.from(probes.zbar),
    };
    const truth = customerClv(bg, gg, probe, { ...opts, draws: 0 });
    let covered = 0;
    let intervals = 0;
    for (let seed = 10; seed < 30; seed++) {
      const s = sample(2500, seed);
      const rows = customerClv(fitBgNbd(s), fitGammaGamma(s.x, s.meanRepeatValue), probe, opts);
      for (let k = 0; k < 3; k++) {
        intervals++;
        if (rows[k].clvLow <= truth[k].clv && truth[k].clv <= rows[k].clvHigh) covered++;
      }
    }
    // 60 intervals at 90 % expect 54; fewer than 46 has probability < 0.5 % under the nominal rate.
    expect(intervals).toBe(60);
    expect(covered).toBeGreaterThanOrEqual(46);
  });
});
