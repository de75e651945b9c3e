import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { servedApp, watchErrors } from './browser.ts';

const app = servedApp();

/**
 * Records every long main-thread task (over 50 ms) from before the page's first script runs, with
 * when it started; `read` returns them and clears the list.
 */
async function recordFromNavigation(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { tasks: { start: number; duration: number }[] };
    w.tasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  return async () => {
    const tasks = await page.evaluate(() => {
      const w = window as unknown as { tasks: { start: number; duration: number }[] };
      const out = w.tasks;
      w.tasks = [];
      return out;
    });
    return { longest: Math.max(0, ...tasks.map((t) => t.duration)), count: tasks.length, tasks };
  };
}

/**
 * Main-thread stalls, reported and not asserted (speed is never a pass/fail condition): the longest
 * task from navigation to the first results, and during a comparison.
 */
describe('main-thread stalls', () => {
  it('records the longest task at load and during a Compare run', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    const read = await recordFromNavigation(page);
    await page.goto(app.url);
    await page.waitForSelector('[data-testid="chart-active"] svg', { timeout: 90_000 });
    await page.waitForSelector('[data-testid="chart-nps"] svg');
    const load = await read();

    await page.click('[data-testid="tab-compare"]');
    await page.fill('[data-testid="reps"]', '8');
    await page.click('[data-testid="run-compare"]');
    await page.waitForSelector('[data-testid="compare-table"][data-complete="yes"]', { timeout: 120_000 });
    for (const id of ['compare-chart', 'ladder-chart', 'cohort-chart', 'clv-chart', 'three-dim-chart'])
      await page.waitForSelector(`[data-testid="${id}"] svg`);
    const run = await read();
    const report = { load, run };
    mkdirSync('tests/.reports', { recursive: true });
    writeFileSync('tests/.reports/stalls.json', `${JSON.stringify(report, null, 2)}\n`);
    console.log(
      `longest main-thread task: ${load.longest.toFixed(0)} ms from navigation to the first results ` +
        `(${load.count} over 50 ms: ${load.tasks.map((t) => `${t.duration.toFixed(0)} ms at ${t.start.toFixed(0)}`).join(', ')}); ` +
        `${run.longest.toFixed(0)} ms during a Compare run of 3 scenarios × 8 replications (${run.count} over 50 ms)`,
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});
