import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateHere } from '../../src/experiments/measure.ts';
import { runExperiment } from '../../src/experiments/run.ts';
import { setAt } from '../../src/scenario/fields.ts';
import { parseScenarioText } from '../../src/scenario/importer.ts';
import { servedApp, setMarketSize, watchErrors } from './browser.ts';

const app = servedApp();
const PEOPLE = 3000;

describe('an experiment over audiences on the experiments page', () => {
  it('runs “who should get the care budget?”: one mark per choice, the engine’s figures, labels in the CSV and in Chinese', async () => {
    const page = await app.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await page.waitForSelector('[data-testid="chart-active"] svg', { timeout: 90_000 });
    // At a reduced size: the user's copy of the default scenario, with its experiments.
    await setMarketSize(page, PEOPLE);
    await page.click('[data-testid="tab-experiments"]');
    await page.waitForSelector('[data-testid="experiment"]');
    await page.selectOption('[data-testid="experiment"]', 'who-gets-care');
    expect(await page.textContent('[data-testid="experiment-description"]')).toContain(
      'everyone / top 20 % by value / at risk',
    );
    // At what size it runs, which every figure (profit above all, with its fixed costs) depends on.
    expect(await page.textContent('[data-testid="experiment-description"]')).toContain(
      '3,000 people in the market · 36 months',
    );
    await page.click('[data-testid="run-experiment"]');
    await page.waitForSelector('[data-testid="sweep-table"]', { timeout: 120_000 });
    await page.waitForSelector('[data-testid="sweep-chart"] svg');

    // One point and one interval per choice, on a band axis named by the choices.
    expect((await page.$$('[data-testid="sweep-chart"] svg g.choice-point circle')).length).toBe(3);
    expect((await page.$$('[data-testid="sweep-chart"] svg g.choice-interval line')).length).toBe(3);
    const ticks = await page.$$eval('[data-testid="sweep-chart"] svg text', (ts) =>
      ts.map((t) => t.textContent),
    );
    for (const label of ['everyone', 'top 20 % by value', 'at risk']) expect(ticks).toContain(label);
    // Beside it, the other choices' paired differences from the first, around a zero line.
    const diff = '[data-testid="choice-difference-chart"] svg';
    await page.waitForSelector(diff);
    expect((await page.$$(`${diff} g.choice-point circle`)).length).toBe(2);
    expect((await page.$$(`${diff} g.choice-interval line`)).length).toBe(2);
    const diffText = await page.textContent('[data-testid="choice-difference-chart"]');
    expect(diffText).toContain('Difference from the first setting (paired): everyone');

    const parsed = parseScenarioText(readFileSync('scenarios/baselines/neighbourhood.json', 'utf8'));
    if (!parsed.ok) throw new Error('default scenario');
    const file = setAt(parsed.file, ['population', 'marketSize'], PEOPLE);
    const e = file.experiments.find((x) => x.id === 'who-gets-care')!;
    const expected = await runExperiment(file, e, evaluateHere);
    if (expected.result?.kind !== 'sweep') throw new Error('no sweep');
    const shown = await page.$$eval('[data-testid="sweep-table"] tbody tr', (rows) =>
      rows.map((r) => Number(r.getAttribute('data-mean'))),
    );
    expect(shown.length).toBe(3);
    for (const [k, c] of expected.result.cells.entries())
      expect(Math.abs(shown[k] - c.value.mean)).toBeLessThanOrEqual(1e-9 * Math.abs(c.value.mean));
    expect(await page.textContent('[data-testid="sweep-table"] tbody')).toContain(
      'top 20 % by value (Care gestures',
    );

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="download-sweep-csv"]'),
    ]);
    const rows = readFileSync((await download.path())!, 'utf8')
      .slice(1)
      .trim()
      .split('\n');
    expect(rows[0]).toMatch(/^"Care gestures → who it reaches","Profit over the horizon \(money\): mean",/);
    expect(rows.slice(1).map((r) => r.split(',')[0])).toEqual([
      '"everyone"',
      '"top 20 % by value"',
      '"at risk"',
    ]);
    expect(Number(rows[1].split(',')[1])).toBe(Number(expected.result.cells[0].value.mean.toFixed(2)));

    await page.click('[data-testid="lang"]');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="sweep-chart"] svg')?.textContent?.includes('消费前 20% 的客户'),
    );
    expect(await page.textContent('[data-testid="sweep-table"]')).toContain('有流失风险的客户');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('composes a sweep over a lever’s audience in the app: the audiences ticked are its choices', async () => {
    const page = await app.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await page.click('[data-testid="tab-experiments"]');
    await page.click('[data-testid="composer"] summary');
    await page.selectOption('[data-testid="compose-x-path"]', 'levers.value.personalisation.audience');
    const ticked = () =>
      page.$$eval('[data-testid="compose-x-choices"] input:checked', (is) =>
        is.map((i) => (i as HTMLInputElement).value),
      );
    expect(await ticked()).toEqual(['everyone:', 'topValue:', 'atRisk:']);
    await page.uncheck('[data-testid="compose-x-choices"] input[value="everyone:"]');
    await page.check('[data-testid="compose-x-choices"] input[value="new:"]');
    await page.click('[data-testid="compose-add"]');
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="experiment"]') as HTMLSelectElement | null)?.value ===
        'sweep-6',
    );
    expect(await page.textContent('[data-testid="experiment-description"]')).toContain(
      'Personalisation → who it reaches: top 20 % by value / at risk / new (first 3 months)',
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});
