/**
 * Charts as files and as something a screen reader can name. Plot puts a chart's title and its
 * categorical legend in HTML around the <svg>, so the plot's <svg> alone has neither: an export
 * composes one standalone SVG with the title, the legend (each plan's swatch and name), the plot
 * with its axes and units, and a caption saying what was run.
 */
import { download } from './download.ts';
import { adoptPlotStyles, plotCss } from './plotStyles.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
const FONT = 'system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", sans-serif';

interface PlotScale {
  type?: string;
  domain?: unknown[];
  range?: unknown[];
  label?: string;
}
type PlotElement = Element & { scale?: (name: string) => PlotScale | undefined };

/** The plot's own <svg>: Plot's figure holds legends first (swatches in HTML, ramps as <svg>), the plot last. */
export function plotSvg(chart: Element): SVGSVGElement | null {
  if (chart instanceof SVGSVGElement) return chart;
  const direct = [...chart.children].filter((c): c is SVGSVGElement => c instanceof SVGSVGElement);
  return direct.at(-1) ?? null;
}

export function chartTitle(chart: Element): string {
  return chart.querySelector(':scope > h2')?.textContent?.trim() ?? '';
}

/** The categorical colour legend Plot drew (swatch colour and label, in legend order), if any. */
export function legendItems(chart: Element): { label: string; color: string }[] {
  if (!chart.querySelector(':scope > div[class*="-swatches"]')) return [];
  const s = (chart as PlotElement).scale?.('color');
  if (!s?.domain || !s.range || (s.type !== 'ordinal' && s.type !== 'categorical')) return [];
  const range = s.range;
  return s.domain.map((d, k) => ({ label: String(d), color: String(range[k % range.length]) }));
}

/** How a chart's description is worded and punctuated in the page's language (the i18n chart* keys). */
export interface DescribeWords {
  series: string;
  from: string;
  to: string;
  /** ': ' in English, '：' in Chinese; likewise the list comma, the full stop between sentences and the last one. */
  colon: string;
  comma: string;
  stop: string;
  end: string;
}

/** A sentence for screen readers: what the chart shows, its axes' ranges and its series. */
export function describe(chart: Element, words: DescribeWords): string {
  const p = chart as PlotElement;
  const parts: string[] = [];
  for (const name of ['x', 'y']) {
    const s = p.scale?.(name);
    const d = s?.domain;
    if (!d || d.length === 0) continue;
    const label = (s.label ?? '').replace(/[↑→←↓]/g, '').trim();
    const fmt = (v: unknown) =>
      typeof v === 'number'
        ? Math.abs(v) >= 100
          ? Math.round(v).toLocaleString()
          : String(+v.toPrecision(3))
        : String(v);
    const span =
      typeof d[0] === 'number'
        ? `${words.from} ${fmt(d[0])} ${words.to} ${fmt(d[d.length - 1])}`
        : d.map(fmt).join(words.comma);
    parts.push(label ? `${label}${words.colon}${span}` : span);
  }
  const items = legendItems(chart);
  if (items.length) parts.push(`${words.series}${words.colon}${items.map((i) => i.label).join(words.comma)}`);
  return parts.length ? parts.join(words.stop) + words.end : '';
}

let measurer: CanvasRenderingContext2D | null = null;
function textWidth(text: string, px: number, bold = false): number {
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer) return text.length * px * 0.6;
  measurer.font = `${bold ? 'bold ' : ''}${px}px ${FONT}`;
  return measurer.measureText(text).width;
}

