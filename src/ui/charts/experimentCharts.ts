/** Charts of experiment results: pure functions of their data, like every chart in the app. */
import * as Plot from '@observablehq/plot';
import { inOrder, seriesColors } from './palette.ts';

export function sweepChart(
  data: { x: number; mean: number; lo: number; hi: number }[],
  o: { width?: number; title: string; xLabel: string; yLabel: string },
) {
  return Plot.plot({
    title: o.title,
    width: o.width ?? 640,
    height: 300,
    marginLeft: 72,
    x: { label: o.xLabel },
    y: { label: o.yLabel, grid: true },
    marks: [
      Plot.areaY(data, { x: 'x', y1: 'lo', y2: 'hi', fill: '#2a6f97', fillOpacity: 0.18 }),
      Plot.lineY(data, { x: 'x', y: 'mean', stroke: '#2a6f97', strokeWidth: 2 }),
      Plot.dot(data, { x: 'x', y: 'mean', fill: '#2a6f97', tip: true }),
    ],
  });
}

/** Width of a label in ems at Plot's 10 px: Chinese characters are full-width, the rest about half. */
const CJK = /[\u3000-\u9fff\uff00-\uffef]/;
const ems = (text: string) => [...text].reduce((w, c) => w + (CJK.test(c) ? 1 : 0.6), 0);

/**
 * A label broken into lines of at most `width` ems: at spaces, and a run still too wide (Chinese, which has
 * no spaces) into even pieces between its characters, none starting with punctuation. Plot breaks
 * only at spaces and measures a Chinese character as half its width, so the labels of a narrow
 * chart ran into each other.
 */
export function wrapLabel(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && ems(`${line} ${word}`) > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.flatMap((l) => {
    const pieces = Math.ceil(ems(l) / width);
    // A word in letters stays whole: cut, it would read as two.
    if (pieces <= 1 || !CJK.test(l)) return [l];
    const chars = [...l];
    const size = Math.ceil(chars.length / pieces);
    const out: string[] = [];
    for (let k = 0; k < chars.length; k += size) {
      const piece = chars.slice(k, k + size).join('');
      const lead = /^\p{P}+/u.exec(piece)?.[0] ?? '';
      if (out.length && lead) out[out.length - 1] += lead;
      if (piece.length > lead.length) out.push(piece.slice(lead.length));
    }
    return out;
  });
}

/**
 * A sweep over choices (a lever's audience): one point per choice with its 95 % interval, the
 * choices in the experiment's order — a line between them would invent values in between.
 */
export function choiceChart(
  data: { choice: string; mean: number; lo: number; hi: number }[],
  o: { width?: number; title: string; xLabel: string; yLabel: string; zeroLine?: boolean },
) {
  const width = o.width ?? 640;
  const marginLeft = 72;
  const marginRight = 20;
  // Each choice's label fits its band (the step, at Plot's 10 px), on as many lines as it needs.
  const step = (width - marginLeft - marginRight) / Math.max(1, data.length);
  const lines = new Map(data.map((d) => [d.choice, wrapLabel(d.choice, (0.9 * step) / 10)]));
  const most = Math.max(1, ...[...lines.values()].map((l) => l.length));
  const marginBottom = 22 + 11 * most + 14;
  return Plot.plot({
    title: o.title,
    width,
    height: 300 + 11 * (most - 1),
    marginLeft,
    marginRight,
    marginBottom,
    x: {
      label: o.xLabel,
      labelOffset: marginBottom - 4,
      type: 'band',
      domain: data.map((d) => d.choice),
      padding: 0.4,
      tickFormat: (c: string) => lines.get(c)?.join('\n') ?? c,
    },
    y: { label: o.yLabel, grid: true },
    // Named marks, for tests and style sheets (the chart drops Plot's own labels of its groups).
    marks: [
      Plot.ruleX(data, {
        x: 'choice',
        y1: 'lo',
        y2: 'hi',
        stroke: '#2a6f97',
        strokeWidth: 3,
        strokeOpacity: 0.4,
        className: 'choice-interval',
      }),
      Plot.dot(data, { x: 'choice', y: 'mean', fill: '#2a6f97', r: 5, tip: true, className: 'choice-point' }),
      ...(o.zeroLine ? [Plot.ruleY([0], { stroke: '#555', strokeDasharray: '4,3' })] : []),
    ],
  });
}

