/**
 * The app's CSV downloads, written for a strategist's spreadsheet: one header row naming each figure
 * and its unit in the page's language ("12-month retention (%)", "12个月留存率（%）"), a share always
 * as a percentage (the same scale in every file and on screen), money to the cent, other figures to
 * six significant digits, replications counted from 1. Machine ids stay in the command line's files.
 */
import { csvDocument, csvField, csvNumber, metricCsvValue, metricScale } from '../analysis/csv.ts';
import type { Interval } from '../analysis/stats.ts';
import type { Kpi } from '../analysis/summary.ts';
import { METRICS, type MetricName, type RunResult } from '../engine/index.ts';
import type { SweepCsvText } from '../experiments/analyse.ts';
import { fill, type Key, type Lang, STRINGS } from './i18n.ts';

type Unit = Kpi['unit'] | 'ratio';

/** "Revenue (money a month)": a label and its unit, unless the label already ends with it. */
export function withUnit(label: string, unit: string, lang: Lang): string {
  if (!unit || label.endsWith(`(${unit})`) || label.endsWith(`（${unit}）`)) return label;
  return fill(STRINGS[lang].csv_withUnit, { label, unit });
}

const KPI_UNIT: Record<Unit, Key | null> = {
  '%': 'csv_unitPct',
  money: 'csv_unitMoney',
  score: 'csv_unitNps',
  people: null,
  ratio: null,
};

/** A key figure's unit as its header says it (people and ROI need none: the name says what they count). */
export function unitLabel(unit: Unit, lang: Lang): string {
  const key = KPI_UNIT[unit];
  return key ? STRINGS[lang][key] : '';
}

/** A key figure rounded for its unit: %, scores and money to 2 decimals, counts and ratios to 6 digits. */
export function kpiCsvValue(x: number, unit: Unit): string {
  return unit === 'people' || unit === 'ratio' ? csvNumber(x) : csvNumber(x, 2);
}

const METRIC_UNIT = {
  share: 'csv_unitPct',
  unitScore: 'csv_unitScore01',
  nps: 'csv_unitNps',
  money: 'csv_unitMoneyMonth',
  count: null,
} as const;

/** Every replication's months, plan by plan: Plan, Replication (from 1), Month, then every metric. */
export function comparisonCsv(plans: { name: string; results: RunResult[] }[], lang: Lang): string {
  const t = STRINGS[lang];
  const header = [
    t.csv_plan,
    t.csv_replication,
    t.csv_month,
    ...METRICS.map((m) => {
      const unit = METRIC_UNIT[metricScale(m)];
      return withUnit(t[`m_${m}` as Key], unit ? t[unit] : '', lang);
    }),
  ];
  const rows: string[][] = [];
  for (const { name, results } of plans)
    for (const r of results)
      for (let month = 0; month < r.months; month++)
        rows.push([
          csvField(name),
          String(r.replication + 1),
          String(month + 1),
          ...METRICS.map((m: MetricName, k) => metricCsvValue(m, r.metrics[k * r.months + month])),
        ]);
  return csvDocument(header, rows);
}

export interface TableRow {
  kpi: Kpi;
  baseline: Interval;
  plans: { name: string; value: Interval; delta: Interval }[];
}

/**
 * The comparison table's figures in full: one row per key figure and plan, its mean and 95 %
 * interval, and (for a plan) its paired difference from the baseline; then each plan's ROI and lever
 * spend per extra customer kept.
 */
export function comparisonTableCsv(
  baselineName: string,
  rows: TableRow[],
  ratios: { name: string; roi: Interval; costPerRetained: Interval }[],
  lang: Lang,
): string {
  const t = STRINGS[lang];
  const part = (figure: string, p: string) => fill(t.csv_column, { figure, part: p });
  const header = [
    t.csv_kpi,
    t.csv_plan,
    t.csv_mean,
    t.csv_lo,
    t.csv_hi,
    part(t.csv_vsBaseline, t.csv_mean),
    part(t.csv_vsBaseline, t.csv_lo),
    part(t.csv_vsBaseline, t.csv_hi),
  ];
  const iv = (i: Interval, unit: Unit) => [i.mean, i.lo, i.hi].map((x) => kpiCsvValue(x, unit));
  const figure = (label: string, unit: Unit) => csvField(withUnit(label, unitLabel(unit, lang), lang));
  const out: string[][] = [];
  for (const { kpi, baseline, plans } of rows) {
    const name = figure(t[`kpi_${kpi.id}` as Key], kpi.unit);
    out.push([name, csvField(baselineName), ...iv(baseline, kpi.unit), '', '', '']);
    for (const p of plans)
      out.push([name, csvField(p.name), ...iv(p.value, kpi.unit), ...iv(p.delta, kpi.unit)]);
  }
  for (const [key, unit] of [
    ['roi', 'ratio'],
    ['costPerRetained', 'money'],
  ] as const)
    for (const p of ratios)
      out.push([figure(t[key], unit), csvField(p.name), '', '', '', ...iv(p[key], unit)]);
  return csvDocument(header, out);
}

/** The sweep table's texts: the axis headers given, the outcome's columns named with its unit. */
export function sweepCsvText(
  outcome: { label: string; unit: Kpi['unit'] },
  lang: Lang,
  axis: SweepCsvText['axis'],
  choice: SweepCsvText['choice'],
): SweepCsvText {
  const t = STRINGS[lang];
  const figure = withUnit(outcome.label, unitLabel(outcome.unit, lang), lang);
  const part = (f: string, p: string) => fill(t.csv_column, { figure: f, part: p });
  const vsFirst = withUnit(t.csv_vsFirst, unitLabel(outcome.unit, lang), lang);
  return {
    axis,
    choice,
    columns: [
      part(figure, t.csv_mean),
      part(figure, t.csv_lo),
      part(figure, t.csv_hi),
      part(vsFirst, t.csv_mean),
      part(vsFirst, t.csv_lo),
      part(vsFirst, t.csv_hi),
    ],
    value: (x) => kpiCsvValue(x, outcome.unit),
  };
}
