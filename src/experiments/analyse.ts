import { type Interval, interval, mean, pairedDifference, sd } from '../analysis/stats.ts';
import type { Sensitivity, Sweep } from '../scenario/experimentSchema.ts';
import { axisValues, type Point, type SensitivityDesign } from './design.ts';

/** outcome[point][replication] */
export type Values = number[][];

export interface SweepResult {
  kind: 'sweep';
  x: number[];
  y: number[] | null;
  /** Per point (x fastest): the outcome's mean and 95 % interval, and its paired difference from point 0. */
  cells: { point: Point; value: Interval; vsFirst: Interval }[];
}

export function analyseSweep(e: Sweep, points: Point[], values: Values): SweepResult {
  return {
    kind: 'sweep',
    x: axisValues(e.x),
    y: e.y ? axisValues(e.y) : null,
    cells: points.map((point, k) => ({
      point,
      value: interval(values[k]),
      vsFirst: pairedDifference(values[0], values[k]),
    })),
  };
}

export interface TornadoRow {
  path: string;
  low: Interval;
  high: Interval;
  /** high − low, paired by replication. */
  swing: Interval;
}

export interface MorrisRow {
  path: string;
  /** Mean absolute elementary effect (importance). */
  muStar: number;
  /** Mean elementary effect (direction). */
  mu: number;
  /** Spread of the effects (interactions, non-linearity). */
  sigma: number;
}

export interface SensitivityResult {
  kind: 'sensitivity';
  centre: Interval;
  /** Ranked by the size of the swing, largest first. */
  tornado: TornadoRow[];
  /** Ranked by μ*, largest first. */
  morris: MorrisRow[];
}

export function analyseSensitivity(
  e: Sensitivity,
  design: SensitivityDesign,
  values: Values,
): SensitivityResult {
  const tornado = e.parameters.map((p, k) => {
    const lo = values[1 + 2 * k];
    const hi = values[2 + 2 * k];
    return { path: p.path, low: interval(lo), high: interval(hi), swing: pairedDifference(lo, hi) };
  });
  tornado.sort((a, b) => Math.abs(b.swing.mean) - Math.abs(a.swing.mean));
  const effects: number[][] = e.parameters.map(() => []);
  for (const walk of design.trajectories) {
    for (let s = 1; s < walk.length; s++) {
      const step = walk[s];
      if (step.changed === null) continue;
      const before = mean(values[walk[s - 1].point]);
      const after = mean(values[step.point]);
      effects[step.changed].push((after - before) / step.delta);
    }
  }
  const morris = e.parameters.map((p, k) => ({
    path: p.path,
    muStar: mean(effects[k].map(Math.abs)),
    mu: mean(effects[k]),
    sigma: effects[k].length > 1 ? sd(effects[k]) : 0,
  }));
  morris.sort((a, b) => b.muStar - a.muStar);
  return { kind: 'sensitivity', centre: interval(values[0]), tornado, morris };
}
