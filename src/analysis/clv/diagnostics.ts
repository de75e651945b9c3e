/** Model checks of a BG/NBD fit against the data (Fader, Hardie & Lee 2005, figures 1–4). */
import {
  type BgNbdParams,
  conditionalExpectedPurchases,
  expectedPurchases,
  probabilityOfPurchases,
} from './bgnbd.ts';
import type { CustomerSummary } from './summary.ts';

/** Calibration-period repeat-transaction histogram, actual against model, with the last bin "x or more". */
export function frequencyHistogram(
  p: BgNbdParams,
  s: CustomerSummary,
  maxX = 7,
): { x: number; actual: number; model: number }[] {
  const out = Array.from({ length: maxX + 1 }, (_, x) => ({ x, actual: 0, model: 0 }));
  for (let i = 0; i < s.n; i++) {
    out[Math.min(maxX, s.x[i])].actual++;
    let below = 0;
    for (let x = 0; x < maxX; x++) {
      const q = probabilityOfPurchases(p, x, s.T[i]);
      out[x].model += q;
      below += q;
    }
    out[maxX].model += Math.max(0, 1 - below);
  }
  return out;
}

/** Cumulative repeat transactions by week, actual against model, through calibration and holdout. */
export function cumulativeTracking(
  p: BgNbdParams,
  s: CustomerSummary,
): { week: number; actual: number; model: number }[] {
  const weeks = Math.ceil((s.holdoutEndDay - s.startDay + 1) / 7);
  const actualByWeek = new Float64Array(weeks + 1);
  for (const w of s.repeatWeeks) actualByWeek[Math.min(weeks, Math.ceil(w))]++;
  const out = [];
  let actual = 0;
  for (let w = 1; w <= weeks; w++) {
    actual += actualByWeek[w];
    let model = 0;
    for (let i = 0; i < s.n; i++) model += expectedPurchases(p, w - (s.firstDay[i] - s.startDay) / 7);
    out.push({ week: w, actual, model });
  }
  return out;
}

/** Holdout repeat transactions: actual total against the model's conditional expectation. */
export function holdoutComparison(
  p: BgNbdParams,
  s: CustomerSummary,
): { weeks: number; actual: number; model: number } {
  const weeks = (s.holdoutEndDay - s.calibrationEndDay) / 7;
  let actual = 0;
  let model = 0;
  for (let i = 0; i < s.n; i++) {
    actual += s.holdoutX[i];
    model += conditionalExpectedPurchases(p, weeks, s.x[i], s.tx[i], s.T[i]);
  }
  return { weeks, actual, model };
}

/** Mean holdout purchases by calibration frequency, actual against the model's conditional expectation. */
export function conditionalByFrequency(
  p: BgNbdParams,
  s: CustomerSummary,
  maxX = 7,
): { x: number; customers: number; actual: number; model: number }[] {
  const weeks = (s.holdoutEndDay - s.calibrationEndDay) / 7;
  const out = Array.from({ length: maxX + 1 }, (_, x) => ({ x, customers: 0, actual: 0, model: 0 }));
  for (let i = 0; i < s.n; i++) {
    const row = out[Math.min(maxX, s.x[i])];
    row.customers++;
    row.actual += s.holdoutX[i];
    row.model += conditionalExpectedPurchases(p, weeks, s.x[i], s.tx[i], s.T[i]);
  }
  return out.map((r) => ({
    ...r,
    actual: r.customers ? r.actual / r.customers : Number.NaN,
    model: r.customers ? r.model / r.customers : Number.NaN,
  }));
}
