/**
 * Bounded least squares for expensive, batch-evaluated residuals: Levenberg–Marquardt on the unit
 * box. Each iteration measures the Jacobian by one forward step along every coordinate (a batch of
 * d points, which the worker pool runs in parallel), then tries damped Gauss–Newton steps, clipped
 * to [0, 1]^d, raising the damping until one improves. With common random numbers the residuals are
 * a deterministic, nearly smooth function of the point, so finite differences are meaningful; the
 * calibration's residuals are misses in tolerances and each parameter has a figure it mostly moves,
 * so a handful of iterations usually suffice where a simplex method needs hundreds of points.
 *
 * Stopping rule, the first that holds: the caller's goal is met at the best point; no damped step
 * improves the sum of squares by more than `fTolerance` (relative) even at the heaviest damping,
 * or the step is shorter than `xTolerance` in every coordinate ("collapsed"); or `maxEvaluations`
 * points have been spent (converged false; the best point found is returned).
 */
import { invert } from '../analysis/clv/optimize.ts';

export interface SearchOptions {
  maxEvaluations: number;
  /** Forward-difference step, in the unit box. */
  step?: number;
  xTolerance?: number;
  fTolerance?: number;
  /** True when the residuals at the best point are good enough to stop at. */
  goal?: (residuals: number[]) => boolean;
  /** After each accepted or rejected step: points evaluated so far and the best sum of squares. */
  onStep?: (evaluations: number, best: number) => void;
}

export interface SearchResult {
  x: number[];
  residuals: number[];
  value: number;
  /** Jacobian of the residuals at x (row j: d residuals / d x_j), from the last measurement there. */
  jacobian: number[][];
  evaluations: number;
  converged: boolean;
  reason: 'goal' | 'collapsed' | 'budget';
}

const clip = (u: number[]) => u.map((x) => Math.min(1, Math.max(0, x)));
const sumSq = (r: number[]) => r.reduce((a, x) => a + x * x, 0);

export async function boxLevenbergMarquardt(
  f: (points: number[][]) => Promise<number[][]>,
  start: number[],
  o: SearchOptions,
): Promise<SearchResult> {
  const n = start.length;
  const h = o.step ?? 0.04;
  const xTol = o.xTolerance ?? 0.002;
  const fTol = o.fTolerance ?? 1e-4;
  let evaluations = 0;
  const evaluate = async (points: number[][]) => {
    evaluations += points.length;
    return (await f(points)).map((r) => r.map((x) => (Number.isFinite(x) ? x : 1e3)));
  };
  let x = clip(start);
  let [r] = await evaluate([x]);
  let value = sumSq(r);
  let lambda = 1e-2;
  let J: number[][] = [];
  let jAt: number[] | null = null;
  const done = (reason: SearchResult['reason']): SearchResult => ({
    x,
    residuals: r,
    value,
    jacobian: J,
    evaluations,
    converged: reason !== 'budget',
    reason,
  });
  const jacobian = async () => {
    const stepped = x.map((_, j) => x.map((v, k) => (k === j ? (v + h <= 1 ? v + h : v - h) : v)));
    const rs = await evaluate(stepped);
    J = rs.map((rj, j) => rj.map((v, i) => (v - r[i]) / (stepped[j][j] - x[j])));
    jAt = x;
  };
  o.onStep?.(evaluations, value);
  for (;;) {
    if (o.goal?.(r)) {
      if (jAt !== x) await jacobian();
      return done('goal');
    }
    if (n === 0) return done('collapsed');
    // The Jacobian at the point returned is always measured (the caller reads identifiability off it).
    if (evaluations + n > o.maxEvaluations) {
      if (jAt !== x) await jacobian();
      return done('budget');
    }
    await jacobian();
    o.onStep?.(evaluations, value);
    const JtJ = J.map((a) => J.map((b) => a.reduce((s, v, i) => s + v * b[i], 0)));
    const Jtr = J.map((a) => a.reduce((s, v, i) => s + v * r[i], 0));
    let improved = false;
    for (let tries = 0; tries < 8 && evaluations < o.maxEvaluations; tries++) {
      const A = JtJ.map((row, a) => row.map((v, b) => (a === b ? v + lambda * Math.max(v, 1e-6) : v)));
      const inv = invert(A);
      if (!inv) {
        lambda *= 10;
        continue;
      }
      const delta = inv.map((row) => -row.reduce((s, v, b) => s + v * Jtr[b], 0));
      const candidate = clip(x.map((v, j) => v + delta[j]));
      if (candidate.every((v, j) => Math.abs(v - x[j]) < xTol)) break;
      const [rc] = await evaluate([candidate]);
      const vc = sumSq(rc);
      if (vc < value * (1 - fTol)) {
        x = candidate;
        r = rc;
        value = vc;
        lambda = Math.max(1e-4, lambda / 3);
        improved = true;
        o.onStep?.(evaluations, value);
        break;
      }
      lambda *= 4;
    }
    if (!improved) return done(evaluations >= o.maxEvaluations ? 'budget' : 'collapsed');
  }
}
