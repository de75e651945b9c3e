/**
 * Customer lifetime value from the fitted models: expected purchases week by week (BG/NBD, conditional
 * on each customer's history) × expected value per purchase (Gamma-Gamma) × margin, discounted.
 */
import { type BgNbdParams, conditionalExpectedPurchases, probabilityAlive } from './bgnbd.ts';
import { conditionalExpectedValue, type GammaGammaParams } from './gammaGamma.ts';
import { compressHistories, type Histories } from './histories.ts';
import type { CustomerSummary } from './summary.ts';

export interface ClvOptions {
  /** Horizon in weeks. */
  weeks: number;
  annualDiscountRatePct: number;
  /** Margin as a share of revenue, 0–1. */
  margin: number;
}

export interface CustomerClv {
  id: string;
  probabilityAlive: number;
  expectedPurchases: number;
  expectedValue: number;
  clv: number;
}

/** Σ over weeks 1…weeks of the expected purchases in week k, discounted to today, for one history. */
export function discountedPurchases(
  bg: BgNbdParams,
  x: number,
  tx: number,
  T: number,
  weeks: number,
  weeklyFactor: number,
): { total: number; discounted: number } {
  let prev = 0;
  let discounted = 0;
  let factor = 1;
  for (let k = 1; k <= weeks; k++) {
    factor /= weeklyFactor;
    const cum = conditionalExpectedPurchases(bg, k, x, tx, T);
    discounted += (cum - prev) * factor;
    prev = cum;
  }
  return { total: prev, discounted };
}

/** The discount rate per week (the fit's time unit) equivalent to an annual rate. */
export const weeklyDiscountFactor = (annualPct: number) => (1 + annualPct / 100) ** (1 / 52);

export function customerClv(
  bg: BgNbdParams,
  gg: GammaGammaParams,
  s: CustomerSummary,
  o: ClvOptions,
  h: Histories = compressHistories(s),
): CustomerClv[] {
  const weekly = weeklyDiscountFactor(o.annualDiscountRatePct);
  // Purchases and survival depend on a customer only through (x, tₓ, T): once per distinct history.
  const purchases = new Float64Array(h.weight.length);
  const discounted = new Float64Array(h.weight.length);
  const alive = new Float64Array(h.weight.length);
  for (let k = 0; k < h.weight.length; k++) {
    const x = h.xs[h.xIndex[k]];
    const tx = h.txs[h.txIndex[k]];
    const T = h.Ts[h.TIndex[k]];
    const d = discountedPurchases(bg, x, tx, T, o.weeks, weekly);
    purchases[k] = d.total;
    discounted[k] = d.discounted;
    alive[k] = probabilityAlive(bg, x, tx, T);
  }
  const out: CustomerClv[] = new Array(s.n);
  for (let i = 0; i < s.n; i++) {
    const k = h.of[i];
    const value = conditionalExpectedValue(gg, s.x[i], s.meanRepeatValue[i]);
    out[i] = {
      id: s.ids[i],
      probabilityAlive: alive[k],
      expectedPurchases: purchases[k],
      expectedValue: value,
      clv: discounted[k] * value * o.margin,
    };
  }
  return out;
}
