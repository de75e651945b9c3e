import * as Plot from '@observablehq/plot';
import { inOrder, seriesColors } from './palette.ts';

/**
 * Loyalty-ladder rungs over the months, one small panel per plan, each named in its corner: side by
 * side on a wide screen, one above the other on a narrow one (so a plan's name has the width).
 */
export function ladderChart(
  data: { plan: string; month: number; stage: string; people: number }[],
  o: { title: string; stageLabel: (s: string) => string; width?: number; xLabel?: string; yLabel?: string },
) {
  const rows = data.map((d) => ({ ...d, rung: o.stageLabel(d.stage) }));
  const plans = inOrder(rows.map((r) => r.plan));
  const width = o.width ?? 1000;
  const stacked = width < 640;
  const facet = stacked ? 'fy' : 'fx';
  return Plot.plot({
    title: o.title,
    width,
    height: stacked ? 40 + 170 * plans.length : 280,
    marginLeft: 60,
    color: {
      legend: true,
      domain: inOrder(rows.map((r) => r.rung)),
      range: ['#9ecae1', '#3182bd', '#08519c', '#d9d9d9'],
    },
    [facet]: { label: null, domain: plans, axis: null },
    x: { label: o.xLabel ?? 'month', tickFormat: 'd', ticks: 4 },
    y: { label: o.yLabel ?? 'people', grid: true },
    marks: [
      Plot.areaY(rows, { [facet]: 'plan', x: 'month', y: 'people', fill: 'rung', order: null }),
      Plot.frame({ stroke: '#ddd' }),
      Plot.text(
        plans.map((plan) => ({ plan })),
        {
          [facet]: 'plan',
          text: 'plan',
          frameAnchor: 'top-left',
          lineAnchor: 'top',
          dx: 4,
          dy: 4,
          stroke: 'white',
          strokeWidth: 3,
          paintOrder: 'stroke',
          // in ems of the 11 px text: the panel's width less the margins
          lineWidth: Math.max(8, ((stacked ? width : width / plans.length) - 80) / 11),
          textOverflow: 'ellipsis',
          fontSize: 11,
          fill: '#1d2731',
        },
      ),
    ],
  });
}

/** Cohort retention curves: share of early customers still active by months since their first purchase. */
export function cohortChart(
  data: { plan: string; age: number; mean: number; lo: number; hi: number }[],
  o: { title: string; xLabel: string; yLabel: string; width?: number },
) {
  return Plot.plot({
    title: o.title,
    width: o.width ?? 500,
    height: 280,
    marginLeft: 56,
    color: { legend: true, ...seriesColors(data.map((d) => d.plan)) },
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
  o: { title: string; xLabel: string; width?: number },
) {
  const width = o.width ?? 500;
  const marginLeft = Math.min(220, Math.round(width * 0.4));
  return Plot.plot({
    title: o.title,
    width,
    height: 60 + 36 * data.length,
    // Plan names on the left take up to 40 % of a narrow chart; longer ones are cut with an ellipsis.
    marginLeft,
    color: seriesColors(data.map((d) => d.plan)),
    x: { label: o.xLabel, grid: true },
    y: { label: null, domain: data.map((d) => d.plan), axis: null },
    marks: [
      Plot.ruleY(data, { y: 'plan', x1: 'q10', x2: 'q90', stroke: '#888' }),
      Plot.barX(data, { y: 'plan', x1: 'q25', x2: 'q75', fill: 'plan', fillOpacity: 0.6 }),
      Plot.tickX(data, { y: 'plan', x: 'q50', strokeWidth: 3 }),
      Plot.ruleX([0]),
      // Names as an axis of our own, so a long one ends in an ellipsis instead of running off the edge.
      // lineWidth is in ems of Plot's estimate of text width, which runs narrower than the page's
      // font: at the full margin the first letter of a long name fell off the edge ("eighbourhood…").
      Plot.axisY({
        tickSize: 0,
        lineWidth: Math.max(6, ((marginLeft - 12) / 10) * 0.85),
        textOverflow: 'ellipsis',
      }),
    ],
  });
}
