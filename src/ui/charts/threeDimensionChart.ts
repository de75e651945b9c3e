import * as Plot from '@observablehq/plot';
import { seriesColors } from './palette.ts';

export interface DimensionScores {
  plan: string;
  value: number;
  emotion: number;
  experience: number;
}

const ANGLES = [-90, 30, 150].map((d) => (d * Math.PI) / 180);

/**
 * The three-dimension view: value, emotion and experience (0–1) on three axes 120° apart, one
 * triangle per plan. A plan that pulls one dimension stretches one corner; a balanced one grows the
 * whole triangle.
 */
export function threeDimensionChart(
  rows: DimensionScores[],
  o: { title: string; labels: [string, string, string]; width?: number },
) {
  const at = (k: number, r: number) => ({ x: r * Math.cos(ANGLES[k]), y: r * Math.sin(ANGLES[k]) });
  const polygons = rows.flatMap((row) =>
    [row.value, row.emotion, row.experience, row.value].map((r, k) => ({ plan: row.plan, ...at(k % 3, r) })),
  );
  const rings = [0.25, 0.5, 0.75, 1].flatMap((r) => [0, 1, 2, 0].map((k) => ({ ring: r, ...at(k, r) })));
  const axes = [0, 1, 2].map((k) => ({ k, ...at(k, 1), label: o.labels[k] }));
  return Plot.plot({
    title: o.title,
    width: o.width ?? 420,
    height: Math.round(((o.width ?? 420) * 400) / 420),
    aspectRatio: 1,
    x: { axis: null, domain: [-1.25, 1.25] },
    y: { axis: null, domain: [-1.2, 1.2], reverse: true },
    color: { legend: true, ...seriesColors(rows.map((r) => r.plan)) },
    marks: [
      Plot.line(rings, { x: 'x', y: 'y', z: 'ring', stroke: '#ddd' }),
      Plot.link(axes, { x1: 0, y1: 0, x2: 'x', y2: 'y', stroke: '#bbb' }),
      Plot.text(axes, {
        x: (d: { x: number }) => d.x * 1.12,
        y: (d: { y: number }) => d.y * 1.1,
        text: 'label',
        fontWeight: 'bold',
      }),
      Plot.line(polygons, {
        x: 'x',
        y: 'y',
        z: 'plan',
        stroke: 'plan',
        fill: 'plan',
        fillOpacity: 0.1,
        strokeWidth: 2,
      }),
      Plot.dot(polygons, { x: 'x', y: 'y', fill: 'plan', r: 3 }),
    ],
  });
}
