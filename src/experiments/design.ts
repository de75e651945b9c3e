/**
 * Which parameter settings an experiment evaluates. Every point is run with the same seed and
 * replications 0…R−1, so differences between points come from the parameters, not from the dice
 * (common random numbers).
 */
import seedrandom from 'seedrandom';
import { isChoiceAxis, type Sensitivity, type Sweep, type SweepAxis } from '../scenario/experimentSchema.ts';

/**
 * Parameter values by path. A categorical dimension (a lever's audience) holds the index of its
 * choice, so a point stays a list of numbers: tasks, shards and the optimiser's coordinates treat both alike.
 */
export type Point = Record<string, number>;

/** A numeric axis's values from `from` to `to`; a categorical axis's choices as 0, 1, … (one point each). */
export function axisValues(a: SweepAxis): number[] {
  if (isChoiceAxis(a)) return a.choices.map((_, k) => k);
  return Array.from({ length: a.steps }, (_, k) => a.from + ((a.to - a.from) * k) / (a.steps - 1));
}

/** A line (x only) or a grid (x by y, x varying fastest). */
export function sweepPoints(e: Sweep): Point[] {
  const xs = axisValues(e.x);
  if (!e.y) return xs.map((x) => ({ [e.x.path]: x }));
  const y = e.y;
  return axisValues(y).flatMap((yv) => xs.map((x) => ({ [e.x.path]: x, [y.path]: yv })));
}

export interface SensitivityDesign {
  /** Point 0 is the centre; then each parameter at its low and its high value (the tornado). */
  points: Point[];
  /** Morris trajectories: indices into `points`, each a walk changing one parameter per step. */
  trajectories: { point: number; changed: number | null; delta: number }[][];
}

/**
 * One-at-a-time low/high around the centre (for the tornado), plus Morris (1991) trajectories: from
 * a random start on a grid of `levels` values per parameter, move each parameter once, in random
 * order, by Δ = levels / (2(levels − 1)) of its range. The elementary effects along a trajectory
 * measure each parameter's effect at many places in the space, so interactions and non-linearity show
 * as spread (σ) while overall importance shows as the mean absolute effect (μ*).
 */
export function sensitivityDesign(e: Sensitivity): SensitivityDesign {
  const ps = e.parameters;
  const at = (p: (typeof ps)[number], u: number) => p.low + (p.high - p.low) * u;
  const centre: Point = Object.fromEntries(ps.map((p) => [p.path, at(p, 0.5)]));
  const points: Point[] = [centre];
  for (const p of ps) {
    points.push({ ...centre, [p.path]: p.low });
    points.push({ ...centre, [p.path]: p.high });
  }
  const L = e.morris.levels;
  const delta = L / (2 * (L - 1));
  const rng = seedrandom(`loyalty-lab:morris:${e.seed}:${e.id}`);
  const trajectories: SensitivityDesign['trajectories'] = [];
  for (let t = 0; t < e.morris.trajectories; t++) {
    // Start where a step up by Δ stays inside [0, 1].
    const starts = Array.from({ length: L }, (_, k) => k / (L - 1)).filter((u) => u + delta <= 1 + 1e-12);
    const u = ps.map(() => starts[Math.floor(rng() * starts.length)]);
    const order = ps.map((_, k) => k);
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(rng() * (k + 1));
      [order[k], order[j]] = [order[j], order[k]];
    }
    const walk: SensitivityDesign['trajectories'][number] = [];
    const pointOf = () => Object.fromEntries(ps.map((p, k) => [p.path, at(p, u[k])]));
    points.push(pointOf());
    walk.push({ point: points.length - 1, changed: null, delta: 0 });
    for (const k of order) {
      u[k] += delta;
      points.push(pointOf());
      walk.push({ point: points.length - 1, changed: k, delta });
    }
    trajectories.push(walk);
  }
  return { points, trajectories };
}