function el(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Breaks text into lines no wider than `width` at the given size (at spaces, or anywhere for CJK). */
function wrap(text: string, px: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of text.match(/[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+\s*|\s+/g) ??
    []) {
    if (line && textWidth(line + token, px) > width) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else line += token;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

export interface Composed {
  svg: SVGSVGElement;
  width: number;
  height: number;
}

/** The chart as one standalone SVG: title, legend, plot, caption. */
export function composeChart(chart: Element, caption: string[] = []): Composed | null {
  const plot = plotSvg(chart);
  if (!plot) return null;
  const pw = Number(plot.getAttribute('width')) || plot.viewBox.baseVal?.width || plot.clientWidth;
  const ph = Number(plot.getAttribute('height')) || plot.viewBox.baseVal?.height || plot.clientHeight;
  const pad = 16;
  const width = Math.max(pw + 2 * pad, 480);
  const inner = width - 2 * pad;
  const root = el('svg', { xmlns: SVG_NS, 'font-family': FONT, role: 'img' }) as SVGSVGElement;
  const title = chartTitle(chart);
  let y = pad;
  if (title) root.append(el('title', {}, title));
  root.append(el('rect', { x: 0, y: 0, width: '100%', height: '100%', fill: 'white' }));
  for (const line of wrap(title, 17, inner)) {
    y += 20;
    root.append(el('text', { x: pad, y, 'font-size': 17, 'font-weight': 'bold', fill: '#1d2731' }, line));
  }
  if (title) y += 8;
  // Legend: swatch and name per series, flowing into rows.
  const items = legendItems(chart);
  if (items.length) {
    let x = pad;
    y += 4;
    for (const item of items) {
      const w = 14 + 6 + textWidth(item.label, 13) + 18;
      if (x > pad && x + w > pad + inner) {
        x = pad;
        y += 20;
      }
      root.append(el('rect', { x, y: y, width: 14, height: 14, rx: 2, fill: item.color }));
      root.append(el('text', { x: x + 20, y: y + 12, 'font-size': 13, fill: '#1d2731' }, item.label));
      x += w;
    }
    y += 26;
  }
  // Continuous legends (colour ramps) are SVGs of their own before the plot.
  for (const ramp of [...chart.children].filter((c) => c instanceof SVGSVGElement && c !== plot)) {
    const r = ramp.cloneNode(true) as SVGSVGElement;
    const rh = Number(r.getAttribute('height')) || 50;
    r.setAttribute('x', String(pad));
    r.setAttribute('y', String(y));
    root.append(r);
    y += rh + 4;
  }
  // The page holds Plot's rules in adopted sheets (plotStyles.ts, for the page's CSP); a standalone
  // file carries its own copy. A chart built just for the file still has its <style>: adopt it first.
  adoptPlotStyles(chart);
  root.append(el('style', {}, plotCss()));
  const p = plot.cloneNode(true) as SVGSVGElement;
  // The pointer's tip is a state of the screen, not part of the chart.
  for (const tip of p.querySelectorAll('g[aria-label="tip"]')) tip.remove();
  p.setAttribute('x', String(pad));
  p.setAttribute('y', String(y));
  p.setAttribute('width', String(pw));
  p.setAttribute('height', String(ph));
  p.removeAttribute('style');
  root.append(p);
  y += ph;
  for (const text of caption) {
    for (const line of wrap(text, 12, inner)) {
      y += 16;
      root.append(el('text', { x: pad, y, 'font-size': 12, fill: '#4a5a68' }, line));
    }
  }
  const height = Math.ceil(y + pad);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  return { svg: root, width, height };
}

export function svgText(c: Composed): string {
  return new XMLSerializer().serializeToString(c.svg);
}

/** A file name from what the chart is: lower case, words joined by hyphens, CJK kept. */
export function fileName(...parts: string[]): string {
  return parts
    .join(' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
}

export function exportSvg(chart: Element, name: string, caption: string[] = []): void {
  const c = composeChart(chart, caption);
  if (c) download(new Blob([svgText(c)], { type: 'image/svg+xml' }), `${name}.svg`);
}

export async function exportPng(
  chart: Element,
  name: string,
  caption: string[] = [],
  scale = 2,
): Promise<void> {
  const c = composeChart(chart, caption);
  if (!c) return;
  const img = new Image();
  const url = URL.createObjectURL(new Blob([svgText(c)], { type: 'image/svg+xml' }));
  try {
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the chart could not be drawn as an image'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(c.width * scale);
    canvas.height = Math.round(c.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.fillStyle = 'white';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (blob) download(blob, `${name}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}
