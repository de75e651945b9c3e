import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { servedApp, watchErrors } from './browser.ts';

const app = servedApp();

const REPS = 16;

/** Runs the Compare page's default comparison; `during` is called once a few replications are in. */
async function compareRun(page: Page, during?: () => Promise<void>): Promise<string[]> {
  await page.goto(`${app.url}?workers=2`);
  await page.click('[data-testid="tab-compare"]');
  await page.fill('[data-testid="reps"]', String(REPS));
  await page.click('[data-testid="run-compare"]');
  if (during) {
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="compare-progress"]')?.getAttribute('value')) >= 6,
      null,
      { timeout: 90_000 },
    );
    await during();
  }
  await page.waitForSelector('[data-testid="compare-table"][data-complete="yes"]', { timeout: 180_000 });
  return page.$$eval('[data-delta]', (cells) => cells.map((c) => c.getAttribute('data-delta') ?? ''));
}

describe('a simulation worker that dies mid-run', () => {
  it('is reported and replaced; the run goes on from what finished and ends as if nothing happened', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    const undisturbed = await compareRun(page);
    expect(undisturbed.length).toBeGreaterThan(10);
    expect(await page.$('[data-testid="worker-notice"]')).toBeNull();

    let keptAtKill = 0;
    const disturbed = await compareRun(page, async () => {
      // Kill a busy worker the way the browser would (no message, no event): pool.ts exposes the
      // page's live simulation workers as window.loyaltyLabSimulationWorkers for this test.
      keptAtKill = await page.evaluate(() => {
        const workers = (window as unknown as { loyaltyLabSimulationWorkers: Set<Worker> })
          .loyaltyLabSimulationWorkers;
        [...workers][0].terminate();
        return Number(document.querySelector('[data-testid="compare-progress"]')?.getAttribute('value'));
      });
    });
    const notice = await page.waitForSelector('[data-testid="worker-notice"]');
    expect(await notice.getAttribute('data-lost')).toBe('1');
    // Nothing finished before the kill was run again: the notice counts at least as many kept.
    expect(Number(await notice.getAttribute('data-kept'))).toBeGreaterThanOrEqual(keptAtKill);
    expect(await notice.textContent()).toMatch(/worker stopped .* replaced/);
    expect(disturbed).toEqual(undisturbed);
    expect(errors).toEqual([]);
    await context.close();
  });
});
