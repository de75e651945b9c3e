/**
 * Customer lifetime value from the fitted models: expected purchases week by week (BG/NBD, conditional
 * on each customer's history) × expected value per purchase (Gamma-Gamma) × margin, discounted —
 * with an interval that carries the parameters' uncertainty: the same computed for draws of the
 * parameters from their approximate normal on the log scale (mean the estimate, covariance the
 * inverse Hessian), the interval being the draws' quantiles customer by customer.
 * Time unit: weeks; the discount rate is entered per year and applied per week.
 */
import seedrandom from 'seedrandom';
import { Stream } from '../../engine/index.ts';
import { type BgNbdParams, expectedPurchasesIfAlive, type Fit, probabilityAlive } from './bgnbd.ts';
import { conditionalExpectedValue, type GammaGammaParams } from './gammaGamma.ts';
import { compressHistories, type Histories } from './histories.ts';
import { cholesky } from './optimize.ts';
import type { CustomerSummary } from './summary.ts';

export interface ClvOptions {
  /** Horizon in weeks. */
  weeks: number;
  annualDiscountRatePct: number;
  /** Margin as a share of revenue, 0–1. */
  margin: number;
  /** Parameter draws for the interval (0: none). */
  draws?: number;
  /** Central probability of the interval, e.g. 0.9. */
  level?: number;
}

export interface CustomerClv {
  id: string;
  probabilityAlive: number;
  expectedPurchases: number;
  expectedValue: number;
  clv: number;
  /** The interval's ends (NaN when the parameters' covariance is not available). */
  clvLow: number;
  clvHigh: number;
}

/** The discount rate per week (the fit's time unit) equivalent to an annual rate. */
export const weeklyDiscountFactor = (annualPct: number) => (1 + annualPct / 100) ** (1 / 52);

/**
 * Per distinct history: P(alive), expected purchases over the horizon and their discounted sum —
 * the week-by-week sum taken once per distinct (x, T), since given alive it does not depend on tₓ.
 */
function purchaseParts(bg: BgNbdParams, h: Histories, weeks: number, weekly: number) {
  const { xT, xTOf } = h.pairs;
  const total = new Float64Array(xT.x.length);
  const discounted = new Float64Array(xT.x.length);
  for (let j = 0; j < total.length; j++) {
    const x = h.xs[xT.x[j]];
    const T = h.Ts[xT.T[j]];
    let prev = 0;
    let sum = 0;
    let factor = 1;
    for (let k = 1; k <= weeks; k++) {
      factor /= weekly;
      const cum = expectedPurchasesIfAlive(bg, k, x, T);
      sum += (cum - prev) * factor;
      prev = cum;
    }
    total[j] = prev;
    discounted[j] = sum;
  }
  const n = h.weight.length;
  const alive = new Float64Array(n);
  const purchases = new Float64Array(n);
  const value = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    alive[k] = probabilityAlive(bg, h.xs[h.xIndex[k]], h.txs[h.txIndex[k]], h.Ts[h.TIndex[k]]);
    purchases[k] = alive[k] * total[xTOf[k]];
    value[k] = alive[k] * discounted[xTOf[k]];
  }
  return { alive, purchases, discounted: value };
}

const GL8_X = [
  -0.9602898564975363, -0.7966664774136267, -0.525532409916329, -0.1834346424956498, 0.1834346424956498,
  0.525532409916329, 0.7966664774136267, 0.9602898564975363,
];
const GL8_W = [
  0.1012285362903763, 0.2223810344533745, 0.3137066458778873, 0.362683783378362, 0.362683783378362,
  0.3137066458778873, 0.2223810344533745, 0.1012285362903763,
];

/**
 * Discounted purchases given alive in continuous time, ∫₀ᵂ e^(−ρt) dE(t) = e^(−ρW) E(W) +
 * ρ ∫₀ᵂ e^(−ρt) E(t) dt, by 8-point Gauss–Legendre: nine 2F1s instead of the weekly sum's 52. A
 * draw's value is the exact weekly sum at the estimate times this proxy's ratio, draw to estimate.
 */
function discountedProxy(bg: BgNbdParams, x: number, T: number, weeks: number, rho: number): number {
  let integral = 0;
  for (let i = 0; i < 8; i++) {
    const t = (weeks / 2) * (1 + GL8_X[i]);
    integral += GL8_W[i] * Math.exp(-rho * t) * expectedPurchasesIfAlive(bg, t, x, T);
  }
  return Math.exp(-rho * weeks) * expectedPurchasesIfAlive(bg, weeks, x, T) + (rho * weeks * integral) / 2;
}

function proxies(bg: BgNbdParams, h: Histories, weeks: number, rho: number): Float64Array {
  const { xT } = h.pairs;
  const out = new Float64Array(xT.x.length);
  for (let j = 0; j < out.length; j++) out[j] = discountedProxy(bg, h.xs[xT.x[j]], h.Ts[xT.T[j]], weeks, rho);
  return out;
}

type Draw = (rng: Stream) => number[];

