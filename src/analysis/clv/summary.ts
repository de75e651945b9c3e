import { groupByCustomerDay, type TransactionLog } from './transactions.ts';

/**
 * Per-customer summary for BG/NBD and Gamma-Gamma, in weeks: purchases on the same day count as one
 * transaction (their amounts added). x = repeat transactions in the calibration period, tx = time of
 * the last one after the first purchase, T = time from the first purchase to the end of calibration.
 */
export interface CustomerSummary {
  /** Customers whose first purchase is on or before the end of calibration. */
  n: number;
  ids: string[];
  firstDay: Int32Array;
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  /** Mean value of the repeat transactions in calibration (0 when x = 0). */
  meanRepeatValue: Float64Array;
  /** Repeat transactions in the holdout period (after calibration, up to holdoutEnd). */
  holdoutX: Float64Array;
  calibrationEndDay: number;
  holdoutEndDay: number;
  /** Week (from the earliest first purchase) of every repeat transaction, calibration and holdout, for the tracking plots. */
  repeatWeeks: Float64Array;
  startDay: number;
}

export function summariseLog(
  log: TransactionLog,
  calibrationEndDay: number,
  holdoutEndDay?: number,
): CustomerSummary {
  const nc = log.customers.length;
  const { order, start } = groupByCustomerDay(log.customer, log.day, nc);
  let lastDay = holdoutEndDay ?? Number.NEGATIVE_INFINITY;
  if (holdoutEndDay === undefined) for (const d of log.day) if (d > lastDay) lastDay = d;
  const first = new Int32Array(nc).fill(-1);
  const x = new Float64Array(nc);
  const lastRepeat = new Int32Array(nc).fill(-1);
  const repeatSum = new Float64Array(nc);
  const holdout = new Float64Array(nc);
  // Day of each repeat transaction (calibration and holdout), customer by customer.
  const repeatDays = new Int32Array(log.customer.length);
  const repeatCust = new Int32Array(log.customer.length);
  let repeats = 0;
  for (let c = 0; c < nc; c++) {
    let prevDay = Number.NaN;
    for (let k = start[c]; k < start[c + 1]; k++) {
      const t = order[k];
      const d = log.day[t];
      if (d === prevDay) {
        if (d > first[c] && d <= calibrationEndDay) repeatSum[c] += log.amount[t];
        continue;
      }
      prevDay = d;
      if (first[c] < 0) {
        first[c] = d;
        continue;
      }
      if (d <= calibrationEndDay) {
        x[c]++;
        lastRepeat[c] = d;
        repeatSum[c] += log.amount[t];
      } else if (d <= lastDay) holdout[c]++;
      if (d <= lastDay) {
        repeatDays[repeats] = d;
        repeatCust[repeats++] = c;
      }
    }
  }
  const keep: number[] = [];
  for (let c = 0; c < nc; c++) if (first[c] >= 0 && first[c] <= calibrationEndDay) keep.push(c);
  const n = keep.length;
  const s: CustomerSummary = {
    n,
    ids: keep.map((c) => log.customers[c]),
    firstDay: Int32Array.from(keep, (c) => first[c]),
    x: Float64Array.from(keep, (c) => x[c]),
    tx: Float64Array.from(keep, (c) => (x[c] > 0 ? (lastRepeat[c] - first[c]) / 7 : 0)),
    T: Float64Array.from(keep, (c) => (calibrationEndDay - first[c]) / 7),
    meanRepeatValue: Float64Array.from(keep, (c) => (x[c] > 0 ? repeatSum[c] / x[c] : 0)),
    holdoutX: Float64Array.from(keep, (c) => holdout[c]),
    calibrationEndDay,
    holdoutEndDay: lastDay,
    repeatWeeks: new Float64Array(0),
    startDay: 0,
  };
  const kept = new Uint8Array(nc);
  for (const c of keep) kept[c] = 1;
  let startDay = Number.POSITIVE_INFINITY;
  for (const d of s.firstDay) if (d < startDay) startDay = d;
  s.startDay = n ? startDay : 0;
  let m = 0;
  for (let k = 0; k < repeats; k++) if (kept[repeatCust[k]]) m++;
  s.repeatWeeks = new Float64Array(m);
  m = 0;
  for (let k = 0; k < repeats; k++)
    if (kept[repeatCust[k]]) s.repeatWeeks[m++] = (repeatDays[k] - s.startDay) / 7;
  return s;
}
