/**
 * Parameter recovery: histories drawn from the models themselves with known parameters are fitted back,
 * and the 95 % intervals (estimate ± 1.96 SE) must cover the truth at about the nominal rate.
 * The histories are drawn in the models' continuous time; the day-level log pipeline is checked
 * separately against the published CDNOW summary (cdnow.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { type BgNbdParams, fitBgNbd } from '../../../src/analysis/clv/bgnbd.ts';
import { fitGammaGamma, type GammaGammaParams } from '../../../src/analysis/clv/gammaGamma.ts';
import { syntheticHistories } from './synthetic.ts';

describe('parameter recovery', () => {
  const bg: BgNbdParams = { r: 0.6, alpha: 3, a: 0.9, b: 3 };
  const gg: GammaGammaParams = { p: 5, q: 4, gamma: 20 };

  it('covers the true BG/NBD and Gamma-Gamma parameters with 95 % intervals at about the nominal rate', () => {
    let intervals = 0;
    let covered = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const d = syntheticHistories(bg, gg, 3000, seed);
      const f = fitBgNbd(d);
      const g = fitGammaGamma(d.x, d.zbar);
      for (const k of ['r', 'alpha', 'a', 'b'] as const) {
        intervals++;
        if (Math.abs(f.params[k] - bg[k]) <= 1.96 * f.standardErrors[k]) covered++;
      }
      for (const k of ['p', 'q', 'gamma'] as const) {
        intervals++;
        if (Math.abs(g.params[k] - gg[k]) <= 1.96 * g.standardErrors[k]) covered++;
      }
    }
    // 84 intervals at 95 % expect ~80 covered; fewer than 73 would happen by chance with probability < 0.1 %.
    expect(intervals).toBe(84);
    expect(covered).toBeGreaterThanOrEqual(73);
  });

  it('recovers the parameters themselves from a large sample', () => {
    const d = syntheticHistories(bg, gg, 20_000, 99);
    const f = fitBgNbd(d);
    for (const k of ['r', 'alpha', 'a', 'b'] as const)
      expect(Math.abs(f.params[k] / bg[k] - 1)).toBeLessThan(0.15);
    const g = fitGammaGamma(d.x, d.zbar);
    for (const k of ['p', 'q', 'gamma'] as const) expect(Math.abs(g.params[k] / gg[k] - 1)).toBeLessThan(0.2);
  });
});
