import * as Plot from '@observablehq/plot';

export interface BandPoint {
  month: number;
  mean: number;
  lo: number;
  hi: number;
}

export interface TimeSeriesOptions {
  title: string;
  yLabel: string;
  xLabel?: string;
  width?: number;
  height?: number;
  color?: string;
  /** Draw the y = 0 rule (for scores that can be negative, like NPS). */
  zero?: boolean;
  /** False for a single replication: it has no band, so none is drawn and the tip gives no interval. */
  band?: boolean;
}

/**
 * A metric over the months: the mean of the replications as a line, their 95 % band as an area.
 * A pure function of its data, so a chart is reproducible from seeded results.
 */
export function timeSeriesChart(data: BandPoint[], o: TimeSeriesOptions): SVGSVGElement | HTMLElement {
  const color = o.color ?? '#2a6f97';
  const xLabel = o.xLabel ?? 'month';
  const banded = o.band ?? true;
  return Plot.plot({
    title: o.title,
    width: o.width ?? 520,
    height: o.height ?? 260,
    marginLeft: 56,
    x: { label: xLabel, tickFormat: 'd' },
    y: { label: o.yLabel, grid: true, zero: o.zero },
    marks: [
      o.zero ? Plot.ruleY([0], { stroke: '#999' }) : null,
      banded ? Plot.areaY(data, { x: 'month', y1: 'lo', y2: 'hi', fill: color, fillOpacity: 0.2 }) : null,
      Plot.lineY(data, { x: 'month', y: 'mean', stroke: color, strokeWidth: 2 }),
      Plot.tip(
        data,
        Plot.pointerX({
          x: 'month',
          y: 'mean',
          title: (d: BandPoint) =>
            `${xLabel} ${d.month}\n${d.mean.toFixed(1)}${banded ? ` [${d.lo.toFixed(1)}, ${d.hi.toFixed(1)}]` : ''}`,
        }),
      ),
    ],
  });
}

const TINY: BandPoint[] = [0, 1, 2].map((month) => ({ month, mean: month, lo: 0, hi: 2 * month }));

/**
 * Plot's first chart costs several times the later ones (its code still cold: scales and axes, then
 * each mark, then the pointer's tip). These draw ever fuller tiny charts, unseen, one step per idle
 * moment: in one step the warm-up was itself a 55–130 ms task at load.
 */
export const warmUps: (() => unknown)[] = [
  () =>
    Plot.plot({ width: 80, height: 60, x: { tickFormat: 'd' }, y: { grid: true }, marks: [Plot.ruleY([0])] }),
  () =>
    Plot.plot({
      width: 80,
      height: 60,
      marks: [
        Plot.areaY(TINY, { x: 'month', y1: 'lo', y2: 'hi', fillOpacity: 0.2 }),
        Plot.lineY(TINY, { x: 'month', y: 'mean' }),
      ],
    }),
  () => timeSeriesChart(TINY, { title: '', yLabel: '' }),
];
