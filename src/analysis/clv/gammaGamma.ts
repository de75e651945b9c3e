/**
 * The Gamma-Gamma model of spend (Fader & Hardie 2013): a customer's transaction values are Gamma(p, ν)
 * with ν ~ Gamma(q, γ) across customers; fitted on customers with at least one repeat transaction,
 * from their number of repeat transactions x and mean repeat value z̄.
 */
import type { Fit } from './bgnbd.ts';
import { nelderMead, standardErrors } from './optimize.ts';
import { lnGamma } from './special.ts';

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export function gammaGammaLogLik(
  par: GammaGammaParams,
  x: ArrayLike<number>,
  zbar: ArrayLike<number>,
): number {
  const { p, q, gamma } = par;
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i];
    if (xi <= 0) continue;
    const z = zbar[i];
    s +=
      lnGamma(p * xi + q) -
      lnGamma(p * xi) -
      lnGamma(q) +
      q * Math.log(gamma) +
      (p * xi - 1) * Math.log(z) +
      p * xi * Math.log(xi) -
      (p * xi + q) * Math.log(gamma + xi * z);
  }
  return s;
}

const toParams = (v: number[]): GammaGammaParams => ({ p: v[0], q: v[1], gamma: v[2] });

export function fitGammaGamma(x: ArrayLike<number>, zbar: ArrayLike<number>): Fit<GammaGammaParams> {
  const negLL = (logs: number[]) => -gammaGammaLogLik(toParams(logs.map(Math.exp)), x, zbar);
  const m = nelderMead(negLL, [0, 0, 0]);
  const est = m.x.map(Math.exp);
  const se = standardErrors((v) => -gammaGammaLogLik(toParams(v), x, zbar), est);
  return {
    params: toParams(est),
    standardErrors: toParams(se),
    logLik: -m.value,
    iterations: m.iterations,
    converged: m.converged,
  };
}

/** E[Z | x, z̄]: the expected value of a customer's future transactions (shrinks z̄ towards the population mean). */
export function conditionalExpectedValue(par: GammaGammaParams, x: number, zbar: number): number {
  const { p, q, gamma } = par;
  if (x <= 0) return (p * gamma) / (q - 1);
  return (p * (gamma + x * zbar)) / (p * x + q - 1);
}
