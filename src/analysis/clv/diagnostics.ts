/**
 * Model checks of a fit against the data (Fader, Hardie & Lee 2005, figures 1–4), for BG/NBD or
 * Pareto/NBD alike: each model is its four expressions.
 */
import {
  type BgNbdParams,
  conditionalExpectedPurchases,
  expectedPurchases,
  probabilityAlive,
  probabilityOfPurchases,
} from './bgnbd.ts';
import { compressHistories, type Histories, perHistory, tally } from './histories.ts';
import {
  type ParetoNbdParams,
  paretoConditionalExpectedPurchases,
  paretoExpectedPurchases,
  paretoProbabilityAlive,
  paretoProbabilityOfPurchases,
} from './paretoNbd.ts';
import type { CustomerSummary } from './summary.ts';

export interface PurchaseModel {
  probabilityOfPurchases(x: number, t: number): number;
  expectedPurchases(t: number): number;
  conditionalExpectedPurchases(t: number, x: number, tx: number, T: number): number;
  probabilityAlive(x: number, tx: number, T: number): number;
}

export const bgnbdModel = (p: BgNbdParams): PurchaseModel => ({
  probabilityOfPurchases: (x, t) => probabilityOfPurchases(p, x, t),
  expectedPurchases: (t) => expectedPurchases(p, t),
  conditionalExpectedPurchases: (t, x, tx, T) => conditionalExpectedPurchases(p, t, x, tx, T),
  probabilityAlive: (x, tx, T) => probabilityAlive(p, x, tx, T),
});

export const paretoNbdModel = (p: ParetoNbdParams): PurchaseModel => ({
  probabilityOfPurchases: (x, t) => paretoProbabilityOfPurchases(p, x, t),
  expectedPurchases: (t) => paretoExpectedPurchases(p, t),
  conditionalExpectedPurchases: (t, x, tx, T) => paretoConditionalExpectedPurchases(p, t, x, tx, T),
  probabilityAlive: (x, tx, T) => paretoProbabilityAlive(p, x, tx, T),
});

const asModel = (p: BgNbdParams | PurchaseModel): PurchaseModel =>
  'expectedPurchases' in p ? p : bgnbdModel(p);

/** Calibration-period repeat-transaction histogram, actual against model, with the last bin "x or more". */
export function frequencyHistogram(
  fitted: BgNbdParams | PurchaseModel,
  s: CustomerSummary,
  maxX = 7,
): { x: number; actual: number; model: number }[] {
  const m = asModel(fitted);
  const out = Array.from({ length: maxX + 1 }, (_, x) => ({ x, actual: 0, model: 0 }));
  for (let i = 0; i < s.n; i++) out[Math.min(maxX, s.x[i])].actual++;
  // The model's probabilities depend on a customer only through T: once per distinct T.
  const { values, counts } = tally(s.T);
  for (let k = 0; k < values.length; k++) {
    let below = 0;
    for (let x = 0; x < maxX; x++) {
      const q = m.probabilityOfPurchases(x, values[k]);
      out[x].model += counts[k] * q;
      below += q;
    }
    out[maxX].model += counts[k] * Math.max(0, 1 - below);
  }
  return out;
}

/** Cumulative repeat transactions by week, actual against model, through calibration and holdout. */
export function cumulativeTracking(
  fitted: BgNbdParams | PurchaseModel,
  s: CustomerSummary,
): { week: number; actual: number; model: number }[] {
  const m = asModel(fitted);
  const weeks = Math.ceil((s.holdoutEndDay - s.startDay + 1) / 7);
  const actualByWeek = new Float64Array(weeks + 1);
  for (const w of s.repeatWeeks) actualByWeek[Math.min(weeks, Math.ceil(w))]++;
  // Customers who first bought on the same day have the same expectation: once per day.
  const cohorts = tally(s.firstDay);
  const out = [];
  let actual = 0;
  for (let w = 1; w <= weeks; w++) {
    actual += actualByWeek[w];
    let model = 0;
    for (let k = 0; k < cohorts.values.length; k++)
      model += cohorts.counts[k] * m.expectedPurchases(w - (cohorts.values[k] - s.startDay) / 7);
    out.push({ week: w, actual, model });
  }
  return out;
}

/** Holdout repeat transactions: actual total against the model's conditional expectation. */
export function holdoutComparison(
  fitted: BgNbdParams | PurchaseModel,
  s: CustomerSummary,
  h: Histories = compressHistories(s),
): { weeks: number; actual: number; model: number } {
  const m = asModel(fitted);
  const weeks = (s.holdoutEndDay - s.calibrationEndDay) / 7;
  let actual = 0;
  for (let i = 0; i < s.n; i++) actual += s.holdoutX[i];
  const e = perHistory(h, (x, tx, T) => m.conditionalExpectedPurchases(weeks, x, tx, T));
  let model = 0;
  for (let k = 0; k < e.length; k++) model += h.weight[k] * e[k];
  return { weeks, actual, model };
}

/** Mean holdout purchases by calibration frequency, actual against the model's conditional expectation. */
export function conditionalByFrequency(
  fitted: BgNbdParams | PurchaseModel,
  s: CustomerSummary,
  maxX = 7,
  h: Histories = compressHistories(s),
): { x: number; customers: number; actual: number; model: number }[] {
  const m = asModel(fitted);
  const weeks = (s.holdoutEndDay - s.calibrationEndDay) / 7;
  const out = Array.from({ length: maxX + 1 }, (_, x) => ({ x, customers: 0, actual: 0, model: 0 }));
  const e = perHistory(h, (x, tx, T) => m.conditionalExpectedPurchases(weeks, x, tx, T));
  for (let i = 0; i < s.n; i++) {
    const row = out[Math.min(maxX, s.x[i])];
    row.customers++;
    row.actual += s.holdoutX[i];
    row.model += e[h.of[i]];
  }
  return out.map((r) => ({
    ...r,
    actual: r.customers ? r.actual / r.customers : Number.NaN,
    model: r.customers ? r.model / r.customers : Number.NaN,
  }));
}
