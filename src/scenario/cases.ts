/**
 * Reproducing a case's reported figure: each check reads one number per replication off the case
 * scenario's runs (and its baseline's, with the same seeds), and compares the interval with the target.
 */

import type * as z from 'zod';
import { type Interval, interval } from '../analysis/stats.ts';
import { METRICS, type MetricName, type RunResult, series } from '../engine/index.ts';
import type { caseCheck } from './schema.ts';

export type CaseCheck = z.output<typeof caseCheck>;

export interface CheckOutcome {
  check: CaseCheck;
  simulated: Interval;
  /** The simulated mean lies within the stated tolerance of the reported figure. */
  reproduced: boolean;
}

function metricName(name: string): MetricName {
  if (!(METRICS as readonly string[]).includes(name)) throw new Error(`unknown metric "${name}"`);
  return name as MetricName;
}

/** Mean of a metric over the last `months` months of a run (months without a value are skipped). */
export function tailMean(r: RunResult, metric: string, months: number): number {
  const x = series(r.metrics, r.months, metricName(metric));
  let s = 0;
  let n = 0;
  for (let t = Math.max(0, x.length - months); t < x.length; t++) {
    if (Number.isFinite(x[t])) {
      s += x[t];
      n++;
    }
  }
  return n ? s / n : Number.NaN;
}

/** One value per replication for a check; `baseline[k]` is replication k of the baseline (same seed). */
export function checkValues(check: CaseCheck, plan: RunResult[], baseline: RunResult[] | null): number[] {
  const m = check.lastMonths;
  switch (check.kind) {
    case 'level':
      return plan.map((r) => tailMean(r, check.metric, m));
    case 'baselineLevel':
      if (!baseline) throw new Error('this check needs the baseline scenario');
      return baseline.map((r) => tailMean(r, check.metric, m));
    case 'vsBaseline':
      if (!baseline) throw new Error('this check needs the baseline scenario');
      return plan.map((r, k) => tailMean(r, check.metric, m) / tailMean(baseline[k], check.metric, m) - 1);
    case 'ratio':
      if (!check.versus) throw new Error('a ratio check needs "versus"');
      return plan.map((r) => tailMean(r, check.metric, m) / tailMean(r, check.versus!, m) - 1);
  }
}

export function evaluateCheck(
  check: CaseCheck,
  plan: RunResult[],
  baseline: RunResult[] | null,
): CheckOutcome {
  const simulated = interval(checkValues(check, plan, baseline));
  return { check, simulated, reproduced: Math.abs(simulated.mean - check.target) <= check.tolerance };
}
