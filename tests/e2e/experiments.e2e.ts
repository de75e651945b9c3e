import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateHere } from '../../src/experiments/measure.ts';
import { runExperiment } from '../../src/experiments/run.ts';
import { parseScenarioText } from '../../src/scenario/importer.ts';
import { servedApp, watchErrors } from './browser.ts';

const app = servedApp();

describe('the experiments page', () => {
  it('runs the default scenario’s discount sweep on the workers: the engine’s figures, in both languages', async () => {
    const page = await app.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await page.click('[data-testid="tab-experiments"]');
    await page.selectOption('[data-testid="experiment"]', 'discount-depth');
    await page.click('[data-testid="run-experiment"]');
    await page.waitForSelector('[data-testid="experiment-progress"]');
    await page.waitForSelector('[data-testid="sweep-table"]', { timeout: 120_000 });
    await page.waitForSelector('[data-testid="sweep-chart"] svg');
    const shown = await page.$$eval('[data-testid="sweep-table"] tbody tr', (rows) =>
      rows.map((r) => Number(r.getAttribute('data-mean'))),
    );
    const parsed = parseScenarioText(readFileSync('scenarios/baselines/neighbourhood.json', 'utf8'));
    if (!parsed.ok) throw new Error('default scenario');
    const e = parsed.file.experiments.find((x) => x.id === 'discount-depth')!;
    const expected = await runExperiment(parsed.file, e, evaluateHere);
    if (expected.result?.kind !== 'sweep') throw new Error('no sweep');
    expect(shown.length).toBe(5);
    for (const [k, c] of expected.result.cells.entries())
      expect(Math.abs(shown[k] - c.value.mean)).toBeLessThanOrEqual(1e-9 * Math.abs(c.value.mean));

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="download-experiment"]'),
    ]);
    const saved = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(saved.fingerprint).toBe(expected.fingerprint);
    expect(saved.values.length).toBe(expected.values.length);

    await page.click('[data-testid="lang"]');
    expect(await page.textContent('[data-testid="experiment-description"]')).toContain('参数扫描');
    expect(await page.textContent('[data-testid="sweep-table"]')).toContain('与第一个设置的差异');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('cancels an optimisation at once, showing no half-made result', async () => {
    const page = await app.browser.newPage();
    await page.goto(app.url);
    await page.click('[data-testid="tab-experiments"]');
    await page.selectOption('[data-testid="experiment"]', 'budget-mix');
    await page.click('[data-testid="run-experiment"]');
    await page.waitForSelector('[data-testid="experiment-progress"]');
    await page.click('[data-testid="experiment-cancel"]');
    await page.waitForSelector('[data-testid="experiment-message"]');
    expect(await page.textContent('[data-testid="experiment-message"]')).toMatch(/cancelled/i);
    expect(await page.$('[data-testid="experiment-result"]')).toBeNull();
    await page.close();
  });

  it('composes a new sweep in the app, saves it in the user’s copy, and runs it', async () => {
    const page = await app.browser.newPage();
    await page.goto(app.url);
    await page.click('[data-testid="tab-experiments"]');
    await page.click('[data-testid="composer"] summary');
    await page.selectOption('[data-testid="compose-x-path"]', 'levers.emotion.community.levelPct');
    await page.fill('[data-testid="compose-x-to"]', '150');
    await page.click('[data-testid="compose-add"]');
    expect(await page.textContent('[data-testid="compose-problems"]')).toMatch(
      /only takes values from 0 to 100/,
    );
    await page.fill('[data-testid="compose-x-to"]', '80');
    await page.selectOption('[data-testid="compose-outcome"]', 'nps');
    await page.click('[data-testid="compose-add"]');
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="experiment"]') as HTMLSelectElement | null)?.value ===
        'sweep-6',
    );
    await page.click('[data-testid="run-experiment"]');
    await page.waitForSelector('[data-testid="sweep-table"]', { timeout: 120_000 });
    expect((await page.$$('[data-testid="sweep-table"] tbody tr')).length).toBe(5);
    // It is part of the user's own scenario now, and survives a reload.
    await page.reload();
    await page.click('[data-testid="tab-experiments"]');
    await page.waitForSelector('[data-testid="experiment"]'); // the tab's code loads on demand
    const ids = await page.$$eval('[data-testid="experiment"] option', (os) =>
      os.map((o) => o.getAttribute('value')),
    );
    expect(ids).toContain('sweep-6');
    await page.close();
  });
});
