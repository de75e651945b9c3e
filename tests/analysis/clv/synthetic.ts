/** Histories drawn from BG/NBD and Gamma-Gamma themselves, for recovery and interval tests. */
import type { BgNbdParams } from '../../../src/analysis/clv/bgnbd.ts';
import type { GammaGammaParams } from '../../../src/analysis/clv/gammaGamma.ts';
import { Stream } from '../../../src/engine/index.ts';

/** Customers arriving uniformly over the first 12 weeks, observed to week 26. */
export function syntheticHistories(bg: BgNbdParams, gg: GammaGammaParams, n: number, seed: number) {
  const rng = new Stream(seed);
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const zbar = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    rng.at(i, 0);
    T[i] = 26 - 12 * rng.next();
    const lambda = rng.gamma(bg.r, 1 / bg.alpha);
    const p = rng.beta(bg.a / (bg.a + bg.b), bg.a + bg.b);
    const nu = rng.gamma(gg.q, 1 / gg.gamma);
    let t = 0;
    let spend = 0;
    for (;;) {
      t += -Math.log(1 - rng.next()) / lambda;
      if (t > T[i]) break;
      x[i]++;
      tx[i] = t;
      spend += rng.gamma(gg.p, 1 / nu);
      if (rng.next() < p) break; // drop out after a repeat purchase
    }
    zbar[i] = x[i] > 0 ? spend / x[i] : 0;
  }
  return { x, tx, T, zbar };
}
