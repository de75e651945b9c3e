import { useEffect, useRef } from 'react';
import { exportPng, exportSvg } from './exportChart.ts';

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
  useEffect(() => {
    const el = build();
    ref.current?.replaceChildren(el);
    return () => el.remove();
  }, [build]);
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
