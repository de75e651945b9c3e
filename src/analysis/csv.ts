import { METRICS, type MetricName, type RunResult } from '../engine/index.ts';

/**
 * Per-month results of every replication as CSV: one row per (replication, month), one column per
 * metric, under the metrics' ids and on the engine's scales (the command line's `--out` file, for
 * scripts). The app's downloads are written for people instead (src/ui/csvExports.ts).
 */
export function resultsToCsv(results: RunResult[]): string {
  const lines = [['replication', 'month', ...METRICS].join(',')];
  for (const r of results) {
    for (let t = 0; t < r.months; t++) {
      const row: (string | number)[] = [r.replication, t + 1];
      for (let k = 0; k < METRICS.length; k++) {
        const v = r.metrics[k * r.months + t];
        row.push(Number.isFinite(v) ? +v.toPrecision(10) : '');
      }
      lines.push(row.join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * How a metric is written where people read it (the app's CSV downloads): a share as a percentage,
 * so "retention" is the same 0–100 figure in every file and on screen; money to the cent.
 */
export type MetricScale = 'share' | 'unitScore' | 'nps' | 'money' | 'count';

const SHARES = new Set<MetricName>([
  'retention',
  'repurchase',
  'repeatPurchaseShare',
  'renewal12',
  'referralRate',
  'referrerShare',
  'promoters',
  'detractors',
  'healthGood',
  'healthAverage',
  'healthPoor',
  'satisfiedShare',
  'memberRepurchase',
  'nonMemberRepurchase',
  'memberReferrerShare',
  'nonMemberReferrerShare',
  'complainantRepurchase',
  'nonComplainantRepurchase',
  'discountAcquiredChurn',
  'otherNewChurn',
  'staffTurnover',
]);
const UNIT_SCORES = new Set<MetricName>([
  'satisfaction',
  'value',
  'bond',
  'experience',
  'trust',
  'loyalty',
  'staffSkill',
  'staffMorale',
]);
const MONEY = new Set<MetricName>([
  'revenue',
  'grossMargin',
  'discountCost',
  'pointsCost',
  'compensationCost',
  'leverCost',
  'acquisitionCost',
  'staffCost',
  'fixedCost',
  'profit',
]);

export function metricScale(m: MetricName): MetricScale {
  if (SHARES.has(m)) return 'share';
  if (UNIT_SCORES.has(m)) return 'unitScore';
  if (m === 'nps') return 'nps';
  if (MONEY.has(m) || m.startsWith('cost.')) return 'money';
  return 'count';
}

/**
 * A number as a CSV cell a reader needs: `decimals` fixed (trailing zeros dropped), or else six
 * significant digits but never fewer than every whole digit (1234567, not 1.23457e6); '' for a
 * figure that is not defined (a rate with nobody to count).
 */
export function csvNumber(x: number, decimals?: number): string {
  if (!Number.isFinite(x)) return '';
  if (decimals !== undefined) return String(Number(x.toFixed(decimals)));
  if (x === 0) return '0';
  const whole = Math.floor(Math.log10(Math.abs(x))) + 1;
  return String(Number(x.toFixed(Math.min(20, Math.max(0, 6 - whole)))));
}

/** A metric's monthly value on its reading scale: shares as % with 2 decimals, money to the cent. */
export function metricCsvValue(m: MetricName, v: number): string {
  switch (metricScale(m)) {
    case 'share':
      return csvNumber(100 * v, 2);
    case 'nps':
    case 'money':
      return csvNumber(v, 2);
    default:
      return csvNumber(v);
  }
}

/** A text cell, always quoted (quotes doubled): names and labels may hold commas. A number stays bare. */
export function csvField(v: string | number): string {
  return typeof v === 'number' ? csvNumber(v) : `"${v.replace(/"/g, '""')}"`;
}

/**
 * A CSV file from a header and rows of cells already formatted (csvField, csvNumber): a byte-order
 * mark first, so a spreadsheet reads the UTF-8 (Chinese headers and names) instead of guessing a
 * local code page.
 */
export function csvDocument(header: string[], rows: string[][]): string {
  return `\uFEFF${[header.map((h) => csvField(h)), ...rows].map((r) => r.join(',')).join('\n')}\n`;
}
