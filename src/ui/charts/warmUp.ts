import { adoptPlotStyles } from '../plotStyles.ts';
import { compareChart } from './compareChart.ts';
import { clvChart, cohortChart, ladderChart } from './distributionCharts.ts';

let warmed = false;

/**
 * Draws each kind of chart once, on tiny data, and lays it out off screen with a sample of the
 * results table (`texts`: the names that will head its columns). The first chart a page draws, and
 * the first layout of text in fonts and scripts the page has not shown yet, cost several times the
 * later ones (code compiled, glyphs and font fallbacks looked up on first use): a trace of the first
 * results showed one 53 ms layout of 427 boxes where later ones of twice as many took 6–12 ms.
 * Paying that while the page is idle, before a run, keeps the main thread free during the run.
 */
export function warmUpCharts(texts: string[] = []): void {
  if (warmed) return;
  warmed = true;
  const plans = ['a', 'b'];
  const months = [0, 1, 2];
  const charts: Element[] = [];
  const keep = <T extends Element>(e: T) => {
    charts.push(adoptPlotStyles(e));
    return e;
  };
  keep(
    compareChart(
      plans.flatMap((plan) => months.map((month) => ({ plan, month, mean: month, lo: 0, hi: 2 * month }))),
      { title: '', yLabel: '', zero: true },
    ),
  );
  keep(
    ladderChart(
      plans.flatMap((plan) =>
        months.flatMap((month) =>
          ['first', 'repeat'].map((stage) => ({ plan, month, stage, people: month })),
        ),
      ),
      { title: '', stageLabel: (s) => s },
    ),
  );
  keep(
    cohortChart(
      plans.flatMap((plan) => months.map((age) => ({ plan, age, mean: 0.5, lo: 0.4, hi: 0.6 }))),
      { title: '', xLabel: '', yLabel: '' },
    ),
  );
  keep(
    clvChart(
      plans.map((plan) => ({ plan, q10: 1, q25: 2, q50: 3, q75: 4, q90: 5 })),
      { title: '', xLabel: '' },
    ),
  );
  const box = document.createElement('section');
  box.className = 'compare';
  box.setAttribute('aria-hidden', 'true');
  box.style.cssText =
    'position:absolute;left:-10000px;top:0;width:1200px;visibility:hidden;pointer-events:none';
  const table = document.createElement('table');
  table.className = 'kpis';
  const row = table.insertRow();
  for (const text of [...texts, '12.3 % [11.0, 13.5]', '+1,234 [−56, 2,345] · — ±']) {
    const cell = row.insertCell();
    cell.className = 'delta';
    cell.textContent = text;
  }
  box.append(table, ...charts);
  document.body.append(box);
  void box.offsetHeight; // lay it out now, while idle
  box.remove();
}

/** Runs `warmUpCharts` when the browser is idle. */
export function warmUpChartsWhenIdle(texts: string[] = []): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => warmUpCharts(texts), { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(() => warmUpCharts(texts), 200);
  return () => clearTimeout(id);
}
