import * as Plot from '@observablehq/plot';

/** Loyalty-ladder rungs over the months, one small panel per plan. */
export function ladderChart(
  data: { plan: string; month: number; stage: string; people: number }[],
  o: { title: string; stageLabel: (s: string) => string; width?: number },
) {
  const rows = data.map((d) => ({ ...d, rung: o.stageLabel(d.stage) }));
  return Plot.plot({
    title: o.title,
    width: o.width ?? 1000,
    height: 260,
    marginLeft: 60,
    color: {
      legend: true,
      domain: [...new Set(rows.map((r) => r.rung))],
      range: ['#9ecae1', '#3182bd', '#08519c', '#d9d9d9'],
    },
    fx: { label: null },
    x: { label: 'month', tickFormat: 'd', ticks: 4 },
    y: { label: 'people', grid: true },
    marks: [
      Plot.areaY(rows, { fx: 'plan', x: 'month', y: 'people', fill: 'rung', order: null }),
      Plot.frame({ stroke: '#ddd' }),
    ],
  });
}

/** Cohort retention curves: share of early customers still active by months since their first purchase. */
export function cohortChart(
  data: { plan: string; age: number; mean: number; lo: number; hi: number }[],
  o: { title: string; xLabel: string; yLabel: string },
) {
  return Plot.plot({
    title: o.title,
    width: 500,
    height: 280,
    marginLeft: 56,
    color: { legend: true, scheme: 'tableau10' },
    x: { label: o.xLabel, tickFormat: 'd' },
    y: { label: o.yLabel, grid: true, domain: [0, 1], tickFormat: '%' },
    marks: [
      Plot.areaY(data, { x: 'age', y1: 'lo', y2: 'hi', fill: 'plan', fillOpacity: 0.15 }),
      Plot.lineY(data, { x: 'age', y: 'mean', stroke: 'plan', strokeWidth: 2 }),
    ],
  });
}

/** CLV per customer by plan: 10–90 % whiskers, 25–75 % box, median tick. */
export function clvChart(
  data: { plan: string; q10: number; q25: number; q50: number; q75: number; q90: number }[],
  o: { title: string; xLabel: string },
) {
  return Plot.plot({
    title: o.title,
    width: 500,
    height: 60 + 36 * data.length,
    marginLeft: 220,
    color: { scheme: 'tableau10' },
    x: { label: o.xLabel, grid: true },
    y: { label: null },
    marks: [
      Plot.ruleY(data, { y: 'plan', x1: 'q10', x2: 'q90', stroke: '#888' }),
      Plot.barX(data, { y: 'plan', x1: 'q25', x2: 'q75', fill: 'plan', fillOpacity: 0.6 }),
      Plot.tickX(data, { y: 'plan', x: 'q50', strokeWidth: 3 }),
      Plot.ruleX([0]),
    ],
  });
}
