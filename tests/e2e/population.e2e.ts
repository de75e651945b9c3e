import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { customerStory, STAGE_NAMES, tracePopulation } from '../../src/engine/index.ts';
import { parseScenarioText } from '../../src/scenario/importer.ts';
import { gridLayout, position } from '../../src/ui/population/layout.ts';
import { servedApp, watchErrors } from './browser.ts';

const app = servedApp();

const parsed = parseScenarioText(readFileSync('scenarios/baselines/neighbourhood.json', 'utf8'));
if (!parsed.ok) throw new Error('default scenario');
const trace = tracePopulation(parsed.scenario, { seed: 1, replication: 0 }, 1000);
const stageCounts = (f: number) => {
  const c = new Array<number>(STAGE_NAMES.length).fill(0);
  for (let i = 0; i < trace.size; i++) c[trace.stage[f * trace.size + i]]++;
  return c;
};

describe('the population view', () => {
  it('shows the engine’s customers month by month and tells a clicked customer’s story', async () => {
    const page = await app.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await page.click('[data-testid="tab-population"]');
    await page.waitForSelector('[data-testid="population-canvas"][data-ready="yes"]', { timeout: 60_000 });
    const counts = async () =>
      JSON.parse((await page.getAttribute('[data-testid="population-counts"]', 'data-counts'))!);
    const last = trace.frames - 1;
    expect(Number(await page.textContent('[data-testid="population-frame"]'))).toBe(last);
    expect(await counts()).toEqual(stageCounts(last));

    await page.fill('[data-testid="population-month"]', '0');
    expect(await counts()).toEqual(stageCounts(0));
    await page.click('[data-testid="population-play"]');
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="population-frame"]')?.textContent) >= 3,
    );
    await page.click('[data-testid="population-play"]'); // pause
    const paused = Number(await page.textContent('[data-testid="population-frame"]'));
    expect(await counts()).toEqual(stageCounts(paused));

    // Click the first person who complained and also brought a friend: their story must say so.
    let who = 0;
    while (who < trace.size) {
      const s = customerStory(trace, who);
      if (s.some((e) => e.kind === 'voiced') && s.some((e) => e.kind === 'referrals')) break;
      who++;
    }
    expect(who).toBeLessThan(trace.size);
    const canvas = (await page.$('[data-testid="population-canvas"]'))!;
    const box = (await canvas.boundingBox())!;
    const grid = gridLayout(trace.size, 720, 420);
    const [x, y] = position(grid, who);
    await page.mouse.click(box.x + (x * box.width) / grid.width, box.y + (y * box.height) / grid.height);
    await page.waitForSelector(`[data-testid="population-story"][data-customer="${who}"]`);
    const story = (await page.textContent('[data-testid="population-story"]'))!;
    expect(story).toContain('complained');
    expect(story).toContain('brought a friend');

    await page.click('[data-testid="lang"]');
    const zh = (await page.textContent('[data-testid="population-story"]'))!;
    expect(zh).toContain('投诉');
    expect(zh).toContain('推荐了朋友');
    expect(errors).toEqual([]);
    await page.close();
  });
});
