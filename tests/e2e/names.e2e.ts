import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { servedApp, watchErrors } from './browser.ts';

const app = servedApp();

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
const NAMES = {
  en: {
    base: 'Neighbourhood service business — baseline',
    plan: 'Discount-heavy plan',
    other: 'Three-dimension balanced plan',
  },
  zh: { base: '社区服务业基线', plan: '折扣主导方案', other: '三维均衡方案' },
} as const;

const text = (page: Page, selector: string) => page.$eval(selector, (e) => (e as HTMLElement).innerText);

async function downloaded(page: Page, selector: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
}

/** What the Compare page shows and exports names the plans in `lang` only. */
async function expectCompareIn(page: Page, lang: 'en' | 'zh') {
  const own = NAMES[lang];
  const other = NAMES[lang === 'en' ? 'zh' : 'en'];
  const table = await text(page, '[data-testid="compare-table"] thead');
  for (const name of [own.base, own.plan, own.other]) expect(table).toContain(name);
  for (const name of [other.base, other.plan, other.other]) expect(table).not.toContain(name);
  // The chart's legend (drawn by Plot) names the same.
  await page.waitForFunction(
    (name) => document.querySelector('[data-testid="compare-chart"]')?.textContent?.includes(name),
    own.plan,
  );
  const chart = (await page.textContent('[data-testid="compare-chart"]')) ?? '';
  expect(chart).not.toContain(other.plan);
  const picker = await text(page, '[data-testid="plans"]');
  expect(picker).toContain(own.other);
  expect(picker).not.toContain(other.other);
  const baselines = await page.$$eval('[data-testid="baseline"] option', (os) =>
    os.map((o) => o.textContent ?? ''),
  );
  expect(baselines).toContain(own.base);
  expect(baselines.filter((b) => (lang === 'en' ? CJK.test(b) : /[A-Za-z]{3}/.test(b)))).toEqual([]);

  const csv = (await downloaded(page, '[data-testid="download-csv"]')).text.trim().split('\n');
  expect(csv.filter((l) => l.startsWith(`"${own.plan}",`)).length).toBe(2 * 36);
  expect(csv.filter((l) => l.startsWith(`"${own.base}",`)).length).toBe(2 * 36);
  expect(csv.filter((l) => l.includes(other.plan) || l.includes(other.base))).toEqual([]);
  const svg = (await downloaded(page, '[data-testid="compare-chart-svg"]')).text;
  expect(svg).toContain(own.plan);
  expect(svg).not.toContain(other.plan);
}

describe('scenario names in the page’s language', () => {
  it('shows and exports only the Chinese names in Chinese and only the English in English', async () => {
    const page = await app.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await page.waitForSelector('[data-testid="chart-active"] svg', { timeout: 90_000 });
    await page.click('[data-testid="lang"]');

    // The scenario bar's library: every scenario by its Chinese name, with no English beside it.
    const zhOptions = await page.$$eval('[data-testid="library"] option', (os) =>
      os.map((o) => o.textContent ?? ''),
    );
    expect(zhOptions).toContain(NAMES.zh.plan);
    expect(zhOptions.length).toBeGreaterThan(20);
    expect(zhOptions.filter((o) => /[A-Za-z]{3}/.test(o))).toEqual([]);
    const zhName = await text(page, '[data-testid="scenario-name"]');
    expect(zhName).toContain(NAMES.zh.base);
    expect(zhName).not.toContain('Neighbourhood');
    expect(await text(page, '.scenario-bar .description')).toBe('默认情景：无忠诚度计划的社区服务企业。');
    expect((await downloaded(page, '[data-testid="save-file"]')).name).toBe('社区服务业基线.json');

    await page.click('[data-testid="tab-compare"]');
    await page.fill('[data-testid="reps"]', '2');
    await page.click('[data-testid="run-compare"]');
    await page.waitForSelector('[data-testid="compare-table"][data-complete="yes"]', { timeout: 120_000 });
    await expectCompareIn(page, 'zh');

    // The same results, the page switched to English: the names follow.
    await page.click('[data-testid="lang"]');
    await expectCompareIn(page, 'en');
    await page.click('[data-testid="tab-scenario"]');
    const enOptions = await page.$$eval('[data-testid="library"] option', (os) =>
      os.map((o) => o.textContent ?? ''),
    );
    expect(enOptions).toContain(NAMES.en.plan);
    expect(enOptions.filter((o) => CJK.test(o))).toEqual([]);
    expect(await text(page, '.scenario-bar .description')).not.toMatch(CJK);
    expect((await downloaded(page, '[data-testid="save-file"]')).name).toBe(
      'Neighbourhood-service-business-baseline.json',
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a user’s own one-text name as written in both languages', async () => {
    const page = await app.browser.newPage();
    await page.goto(app.url);
    await page.waitForSelector('[data-testid="chart-active"] svg', { timeout: 90_000 });
    await page.click('[data-testid="edit"]');
    await page.fill('[data-field="name"]', 'My plan 我的方案');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="my-scenarios"]')?.textContent?.includes('My plan 我的方案'),
    );
    await page.click('[data-testid="lang"]');
    expect(await text(page, '[data-testid="my-scenarios"]')).toContain('My plan 我的方案');
    expect(await text(page, '[data-testid="scenario-name"]')).toContain('My plan 我的方案');
    await page.close();
  });
});
