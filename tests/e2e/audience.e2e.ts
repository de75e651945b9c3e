import { describe, expect, it } from 'vitest';
import { servedApp, watchErrors } from './browser.ts';

const app = servedApp();

const settled = {
  fn: () =>
    !document.querySelector('[data-testid="progress"]') &&
    document.querySelector('[data-testid="results"]') &&
    document.querySelector('[data-testid="chart-active"] svg'),
};

/** Numbers in the audience line: reached, share of the active, cost. */
const parse = (s: string) => (s.match(/\d[\d,]*/g) ?? []).map((x) => Number(x.replace(/,/g, '')));

describe('aiming a lever at an audience in the editor', () => {
  it('aims care gestures at the top 20 % by spend, and shows the audience’s size and cost after the run, in both languages', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await page.waitForFunction(settled.fn, null, { timeout: 90_000 });
    await page.click('[data-testid="edit"]');
    await page.fill('[data-field="levers.emotion.careGestures.perYear"]', '12');
    await page.waitForFunction(settled.fn, null, { timeout: 90_000 });
    const everyoneText = (await page.textContent('[data-testid="audience-size-careGestures"]'))!;
    const everyone = parse(everyoneText);
    // Everyone: the audience is all active customers.
    expect(everyone[1]).toBe(100);

    await page.selectOption('[data-field="levers.emotion.careGestures.audience.kind"]', 'topValue');
    await page.waitForSelector('[data-field="levers.emotion.careGestures.audience.topPct"]');
    await page.waitForFunction(settled.fn, null, { timeout: 90_000 });
    await page.waitForFunction(
      () =>
        !document
          .querySelector('[data-testid="audience-size-careGestures"]')
          ?.textContent?.includes('(100 %'),
      null,
      { timeout: 90_000 },
    );
    const topText = (await page.textContent('[data-testid="audience-size-careGestures"]'))!;
    const top = parse(topText);
    // About a fifth of the active (ranked at each month's start; new customers join during the month).
    expect(top[1]).toBeGreaterThanOrEqual(15);
    expect(top[1]).toBeLessThanOrEqual(21);
    expect(top[0]).toBeLessThan(everyone[0] / 3);
    // The gestures' cost falls with the audience.
    expect(top[2]).toBeLessThan(everyone[2] / 2);

    await page.selectOption('[data-field="levers.emotion.careGestures.audience.kind"]', 'segment');
    expect(await page.inputValue('[data-field="levers.emotion.careGestures.audience.segment"]')).toBe(
      'price',
    );
    await page.click('[data-testid="lang"]');
    expect(await page.textContent('[data-audience="careGestures"]')).toContain('覆盖对象');
    expect(errors).toEqual([]);
    await context.close();
  });
});
