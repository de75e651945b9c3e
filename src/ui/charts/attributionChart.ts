import * as Plot from '@observablehq/plot';
import { PALETTE } from './palette.ts';

export interface AttributionBar {
  /** What was split (a plan, or a setting of the synergy dial): one panel each. */
  facet: string;
  /** The part's label, in the page's language. */
  part: string;
  kind: 'group' | 'interaction' | 'other' | 'total';
  mean: number;
  lo: number;
  hi: number;
  /** For a group: its effect applied alone. */
  alone?: number;
}

const KIND_COLOUR: Record<AttributionBar['kind'], string> = {
  group: PALETTE[0],
  interaction: PALETTE[1],
  other: '#999',
  total: '#333',
};

/**
 * Where a plan's effect comes from: one bar per part (the Shapley part of each lever group, the
 * interaction, the total) with its 95 % paired interval, each group's effect applied alone as a
 * hollow tick; a panel per facet, on one shared scale so panels compare at a glance.
 */
export function attributionChart(
  rows: AttributionBar[],
  o: { title: string; xLabel: string; aloneLabel: string; width?: number; format: (x: number) => string },
) {
  const facets = [...new Set(rows.map((r) => r.facet))];
  const parts = [...new Set(rows.map((r) => r.part))];
  const width = o.width ?? 720;
  const alone = rows.filter((r) => r.alone !== undefined);
  return Plot.plot({
    title: o.title,
    width,
    height: 50 + facets.length * (24 + 26 * parts.length),
    marginLeft: Math.min(220, Math.round(width * 0.36)),
    // Room for the figures beside the bars, and for the panels' names when there are several.
    marginRight: facets.length > 1 ? Math.min(170, Math.round(width * 0.22)) : 44,
    x: { label: o.xLabel, grid: true, tickFormat: o.format },
    y: { label: null, domain: parts },
    fy: { label: null, domain: facets, axis: facets.length > 1 ? 'right' : null },
    marks: [
      Plot.barX(rows, {
        y: 'part',
        fy: 'facet',
        x: 'mean',
        fill: (d: AttributionBar) => KIND_COLOUR[d.kind],
        fillOpacity: 0.75,
      }),
      Plot.ruleY(rows, { y: 'part', fy: 'facet', x1: 'lo', x2: 'hi', stroke: '#222', strokeWidth: 1.5 }),
      Plot.tickX(alone, {
        y: 'part',
        fy: 'facet',
        x: 'alone',
        stroke: '#000',
        strokeWidth: 2,
        strokeDasharray: '3,2',
      }),
      Plot.ruleX([0], { stroke: '#333' }),
      Plot.text(rows, {
        y: 'part',
        fy: 'facet',
        x: 'hi',
        text: (d: AttributionBar) => o.format(d.mean),
        textAnchor: 'start',
        dx: 4,
        fontSize: 10,
        // The figures, for the browser test that reads them off the chart.
        className: 'attribution-figure',
      }),
      Plot.tip(
        rows,
        Plot.pointerY({
          y: 'part',
          fy: 'facet',
          x: 'mean',
          title: (d: AttributionBar) =>
            `${d.part}: ${o.format(d.mean)} [${o.format(d.lo)}, ${o.format(d.hi)}]${d.alone !== undefined ? `\n${o.aloneLabel}: ${o.format(d.alone)}` : ''}`,
        }),
      ),
    ],
  });
}
