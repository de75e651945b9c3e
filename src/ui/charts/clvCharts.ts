/** Diagnostics of a CLV fit, actual against model: pure functions of the fit report's data. */
import * as Plot from '@observablehq/plot';

const SERIES = (actual: string, model: string, second?: string) => ({
  domain: second ? [actual, model, second] : [actual, model],
  range: ['#2a6f97', '#d1495b', '#edae49'],
  legend: true,
});

export function frequencyChart(
  rows: { x: number; actual: number; model: number }[],
  o: { title: string; xLabel: string; yLabel: string; actual: string; model: string },
) {
  const data = rows.flatMap((r) => [
    { x: r.x === rows.length - 1 ? `${r.x}+` : String(r.x), kind: o.actual, customers: r.actual },
    { x: r.x === rows.length - 1 ? `${r.x}+` : String(r.x), kind: o.model, customers: r.model },
  ]);
  return Plot.plot({
    title: o.title,
    width: 520,
    height: 280,
    marginLeft: 60,
    fx: { label: o.xLabel },
    x: { axis: null },
    y: { label: o.yLabel, grid: true },
    color: SERIES(o.actual, o.model),
    marks: [Plot.barY(data, { fx: 'x', x: 'kind', y: 'customers', fill: 'kind' }), Plot.ruleY([0])],
  });
}

export function trackingChart(
  rows: { week: number; actual: number; model: number }[],
  o: {
    title: string;
    xLabel: string;
    yLabel: string;
    actual: string;
    model: string;
    calibrationWeek: number;
    incremental?: boolean;
    /** A second model's forecast, week by week (the side-by-side comparison). */
    second?: { label: string; values: number[] };
  },
) {
  const values = o.incremental
    ? rows.map((r, k) => ({
        week: r.week,
        actual: r.actual - (k ? rows[k - 1].actual : 0),
        model: r.model - (k ? rows[k - 1].model : 0),
        second: o.second ? o.second.values[k] - (k ? o.second.values[k - 1] : 0) : 0,
      }))
    : rows.map((r, k) => ({ ...r, second: o.second?.values[k] ?? 0 }));
  const data = values.flatMap((r) => [
    { week: r.week, kind: o.actual, v: r.actual },
    { week: r.week, kind: o.model, v: r.model },
    ...(o.second ? [{ week: r.week, kind: o.second.label, v: r.second }] : []),
  ]);
  return Plot.plot({
    title: o.title,
    width: 520,
    height: 280,
    marginLeft: 60,
    x: { label: o.xLabel },
    y: { label: o.yLabel, grid: true },
    color: SERIES(o.actual, o.model, o.second?.label),
    marks: [
      Plot.ruleX([o.calibrationWeek], { stroke: '#888', strokeDasharray: '4,3' }),
      Plot.line(data, { x: 'week', y: 'v', stroke: 'kind', strokeWidth: 1.5 }),
    ],
  });
}

export function conditionalChart(
  rows: { x: number; customers: number; actual: number; model: number }[],
  o: { title: string; xLabel: string; yLabel: string; actual: string; model: string },
) {
  const data = rows
    .filter((r) => r.customers > 0)
    .flatMap((r) => [
      { x: r.x, kind: o.actual, v: r.actual },
      { x: r.x, kind: o.model, v: r.model },
    ]);
  return Plot.plot({
    title: o.title,
    width: 520,
    height: 280,
    marginLeft: 60,
    x: { label: o.xLabel, ticks: 8 },
    y: { label: o.yLabel, grid: true },
    color: SERIES(o.actual, o.model),
    marks: [
      Plot.line(data, { x: 'x', y: 'v', stroke: 'kind', strokeWidth: 2 }),
      Plot.dot(data, { x: 'x', y: 'v', fill: 'kind' }),
    ],
  });
}

/** The CLV distribution from bins counted in the worker (a log may have hundreds of thousands of customers). */
export function clvDistributionChart(
  bins: { x0: number; x1: number; count: number }[],
  o: { title: string; xLabel: string; yLabel: string },
) {
  return Plot.plot({
    title: o.title,
    width: 520,
    height: 280,
    marginLeft: 60,
    x: { label: o.xLabel },
    y: { label: o.yLabel, grid: true },
    marks: [
      Plot.rectY(bins, { x1: 'x0', x2: 'x1', y: 'count', fill: '#2a6f97', insetLeft: 0.5, insetRight: 0.5 }),
      Plot.ruleY([0]),
    ],
  });
}
