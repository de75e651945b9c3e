import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runReplications } from '../../src/analysis/batch.ts';
import type { RunResult } from '../../src/engine/index.ts';
import { OUTCOMES } from '../../src/experiments/outcomes.ts';
import { parseScenarioText } from '../../src/scenario/importer.ts';
import type { Lesson } from '../../src/scenario/lessonSchema.ts';
import type { ScenarioFile } from '../../src/scenario/schema.ts';
import { encodeShareLink } from '../../src/scenario/share.ts';
import { lessonJobs } from '../../src/teaching/lesson.ts';
import { servedApp, watchErrors } from './browser.ts';

const app = servedApp();

const lessonFile = (name: string) => {
  const r = parseScenarioText(readFileSync(`scenarios/lessons/${name}.json`, 'utf8'));
  if (!r.ok || !r.file.lesson) throw new Error(name);
  return r.file as ScenarioFile & { lesson: Lesson };
};

async function predictAndRun(page: Page, option: string) {
  expect(await page.isDisabled('[data-testid="lesson-run"]')).toBe(true);
  await page.check(`[data-testid="predict-${option}"]`);
  await page.click('[data-testid="lesson-run"]');
  await page.waitForSelector('[data-testid="lesson-verdict"]', { timeout: 120_000 });
}

describe('teaching mode', () => {
  it('walks through a lesson in English: predict, run, the engine’s result, why, the model, the customers', async () => {
    const page = await app.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await page.click('[data-testid="tab-lessons"]');
    await page.click('[data-testid="lesson-lessons/1-discounts"]');
    expect(await page.textContent('[data-testid="lesson-question"]')).toContain('20 % off for everyone');
    await predictAndRun(page, 'discount');
    expect(await page.getAttribute('[data-testid="lesson-verdict"]', 'data-verdict')).toBe('wrong');
    expect(await page.textContent('[data-testid="lesson-verdict"]')).toContain('comes out ahead');

    // The figures are the engine's, run in Node with the same seeds.
    const file = lessonFile('1-discounts');
    const of = OUTCOMES[file.lesson.outcome].of;
    for (const job of lessonJobs(file)) {
      const rs: RunResult[] = runReplications(job.scenario, job.seed, job.replications);
      const expected = rs.map(of).reduce((a, x) => a + x, 0) / rs.length;
      const shown = Number(await page.getAttribute(`[data-option="${job.key}"]`, 'data-mean'));
      expect(Math.abs(shown - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected));
    }

    expect(await page.textContent('[data-testid="lesson-explanation"]')).toContain('reference price');
    for (const id of ['lesson-chart-active', 'lesson-three-dim'])
      await page.waitForSelector(`[data-testid="${id}"] svg`);
    await page.waitForSelector('[data-testid="population-canvas"][data-ready="yes"]', { timeout: 60_000 });

    // A mechanism link opens docs/model.md at its section: the heading first, just under the bar
    // that stays over the text (not hidden by it, the view starting in the section's middle).
    await page.click('[data-anchor="value-experience-satisfaction-trust-perceptionts"]');
    await page.waitForSelector('[data-testid="docs"][open]');
    const at = await page.$eval('[data-testid="docs"]', (d) => {
      const heading = d
        .querySelector('#value-experience-satisfaction-trust-perceptionts')!
        .getBoundingClientRect();
      const bar = d.querySelector('.docs-bar')!.getBoundingClientRect();
      const seen = document.elementFromPoint(heading.left + 10, heading.top + heading.height / 2);
      return { gap: heading.top - bar.bottom, seen: seen?.closest('h2')?.id ?? seen?.tagName };
    });
    expect(at.seen).toBe('value-experience-satisfaction-trust-perceptionts');
    expect(at.gap).toBeGreaterThanOrEqual(0);
    expect(at.gap).toBeLessThan(24);
    await page.click('[data-testid="docs-close"]');
    await page.click('[data-anchor="churn-and-win-back-churnts"]');
    await page.waitForSelector('[data-testid="docs"][open]');
    expect(await page.isVisible('#churn-and-win-back-churnts')).toBe(true);
    await page.click('[data-testid="docs-close"]');
    expect(await page.$('[data-testid="docs"]')).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the model reference on a phone in Chinese: its causal chain as a list, marked as English, nothing past the edge', async () => {
    const context = await app.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await page.waitForSelector('[data-testid="chart-active"] svg', { timeout: 90_000 });
    await page.click('[data-testid="lang"]');
    await page.click('[data-testid="open-docs"]');
    await page.waitForSelector('[data-testid="docs"][open]');
    expect(await page.textContent('[data-testid="docs-language"]')).toContain('只有英文版');
    expect(await page.getAttribute('.docs-body', 'lang')).toBe('en');
    const chain = await page.$$eval('[data-testid="causal-chain"] li', (lis) =>
      lis.map((li) => li.textContent),
    );
    expect(chain).toContain(
      'loyalty ← bond 情感 · perceived value 价值 · experience 体验 · satisfaction vs expectation · trust',
    );
    expect(await page.textContent('.docs-body')).not.toContain('flowchart LR');
    // Wide tables and formulas scroll inside themselves; the text itself never runs past the dialog.
    const widths = await page.$eval('.docs-body', (b) => ({ scroll: b.scrollWidth, client: b.clientWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client + 1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('walks through a lesson in Chinese, and explains a number', async () => {
    const page = await app.browser.newPage();
    await page.goto(app.url);
    await page.click('[data-testid="lang"]');
    await page.waitForSelector('[data-kpi="retention12"]', { timeout: 60_000 });
    await page.click('[data-explain="retention12"]');
    expect(await page.textContent('[data-testid="explain-retention12"]')).toContain('流失');
    await page.click('[data-testid="tab-lessons"]');
    await page.click('[data-testid="lesson-lessons/2-satisfaction-is-not-loyalty"]');
    expect(await page.textContent('[data-testid="lesson-question"]')).toContain('竞争对手');
    await predictAndRun(page, 'satisfaction');
    expect(await page.getAttribute('[data-testid="lesson-verdict"]', 'data-verdict')).toBe('right');
    expect(await page.textContent('[data-testid="lesson-verdict"]')).toContain('模拟结果与你一致');
    expect(await page.textContent('[data-testid="lesson-explanation"]')).toContain('打磨服务留住的客户更多');
    await page.close();
  });

  it('opens a trainer’s lesson from a share link, in presentation mode, and keeps working offline', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    const file = lessonFile('3-service-recovery');
    const link = await encodeShareLink(file, app.url);
    if (!link.ok) throw new Error('link');
    await page.goto(link.url);
    await page.waitForSelector('[data-testid="lesson"]');
    expect(await page.textContent('[data-testid="lesson-question"]')).toContain('one visit in ten');

    await page.click('[data-testid="presentation"]');
    const size = await page.evaluate(() =>
      Number.parseFloat(getComputedStyle(document.documentElement).fontSize),
    );
    expect(size).toBeGreaterThan(20);

    // Once loaded, the app is kept for offline use: a reload without network still runs the lesson.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);
    await page.goto(`${app.url}?offline`);
    await page.waitForSelector('h1');
    expect(await page.evaluate(() => document.documentElement.classList.contains('presentation'))).toBe(true); // remembered
    await page.click('[data-testid="tab-lessons"]');
    await page.click('[data-testid="lesson-lessons/4-community-word-of-mouth"]');
    await predictAndRun(page, 'community');
    expect(await page.getAttribute('[data-testid="lesson-verdict"]', 'data-verdict')).toBe('right');
    await context.setOffline(false);
    await context.close();
  });

  it('shows the case gallery: reported and simulated figures side by side', async () => {
    const page = await app.browser.newPage();
    await page.goto(app.url);
    await page.click('[data-testid="tab-cases"]');
    await page.waitForSelector('[data-case]'); // the tab's code loads on demand
    expect((await page.$$('[data-case]')).length).toBe(6);
    await page.click('[data-testid="run-cases"]');
    await page.waitForSelector(
      '[data-case="cases/yuejia"] [data-check="0"][data-simulated]:not([data-simulated=""])',
      {
        timeout: 180_000,
      },
    );
    const cells = await page.$$eval('[data-check] td:last-child', (tds) => tds.map((td) => td.className));
    expect(cells.length).toBeGreaterThanOrEqual(6);
    // Every case reproduces its reported figure within its stated tolerance, or is a known departure
    // marked in its file (茶语社, 成长树), shown with its reason.
    expect(cells.every((c) => c === 'good' || c === 'departure')).toBe(true);
    expect(cells.filter((c) => c === 'departure').length).toBe(2);
    expect(await page.$$eval('.departure.note', (ps) => ps.length)).toBe(2);
    await page.close();
  });
});
