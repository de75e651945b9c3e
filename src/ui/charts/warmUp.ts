import { compareChart } from './compareChart.ts';
import { clvChart, cohortChart, ladderChart } from './distributionCharts.ts';

let warmed = false;

/**
 * Draws each kind of chart once, off screen, on tiny data. The first chart a page draws costs several
 * times the later ones (code compiled and set up on first use); paying that while the page is idle,
 * before a run, keeps every chart drawn during a run short.
 */
export function warmUpCharts(): void {
  if (warmed) return;
  warmed = true;
  const plans = ['a', 'b'];
  const months = [0, 1, 2];
  compareChart(
    plans.flatMap((plan) => months.map((month) => ({ plan, month, mean: month, lo: 0, hi: 2 * month }))),
    { title: '', yLabel: '', zero: true },
  );
  ladderChart(
    plans.flatMap((plan) =>
      months.flatMap((month) => ['first', 'repeat'].map((stage) => ({ plan, month, stage, people: month }))),
    ),
    { title: '', stageLabel: (s) => s },
  );
  cohortChart(
    plans.flatMap((plan) => months.map((age) => ({ plan, age, mean: 0.5, lo: 0.4, hi: 0.6 }))),
    { title: '', xLabel: '', yLabel: '' },
  );
  clvChart(
    plans.map((plan) => ({ plan, q10: 1, q25: 2, q50: 3, q75: 4, q90: 5 })),
    { title: '', xLabel: '' },
  );
}

/** Runs `warmUpCharts` when the browser is idle. */
export function warmUpChartsWhenIdle(): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(warmUpCharts, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(warmUpCharts, 200);
  return () => clearTimeout(id);
}