/** A sampler of exp(μ + L z), z standard normal; null without a usable covariance. */
function lognormalDraws(mean: number[], cov: number[][] | null | undefined): Draw | null {
  if (!cov) return null;
  const L = cholesky(cov);
  if (!L) return null;
  const mu = mean.map(Math.log);
  const one = (rng: Stream) => {
    const z = mu.map(() => rng.gaussian());
    return mu.map((m, i) => m + L[i].reduce((a, l, j) => a + l * z[j], 0));
  };
  // Draws are kept inside the box the fits searched (|ln θ| ≤ 15), a wide covariance's tails
  // being neither plausible nor cheap to evaluate.
  return (rng) => {
    let v = one(rng);
    for (let k = 0; k < 100 && v.some((x) => Math.abs(x) > 15); k++) v = one(rng);
    return v.map((x) => Math.exp(Math.max(-15, Math.min(15, x))));
  };
}

export function customerClv(
  bg: BgNbdParams | Fit<BgNbdParams>,
  gg: GammaGammaParams | Fit<GammaGammaParams>,
  s: CustomerSummary,
  o: ClvOptions,
  h: Histories = compressHistories(s),
): CustomerClv[] {
  const bgFit = 'params' in bg ? bg : null;
  const ggFit = 'params' in gg ? gg : null;
  const bgp = bgFit ? bgFit.params : (bg as BgNbdParams);
  const ggp = ggFit ? ggFit.params : (gg as GammaGammaParams);
  const weekly = weeklyDiscountFactor(o.annualDiscountRatePct);
  const point = purchaseParts(bgp, h, o.weeks, weekly);
  const out: CustomerClv[] = new Array(s.n);
  for (let i = 0; i < s.n; i++) {
    const k = h.of[i];
    const value = conditionalExpectedValue(ggp, s.x[i], s.meanRepeatValue[i]);
    out[i] = {
      id: s.ids[i],
      probabilityAlive: point.alive[k],
      expectedPurchases: point.purchases[k],
      expectedValue: value,
      clv: point.discounted[k] * value * o.margin,
      clvLow: Number.NaN,
      clvHigh: Number.NaN,
    };
  }
  // A fit stopped at the edge of its search has no covariance worth drawing from: no interval.
  const draws = bgFit?.converged && ggFit?.converged ? (o.draws ?? 0) : 0;
  const drawBg = bgFit && lognormalDraws([bgp.r, bgp.alpha, bgp.a, bgp.b], bgFit.logCovariance);
  const drawGg = ggFit && lognormalDraws([ggp.p, ggp.q, ggp.gamma], ggFit.logCovariance);
  if (draws < 2 || !drawBg || !drawGg) return out;
  // Each draw's discounted purchases per history (float32: the interval needs no more), then each
  // customer's CLV per draw from its value under that draw's spend parameters.
  const rng = new Stream(seedrandom('loyalty-lab:clv-draws').int32());
  const nh = h.weight.length;
  const perDraw = new Float32Array(draws * nh);
  const spend: GammaGammaParams[] = [];
  const rho = Math.log(weekly);
  const exact = point.discounted;
  const aliveAt = point.alive;
  const proxyAt = proxies(bgp, h, o.weeks, rho);
  // Discounted purchases given alive at the estimate, per (x, T) pair (exact, weekly).
  const givenAlive = new Float64Array(proxyAt.length);
  for (let k = 0; k < nh; k++) if (aliveAt[k] > 0) givenAlive[h.pairs.xTOf[k]] = exact[k] / aliveAt[k];
  for (let d = 0; d < draws; d++) {
    rng.at(d, 0);
    const [r, alpha, a, b] = drawBg(rng);
    // A draw with q ≤ 1 has no finite mean spend (the value of a customer with x = 0): draw again.
    let [p, q, gamma] = drawGg(rng);
    for (let k = 0; k < 100 && !(q > 1); k++) [p, q, gamma] = drawGg(rng);
    spend.push({ p, q: Math.max(q, 1 + 1e-9), gamma });
    const drawn = { r, alpha, a, b };
    const proxy = proxies(drawn, h, o.weeks, rho);
    for (let k = 0; k < nh; k++) {
      const j = h.pairs.xTOf[k];
      const alive = probabilityAlive(drawn, h.xs[h.xIndex[k]], h.txs[h.txIndex[k]], h.Ts[h.TIndex[k]]);
      perDraw[d * nh + k] = alive * givenAlive[j] * (proxyAt[j] > 0 ? proxy[j] / proxyAt[j] : 1);
    }
  }
  const level = o.level ?? 0.9;
  const lo = Math.floor(((1 - level) / 2) * (draws - 1));
  const hi = Math.ceil((1 - (1 - level) / 2) * (draws - 1));
  const v = new Float64Array(draws);
  for (let i = 0; i < s.n; i++) {
    const k = h.of[i];
    for (let d = 0; d < draws; d++)
      v[d] =
        perDraw[d * nh + k] * conditionalExpectedValue(spend[d], s.x[i], s.meanRepeatValue[i]) * o.margin;
    v.sort();
    out[i].clvLow = v[lo];
    out[i].clvHigh = v[hi];
  }
  return out;
}
