import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runReplications } from '../../src/analysis/batch.ts';
import { HEADLINE_KPIS, summarise } from '../../src/analysis/summary.ts';
import { parseScenarioObject } from '../../src/scenario/importer.ts';
import { figures, servedApp, setMarketSize, storedData, watchErrors } from './browser.ts';

const app = servedApp();

const marketSizes = async (page: Page) =>
  (await storedData(page)).scenarios.map((s) => s.file.population?.marketSize);

/** The user's copy of the default scenario (3,000 people) saved in one tab, then open in a second of the same profile. */
async function twoTabs() {
  const context = await app.browser.newContext();
  const first = await context.newPage();
  const errors = watchErrors(first);
  await first.goto(app.url);
  await first.waitForSelector('[data-testid="chart-active"] svg', { timeout: 90_000 });
  await setMarketSize(first, 3000);
  await expect.poll(() => marketSizes(first)).toEqual([3000]);
  const second = await context.newPage();
  errors.push(...watchErrors(second));
  await second.goto(app.url);
  await second.waitForFunction(
    () => document.querySelector('[data-testid="scenario-name"]')?.textContent?.includes('3,000'),
    null,
    { timeout: 90_000 },
  );
  return { context, first, second, errors };
}

describe('two tabs and reloads', () => {
  it('a tab does not silently write over what another tab saved since it opened the scenario', async () => {
    const { context, first, second, errors } = await twoTabs();

    await setMarketSize(first, 3100);
    await expect.poll(() => marketSizes(first)).toEqual([3100]);
    // The second tab, which still shows 3,000, changes the scenario: it is told, and does not write
    // over the first tab's change.
    await setMarketSize(second, 3200);
    await second.waitForSelector('[data-testid="storage-notice"] [data-fault="changedElsewhere"]');
    expect(await second.textContent('[data-testid="storage-notice"]')).toContain('another tab');
    expect(await marketSizes(second)).toEqual([3100]);
    expect(await second.textContent('[data-testid="scenario-name"]')).toContain('3,200');
    // The user chooses to keep the second tab's version: only then is it written.
    await second.click('[data-testid="storage-keep-mine"]');
    await expect.poll(() => marketSizes(second)).toEqual([3200]);
    await second.waitForSelector('[data-testid="storage-notice"]', { state: 'detached' });
    // Having written it, the second tab saves its next change as usual.
    await setMarketSize(second, 3300);
    await expect.poll(() => marketSizes(second)).toEqual([3300]);
    expect(await second.$('[data-testid="storage-notice"]')).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a tab showing a scenario another tab has just saved says so at once; reload it or keep its own as a copy', async () => {
    const { context, first, second, errors } = await twoTabs();
    expect(await second.$('[data-testid="elsewhere-notice"]')).toBeNull();

    // The first tab changes it: the second, which does nothing, is told, in the user's language.
    await setMarketSize(first, 3100);
    await second.waitForSelector('[data-testid="elsewhere-notice"]');
    expect(await second.textContent('[data-testid="elsewhere-notice"]')).toContain('another tab or window');
    await second.click('[data-testid="lang"]');
    expect(await second.textContent('[data-testid="elsewhere-notice"]')).toContain('另一个标签页或窗口');
    await second.click('[data-testid="lang"]');
    expect(await first.$('[data-testid="elsewhere-notice"]')).toBeNull();
    // Reload it: the second tab shows the first tab's version and then saves over it as usual.
    await second.click('[data-testid="elsewhere-reload"]');
    await second.waitForFunction(() =>
      document.querySelector('[data-testid="scenario-name"]')?.textContent?.includes('3,100'),
    );
    expect(await second.$('[data-testid="elsewhere-notice"]')).toBeNull();
    await setMarketSize(second, 3200);
    await expect.poll(() => marketSizes(second)).toEqual([3200]);
    expect(await second.$('[data-testid="storage-notice"]')).toBeNull();

    // That save puts the first tab behind: it is told in turn, and keeps what it shows as a copy of
    // its own. Both versions are kept, neither is written over.
    await first.waitForSelector('[data-testid="elsewhere-notice"]');
    await first.click('[data-testid="elsewhere-keep-copy"]');
    await first.waitForFunction(() =>
      document.querySelector('[data-testid="scenario-name"]')?.textContent?.includes('my version'),
    );
    expect(await first.textContent('[data-testid="scenario-name"]')).toContain('3,100');
    await expect.poll(async () => (await marketSizes(first)).sort()).toEqual([3100, 3200]);
    // The second tab learns of the new copy in its list, and is not told its own scenario changed.
    await second.waitForFunction(() =>
      document.querySelector('[data-testid="my-scenarios"]')?.textContent?.includes('my version'),
    );
    expect(await second.$('[data-testid="elsewhere-notice"]')).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an edit made just before a reload is not lost with its unfinished write', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await page.waitForSelector('[data-testid="chart-active"] svg', { timeout: 90_000 });
    // Another connection keeps the stores busy, so the app's writes wait in line as they would on a
    // slow disk: the reload comes while they are still unwritten (as a reload right after a keystroke).
    await page.evaluate(() => {
      const req = indexedDB.open('loyalty-lab');
      req.onsuccess = () => {
        const tx = req.result.transaction(['scenarios', 'settings'], 'readwrite');
        const busy = () => {
          tx.objectStore('settings').get('lastOpened').onsuccess = busy;
        };
        busy();
      };
    });
    await setMarketSize(page, 3000);
    await page.reload();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="scenario-name"]')?.textContent?.includes('3,000'),
      null,
      { timeout: 90_000 },
    );
    expect(await page.textContent('[data-testid="scenario-name"]')).toContain('my copy');
    expect(await marketSizes(page)).toEqual([3000]);
    await figures(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a reload during a run brings back the scenario and goes on from the finished replications', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${app.url}?workers=2`);
    await page.waitForSelector('[data-testid="chart-active"] svg', { timeout: 90_000 });
    await setMarketSize(page, 30_000);
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="progress"] progress')?.getAttribute('value')) >= 3,
      null,
      { timeout: 120_000 },
    );
    await page.reload();
    const resumed = await page.waitForSelector('[data-testid="resumed"]', { timeout: 60_000 });
    expect(Number(await resumed.getAttribute('data-kept'))).toBeGreaterThanOrEqual(2);
    expect(await resumed.textContent()).toMatch(/of 8 replications were already finished/);
    expect(await page.textContent('[data-testid="scenario-name"]')).toContain('30,000');
    const shown = await figures(page);

    // The figures are those of the whole run, same seed, as if the reload had not happened.
    const [saved] = (await storedData(page)).scenarios;
    const parsed = parseScenarioObject(saved.file);
    if (!parsed.ok) throw new Error('stored scenario invalid');
    const expected = summarise(runReplications(parsed.scenario, 1, 8), HEADLINE_KPIS);
    for (const e of expected)
      expect(Math.abs(shown[e.kpi.id] - e.interval.mean)).toBeLessThanOrEqual(
        1e-9 * Math.max(1, Math.abs(e.interval.mean)),
      );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a reload during a Compare run offers to finish it from the replications kept, with the figures of a run never interrupted', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    const deltas = () =>
      page.$$eval('[data-delta]', (cells) =>
        cells.map(
          (c) =>
            `${c.getAttribute('data-plan')} ${c.getAttribute('data-kpi')} ${c.getAttribute('data-delta')}`,
        ),
      );
    const unfinished = () =>
      page.evaluate(
        () =>
          new Promise<unknown>((resolve) => {
            const req = indexedDB.open('loyalty-lab');
            req.onsuccess = () => {
              const get = req.result.transaction('settings').objectStore('settings').get('compareUnfinished');
              get.onsuccess = () => {
                resolve(get.result ?? null);
                req.result.close();
              };
            };
          }),
      );
    // The default comparison (the baseline and two plans), 12 replications each, run through once.
    await page.goto(`${app.url}?workers=2`);
    await page.click('[data-testid="tab-compare"]');
    await page.fill('[data-testid="reps"]', '12');
    await page.click('[data-testid="run-compare"]');
    await page.waitForSelector('[data-testid="compare-table"][data-complete="yes"]', { timeout: 180_000 });
    const undisturbed = await deltas();
    expect(undisturbed.length).toBeGreaterThan(10);
    // The unfinished-run record goes once the history holds the run, a moment after the table completes.
    await expect.poll(unfinished, { timeout: 15_000, interval: 100 }).toBeNull();

    // The same run again, reloaded once a third of it is done.
    await page.click('[data-testid="run-compare"]');
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="compare-progress"]')?.getAttribute('value')) >= 12,
      null,
      { timeout: 120_000 },
    );
    await page.reload();
    // The app opens on Compare with the offer (the last replications' writes may have gone with the page).
    const offer = await page.waitForSelector('[data-testid="compare-unfinished"]', { timeout: 90_000 });
    expect(await page.getAttribute('[data-testid="tab-compare"]', 'aria-selected')).toBe('true');
    const kept = Number(await offer.getAttribute('data-kept'));
    expect(kept).toBeGreaterThanOrEqual(8);
    expect(kept).toBeLessThan(36);
    expect(await offer.textContent()).toContain(`${kept} of 36 replications had finished`);
    await page.click('[data-testid="lang"]');
    expect(await offer.textContent()).toContain(`36 次重复中已完成 ${kept} 次`);
    await page.click('[data-testid="lang"]');

    await page.click('[data-testid="compare-resume"]');
    // What was kept is not run again: the run starts from it.
    const started = await page.waitForSelector('[data-testid="compare-progress"]');
    expect(Number(await started.getAttribute('value'))).toBeGreaterThanOrEqual(kept);
    await page.waitForSelector('[data-testid="compare-table"][data-complete="yes"]', { timeout: 180_000 });
    expect(await deltas()).toEqual(undisturbed);
    expect(await page.$('[data-testid="compare-unfinished"]')).toBeNull();
    await expect.poll(unfinished).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });
});
