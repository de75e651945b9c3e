import * as Plot from '@observablehq/plot';
import { HEALTH_COLOURS } from './palette.ts';

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

export interface HealthSharePoint {
  month: number;
  band: 'good' | 'average' | 'poor';
  /** Mean share of the active customers over the replications, in %. */
  share: number;
}

/**
 * The active customers' health, month by month: the mean shares good / average / poor stacked to
 * 100 %, poor at the bottom so the at-risk share reads straight off the axis. `labels` names the
 * bands in the language shown; the colours are the population view's.
 */
export function healthSharesChart(
  data: HealthSharePoint[],
  o: TimeSeriesOptions & { labels: Record<HealthSharePoint['band'], string> },
): SVGSVGElement | HTMLElement {
  const xLabel = o.xLabel ?? 'month';
  const order = ['poor', 'average', 'good'] as const;
  const rows = data.map((d) => ({ ...d, label: o.labels[d.band] }));
  return Plot.plot({
    title: o.title,
    width: o.width ?? 520,
    height: o.height ?? 260,
    marginLeft: 56,
    color: {
      legend: true,
      type: 'ordinal',
      domain: order.map((b) => o.labels[b]),
      range: order.map((b) => HEALTH_COLOURS[b]),
    },
    x: { label: xLabel, tickFormat: 'd' },
    y: { label: o.yLabel, grid: true, domain: [0, 100] },
    marks: [
      Plot.areaY(rows, {
        x: 'month',
        y: 'share',
        fill: 'label',
        order: order.map((b) => o.labels[b]),
        fillOpacity: 0.85,
      }),
      Plot.tip(
        rows,
        Plot.pointerX(
          Plot.stackY({
            x: 'month',
            y: 'share',
            fill: 'label',
            order: order.map((b) => o.labels[b]),
            title: (d: (typeof rows)[number]) => `${xLabel} ${d.month}\n${d.label}: ${d.share.toFixed(1)} %`,
          }),
        ),
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
  // Its stack and its legend are code the two line charts never run (20–50 ms cold, measured).
  () =>
    healthSharesChart(
      TINY.flatMap((d) =>
        (['good', 'average', 'poor'] as const).map((band) => ({ month: d.month, band, share: 30 })),
      ),
      { title: '', yLabel: '', labels: { good: 'g', average: 'a', poor: 'p' } },
    ),
];
