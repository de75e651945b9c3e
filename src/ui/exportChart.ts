/** Saves a Plot chart as SVG or PNG. Plot puts titles and legends in HTML around the <svg>: the SVG export is the plot itself. */
import { download } from './download.ts';
import { plotCss } from './plotStyles.ts';

/** The chart's <svg> with its styles inlined, as standalone SVG text. */
export function svgText(root: Element): string | null {
  const svgs = root.querySelectorAll('svg');
  const svg = [...svgs].sort((a, b) => b.clientWidth * b.clientHeight - a.clientWidth * a.clientHeight)[0];
  if (!svg) return null;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  // Through the CSSOM: the page's policy forbids style attributes set as text.
  clone.style.background = 'white';
  // The page holds Plot's rules in adopted sheets (plotStyles.ts); a standalone file carries its own.
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = plotCss();
  clone.prepend(style);
  return new XMLSerializer().serializeToString(clone);
}

export function exportSvg(root: Element, name: string): void {
  const text = svgText(root);
  if (text) download(new Blob([text], { type: 'image/svg+xml' }), `${name}.svg`);
}

export async function exportPng(root: Element, name: string, scale = 2): Promise<void> {
  const text = svgText(root);
  const svg = root.querySelector('svg');
  if (!text || !svg) return;
  const width = svg.viewBox.baseVal?.width || svg.clientWidth;
  const height = svg.viewBox.baseVal?.height || svg.clientHeight;
  const img = new Image();
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the chart could not be drawn as an image'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
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
