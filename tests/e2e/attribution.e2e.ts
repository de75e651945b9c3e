import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attribute } from '../../src/experiments/attribution.ts';
import { evaluateHere } from '../../src/experiments/measure.ts';
import { parseScenarioText } from '../../src/scenario/importer.ts';
import { formatShort } from '../../src/ui/format.ts';
import { servedApp, watchErrors } from './browser.ts';

const app = servedApp();

const scenarioOf = (id: string) => {
  const r = parseScenarioText(readFileSync(`scenarios/${id}.json`, 'utf8'));
  if (!r.ok) throw new Error(id);
  return r.scenario;
};

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

describe('attribution on the compare page', () => {
  it('says what it costs, splits the plan on the pool, and shows the engine’s figures for the same seeds', async () => {
    const page = await app.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await page.click('[data-testid="tab-compare"]');
    await page.fill('[data-testid="reps"]', '2');
    await page.click('[data-testid="run-compare"]');
    await page.waitForSelector('[data-testid="compare-table"][data-complete="yes"]', { timeout: 120_000 });
    // A plan that changes one lever group needs only its own runs and the baseline's, both made.
    const options = await page.$$eval('[data-testid="attribution-plan"] option', (os) =>
      os.map((o) => (o as HTMLOptionElement).value),
    );
    expect(options).toContain('plans/discount-heavy');
    await page.selectOption('[data-testid="attribution-plan"]', 'plans/discount-heavy');
    expect(await page.getAttribute('[data-testid="attribution-cost"]', 'data-runs')).toBe('0');
    expect(await page.textContent('[data-testid="attribution-cost"]')).toBe(
      'Nothing extra needs running: the 2 combinations of the plan’s lever groups × 2 replications are already run on these seeds.',
    );
    await page.selectOption('[data-testid="attribution-plan"]', 'plans/three-dimension-balanced');
    await page.selectOption('[data-testid="attribution-outcome"]', 'retention12');
    // Four groups changed: 16 subsets, of which the baseline and the plan already ran.
    expect(await page.getAttribute('[data-testid="attribution-cost"]', 'data-runs')).toBe(String(14 * 2));
    expect(await page.textContent('[data-testid="attribution-cost"]')).toMatch(/^This costs 28 extra runs/);

    // Cancel stops it at once, and it can run again.
    await page.click('[data-testid="attribution-run"]');
    await page.waitForSelector('[data-testid="attribution-progress"]');
    await page.click('[data-testid="attribution-cancel"]');
    await page.waitForSelector('[data-testid="attribution-message"]');
    expect(await page.textContent('[data-testid="attribution-message"]')).toMatch(/cancelled/i);

    await page.click('[data-testid="attribution-run"]');
    await page.waitForSelector('[data-testid="attribution-table"]', { timeout: 120_000 });
    await page.waitForSelector('[data-testid="attribution-chart"] svg .attribution-figure text');
    const shown = await page.$$eval('[data-testid="attribution-table"] tr[data-part]', (rs) =>
      rs.map((r) => ({ part: r.getAttribute('data-part'), mean: Number(r.getAttribute('data-mean')) })),
    );
    const figures = await page.$$eval(
      '[data-testid="attribution-chart"] svg .attribution-figure text',
      (ts) => ts.map((t) => t.textContent),
    );

    const expected = await attribute(
      scenarioOf('baselines/neighbourhood'),
      scenarioOf('plans/three-dimension-balanced'),
      'retention12',
      '1',
      2,
      evaluateHere,
    );
    expect(shown.map((r) => r.part)).toEqual(expected.rows.map((r) => r.part));
    // Across Node's and Chromium's V8 the last digits of transcendental functions may differ.
    for (const [k, row] of expected.rows.entries()) expect(close(shown[k].mean, row.value.mean)).toBe(true);
    expect(figures).toEqual(expected.rows.map((r) => formatShort(r.value.mean, '%', 'en')));

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="attribution-csv"]'),
    ]);
    expect(download.suggestedFilename()).toBe('loyalty-lab-compare-attribution-retention12.csv');
    const csv = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\n');
    expect(csv).toHaveLength(1 + expected.rows.length);
    const total = csv.find((l) => l.includes(',total,'))!.split(',');
    expect(close(Number(total[6]), expected.rows.at(-1)!.value.mean)).toBe(true);
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="attribution-chart-svg"]'),
    ]);
    expect(svg.suggestedFilename()).toBe('loyalty-lab-compare-attribution-retention12.svg');

    // In Chinese: the parts' names and the explanation.
    await page.click('[data-testid="lang"]');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="attribution-table"]')?.textContent?.includes('其中协同'),
    );
    await page.click('[data-testid="attribution"] [data-explain="attribution"]');
    expect(await page.textContent('[data-testid="explain-attribution"]')).toMatch(/Shapley/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offers lesson 6’s split of the spread plan at the default synergy and at additive, with its cost', async () => {
    const page = await app.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await page.click('[data-testid="tab-lessons"]');
    await page.click('[data-testid="lesson-lessons/6-three-dimensions"]');
    await page.check('[data-testid="predict-together"]');
    await page.click('[data-testid="lesson-run"]');
    await page.waitForSelector('[data-testid="lesson-verdict"]', { timeout: 120_000 });
    // 8 subsets of value, emotion and experience × 8 replications at each setting; at the lesson's own
    // setting (2) the spread plan's runs are the lesson's.
    expect(await page.getAttribute('[data-testid="lesson-attribution-cost"]', 'data-runs')).toBe(
      String(7 * 8 + 8 * 8),
    );
    expect(await page.textContent('[data-testid="lesson-attribution"]')).toMatch(
      /two settings of the synergy dial/,
    );
    expect(await page.isEnabled('[data-testid="lesson-attribution-run"]')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
