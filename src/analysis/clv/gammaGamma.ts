/**
 * The Gamma-Gamma model of spend (Fader & Hardie 2013): a customer's transaction values are Gamma(p, ν)
 * with ν ~ Gamma(q, γ) across customers; fitted on customers with at least one repeat transaction,
 * from their number of repeat transactions x and mean repeat value z̄.
 */
import type { Fit } from './bgnbd.ts';
import { fitLogParameters } from './optimize.ts';
import { lnGamma } from './special.ts';

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/**
 * The repeaters the spend model can use: x ≥ 1 and a positive mean repeat value (a zero-value
 * purchase makes ln z̄ infinite, and the likelihood with it), grouped by x so that the gamma
 * functions are taken once per distinct x and not once per customer.
 */
export interface SpendData {
  /** Distinct x values. */
  xs: Float64Array;
  /** Per customer used: index into xs, and ln z̄, z̄. */
  xIndex: Uint32Array;
  logZ: Float64Array;
  z: Float64Array;
  /** Repeaters left out because their repeat purchases had no value. */
  zeroValue: number;
}

export function spendData(x: ArrayLike<number>, zbar: ArrayLike<number>): SpendData {
  const index = new Map<number, number>();
  const xi: number[] = [];
  const lz: number[] = [];
  const zz: number[] = [];
  let zeroValue = 0;
  for (let i = 0; i < x.length; i++) {
    if (!(x[i] > 0)) continue;
    if (!(zbar[i] > 0)) {
      zeroValue++;
      continue;
    }
    let k = index.get(x[i]);
    if (k === undefined) {
      k = index.size;
      index.set(x[i], k);
    }
    xi.push(k);
    lz.push(Math.log(zbar[i]));
    zz.push(zbar[i]);
  }
  return {
    xs: Float64Array.from(index.keys()),
    xIndex: Uint32Array.from(xi),
    logZ: Float64Array.from(lz),
    z: Float64Array.from(zz),
    zeroValue,
  };
}

export function gammaGammaLogLik(par: GammaGammaParams, d: SpendData): number {
  const { p, q, gamma } = par;
  const k = d.xs.length;
  // Per distinct x: everything but the two terms that depend on the customer's z̄.
  const constant = new Float64Array(k);
  const px = new Float64Array(k);
  const lq = lnGamma(q) - q * Math.log(gamma);
  for (let j = 0; j < k; j++) {
    const xj = d.xs[j];
    px[j] = p * xj;
    constant[j] = lnGamma(px[j] + q) - lnGamma(px[j]) - lq + px[j] * Math.log(xj);
  }
  let s = 0;
  for (let i = 0; i < d.xIndex.length; i++) {
    const j = d.xIndex[i];
    const xj = d.xs[j];
    s += constant[j] + (px[j] - 1) * d.logZ[i] - (px[j] + q) * Math.log(gamma + xj * d.z[i]);
  }
  return s;
}

const toParams = (v: number[]): GammaGammaParams => ({ p: v[0], q: v[1], gamma: v[2] });

/** Maximum likelihood over log-parameters; repeaters with no spend are left out and counted. */
export function fitGammaGamma(
  x: ArrayLike<number>,
  zbar: ArrayLike<number>,
): Fit<GammaGammaParams> & { used: number; zeroValue: number } {
  const d = spendData(x, zbar);
  const fit = fitLogParameters(
    (v) => gammaGammaLogLik(toParams(v), d),
    [1, 1, 1],
    ['p', 'q', 'gamma'],
    toParams,
    15,
  );
  return {
    ...fit,
    used: d.xIndex.length,
    zeroValue: d.zeroValue,
  };
}

/** E[Z | x, z̄]: the expected value of a customer's future transactions (shrinks z̄ towards the population mean). */
export function conditionalExpectedValue(par: GammaGammaParams, x: number, zbar: number): number {
  const { p, q, gamma } = par;
  if (x <= 0) return (p * gamma) / (q - 1);
  return (p * (gamma + x * zbar)) / (p * x + q - 1);
}
