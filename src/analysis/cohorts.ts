import type { RunResult } from '../engine/index.ts';
import { STAGE_NAMES, series } from '../engine/index.ts';
import { interval, quantileOfSortedRuns } from './stats.ts';

/**
 * Retention curve of the customers first acquired in the first `cohorts` months: the share still active
 * `age` months after their first purchase, mean and 95 % band across replications.
 */
export function cohortRetention(
  results: RunResult[],
  cohorts = 6,
): { age: number; mean: number; lo: number; hi: number }[] {
  if (results.length === 0) return [];
  const T = results[0].months;
  const out = [];
  for (let age = 0; age < T - cohorts + 1; age++) {
    const shares = results.map((r) => {
      let size = 0;
      let active = 0;
      for (let c = 0; c < cohorts && c + age < T; c++) {
        size += r.cohortSize[c];
        active += r.cohortActive[c * T + c + age];
      }
      return size > 0 ? active / size : Number.NaN;
    });
    const iv = interval(shares);
    out.push({
      age,
      mean: iv.mean,
      lo: Number.isFinite(iv.lo) ? iv.lo : iv.mean,
      hi: Number.isFinite(iv.hi) ? iv.hi : iv.mean,
    });
  }
  return out;
}

const LADDER = ['firstTime', 'repeat', 'advocates', 'lapsed'] as const;

/** Mean number of people on each rung of the loyalty ladder by month (active rungs and lapsed). */
export function ladder(results: RunResult[]): { month: number; stage: string; people: number }[] {
  if (results.length === 0) return [];
  const T = results[0].months;
  const out = [];
  for (const stage of LADDER) {
    for (let t = 0; t < T; t++) {
      let s = 0;
      for (const r of results) s += series(r.metrics, T, stage)[t];
      out.push({ month: t + 1, stage, people: s / results.length });
    }
  }
  return out;
}

export const LADDER_STAGES = LADDER;
export { STAGE_NAMES };

/** Quantiles of CLV per customer, pooled over replications. */
export function clvQuantiles(
  results: RunResult[],
  qs: number[] = [0.1, 0.25, 0.5, 0.75, 0.9],
): { q: number; clv: number }[] {
  // Each replication's CLVs come sorted from the engine: no merge of millions of numbers needed.
  const runs = results.map((r) => r.clv);
  return qs.map((q) => ({ q, clv: quantileOfSortedRuns(runs, q) }));
}
