import { type MetricName, type RunResult, series } from '../engine/index.ts';
import { type Interval, interval, mean } from './stats.ts';

/** One number per replication: what a KPI is, and how it is read off a run. */
export interface Kpi {
  id: string;
  label: string;
  unit: '%' | 'money' | 'score' | 'people';
  of: (r: RunResult) => number;
}

/** Value of a metric in the last month. */
export const last = (r: RunResult, m: MetricName): number => {
  const x = series(r.metrics, r.months, m);
  return x[x.length - 1];
};

/** Sum of a metric over the whole horizon. */
export const total = (r: RunResult, m: MetricName): number => {
  const x = series(r.metrics, r.months, m);
  let s = 0;
  for (let k = 0; k < x.length; k++) s += x[k];
  return s;
};

/** Mean of a metric over the last `months` months (NaN months skipped). */
export const recent = (r: RunResult, m: MetricName, months: number): number => {
  const x = series(r.metrics, r.months, m);
  const xs = Array.from(x.subarray(Math.max(0, x.length - months))).filter(Number.isFinite);
  return mean(xs);
};

/** The headline KPIs a strategist reads first, each per replication. */
export const HEADLINE_KPIS: Kpi[] = [
  { id: 'retention12', label: '12-month retention', unit: '%', of: (r) => 100 * last(r, 'renewal12') },
  {
    id: 'referralRate',
    label: 'Referral rate (share of new customers)',
    unit: '%',
    of: (r) => 100 * last(r, 'referralRate'),
  },
  { id: 'nps', label: 'NPS (last 3 months)', unit: 'score', of: (r) => recent(r, 'nps', 3) },
  {
    id: 'meanClv',
    label: 'Mean CLV (discounted margin per customer)',
    unit: 'money',
    of: (r) => mean(r.clv),
  },
  { id: 'profit', label: 'Profit over the horizon', unit: 'money', of: (r) => total(r, 'profit') },
  { id: 'activeEnd', label: 'Active customers at the end', unit: 'people', of: (r) => last(r, 'active') },
];

export interface KpiSummary {
  kpi: Kpi;
  interval: Interval;
}

export function summarise(results: RunResult[], kpis: Kpi[] = HEADLINE_KPIS): KpiSummary[] {
  return kpis.map((kpi) => ({ kpi, interval: interval(results.map(kpi.of)) }));
}

/** Per-month mean and 95 % band of a metric across replications. */
export function band(
  results: RunResult[],
  m: MetricName,
): { month: number; mean: number; lo: number; hi: number }[] {
  if (results.length === 0) return [];
  const months = results[0].months;
  const out = [];
  for (let t = 0; t < months; t++) {
    const iv = interval(results.map((r) => series(r.metrics, months, m)[t]));
    out.push({
      month: t + 1,
      mean: iv.mean,
      lo: Number.isFinite(iv.lo) ? iv.lo : iv.mean,
      hi: Number.isFinite(iv.hi) ? iv.hi : iv.mean,
    });
  }
  return out;
}

export function formatValue(x: number, unit: Kpi['unit']): string {
  if (!Number.isFinite(x)) return '—';
  if (unit === 'money') return Math.round(x).toLocaleString('en');
  if (unit === 'people') return Math.round(x).toLocaleString('en');
  return x.toFixed(1);
}

export function formatInterval(iv: Interval, unit: Kpi['unit']): string {
  const m = formatValue(iv.mean, unit);
  if (!Number.isFinite(iv.half)) return m;
  return `${m} [${formatValue(iv.lo, unit)}, ${formatValue(iv.hi, unit)}]`;
}
