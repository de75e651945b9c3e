import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { servedApp, watchErrors } from './browser.ts';

const app = servedApp();

describe('CLV from data, in the browser', () => {
  it('fits the CDNOW sample to the published parameters, with diagnostics and every customer’s CLV', async () => {
    const page = await app.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await page.click('[data-testid="tab-clv"]');
    await page.click('[data-testid="clv-sample"]');
    await page.fill('[data-testid="clv-calibration-end"]', '1997-09-30');
    await page.click('[data-testid="clv-fit"]');
    await page.waitForSelector('[data-testid="clv-report"]', { timeout: 60_000 });
    const value = async (k: string) => Number(await page.getAttribute(`[data-param="${k}"]`, 'data-value'));
    const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, p: 6.25, q: 3.74, gamma: 15.44 };
    for (const [k, v] of Object.entries(published))
      expect(Math.abs((await value(k)) / v - 1)).toBeLessThan(0.01);
    for (const id of ['clv-freq-chart', 'clv-cum-chart', 'clv-inc-chart', 'clv-cond-chart', 'clv-dist-chart'])
      await page.waitForSelector(`[data-testid="${id}"] svg`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="clv-download"]'),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\n');
    expect(csv.length).toBe(2358);

    // The fit becomes a baseline scenario: the customers the data describe, every lever available.
    await page.click('[data-testid="clv-make-baseline"]');
    await page.waitForSelector('[data-testid="chart-active"] svg', { timeout: 120_000 });
    expect(await page.textContent('[data-testid="scenario-name"]')).toContain('calibrated baseline');
    expect(await page.textContent('[data-testid="scenario-name"]')).toContain('2,357');

    // Round trip: the calibrated baseline's own simulated log, fitted with the same split.
    await page.click('[data-testid="tab-clv"]');
    await page.click('[data-testid="clv-sample"]');
    await page.fill('[data-testid="clv-calibration-end"]', '1997-09-30');
    await page.click('[data-testid="clv-fit"]');
    await page.waitForSelector('[data-testid="clv-round-trip-run"]', { timeout: 60_000 });
    await page.click('[data-testid="clv-round-trip-run"]');
    await page.waitForSelector('[data-testid="clv-round-trip"]', { timeout: 120_000 });
    const simulatedR = await value('r');
    expect(Math.abs(simulatedR / published.r - 1)).toBeLessThan(0.2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads the user’s own file, lists its bad rows with line numbers, and explains an unusable one', async () => {
    const page = await app.browser.newPage();
    await page.goto(app.url);
    await page.click('[data-testid="tab-clv"]');
    const lines = ['client;day;value'];
    for (let c = 0; c < 40; c++)
      for (let k = 0; k < 1 + (c % 4); k++)
        lines.push(`c${c};2023-${String(1 + ((c + 3 * k) % 12)).padStart(2, '0')}-1${k};${10 + c}`);
    lines.splice(5, 0, 'c1;not a date;5', 'c2;2023-01-05;oops');
    const good = join(tmpdir(), `clv-${process.pid}.csv`);
    writeFileSync(good, lines.join('\n'));
    await page.setInputFiles('[data-testid="clv-file"]', good);
    await page.selectOption('[data-testid="clv-col-customer"]', 'client');
    await page.click('[data-testid="clv-fit"]');
    await page.waitForSelector('[data-testid="clv-report"]', { timeout: 60_000 });
    const skipped = (await page.textContent('[data-testid="clv-skipped"]'))!;
    expect(skipped).toContain('2');
    await page.click('[data-testid="clv-skipped"] summary');
    const list = (await page.textContent('[data-testid="clv-skipped"]'))!;
    expect(list).toMatch(/line 6: unreadable date "not a date"/);
    expect(list).toMatch(/line 7: .*oops/);

    const bad = join(tmpdir(), `clv-bad-${process.pid}.csv`);
    writeFileSync(bad, 'who,when\n1,2\n');
    await page.setInputFiles('[data-testid="clv-file"]', bad);
    await page.click('[data-testid="clv-fit"]');
    await page.waitForSelector('[data-testid="clv-error"]');
    expect(await page.textContent('[data-testid="clv-error"]')).toMatch(/cannot find the .*column/);
    expect(await page.isVisible('[data-testid="clv-fit"]')).toBe(true); // the page keeps working
    await page.close();
  });
});