/** Values of a heat map's axes: numbers, or the labels of a categorical axis's choices (in order). */
export function heatMapChart(
  data: { x: number | string; y: number | string; mean: number }[],
  o: { width?: number; title: string; xLabel: string; yLabel: string; valueLabel: string },
) {
  const fmt = (v: number | string) =>
    typeof v === 'string' ? v : Math.abs(v) >= 1000 ? v.toFixed(0) : v.toPrecision(3);
  // Choices keep the experiment's order; numbers keep Plot's sorted order.
  const order = (vs: (number | string)[]) => (typeof vs[0] === 'string' ? [...new Set(vs)] : undefined);
  return Plot.plot({
    title: o.title,
    width: o.width ?? 640,
    height: 80 + 44 * new Set(data.map((d) => d.y)).size,
    marginLeft: 72,
    padding: 0.04,
    x: { label: o.xLabel, type: 'band', tickFormat: fmt, domain: order(data.map((d) => d.x)) },
    y: { label: o.yLabel, type: 'band', tickFormat: fmt, reverse: true, domain: order(data.map((d) => d.y)) },
    color: { type: 'linear', scheme: 'viridis', legend: true, label: o.valueLabel },
    marks: [
      Plot.cell(data, { x: 'x', y: 'y', fill: 'mean', tip: true }),
      Plot.text(data, {
        x: 'x',
        y: 'y',
        text: (d: { mean: number }) => fmt(d.mean),
        fill: 'white',
        stroke: 'black',
        strokeOpacity: 0.35,
      }),
    ],
  });
}

/** Tornado: per parameter, the outcome at its low and at its high value, around the centre. */
export function tornadoChart(
  rows: { label: string; low: number; high: number }[],
  o: { width?: number; title: string; centre: number; xLabel: string; lowLabel: string; highLabel: string },
) {
  const bars = rows.flatMap((r) => [
    { label: r.label, from: o.centre, to: r.low, end: o.lowLabel },
    { label: r.label, from: o.centre, to: r.high, end: o.highLabel },
  ]);
  return Plot.plot({
    title: o.title,
    width: o.width ?? 720,
    height: 70 + 30 * rows.length,
    marginLeft: Math.min(260, Math.round((o.width ?? 720) * 0.42)),
    x: { label: o.xLabel, grid: true },
    y: { label: null, domain: rows.map((r) => r.label) },
    color: { domain: [o.lowLabel, o.highLabel], range: ['#d1495b', '#2a9d55'], legend: true },
    marks: [
      Plot.barX(bars, { y: 'label', x1: 'from', x2: 'to', fill: 'end', fillOpacity: 0.8 }),
      Plot.ruleX([o.centre], { stroke: '#333' }),
    ],
  });
}

/** Morris screening: importance (μ*) against interaction/non-linearity (σ). */
export function morrisChart(
  rows: { label: string; muStar: number; sigma: number }[],
  o: { width?: number; title: string; xLabel: string; yLabel: string },
) {
  return Plot.plot({
    title: o.title,
    width: o.width ?? 640,
    height: 320,
    marginLeft: 72,
    marginRight: 120,
    x: { label: o.xLabel, grid: true, zero: true },
    y: { label: o.yLabel, grid: true, zero: true },
    marks: [
      Plot.dot(rows, { x: 'muStar', y: 'sigma', fill: '#2a6f97', r: 5, tip: true, title: 'label' }),
      Plot.text(rows, { x: 'muStar', y: 'sigma', text: 'label', dx: 8, textAnchor: 'start', fontSize: 10 }),
    ],
  });
}

/** The optimiser's search: best feasible objective so far, per evaluation. */
export function convergenceChart(
  trace: number[],
  searched: { objective: number; feasible: boolean }[],
  o: {
    width?: number;
    title: string;
    xLabel: string;
    yLabel: string;
    feasibleLabel: string;
    infeasibleLabel: string;
  },
) {
  const best = trace.map((v, k) => ({ k: k + 1, v })).filter((d) => Number.isFinite(d.v));
  const tried = searched.map((s, k) => ({
    k: k + 1,
    v: s.objective,
    kind: s.feasible ? o.feasibleLabel : o.infeasibleLabel,
  }));
  return Plot.plot({
    title: o.title,
    width: o.width ?? 640,
    height: 300,
    marginLeft: 80,
    x: { label: o.xLabel },
    y: { label: o.yLabel, grid: true },
    color: { domain: [o.feasibleLabel, o.infeasibleLabel], range: ['#2a6f97', '#bbbbbb'], legend: true },
    marks: [
      Plot.dot(tried, { x: 'k', y: 'v', stroke: 'kind', r: 3 }),
      Plot.line(best, { x: 'k', y: 'v', stroke: '#d1495b', strokeWidth: 2, curve: 'step-after' }),
    ],
  });
}

/** Value, emotion and experience scores of two mixes side by side. */
export function dimensionsChart(
  rows: { mix: string; dimension: string; score: number }[],
  o: { width?: number; title: string; yLabel: string },
) {
  return Plot.plot({
    title: o.title,
    width: o.width ?? 420,
    height: 260,
    marginLeft: 56,
    fx: { label: null, domain: inOrder(rows.map((r) => r.dimension)) },
    x: { axis: null },
    y: { label: o.yLabel, grid: true, domain: [0, 1] },
    color: { legend: true, ...seriesColors(rows.map((r) => r.mix)) },
    marks: [Plot.barY(rows, { fx: 'dimension', x: 'mix', y: 'score', fill: 'mix' }), Plot.ruleY([0])],
  });
}
