import * as Plot from '@observablehq/plot';

export interface PlanPoint {
  plan: string;
  month: number;
  mean: number;
  lo: number;
  hi: number;
}

/** One metric over the months for several plans: a line per plan with its 95 % band, and a legend. */
export function compareChart(
  data: PlanPoint[],
  o: { title: string; yLabel: string; width?: number; zero?: boolean },
): SVGSVGElement | HTMLElement {
  return Plot.plot({
    title: o.title,
    width: o.width ?? 760,
    height: 320,
    marginLeft: 64,
    color: { legend: true, scheme: 'tableau10' },
    x: { label: 'month', tickFormat: 'd' },
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
            `${d.plan}\nmonth ${d.month}: ${d.mean.toFixed(2)} [${d.lo.toFixed(2)}, ${d.hi.toFixed(2)}]`,
        }),
      ),
    ],
  });
}
