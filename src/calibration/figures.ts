/**
 * The manager's figures as the simulation sees them. A calibrated world starts "today" and its first
 * year (months 1–12) plays the business's last twelve months; twelve-month retention is read at
 * month 13, so a calibration run needs 13 months and no more (later months do not change these).
 */
import { type RunResult, series } from '../engine/index.ts';
import type { FigureId } from './targets.ts';

/** Months a calibration simulates: the first year, and the month at which its retention is read. */
export const CALIBRATION_MONTHS = 13;
const YEAR = 12;

export type SimulatedFigures = Partial<Record<FigureId, number>>;

const sum = (x: Float64Array, n = YEAR) => {
  let s = 0;
  for (let k = 0; k < n; k++) s += x[k];
  return s;
};

/**
 * Every fitted figure of one run's first year, or of the year starting after `from` months (the
 * calibration's projection reads the run's last year so: months from+1 … from+12, retention at
 * month from+13).
 */
export function figuresOf(r: RunResult, from = 0): SimulatedFigures {
  if (r.months < from + CALIBRATION_MONTHS)
    throw new Error(
      `these figures need ${from + CALIBRATION_MONTHS} simulated months, the run has ${r.months}`,
    );
  const s = (m: Parameters<typeof series>[2]) => series(r.metrics, r.months, m).subarray(from);
  const active = sum(s('active'));
  const visits = sum(s('visits'));
  const retention = 100 * s('renewal12')[YEAR];
  return {
    activeCustomers: active / YEAR,
    visitsPerCustomerMonth: active > 0 ? visits / active : 0,
    spendPerVisit: visits > 0 ? sum(s('revenue')) / visits : 0,
    retention12Pct: retention,
    churn12Pct: 100 - retention,
    npsScore: sum(s('nps')) / YEAR,
    satisfiedPct: (100 * sum(s('satisfiedShare'))) / YEAR,
    referralSharePct: 100 * (s('referralRate')[YEAR - 1] || 0),
    complaintsPerMonth: sum(s('voiced')) / YEAR,
    staffTurnoverPctYear: 100 * sum(s('staffTurnover')),
  };
}
