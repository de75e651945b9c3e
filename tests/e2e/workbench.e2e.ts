import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { countWorkerCalls, figures, servedApp, watchErrors, workerCalls } from './browser.ts';

const app = servedApp();

/** Raises the community lever in the editor (the scenario becomes the user's copy) and waits for its results. */
async function editCommunity(page: Page): Promise<Record<string, number>> {
  await page.click('[data-testid="edit"]');
  await page.fill('[data-field="levers.emotion.community.levelPct"]', '80');
  await page.waitForSelector('[data-testid="my-scenarios"]');
  await page.waitForFunction(
    () =>
      !document.querySelector('[data-testid="progress"]') &&
      document.querySelector('[data-testid="chart-active"] svg'),
    null,
    { timeout: 90_000 },
  );
  return figures(page);
}

describe('editing, keeping and comparing the user’s own scenarios', () => {
  it('edits a lever, reruns, and compares it with the baseline', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    const before = await figures(page);

    const after = await editCommunity(page);
    expect(await page.textContent('[data-testid="scenario-name"]')).toContain('my copy');
    expect(after.referralRate).toBeGreaterThan(before.referralRate);
    expect(after.nps).toBeGreaterThan(before.nps);

    // An impossible value is explained in place and nothing else breaks.
    await page.fill('[data-field="levers.value.discount.depthPct"]', '120');
    await page.waitForSelector('[data-testid="editor-problems"]');
    expect(await page.textContent('[data-testid="editor-problems"]')).toContain(
      'Discount → Depth (levers.value.discount.depthPct): must be between 0 and 90 (%), got 120',
    );
    await page.fill('[data-field="levers.value.discount.depthPct"]', '0');
    await page.waitForSelector('[data-testid="editor-problems"]', { state: 'detached' });

    // (That a reload keeps this copy open is its own test below.)
    // Compare: the edited scenario against the neighbourhood baseline.
    await page.click('[data-testid="tab-compare"]');
    await page.uncheck('[data-testid="plans"] input[value="plans/discount-heavy"]');
    await page.uncheck('[data-testid="plans"] input[value="plans/three-dimension-balanced"]');
    const mine = await page.$eval(
      '[data-testid="plans"] input[value^="my/"]',
      (e) => (e as HTMLInputElement).value,
    );
    await page.check(`[data-testid="plans"] input[value="${mine}"]`);
    await page.fill('[data-testid="reps"]', '3');
    await page.click('[data-testid="run-compare"]');
    await page.waitForSelector('[data-testid="compare-table"][data-complete="yes"]', { timeout: 120_000 });
    const delta = Number(
      await page.getAttribute(`[data-plan="${mine}"][data-kpi="referralRate"]`, 'data-delta'),
    );
    expect(delta).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  // The reload comes straight after the last keystroke, before its save could have been committed:
  // that save was once lost with the page (about one run in three), and the copy came back one
  // keystroke old, here with an impossible value, under the library scenario's name.
  it('spaces the editor’s buttons: "Edit levers" apart from "My business", a schedule’s words apart from "+ window"', async () => {
    for (const width of [1400, 390]) {
      const context = await app.browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(app.url);
      await figures(page);
      const gap = await page.evaluate(() => {
        const a = document.querySelector('[data-testid="edit"]')!.getBoundingClientRect();
        const b = document.querySelector('[data-testid="mb-open"]')!.getBoundingClientRect();
        return b.top >= a.bottom ? b.top - a.bottom : b.left - a.right;
      });
      expect(gap, `${width}px`).toBeGreaterThanOrEqual(6);
      await page.click('[data-testid="edit"]');
      const schedule = page.locator('.schedule').first();
      expect((await schedule.textContent())!.replace(/\s+/g, ' ')).toContain('always + window');
      const [always, add] = await schedule.evaluate((s) =>
        [s.querySelector('.always')!, s.querySelector(':scope > button')!].map((e) =>
          e.getBoundingClientRect(),
        ),
      );
      if (add.top < always.bottom) expect(add.left - always.right, `${width}px`).toBeGreaterThanOrEqual(3);
      await context.close();
    }
  });

  it('keeps the edited copy open across a reload, with its edit and its results', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await figures(page);
    const after = await editCommunity(page);
    await page.fill('[data-field="levers.value.discount.depthPct"]', '120');
    await page.waitForSelector('[data-testid="editor-problems"]');
    await page.fill('[data-field="levers.value.discount.depthPct"]', '0');
    await page.reload();
    await page.waitForSelector('[data-testid="my-scenarios"]');
    // After a reload the pages load on demand and the copy comes back from IndexedDB: on a loaded
    // machine that can take longer than Playwright's default 30 s.
    await page.waitForFunction(
      () => document.querySelector('[data-testid="scenario-name"]')?.textContent?.includes('my copy'),
      null,
      { timeout: 90_000 },
    );
    // A discount of depth 0 changes no figure: the results are those of the edit.
    expect(await figures(page)).toEqual(after);
    await page.click('[data-testid="edit"]');
    expect(await page.inputValue('[data-field="levers.emotion.community.levelPct"]')).toBe('80');
    expect(await page.inputValue('[data-field="levers.value.discount.depthPct"]')).toBe('0');
    expect(await page.$('[data-testid="editor-problems"]')).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reopens a copy left with an impossible value in the editor, with its problem shown', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await figures(page);
    await editCommunity(page);
    await page.fill('[data-field="levers.value.discount.depthPct"]', '120');
    await page.waitForSelector('[data-testid="editor-problems"]');
    await page.reload();
    // Before, the editor stayed closed and the page showed the library scenario with no word of the copy.
    await page.waitForSelector('[data-testid="editor-problems"]', { timeout: 90_000 });
    expect(await page.textContent('[data-testid="editor-problems"]')).toContain(
      'Discount → Depth (levers.value.discount.depthPct): must be between 0 and 90 (%), got 120',
    );
    expect(await page.inputValue('[data-field="levers.emotion.community.levelPct"]')).toBe('80');
    expect(await page.textContent('[data-testid="my-scenarios"]')).toContain('my copy');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('runs a market size typed key by key once typing pauses, never its half-typed values', async () => {
    const context = await app.browser.newContext();
    await context.addInitScript(countWorkerCalls);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await figures(page);
    await page.click('[data-testid="edit"]');
    const field = '[data-field="population.marketSize"]';
    const before = (await workerCalls(page)).runCancellable?.length ?? 0;
    await page.click(field, { clickCount: 3 });
    // On its way to a refused 1,000,000,000 the field passes through 1,000,000 (allowed, and 20 s of work).
    await page.keyboard.type('1000000000', { delay: 40 });
    await page.waitForSelector(`${field}[aria-invalid="true"]`);
    expect(await page.textContent('[data-testid="editor-problems"]')).toContain('got 1000000000');
    await page.waitForTimeout(800);
    expect((await workerCalls(page)).runCancellable?.slice(before) ?? []).toEqual([]);
    // A size typed and left: one run, of that size, once typing paused.
    await page.click(field, { clickCount: 3 });
    await page.keyboard.type('3000', { delay: 40 });
    await page.waitForFunction(
      () => document.querySelector('[data-testid="scenario-name"]')?.textContent?.includes('3,000'),
      null,
      { timeout: 90_000 },
    );
    await figures(page);
    const sizes = (await workerCalls(page)).runCancellable?.slice(before) ?? [];
    expect(sizes.length).toBeGreaterThan(0);
    expect(new Set(sizes)).toEqual(new Set([3000]));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('has every interface string in both languages', async () => {
    const page = await app.browser.newPage();
    await page.goto(app.url);
    await figures(page);
    await page.click('[data-testid="lang"]');
    await page.click('[data-testid="edit"]');
    const text = await page.textContent('main');
    expect(text).toContain('价值维度');
    expect(text).toContain('组织保障');
    expect(text).toContain('投诉处理');
    await page.close();
  });
});
