/**
 * Plans against a baseline. Replication k of every plan shares its seed with replication k of the
 * baseline (common random numbers), so differences are paired: their intervals are the plans' effect.
 */
import type { RunResult } from '../engine/index.ts';
import { type Interval, interval, pairedDifference } from './stats.ts';
import { HEADLINE_KPIS, type Kpi, last, total } from './summary.ts';

/** What the plan spent on levers, including the revenue a discount gave away. */
export const investment = (r: RunResult): number => total(r, 'leverCost') + total(r, 'discountCost');

export const COMPARISON_KPIS: Kpi[] = [
  ...HEADLINE_KPIS,
  { id: 'leverSpend', label: 'Lever spend incl. discounts given', unit: 'money', of: investment },
  { id: 'revenue', label: 'Revenue over the horizon', unit: 'money', of: (r) => total(r, 'revenue') },
];

export interface ComparisonRow {
  kpi: Kpi;
  baseline: Interval;
  plan: Interval;
  /** plan − baseline, paired by replication. */
  delta: Interval;
}

export interface Comparison {
  rows: ComparisonRow[];
  /** Extra profit per unit of extra lever spend (NaN when the plan spends no more than the baseline). */
  roi: Interval;
  /** Extra lever spend per extra customer active at the end (NaN when it keeps no more customers). */
  costPerRetained: Interval;
}

function ratios(num: number[], den: number[]): number[] {
  return num.map((n, k) => (den[k] > 0 ? n / den[k] : Number.NaN));
}

export function compare(baseline: RunResult[], plan: RunResult[], kpis: Kpi[] = COMPARISON_KPIS): Comparison {
  if (baseline.length !== plan.length)
    throw new Error('a comparison needs the same replications of baseline and plan');
  baseline.forEach((b, k) => {
    if (b.replication !== plan[k].replication || String(b.seed) !== String(plan[k].seed)) {
      throw new Error(`replication ${k} of the plan does not share the baseline's seed`);
    }
  });
  const rows = kpis.map((kpi) => {
    const a = baseline.map(kpi.of);
    const b = plan.map(kpi.of);
    return { kpi, baseline: interval(a), plan: interval(b), delta: pairedDifference(a, b) };
  });
  const dSpend = plan.map((r, k) => investment(r) - investment(baseline[k]));
  const dProfit = plan.map((r, k) => total(r, 'profit') - total(baseline[k], 'profit'));
  const dActive = plan.map((r, k) => last(r, 'active') - last(baseline[k], 'active'));
  return {
    rows,
    roi: interval(ratios(dProfit, dSpend)),
    costPerRetained: interval(ratios(dSpend, dActive)),
  };
}
