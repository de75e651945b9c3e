import * as Plot from '@observablehq/plot';
import { seriesColors } from './palette.ts';

export interface PlanPoint {
  plan: string;
  month: number;
  mean: number;
  lo: number;
  hi: number;
}

/**
 * One metric over the months for several plans: a line per plan with its 95 % band, and a legend.
 * Plans keep the order (and so the colour) in which they first appear in `data`.
 */
export function compareChart(
  data: PlanPoint[],
  o: { title: string; yLabel: string; xLabel?: string; width?: number; zero?: boolean },
): SVGSVGElement | HTMLElement {
  const xLabel = o.xLabel ?? 'month';
  return Plot.plot({
    title: o.title,
    width: o.width ?? 760,
    height: 320,
    marginLeft: 64,
    color: { legend: true, ...seriesColors(data.map((d) => d.plan)) },
    x: { label: xLabel, tickFormat: 'd' },
    y: { label: o.yLabel, grid: true, zero: o.zero },
    marks: [
      o.zero ? Plot.ruleY([0], { stroke: '#999' }) : null,
      Plot.areaY(data, { x: 'month', y1: 'lo', y2: 'hi', fill: 'plan', fillOpacity: 0.15 }),
      Plot.lineY(data, { x: 'month', y: 'mean', stroke: 'plan', strokeWidth: 2 }),
      Plot.tip(
        data,
        Plot.pointerX({
          x: 'month',
          y: 'mean',
          stroke: 'plan',
          title: (d: PlanPoint) =>
            `${d.plan}\n${xLabel} ${d.month}: ${d.mean.toFixed(2)} [${d.lo.toFixed(2)}, ${d.hi.toFixed(2)}]`,
        }),
      ),
    ],
  });
}
