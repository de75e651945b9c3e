import { type Interval, interval, mean, pairedDifference, sd } from '../analysis/stats.ts';
import {
  type AudienceChoice,
  isChoiceAxis,
  type Sensitivity,
  type Sweep,
} from '../scenario/experimentSchema.ts';
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

/**
 * The sweep's table as CSV, one row per point: each axis's value (a choice as its label, e.g. "top
 * 20 % by value"), the outcome's mean and 95 % interval, and the paired difference from the first point.
 */
export function sweepCsv(e: Sweep, r: SweepResult, choiceLabel: (c: AudienceChoice) => string): string {
  const q = (x: string) => JSON.stringify(x);
  const n = (x: number) => (Number.isFinite(x) ? String(x) : '');
  const axes = e.y ? [e.x, e.y] : [e.x];
  const lines = [
    [
      ...axes.map((a) => q(a.path)),
      `${e.outcome}_mean`,
      `${e.outcome}_lo`,
      `${e.outcome}_hi`,
      'vs_first_mean',
      'vs_first_lo',
      'vs_first_hi',
    ].join(','),
  ];
  for (const c of r.cells)
    lines.push(
      [
        ...axes.map((a) =>
          isChoiceAxis(a) ? q(choiceLabel(a.choices[c.point[a.path]])) : n(c.point[a.path]),
        ),
        n(c.value.mean),
        n(c.value.lo),
        n(c.value.hi),
        n(c.vsFirst.mean),
        n(c.vsFirst.lo),
        n(c.vsFirst.hi),
      ].join(','),
    );
  return `${lines.join('\n')}\n`;
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
