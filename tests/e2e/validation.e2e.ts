import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { build, type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKS, checkById, formatFigure, KNOWN_DEPARTURES, validate } from '../../src/validation/index.ts';
import { libraryWorlds } from '../validation/worlds.ts';
import { launchBrowser, servedApp, watchErrors } from './browser.ts';

const app = servedApp();

/** The harness (tests/e2e/harness) mounts the page alone, built with the app's config. */
const HARNESS = 'tests/e2e/harness/validation.html';
let outDir = '';
let server: PreviewServer;
let url = '';
let browser: Browser;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'validation-harness-'));
  await build({
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false, rollupOptions: { input: resolve(HARNESS) } },
  });
  server = await preview({
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'error',
  });
  url = `${server.resolvedUrls!.local[0]}${HARNESS}`;
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('the Validation tab of the app', () => {
  it('lists every check with its published figure and source before anything runs, in both languages', async () => {
    const page = await app.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await page.click('[data-testid="tab-validation"]');
    // The page loads on demand: wait for it, not for the note shown meanwhile.
    await page.waitForSelector('[data-testid="validation"] [data-testid="validation-run"]');
    const ids = await page.$$eval('tr[data-check]', (rs) => rs.map((r) => r.getAttribute('data-check')));
    expect(ids).toEqual(CHECKS.map((c) => c.id));
    const text = await page.textContent('[data-testid="validation"]');
    for (const c of CHECKS) expect(text).toContain(c.source.en);
    // What it cites, a user can follow: no issue numbers or file paths; the model reference is a link.
    expect(text).not.toMatch(/issue \d|\.md\b|§/);
    await page.click('[data-testid="validation-docs"]');
    await page.waitForSelector('[data-testid="docs"][open]');
    expect(await page.isVisible('#validation-against-published-effect-sizes')).toBe(true);
    await page.click('[data-testid="docs-close"]');
    await page.click('[data-testid="lang"]');
    expect(await page.textContent('[data-testid="validation-run"]')).toBe('运行验证');
    for (const c of CHECKS)
      expect(await page.textContent('[data-testid="validation"]')).toContain(c.title.zh);
    expect(await page.textContent('[data-testid="validation"]')).not.toMatch(/议题|\.md\b|§/);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the Validation table, laid out', () => {
  const ROWS = ['three-together-retention', 'three-together-profit'];
  it('says the three-together quantity once, reads cells from the top, and keeps Chinese titles a few words wide', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(app.url);
    await page.click('[data-testid="tab-validation"]');
    await page.waitForSelector('[data-testid="validation"] [data-testid="validation-run"]');
    for (const lang of ['en', 'zh'] as const) {
      if (lang === 'zh') await page.click('[data-testid="lang"]');
      for (const id of ROWS) {
        const check = checkById(id);
        const quantity = check.figures[0].label[lang].split(/[:：]\s*/)[1];
        const row = await page.$eval(
          `tr[data-check="${id}"]`,
          (r, q) => {
            const cells = [...r.children] as HTMLElement[];
            const title = r.querySelector('th')!.firstChild!;
            const range = document.createRange();
            range.selectNodeContents(title);
            const model = document.createRange();
            model.selectNodeContents(cells[4]);
            return {
              modelHeight: model.getBoundingClientRect().height,
              quantityTimes: r.textContent!.split(q).length - 1,
              top: cells.every((c) => getComputedStyle(c).verticalAlign === 'top'),
              titleLines: new Set([...range.getClientRects()].map((b) => Math.round(b.top))).size,
            };
          },
          quantity,
        );
        expect(row.quantityTimes).toBe(1);
        expect(row.top).toBe(true);
        // At least six characters a line in Chinese (it was two), fifteen in English.
        expect(row.titleLines).toBeLessThanOrEqual(
          Math.ceil(check.title[lang].length / (lang === 'zh' ? 6 : 15)),
        );
        // Seven baselines' lines and the quantity once (it was the quantity seven times, 2–3 lines each).
        expect(row.modelHeight).toBeLessThan(260);
      }
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('on a 390 px phone, each check is a card and its verdict is on screen', async () => {
    const page = await app.browser.newPage({ viewport: { width: 390, height: 844 } });
    const errors = watchErrors(page);
    await page.goto(app.url);
    await page.click('[data-testid="tab-validation"]');
    await page.waitForSelector('[data-testid="validation"] [data-testid="validation-run"]');
    const cards = await page.$$eval('tr[data-check]', (rs) =>
      rs.map((r) => {
        const verdict = r.querySelector('td.check-verdict')!.getBoundingClientRect();
        const box = r.getBoundingClientRect();
        return {
          id: r.getAttribute('data-check'),
          onScreen: box.left >= 0 && box.right <= window.innerWidth && verdict.right <= window.innerWidth,
        };
      }),
    );
    expect(cards.length).toBe(CHECKS.length);
    expect(cards.filter((c) => !c.onScreen)).toEqual([]);
    expect(await page.$eval('.validation-table', (t) => t.scrollWidth <= t.clientWidth + 1)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** A run of some checks only: the page is mounted alone by a harness (?only=), the app runs them all. */
describe('the Validation page, in the browser', () => {
  it('runs in workers with progress, cancels, and then shows the same figures as Node', async () => {
    const only = ['strong-plan-nps', 'strong-plan-referrals', 'word-of-mouth'];
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${url}?only=${only.join(',')}`);
    await page.click('[data-testid="validation-run"]');
    await page.waitForSelector('[data-testid="validation-progress"]');
    await page.click('[data-testid="validation-cancel"]');
    await page.waitForSelector('text=Run cancelled.');
    expect(await page.$$eval('tr[data-status]:not([data-status=""])', (rs) => rs.length)).toBe(0);

    await page.click('[data-testid="validation-run"]');
    await page.waitForSelector('tr[data-check="word-of-mouth"]:not([data-status=""])', { timeout: 170_000 });
    const node = validate(only.map(checkById), libraryWorlds);
    for (const r of node) {
      const row = `tr[data-check="${r.check.id}"]`;
      expect(await page.getAttribute(row, 'data-status')).toBe(r.status);
      const shown = await page.textContent(row);
      r.check.figures.forEach((f, j) => {
        expect(shown).toContain(formatFigure(r.intervals[j], f.unit));
      });
      const reason = KNOWN_DEPARTURES[r.check.id];
      if (reason && r.status === 'departure') expect(shown).toContain(reason.en);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a validation worker that dies mid-run is reported and replaced, and the figures are still those of Node', async () => {
    const only = ['word-of-mouth'];
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${url}?only=${only.join(',')}`);
    await page.click('[data-testid="validation-run"]');
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="validation-progress"]')?.getAttribute('value')) >= 1,
      null,
      { timeout: 120_000 },
    );
    // Killed as the browser would (no message, no event); pool.ts lists the page's live workers.
    await page.evaluate(() => {
      const live = (window as unknown as { loyaltyLabWorkers: Record<string, Set<Worker>> })
        .loyaltyLabWorkers;
      [...live.validation][0].terminate();
    });
    const notice = await page.waitForSelector('[data-testid="worker-notice"][data-kind="validation"]', {
      timeout: 60_000,
    });
    expect(await notice.getAttribute('data-lost')).toBe('1');
    await page.waitForSelector('tr[data-check="word-of-mouth"]:not([data-status=""])', { timeout: 170_000 });
    const [r] = validate(only.map(checkById), libraryWorlds);
    const row = `tr[data-check="${r.check.id}"]`;
    expect(await page.getAttribute(row, 'data-status')).toBe(r.status);
    const shown = await page.textContent(row);
    r.check.figures.forEach((f, j) => {
      expect(shown).toContain(formatFigure(r.intervals[j], f.unit));
    });
    expect(errors).toEqual([]);
    await page.close();
  });
});
