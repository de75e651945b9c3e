/**
 * Where each traced customer sits on the canvas: a grid filled row by row, every other row reversed
 * (a serpentine), so customers next to each other in the market's ring — who are mostly each other's
 * contacts — are next to each other on screen too.
 */
export interface GridLayout {
  cols: number;
  rows: number;
  cell: number;
  width: number;
  height: number;
}

export function gridLayout(size: number, width: number, height: number): GridLayout {
  const cols = Math.max(1, Math.ceil(Math.sqrt((size * width) / height)));
  const rows = Math.max(1, Math.ceil(size / cols));
  const cell = Math.max(2, Math.floor(Math.min(width / cols, height / rows)));
  return { cols, rows, cell, width: cols * cell, height: rows * cell };
}

/** Centre of customer i, in canvas pixels. */
export function position(g: GridLayout, i: number): [number, number] {
  const r = Math.floor(i / g.cols);
  const c0 = i % g.cols;
  const c = r % 2 === 0 ? c0 : g.cols - 1 - c0;
  return [(c + 0.5) * g.cell, (r + 0.5) * g.cell];
}

/** The customer under a point, or −1. */
export function customerAt(g: GridLayout, size: number, x: number, y: number): number {
  const c = Math.floor(x / g.cell);
  const r = Math.floor(y / g.cell);
  if (c < 0 || c >= g.cols || r < 0 || r >= g.rows) return -1;
  const i = r * g.cols + (r % 2 === 0 ? c : g.cols - 1 - c);
  return i < size ? i : -1;
}

export const STAGE_COLOURS = ['#d9d9d9', '#b7c7d6', '#8ecae6', '#2a6f97', '#2a9d55', '#d1495b'];

export { HEALTH_COLOURS } from '../charts/palette.ts';

/** Dots without a colour of their own: not a customer (or, at month 0, not scored yet). */
export const NO_COLOUR = '#eeeeee';

/** Satisfaction 0–255 on a red–amber–green scale. */
export function satisfactionColour(s: number): string {
  const x = s / 255;
  const r = x < 0.5 ? 209 : Math.round(209 - (x - 0.5) * 2 * (209 - 42));
  const g = x < 0.5 ? Math.round(73 + x * 2 * (170 - 73)) : Math.round(170 - (x - 0.5) * 2 * (170 - 157));
  const b = x < 0.5 ? Math.round(91 - x * 2 * 50) : Math.round(41 + (x - 0.5) * 2 * (85 - 41));
  return `rgb(${r},${g},${b})`;
}
