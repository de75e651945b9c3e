/** Small, exact statistics for replication summaries. */

export interface Interval {
  mean: number;
  lo: number;
  hi: number;
  /** Half-width of the 95 % interval. */
  half: number;
  n: number;
}

/** Two-sided 97.5 % quantiles of Student's t for 1–30 degrees of freedom; beyond, the normal's 1.96 is close enough. */
const T975 = [
  Number.NaN,
  12.706,
  4.303,
  3.182,
  2.776,
  2.571,
  2.447,
  2.365,
  2.306,
  2.262,
  2.228,
  2.201,
  2.179,
  2.16,
  2.145,
  2.131,
  2.12,
  2.11,
  2.101,
  2.093,
  2.086,
  2.08,
  2.074,
  2.069,
  2.064,
  2.06,
  2.056,
  2.052,
  2.048,
  2.045,
  2.042,
];

export function tQuantile975(df: number): number {
  if (df < 1) return Number.NaN;
  if (df <= 30) return T975[df];
  return 1.96 + 2.4 / df; // within 0.2 % of the exact value for df > 30
}

export function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return xs.length ? s / xs.length : Number.NaN;
}

export function sd(xs: ArrayLike<number>): number {
  const n = xs.length;
  if (n < 2) return 0;
  const m = mean(xs);
  let s = 0;
  for (let i = 0; i < n; i++) s += (xs[i] - m) ** 2;
  return Math.sqrt(s / (n - 1));
}

/** The mean with its 95 % t-interval across replications (NaN values are left out). */
export function interval(values: ArrayLike<number>): Interval {
  const xs: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) xs.push(values[i]);
  const m = mean(xs);
  const half = xs.length > 1 ? (tQuantile975(xs.length - 1) * sd(xs)) / Math.sqrt(xs.length) : Number.NaN;
  return { mean: m, lo: m - half, hi: m + half, half, n: xs.length };
}

/** Interval of the paired differences b − a (common random numbers: replication k of each plan shares seeds). */
export function pairedDifference(a: ArrayLike<number>, b: ArrayLike<number>): Interval {
  if (a.length !== b.length) throw new Error('paired samples must have the same length');
  const d = Array.from({ length: a.length }, (_, k) => b[k] - a[k]);
  return interval(d);
}

/** Interval of b − a treating the samples as independent (Welch), for contrast with the paired one. */
export function unpairedDifference(a: ArrayLike<number>, b: ArrayLike<number>): Interval {
  const ma = mean(a);
  const mb = mean(b);
  const va = sd(a) ** 2 / a.length;
  const vb = sd(b) ** 2 / b.length;
  const se = Math.sqrt(va + vb);
  const df = (va + vb) ** 2 / ((va * va) / (a.length - 1) + (vb * vb) / (b.length - 1));
  const half = tQuantile975(Math.max(1, Math.floor(df))) * se;
  const m = mb - ma;
  return { mean: m, lo: m - half, hi: m + half, half, n: Math.min(a.length, b.length) };
}

/** Empirical quantile (linear interpolation) of a sorted array. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Elements ≤ v in a sorted array. */
function countAtMost(a: ArrayLike<number>, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The k-th smallest (0-based) element of the union of sorted arrays, without merging them: bisect on
 * the value, counting by binary search in each array (R·log n per step), then step to the exact element.
 */
export function orderStatistic(runs: ArrayLike<number>[], k: number): number {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const a of runs) {
    if (a.length === 0) continue;
    lo = Math.min(lo, a[0]);
    hi = Math.max(hi, a[a.length - 1]);
  }
  const count = (v: number) => runs.reduce((c, a) => c + countAtMost(a, v), 0);
  if (count(lo) >= k + 1) return lo;
  // Invariant: count(lo) ≤ k < count(hi).
  for (let step = 0; step < 64; step++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    if (count(mid) > k) hi = mid;
    else lo = mid;
  }
  // The answer is the smallest element above lo whose count passes k.
  for (;;) {
    let next = Number.POSITIVE_INFINITY;
    for (const a of runs) {
      const j = countAtMost(a, lo);
      if (j < a.length && a[j] < next) next = a[j];
    }
    if (count(next) > k) return next;
    lo = next;
  }
}

/** Quantile (type 7, like `quantileSorted`) of the union of sorted arrays. */
export function quantileOfSortedRuns(runs: ArrayLike<number>[], q: number): number {
  const n = runs.reduce((c, a) => c + a.length, 0);
  if (n === 0) return Number.NaN;
  const pos = (n - 1) * q;
  const k = Math.floor(pos);
  const a = orderStatistic(runs, k);
  if (pos === k || k + 1 >= n) return a;
  return a + (orderStatistic(runs, k + 1) - a) * (pos - k);
}
