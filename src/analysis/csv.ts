import { METRICS, type RunResult } from '../engine/index.ts';

/** Per-month results of every replication as CSV: one row per (replication, month), one column per metric. */
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
