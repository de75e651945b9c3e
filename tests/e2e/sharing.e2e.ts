import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runReplications } from '../../src/analysis/batch.ts';
import { HEADLINE_KPIS, summarise } from '../../src/analysis/summary.ts';
import { parseScenarioText } from '../../src/scenario/importer.ts';
import { figures, servedApp, setMarketSize, watchErrors } from './browser.ts';

const app = servedApp();

/** Opens the library's community-led plan from the scenario bar. */
async function openCommunityPlan(page: Page) {
  await page.selectOption('[data-testid="library"]', 'plans/community-led');
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="scenario-name"]')?.textContent?.includes('Community-led'),
  );
}

describe('scenario files and share links in the app', () => {
  it('opens a library plan, shares it as a link, and the link reproduces the same figures', async () => {
    const page = await app.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await figures(page);
    await openCommunityPlan(page);
    const first = await figures(page);
    await page.click('[data-testid="share"]');
    const link = await page.inputValue('[data-testid="share-link"] input');
    expect(link).toMatch(/#scenario=/);

    const other = await app.browser.newPage();
    await other.goto(link);
    await other.waitForFunction(() =>
      document.querySelector('[data-testid="scenario-name"]')?.textContent?.includes('Community-led'),
    );
    expect(await figures(other)).toEqual(first);

    // …and they are the engine's figures for that file, same seed.
    const file = parseScenarioText(readFileSync('scenarios/plans/community-led.json', 'utf8'));
    if (!file.ok) throw new Error('library file invalid');
    const expected = summarise(runReplications(file.scenario, 1, 8), HEADLINE_KPIS);
    for (const e of expected) expect(first[e.kpi.id]).toBe(e.interval.mean);
    expect(errors).toEqual([]);
    await page.close();
    await other.close();
  });

  it('opens a link pasted into a page already open, and a reload after an edit opens the edited copy', async () => {
    const page = await app.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await figures(page);
    await openCommunityPlan(page);
    await page.click('[data-testid="share"]');
    const link = await page.inputValue('[data-testid="share-link"] input');
    await page.selectOption('[data-testid="library"]', 'baselines/tea-shop');
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="scenario-name"]')?.textContent?.includes('Community-led'),
    );
    // Only the hash changes: the page is not loaded again.
    await page.evaluate((href) => {
      window.location.href = href;
    }, link);
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="scenario-name"]')?.textContent?.includes('Community-led'),
    );
    await figures(page);
    // An edit makes it the user's copy: the link leaves the address bar, so a reload opens the copy.
    await page.click('[data-testid="edit"]');
    await page.fill('[data-field="levers.value.discount.depthPct"]', '7');
    await page.waitForFunction(() => !window.location.hash.includes('scenario='));
    await page.reload();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="scenario-name"]')?.textContent?.includes('my copy'),
      null,
      { timeout: 90_000 },
    );
    await page.click('[data-testid="edit"]');
    expect(await page.inputValue('[data-field="levers.value.discount.depthPct"]')).toBe('7');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps a name typed key by key into a library scenario: the copy takes it as typed', async () => {
    const page = await app.browser.newPage();
    await page.goto(app.url);
    await figures(page);
    await page.click('[data-testid="edit"]');
    await page.click('[data-field="name"]');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Spring promo');
    expect(await page.inputValue('[data-field="name"]')).toBe('Spring promo');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="scenario-name"]')?.textContent?.includes('Spring promo'),
    );
    await page.close();
  });

  it('says a damaged link is damaged and keeps working on the default scenario', async () => {
    const page = await app.browser.newPage();
    await page.goto(`${app.url}#scenario=q1w2e3r4t5y6`);
    await page.waitForSelector('[data-testid="problems"]');
    expect(await page.textContent('[data-testid="problems"]')).toMatch(/damaged/);
    await figures(page);
    await page.close();
  });

  it('a damaged link opened in a new page says so and opens the user’s last scenario, as its message promises', async () => {
    const page = await app.browser.newPage();
    await page.goto(app.url);
    await figures(page);
    await setMarketSize(page, 4321);
    const mine = await page.textContent('[data-testid="scenario-name"]');
    expect(mine).toContain('my copy');
    await page.goto('about:blank');
    await page.goto(`${app.url}#scenario=q1w2e3r4t5y6`);
    await page.waitForSelector('[data-testid="problems"]');
    expect(await page.textContent('[data-testid="problems"]')).toMatch(/damaged/);
    await page.waitForFunction(
      (name) => document.querySelector('[data-testid="scenario-name"]')?.textContent === name,
      mine,
    );
    await figures(page);
    await page.close();
  });

  it('says where a file’s JSON is broken in its own words, and in Chinese runs the source into the sentence', async () => {
    const page = await app.browser.newPage();
    await page.goto(app.url);
    await figures(page);
    await page.setInputFiles('[data-testid="file-input"]', {
      name: 'typo.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{\n  "schemaVersion": 2,\n  name: "x"\n}'),
    });
    await page.waitForSelector('[data-testid="problems"]');
    const en = (await page.textContent('[data-testid="problems"]'))!;
    expect(en).toContain('typo.json cannot be opened');
    expect(en).toContain(
      'not valid JSON (line 3, column 3): a property name is missing or not in double quotes',
    );
    expect(en).not.toMatch(/position|Expected/);
    await page.click('[data-testid="lang"]');
    await page.goto('about:blank');
    await page.goto(`${app.url}#scenario=q1w2e3r4t5y6`);
    await page.waitForSelector('[data-testid="problems"]');
    expect(await page.textContent('[data-testid="problems"]')).toMatch(/^分享链接无法打开/);
    await page.close();
  });

  it('lists every problem of a broken file and keeps the current scenario', async () => {
    const page = await app.browser.newPage();
    await page.goto(app.url);
    await figures(page);
    const before = await page.textContent('[data-testid="scenario-name"]');
    await page.setInputFiles('[data-testid="file-input"]', {
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          levers: { value: { discount: { depthPct: 120 } } },
          colour: 'red',
        }),
      ),
    });
    await page.waitForSelector('[data-testid="problems"]');
    const text = await page.textContent('[data-testid="problems"]');
    expect(text).toContain('broken.json');
    expect(text).toContain(
      'Discount → Depth (levers.value.discount.depthPct): must be between 0 and 90 (%), got 120',
    );
    expect(text).toContain('colour');
    expect(await page.textContent('[data-testid="scenario-name"]')).toBe(before);
    await page.close();
  });

  it('saves the current scenario as a file that opens to the same scenario', async () => {
    const page = await app.browser.newPage();
    await page.goto(app.url);
    await figures(page);
    await page.selectOption('[data-testid="library"]', 'cases/yunqi');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="save-file"]'),
    ]);
    const path = await download.path();
    const saved = parseScenarioText(readFileSync(path!, 'utf8'));
    const shipped = parseScenarioText(readFileSync('scenarios/cases/yunqi.json', 'utf8'));
    expect(saved.ok && shipped.ok).toBe(true);
    if (saved.ok && shipped.ok) expect(saved.scenario).toEqual(shipped.scenario);
    await page.close();
  });
});
