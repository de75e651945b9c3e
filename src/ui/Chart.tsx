import { useEffect, useRef } from 'react';

/** Mounts a chart built by a pure function (data → SVG) and replaces it when its inputs change. */
export function Chart({ build, testId }: { build: () => SVGSVGElement | HTMLElement; testId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = build();
    ref.current?.replaceChildren(el);
    return () => el.remove();
  }, [build]);
  return <div className="chart" data-testid={testId} ref={ref} />;
}
