/**
 * Customer lifetime value from the fitted models: expected purchases week by week (BG/NBD, conditional
 * on each customer's history) × expected value per purchase (Gamma-Gamma) × margin, discounted.
 */
import { type BgNbdParams, conditionalExpectedPurchases, probabilityAlive } from './bgnbd.ts';
import { conditionalExpectedValue, type GammaGammaParams } from './gammaGamma.ts';
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

export function customerClv(
  bg: BgNbdParams,
  gg: GammaGammaParams,
  s: CustomerSummary,
  o: ClvOptions,
): CustomerClv[] {
  const weekly = (1 + o.annualDiscountRatePct / 100) ** (1 / 52);
  const out: CustomerClv[] = [];
  for (let i = 0; i < s.n; i++) {
    const { x, tx, T } = { x: s.x[i], tx: s.tx[i], T: s.T[i] };
    const value = conditionalExpectedValue(gg, x, s.meanRepeatValue[i]);
    let prev = 0;
    let discounted = 0;
    for (let k = 1; k <= o.weeks; k++) {
      const cum = conditionalExpectedPurchases(bg, k, x, tx, T);
      discounted += (cum - prev) / weekly ** k;
      prev = cum;
    }
    out.push({
      id: s.ids[i],
      probabilityAlive: probabilityAlive(bg, x, tx, T),
      expectedPurchases: prev,
      expectedValue: value,
      clv: discounted * value * o.margin,
    });
  }
  return out;
}
