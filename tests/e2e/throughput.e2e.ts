import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { servedApp, watchErrors, watchLongTasks } from './browser.ts';
import { timeKernelInPage } from './referenceKernel.ts';

const app = servedApp();

/**
 * The workbench's load test, as a strategist would run it: 100,000 people × 60 months × 100
 * replications of the bundled default, on the page's worker pool (one worker per core), while the
 * main thread's long tasks are recorded; then the same page times the reference kernel for the same
 * agent-steps on as many workers. The figure to read is the ratio (app ÷ kernel), which holds on any
 * machine. It reports the figures (tests/.reports/throughput.json and the log) and asserts only what
 * the run must deliver; speed is never a pass/fail condition here.
 */
describe('the workbench under load', () => {
  it('runs 100,000 people × 60 months × 100 replications in the browser and reports the time', async () => {
    // No service worker: it would fetch the kernel (served through a route) past the page's routes.
    const context = await app.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await page.waitForSelector('[data-testid="chart-active"] svg', { timeout: 90_000 });
    await page.click('[data-testid="edit"]');
    await page.fill('[data-field="population.marketSize"]', '100000');
    await page.fill('[data-field="horizonMonths"]', '60');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="scenario-name"]')?.textContent?.includes('100') &&
        !document.querySelector('[data-testid="progress"]') &&
        document.querySelector('[data-testid="chart-active"] svg'),
      null,
      { timeout: 120_000 },
    );

    await page.click('[data-testid="tab-compare"]');
    await page.waitForSelector('[data-testid="baseline"] option[value^="my/"]', { state: 'attached' }); // the tab loads on demand
    const mine = await page.$eval(
      '[data-testid="baseline"] option[value^="my/"]',
      (e) => (e as HTMLOptionElement).value,
    );
    await page.selectOption('[data-testid="baseline"]', mine);
    for (const plan of ['plans/discount-heavy', 'plans/three-dimension-balanced'])
      await page.uncheck(`[data-testid="plans"] input[value="${plan}"]`);
    await page.fill('[data-testid="reps"]', '100');
    const longTasks = await watchLongTasks(page);
    await page.click('[data-testid="run-compare"]');
    await page.waitForSelector('[data-testid="compare-table"][data-complete="yes"]', { timeout: 300_000 });
    for (const id of ['compare-chart', 'ladder-chart', 'cohort-chart', 'clv-chart'])
      await page.waitForSelector(`[data-testid="${id}"] svg`);
    const seconds = Number(await page.getAttribute('[data-testid="run-time"]', 'data-seconds'));
    const { longest, count } = await longTasks();
    const workers = await page.evaluate(() => navigator.hardwareConcurrency);
    // The yardstick: the same 600 M agent-steps of the reference kernel, same page, same workers.
    const kernelSeconds = await timeKernelInPage(page, new URL(app.url).origin, {
      n: 100_000,
      months: 60,
      runs: 100,
      workers,
    });
    // The same kernel with its generator's state in a typed array (referenceKernel.ts says why): the
    // kernel as given is slowed by Chromium's pointer compression, which Node's build does not have.
    const typedKernelSeconds = await timeKernelInPage(page, new URL(app.url).origin, {
      n: 100_000,
      months: 60,
      runs: 100,
      workers,
      typedState: true,
    });
    const ratio = kernelSeconds ? seconds / kernelSeconds : null;
    const typedRatio = typedKernelSeconds ? seconds / typedKernelSeconds : null;
    const report = {
      people: 100_000,
      months: 60,
      replications: 100,
      seconds,
      workers,
      longest,
      longTasks: count,
      kernelSeconds,
      ratio,
      typedKernelSeconds,
      typedRatio,
    };
    mkdirSync('tests/.reports', { recursive: true });
    writeFileSync('tests/.reports/throughput.json', `${JSON.stringify(report, null, 2)}\n`);
    console.log(
      `100,000 people × 60 months × 100 replications: ${seconds.toFixed(1)} s on ${workers} workers; ` +
        (ratio
          ? `reference kernel, same agent-steps and workers: ${kernelSeconds!.toFixed(1)} s, ratio app ÷ kernel ${ratio.toFixed(2)}; ` +
            (typedRatio
              ? `the kernel with its generator state in a typed array (unslowed by Chromium's pointer compression): ${typedKernelSeconds!.toFixed(1)} s, ratio app ÷ kernel ${typedRatio.toFixed(2)} (target ≤ 2); `
              : 'the kernel has changed, so its typed-state variant was not built; ')
          : 'reference kernel not found beside the repository (../shared/bench): no ratio; ') +
        `longest main-thread task ${longest.toFixed(0)} ms over ${count} long tasks (target 50 ms)`,
    );

    // The run is whole: a hundred replications behind every interval, none of them partial.
    expect(seconds).toBeGreaterThan(0);
    expect(await page.textContent('[data-testid="run-time"]')).toContain('100 replications of 1 scenario (');
    expect(await page.$('[data-testid="partial-note"]')).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });
});
