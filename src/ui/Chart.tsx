import { useEffect, useRef } from 'react';
import { exportPng, exportSvg } from './exportChart.ts';
import { adoptPlotStyles } from './plotStyles.ts';

/**
 * Mounts a chart built by a pure function (data → SVG) and replaces it when its inputs change; offers
 * it as SVG and PNG.
 */
export function Chart({
  build,
  testId,
  name = testId,
}: {
  build: () => SVGSVGElement | HTMLElement;
  testId: string;
  name?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  // Each chart is built in a task of its own after the commit, so a page of charts never blocks the
  // main thread in one long stretch (input stays responsive while results stream in).
  useEffect(() => {
    const id = setTimeout(() => {
      const start = performance.now();
      ref.current?.replaceChildren(adoptPlotStyles(build()));
      performance.measure(`chart ${testId}`, { start }); // visible in the browser's performance tools
    }, 0);
    return () => clearTimeout(id);
  }, [build, testId]);
  return (
    <div className="chart-box">
      <div className="chart" data-testid={testId} ref={ref} />
      <div className="chart-export">
        <button
          type="button"
          data-testid={`${testId}-svg`}
          onClick={() => ref.current && exportSvg(ref.current, name)}
        >
          SVG
        </button>
        <button
          type="button"
          data-testid={`${testId}-png`}
          onClick={() => ref.current && void exportPng(ref.current, name)}
        >
          PNG
        </button>
      </div>
    </div>
  );
}
