import { useEffect, useId, useRef, useState } from 'react';
import { chartTitle, describe, exportPng, exportSvg, fileName, plotSvg } from './exportChart.ts';
import { isoDay } from './format.ts';
import { adoptPlotStyles } from './plotStyles.ts';
import { useUi } from './uiContext.ts';

/** Charts are drawn at least this wide in a file, whatever the screen they were seen on. */
const EXPORT_WIDTH = 760;
/** A resize smaller than this does not redraw the chart. */
const RESIZE_STEP = 16;

/**
 * Mounts a chart built by a pure function (available width → SVG) and replaces it when its inputs
 * or its container's width change; names and describes it for screen readers; offers it as SVG and
 * PNG with its title, legend and `caption`, in a file named after what it is.
 */
export function Chart({
  build,
  testId,
  name,
  caption = [],
}: {
  build: (width: number) => SVGSVGElement | HTMLElement;
  testId: string;
  /** What the chart is, for its file name (default: its title). */
  name?: string;
  /** Lines under the exported chart: what was run (scenarios, replications, seed). */
  caption?: string[];
}) {
  const { t } = useUi();
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [label, setLabel] = useState('');
  const [description, setDescription] = useState('');
  const descId = useId();
  // A new test id alone (results turning stale, then fresh) redraws nothing: the chart is the same.
  const idNow = useRef(testId);
  idNow.current = testId;

  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => {
      const w = Math.floor(box.clientWidth - 18);
      setWidth((old) => (Math.abs(old - w) >= RESIZE_STEP ? w : old));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  // Each chart is built in a task of its own after the commit, so a page of charts never blocks the
  // main thread in one long stretch (input stays responsive while results stream in).
  useEffect(() => {
    if (width <= 0) return;
    const id = setTimeout(() => {
      const start = performance.now();
      const testId = idNow.current;
      const chart = adoptPlotStyles(build(width));
      const svg = plotSvg(chart);
      const title = chartTitle(chart);
      if (svg) {
        // One named, described image: Plot's labels on its inner groups ("line", "tip") are noise.
        for (const g of svg.querySelectorAll('[aria-label], [aria-description]')) {
          g.removeAttribute('aria-label');
          g.removeAttribute('aria-description');
        }
        svg.setAttribute('role', 'img');
        svg.setAttribute('aria-label', title || name || testId);
        svg.setAttribute('aria-describedby', descId);
      }
      for (const swatch of chart.querySelectorAll('[class*="-swatches"] svg'))
        swatch.setAttribute('aria-hidden', 'true');
      ref.current?.replaceChildren(chart);
      setLabel(title || name || testId);
      setDescription(
        describe(chart, {
          series: t('chartSeries'),
          from: t('chartFrom'),
          to: t('chartTo'),
          colon: t('chartColon'),
          comma: t('chartComma'),
          stop: t('chartStop'),
          end: t('chartEnd'),
        }),
      );
      performance.measure(`chart ${testId}`, { start }); // visible in the browser's performance tools
    }, 0);
    return () => clearTimeout(id);
  }, [build, width, descId, name, t]);

  const save = (kind: 'svg' | 'png') => {
    const chart = build(Math.max(width, EXPORT_WIDTH));
    const lines = [...caption, `${t('title')} · ${isoDay()}`];
    const file = `loyalty-lab-${fileName(name ?? chartTitle(chart) ?? testId) || testId}`;
    if (kind === 'svg') exportSvg(chart, file, lines);
    else void exportPng(chart, file, lines);
  };

  return (
    <div className="chart-box">
      <div className="chart" data-testid={testId} ref={ref} />
      <p id={descId} className="visually-hidden">
        {description}
      </p>
      <div className="chart-export">
        <button
          type="button"
          data-testid={`${testId}-svg`}
          aria-label={`${t('saveAs')} SVG: ${label}`}
          onClick={() => save('svg')}
        >
          SVG
        </button>
        <button
          type="button"
          data-testid={`${testId}-png`}
          aria-label={`${t('saveAs')} PNG: ${label}`}
          onClick={() => save('png')}
        >
          PNG
        </button>
      </div>
    </div>
  );
}
