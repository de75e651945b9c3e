import { csvDocument, csvField, csvNumber } from '../analysis/csv.ts';
import { type Interval, interval, mean, pairedDifference, sd } from '../analysis/stats.ts';
import {
  type AudienceChoice,
  isChoiceAxis,
  type Sensitivity,
  type Sweep,
  type SweepAxis,
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

/** What the sweep's CSV is written in: the page's language, the outcome's unit and precision. */
export interface SweepCsvText {
  /** An axis's header: its parameter's name and unit ("Discount → Depth (%)"). */
  axis: (a: SweepAxis) => string;
  /** A choice as people say it ("top 20 % by value"). */
  choice: (c: AudienceChoice) => string;
  /** The six figure columns: the outcome's mean, 95 % low and high; the same for the difference from the first point. */
  columns: readonly string[];
  /** An outcome's figure rounded for its unit. */
  value: (x: number) => string;
}

/**
 * The sweep's table as CSV, one row per point: each axis's value (a choice as its label, e.g. "top
 * 20 % by value"), the outcome's mean and 95 % interval, and the paired difference from the first point.
 */
export function sweepCsv(e: Sweep, r: SweepResult, text: SweepCsvText): string {
  const axes = e.y ? [e.x, e.y] : [e.x];
  const rows = r.cells.map((c) => [
    ...axes.map((a) =>
      isChoiceAxis(a) ? csvField(text.choice(a.choices[c.point[a.path]])) : csvNumber(c.point[a.path]),
    ),
    ...[c.value.mean, c.value.lo, c.value.hi, c.vsFirst.mean, c.vsFirst.lo, c.vsFirst.hi].map(text.value),
  ]);
  return csvDocument([...axes.map(text.axis), ...text.columns], rows);
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
