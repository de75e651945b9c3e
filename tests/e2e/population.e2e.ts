import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  customerStory,
  HEALTH_BANDS,
  healthBand,
  healthStory,
  STAGE_NAMES,
  tracePopulation,
  UNSCORED,
} from '../../src/engine/index.ts';
import { parseScenarioText } from '../../src/scenario/importer.ts';
import { customerAt, gridLayout, HEALTH_COLOURS, position } from '../../src/ui/population/layout.ts';
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
    // The person's segment, named in the page's language only.
    const heading = (await page.textContent('[data-testid="population-story"] h3'))!;
    expect(heading).toMatch(/· (Price-driven|Value-seeking|Relationship-seeking|Convenience)$/);

    await page.click('[data-testid="lang"]');
    const zh = (await page.textContent('[data-testid="population-story"]'))!;
    expect(zh).toContain('投诉');
    expect(zh).toContain('推荐了朋友');
    expect(await page.textContent('[data-testid="population-story"] h3')).toMatch(
      /· (价格驱动|价值导向|关系导向|便利导向)$/,
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('colours the customers by health score, with a legend of the bands, and tells a person’s health month by month', async () => {
    const page = await app.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await page.click('[data-testid="tab-population"]');
    await page.waitForSelector('[data-testid="population-canvas"][data-ready="yes"]', { timeout: 60_000 });
    await page.selectOption('[data-testid="population-colour"]', 'health');
    const last = trace.frames - 1;
    const expected = [0, 0, 0, 0];
    for (let i = 0; i < trace.size; i++) {
      const h = trace.health[last * trace.size + i];
      expected[h === UNSCORED ? 3 : HEALTH_BANDS.indexOf(healthBand(h))]++;
    }
    expect(expected[2]).toBeGreaterThan(0); // someone is at risk, so the band is shown with people in it
    const legend = await page.$$eval('[data-health-band]', (items) =>
      items.map((li) => [li.getAttribute('data-health-band'), li.textContent ?? '']),
    );
    expect(legend.map(([b]) => b)).toEqual([...HEALTH_BANDS, 'none']);
    expect(legend.map(([, text]) => Number((text ?? '').split(':').at(-1)))).toEqual(expected);
    expect(legend[2][1]).toContain('at risk');
    expect(await page.getAttribute('[data-testid="population-canvas"]', 'aria-label')).toContain(
      'health score',
    );

    // The first person who is a customer at the end and was in poor health at some month.
    const grid = gridLayout(trace.size, 720, 420);
    let who = 0;
    while (who < trace.size) {
      const h = healthStory(trace, who);
      if (h.at(-1) !== null && h.some((x) => x !== null && x < 40)) break;
      who++;
    }
    expect(who).toBeLessThan(trace.size);
    const [x, y] = position(grid, who);
    // The dot is drawn in its band's colour.
    const pixel = await page.$eval(
      '[data-testid="population-canvas"]',
      (c, [px, py]) => Array.from((c as HTMLCanvasElement).getContext('2d')!.getImageData(px, py, 1, 1).data),
      [Math.floor(x), Math.floor(y)],
    );
    const band = healthBand(trace.health[last * trace.size + who]);
    const hex = HEALTH_COLOURS[band];
    expect(pixel.slice(0, 3)).toEqual([1, 3, 5].map((k) => Number.parseInt(hex.slice(k, k + 2), 16)));

    const canvas = (await page.$('[data-testid="population-canvas"]'))!;
    const box = (await canvas.boundingBox())!;
    await page.mouse.click(box.x + (x * box.width) / grid.width, box.y + (y * box.height) / grid.height);
    await page.waitForSelector(`[data-testid="population-story"][data-customer="${who}"]`);
    const now = (await page.textContent('[data-testid="population-health-now"]'))!;
    expect(now).toContain(`Health score after month ${last}: ${trace.health[last * trace.size + who]}`);
    expect(
      JSON.parse((await page.getAttribute('[data-testid="population-health"]', 'data-health'))!),
    ).toEqual(healthStory(trace, who));
    const months = await page.$$eval('[data-testid="population-health"] li', (items) => items.length);
    expect(months).toBe(last);

    // The keyboard picks the neighbour on screen.
    await canvas.focus();
    await page.keyboard.press('ArrowRight');
    const right = customerAt(grid, trace.size, x + grid.cell, y);
    await page.waitForSelector(`[data-testid="population-story"][data-customer="${right}"]`);

    await page.click('[data-testid="lang"]');
    expect(await page.textContent('[data-testid="population-counts"]')).toContain('健康良好');
    expect(await page.textContent('[data-testid="population-story"]')).toContain('健康评分');
    expect(errors).toEqual([]);
    await page.close();
  });
});
