/** Figures read off a run's customers: plain functions of arrays, so they can be tested on hand-made ones. */

/** Mean of `values` over the customers `pick` selects (NaN if none). */
export function meanWhere(values: ArrayLike<number>, pick: (i: number) => boolean): number {
  let s = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    if (!pick(i)) continue;
    s += values[i];
    n++;
  }
  return n > 0 ? s / n : Number.NaN;
}

/** Share of the selected customers for whom `yes` holds (NaN if none selected). */
export function shareWhere(n: number, pick: (i: number) => boolean, yes: (i: number) => boolean): number {
  let k = 0;
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (!pick(i)) continue;
    m++;
    if (yes(i)) k++;
  }
  return m > 0 ? k / m : Number.NaN;
}

/** Share of the total held by the top `fraction` of the positive entries (buyers only). */
export function topShareOfBuyers(values: ArrayLike<number>, fraction: number): number {
  const xs = Array.from(values).filter((v) => v > 0);
  if (xs.length === 0) return Number.NaN;
  xs.sort((a, b) => b - a);
  const top = Math.max(1, Math.round(xs.length * fraction));
  let total = 0;
  let sum = 0;
  for (let i = 0; i < xs.length; i++) {
    total += xs[i];
    if (i < top) sum += xs[i];
  }
  return sum / total;
}

/** Arc elasticity of y to x between two states: Δln y / Δln x. */
export function arcElasticity(y0: number, y1: number, x0: number, x1: number): number {
  return Math.log(y1 / y0) / Math.log(x1 / x0);
}
