/**
 * The BG/NBD model (Fader, Hardie & Lee 2005): while alive, a customer buys at a Poisson rate λ ~
 * Gamma(r, α); after each purchase they drop out with probability p ~ Beta(a, b).
 */

import { compressHistories, type Histories } from './histories.ts';
import { type Fit, fitLogParameters } from './optimize.ts';
import { hyp2f1, lnBeta, lnGamma } from './special.ts';

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface Rfm {
  x: ArrayLike<number>;
  tx: ArrayLike<number>;
  T: ArrayLike<number>;
}

/** Log-likelihood of one customer's (x, tx, T). */
export function bgnbdLogLikOne(p: BgNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = p;
  const base = lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha) + lnBeta(a, b + x) - lnBeta(a, b);
  const a3 = -(r + x) * Math.log(alpha + T);
  if (x === 0) return base + a3;
  const a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
  const m = Math.max(a3, a4);
  return base + m + Math.log(Math.exp(a3 - m) + Math.exp(a4 - m));
}

/** Total log-likelihood; takes raw histories or compressed ones (the fit compresses once). */
export function bgnbdLogLik(p: BgNbdParams, d: Rfm | Histories): number {
  const h = 'weight' in d ? d : compressHistories(d);
  const { r, alpha, a, b } = p;
  const nx = h.xs.length;
  const base = new Float64Array(nx);
  const dropTerm = new Float64Array(nx);
  const common = r * Math.log(alpha) - lnBeta(a, b) - lnGamma(r);
  const la = Math.log(a);
  for (let j = 0; j < nx; j++) {
    const x = h.xs[j];
    base[j] = lnGamma(r + x) + lnBeta(a, b + x) + common;
    dropTerm[j] = x > 0 ? la - Math.log(b + x - 1) : Number.NaN;
  }
  const lT = h.Ts.map((T) => Math.log(alpha + T));
  const ltx = h.txs.map((tx) => Math.log(alpha + tx));
  let s = 0;
  for (let k = 0; k < h.weight.length; k++) {
    const j = h.xIndex[k];
    const x = h.xs[j];
    const a3 = -(r + x) * lT[h.TIndex[k]];
    let ll: number;
    if (x === 0) ll = base[j] + a3;
    else {
      const a4 = dropTerm[j] - (r + x) * ltx[h.txIndex[k]];
      const m = Math.max(a3, a4);
      ll = base[j] + m + Math.log(Math.exp(a3 - m) + Math.exp(a4 - m));
    }
    s += h.weight[k] * ll;
  }
  return s;
}

export type { Fit } from './optimize.ts';

const NAMES = ['r', 'alpha', 'a', 'b'] as const;
const toParams = (v: number[]): BgNbdParams => ({ r: v[0], alpha: v[1], a: v[2], b: v[3] });

/** Maximum likelihood, searched over log-parameters so that every parameter stays positive. */
export function fitBgNbd(d: Rfm, start: BgNbdParams = { r: 1, alpha: 1, a: 1, b: 1 }): Fit<BgNbdParams> {
  const h = compressHistories(d);
  return fitLogParameters(
    (v) => bgnbdLogLik(toParams(v), h),
    NAMES.map((k) => start[k]),
    NAMES,
    toParams,
    15,
  );
}

/** Probability that a customer with this history is still alive at T. */
export function probabilityAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = p;
  return 1 / (1 + (a / (b + x - 1)) * Math.exp((r + x) * Math.log((alpha + T) / (alpha + tx))));
}

/** E[X(t)]: expected repeat purchases in (0, t] of a new customer. */
export function expectedPurchases(p: BgNbdParams, t: number): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = p;
  const z = t / (alpha + t);
  return ((a + b - 1) / (a - 1)) * (1 - (alpha / (alpha + t)) ** r * hyp2f1(r, b, a + b - 1, z));
}

/**
 * E[Y(t) | x, T, alive]: expected purchases in the next t of a customer alive at T with x repeats —
 * a new customer with updated parameters (r + x, α + T, a, b + x). It does not depend on tₓ, so a
 * forecast takes it once per distinct (x, T) and multiplies by each customer's P(alive).
 */
export function expectedPurchasesIfAlive(p: BgNbdParams, t: number, x: number, T: number): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = p;
  const z = t / (alpha + T + t);
  return (
    ((a + b + x - 1) / (a - 1)) *
    (1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z))
  );
}

/** E[Y(t) | x, tx, T]: expected purchases in the next t of a customer with this history. */
export function conditionalExpectedPurchases(
  p: BgNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  if (t <= 0) return 0;
  return expectedPurchasesIfAlive(p, t, x, T) * probabilityAlive(p, x, tx, T);
}

/** P(X(t) = x) for a new customer (FHL 2005, eq. 8). */
export function probabilityOfPurchases(p: BgNbdParams, x: number, t: number): number {
  const { r, alpha, a, b } = p;
  const q = alpha / (alpha + t);
  const z = t / (alpha + t);
  const lnNb = (j: number) =>
    lnGamma(r + j) - lnGamma(r) - lnGamma(j + 1) + r * Math.log(q) + j * Math.log(z);
  let term = Math.exp(lnBeta(a, b + x) - lnBeta(a, b) + lnNb(x));
  if (x > 0) {
    let cum = 0;
    for (let j = 0; j < x; j++) cum += Math.exp(lnNb(j));
    term += Math.exp(lnBeta(a + 1, b + x - 1) - lnBeta(a, b)) * (1 - cum);
  }
  return term;
}
