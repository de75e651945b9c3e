import { investment } from '../analysis/compare.ts';
import { HEADLINE_KPIS } from '../analysis/summary.ts';
import { type RunResult, series } from '../engine/index.ts';
import type { OutcomeId } from '../scenario/experimentSchema.ts';

export interface Outcome {
  id: OutcomeId;
  unit: '%' | 'money' | 'score' | 'people';
  of: (r: RunResult) => number;
}

/** Cohorts whose 24-month retention is measured: first purchases in the first six months. */
const EARLY_COHORTS = 6;
const HORIZON_24 = 24;

/**
 * Share of the customers first acquired in months 1–6 who are still active 24 months after their
 * first purchase (%). NaN when the horizon is too short to see it.
 */
export function retention24(r: RunResult): number {
  let size = 0;
  let kept = 0;
  for (let c = 0; c < EARLY_COHORTS && c + HORIZON_24 < r.months; c++) {
    size += r.cohortSize[c];
    kept += r.cohortActive[c * r.months + c + HORIZON_24];
  }
  return size > 0 ? (100 * kept) / size : Number.NaN;
}

const kpi = (id: OutcomeId) => {
  const k = HEADLINE_KPIS.find((x) => x.id === id);
  if (!k) throw new Error(`no KPI ${id}`);
  return { id, unit: k.unit, of: k.of };
};

export const OUTCOMES: Record<OutcomeId, Outcome> = {
  profit: kpi('profit'),
  meanClv: kpi('meanClv'),
  retention12: kpi('retention12'),
  retention24: { id: 'retention24', unit: '%', of: retention24 },
  nps: kpi('nps'),
  referralRate: kpi('referralRate'),
  activeEnd: kpi('activeEnd'),
};

/**
 * Mean lever spend per month over the horizon (what a budget constrains): every lever's cost model
 * plus the revenue a discount forgoes — the same "investment" the comparison's ROI uses.
 */
export function monthlyLeverSpend(r: RunResult): number {
  return investment(r) / r.months;
}

/** End-of-horizon three-dimension scores (0–1): how a mix moves value, emotion and experience. */
export function dimensions(r: RunResult): { value: number; emotion: number; experience: number } {
  const end = (m: 'value' | 'bond' | 'experience') => {
    const x = series(r.metrics, r.months, m);
    return x[x.length - 1];
  };
  return { value: end('value'), emotion: end('bond'), experience: end('experience') };
}
