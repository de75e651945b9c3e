import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { countWorkerCalls, servedApp, watchErrors, workerCalls } from './browser.ts';

const app = servedApp();
const TABS = ['scenario', 'compare', 'population', 'experiments', 'lessons', 'cases', 'clv', 'validation'];

async function runCompare(page: Page, reps = 2) {
  await page.click('[data-testid="tab-compare"]');
  await page.fill('[data-testid="reps"]', String(reps));
  await page.click('[data-testid="run-compare"]');
  await page.waitForSelector('[data-testid="compare-table"][data-complete="yes"]', { timeout: 120_000 });
  await page.waitForSelector('[data-testid="three-dim-chart"] svg');
}

async function runLesson(page: Page) {
  await page.click('[data-testid="tab-lessons"]');
  await page.click('[data-testid="lesson-lessons/1-discounts"]');
  await page.check('[data-testid="predict-discount"]');
  await page.click('[data-testid="lesson-run"]');
  await page.waitForSelector('[data-testid="lesson-verdict"]', { timeout: 120_000 });
  await page.waitForSelector('[data-testid="lesson-three-dim"] svg');
  await page.waitForSelector('[data-testid="lesson-chart-newDiscount"] svg');
}

/** Elements that stick out of the viewport on the right, other than inside a box that scrolls sideways. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const inScroller = (e: Element) => {
      for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
        const o = getComputedStyle(a).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
      }
      return false;
    };
    return [...document.querySelectorAll('body *')]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.right > innerWidth + 0.5 && !inScroller(e);
      })
      .map(
        (e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}px`,
      );
  });
}

/** Every drawn chart: its box's width, the width it was drawn for, and the width it shows at. */
function chartWidths(page: Page) {
  return page.$$eval('.chart', (charts) =>
    charts.map((c) => {
      const svg = [...(c.firstElementChild?.children ?? [])].filter((e) => e.tagName === 'svg').at(-1) as
        | SVGSVGElement
        | undefined;
      return {
        id: c.getAttribute('data-testid'),
        box: c.clientWidth,
        drawn: Number(svg?.getAttribute('width')),
        shown: svg?.getBoundingClientRect().width ?? 0,
      };
    }),
  );
}

/** Colour and label of each swatch in a chart's legend, in order. */
function legend(page: Page, testId: string) {
  return page.$$eval(`[data-testid="${testId}"] [class*="-swatch"]:not([class*="-swatches"])`, (items) =>
    items.map((i) => ({
      label: i.textContent?.trim() ?? '',
      color: i.querySelector('svg')?.getAttribute('fill') ?? '',
    })),
  );
}

describe('on a phone (390 × 844)', () => {
  it('every tab is one column no wider than the screen, in English and Chinese; charts are drawn for their box', async () => {
    const page = await app.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(app.url);
    await page.waitForSelector('[data-testid="chart-active"] svg', { timeout: 90_000 });
    for (const lang of ['en', 'zh']) {
      if (lang === 'zh') await page.click('[data-testid="lang"]');
      for (const tab of TABS) {
        await page.click(`[data-testid="tab-${tab}"]`);
        if (tab === 'compare') await runCompare(page);
        if (tab === 'lessons' && lang === 'en') await runLesson(page);
        await page.waitForTimeout(300);
        const where = `${lang}/${tab}`;
        expect(await page.evaluate(() => document.documentElement.scrollWidth), where).toBeLessThanOrEqual(
          390,
        );
        expect(await overflowing(page), where).toEqual([]);
        // The whole tab bar is on screen.
        for (const t of TABS) {
          const box = (await page.locator(`[data-testid="tab-${t}"]`).boundingBox())!;
          expect(box.x >= 0 && box.x + box.width <= 390, `${where}: tab ${t}`).toBe(true);
        }
        // Charts resize with their container: drawn for (about) the width they show at, not shrunk.
        for (const c of await chartWidths(page)) {
          expect(c.shown, `${where}: ${c.id}`).toBeLessThanOrEqual(c.box + 0.5);
          if (c.drawn) expect(c.shown / c.drawn, `${where}: ${c.id} scaled down`).toBeGreaterThan(0.95);
        }
      }
    }
    await page.close();
  });
});

describe('by keyboard and screen reader', () => {
  it('has WAI-ARIA tabs that arrows, Home and End move through', async () => {
    const page = await app.browser.newPage();
    await page.goto(app.url);
    // The app renders after React, zod and its own code have loaded, one task each.
    await page.waitForSelector('[role="tablist"]');
    const tabs = page.locator('[role="tablist"] [role="tab"]');
    expect(await tabs.count()).toBe(TABS.length);
    expect(await page.getAttribute('[data-testid="tab-scenario"]', 'aria-selected')).toBe('true');
    const panel = page.locator('[role="tabpanel"]:visible');
    expect(await panel.getAttribute('aria-labelledby')).toBe('tab-scenario');
    await page.focus('[data-testid="tab-scenario"]');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'tab-compare',
    );
    expect(await page.getAttribute('[data-testid="tab-compare"]', 'aria-selected')).toBe('true');
    expect(await page.getAttribute('[data-testid="tab-scenario"]', 'aria-selected')).toBe('false');
    expect(await page.locator('[role="tabpanel"]:visible').getAttribute('aria-labelledby')).toBe(
      'tab-compare',
    );
    await page.keyboard.press('End');
    expect(await page.getAttribute('[data-testid="tab-validation"]', 'aria-selected')).toBe('true');
    await page.keyboard.press('ArrowRight');
    expect(await page.getAttribute('[data-testid="tab-scenario"]', 'aria-selected')).toBe('true');
    await page.keyboard.press('ArrowLeft');
    expect(await page.getAttribute('[data-testid="tab-validation"]', 'aria-selected')).toBe('true');
    await page.keyboard.press('Home');
    expect(await page.getAttribute('[data-testid="tab-scenario"]', 'aria-selected')).toBe('true');
    // One tab stop for the whole bar: Tab leaves it.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).not.toBe('tab');
    await page.close();
  });

  it('skips to Compare’s Run, keeps focus through the run, announces progress and results, names every chart', async () => {
    const page = await app.browser.newPage();
    await page.goto(app.url);
    await page.click('[data-testid="tab-compare"]');
    await page.fill('[data-testid="reps"]', '3');
    // From the top of the page: the first Tab reaches the skip link, Enter lands on Run.
    await page.evaluate(() => {
      document.body.tabIndex = -1;
      document.body.focus();
      document.body.removeAttribute('tabindex');
    });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'skip-to-run',
    );
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'run-compare',
    );
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="cancel"]');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('cancel');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="live"]')?.textContent?.includes('Running'),
    );
    await page.waitForSelector('[data-testid="compare-table"][data-complete="yes"]', { timeout: 120_000 });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'run-compare',
    );
    expect(await page.textContent('[data-testid="live"]')).toBe('Results ready.');
    expect(await page.getAttribute('[data-testid="live"]', 'aria-live')).toBe('polite');
    await page.waitForSelector('[data-testid="three-dim-chart"] svg');
    await page.waitForTimeout(300);
    const charts = await page.$$eval('.chart', (cs) =>
      cs.map((c) => {
        const svg = c.querySelector(':scope > figure > svg[role="img"], :scope > svg[role="img"]');
        const desc = document.getElementById(svg?.getAttribute('aria-describedby') ?? '');
        return {
          id: c.getAttribute('data-testid'),
          name: svg?.getAttribute('aria-label') ?? '',
          desc: desc?.textContent ?? '',
        };
      }),
    );
    expect(charts.map((c) => c.id)).toEqual([
      'compare-chart',
      'ladder-chart',
      'cohort-chart',
      'clv-chart',
      'three-dim-chart',
    ]);
    for (const c of charts) {
      expect(c.name.length, c.id!).toBeGreaterThan(5);
      expect(c.desc.length, c.id!).toBeGreaterThan(10);
    }
    expect(charts[0].desc).toContain('Discount-heavy plan');
    expect(charts[0].desc).not.toContain('折扣主导方案');
    await page.close();
  });

  it('keeps focus on the Scenario tab’s Run again', async () => {
    const page = await app.browser.newPage();
    await page.goto(app.url);
    await page.waitForSelector('[data-testid="chart-active"] svg', { timeout: 90_000 });
    await page.focus('[data-testid="rerun"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="progress"]');
    await page.waitForSelector('[data-testid="chart-active"] svg', { timeout: 90_000 });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('rerun');
    await page.close();
  });
});

describe('what a trainer shows', () => {
  it('names lesson links, charts and axes in sentences in the learner’s language', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(app.url);
    await runLesson(page);
    const links = await page.$$eval('[data-anchor]', (as) => as.map((a) => a.textContent?.trim() ?? ''));
    expect(links).toEqual([
      'Value, experience, satisfaction, trust',
      'Churn and win-back',
      'Levers, schedules and costs',
    ]);
    const title = (id: string) => page.textContent(`[data-testid="${id}"] h2`);
    expect(await title('lesson-chart-newDiscount')).toBe('New customers won by a discount, month by month');
    // Focus went from Run to Cancel to Try again.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'lesson-again',
    );
    await page.click('[data-testid="lang"]');
    await page.waitForFunction(() =>
      /[\u4e00-\u9fff]/.test(
        document.querySelector('[data-testid="lesson-chart-active"] h2')?.textContent ?? '',
      ),
    );
    await page.waitForTimeout(300);
    const zhLinks = await page.$$eval('[data-anchor]', (as) => as.map((a) => a.textContent?.trim() ?? ''));
    expect(zhLinks).toHaveLength(3);
    for (const l of zhLinks) expect(l).toMatch(/^[^a-z]*[\u4e00-\u9fff][^a-z]*$/);
    expect(await title('lesson-chart-newDiscount')).toMatch(/折扣/);
    // Axes in Chinese too.
    const axes = await page.$$eval('[data-testid="lesson-chart-active"] svg[role="img"] text', (ts) =>
      ts.map((t) => t.textContent ?? ''),
    );
    expect(axes.some((t) => t.includes('月份'))).toBe(true);
    expect(axes.some((t) => /month|people|customers/.test(t))).toBe(false);
    // Why the prediction cannot be changed now, said beside Try again and read with it.
    expect(await page.textContent('[data-testid="lesson-locked"]')).toMatch(/预测/);
    expect(await page.getAttribute('[data-testid="lesson-again"]', 'aria-describedby')).toBe('lesson-locked');
    expect(await page.isDisabled('[data-testid="predict-discount"]')).toBe(true);
    // Trying again lands on the first option to predict.
    await page.focus('[data-testid="lesson-again"]');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'predict-discount',
    );
    await page.close();
  });

  it('keeps each lesson option’s colour and legend place in both languages, in the table’s order', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(app.url);
    await page.click('[data-testid="tab-lessons"]');
    // Lesson 6's options sort differently in English and Chinese ("All three…" first; 三者协同 last).
    await page.click('[data-testid="lesson-lessons/6-three-dimensions"]');
    await page.click('[data-testid^="predict-"]');
    await page.click('[data-testid="lesson-run"]');
    await page.waitForSelector('[data-testid="lesson-chart-active"] svg', { timeout: 120_000 });
    const rows = () =>
      page.$$eval('[data-testid="lesson-table"] [data-option]', (rs) =>
        rs.map((r) => r.querySelector('th')?.textContent?.replace('★', '').trim() ?? ''),
      );
    const en = await legend(page, 'lesson-chart-active');
    expect(en.map((l) => l.label)).toEqual(await rows());
    await page.click('[data-testid="lang"]');
    await page.waitForFunction(() =>
      /[\u4e00-\u9fff]/.test(
        document.querySelector('[data-testid="lesson-chart-active"] h2')?.textContent ?? '',
      ),
    );
    await page.waitForTimeout(300);
    const zh = await legend(page, 'lesson-chart-active');
    expect(zh.map((l) => l.color)).toEqual(en.map((l) => l.color));
    expect(zh.map((l) => l.label)).toEqual(await rows());
    await page.close();
  });

  it('colours Compare’s plans in the table’s order, the same in both languages', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(app.url);
    await runCompare(page);
    const columns = () =>
      page.$$eval('[data-testid="compare-table"] thead tr:first-child th:not([rowspan])', (ths) =>
        ths.map((th) => th.childNodes[0].textContent?.trim() ?? ''),
      );
    const en = await legend(page, 'compare-chart');
    expect(en.map((l) => l.label)).toEqual(await columns());
    expect(en.map((l) => l.label)).toEqual([
      'Neighbourhood service business — baseline',
      'Discount-heavy plan',
      'Three-dimension balanced plan',
    ]);
    await page.click('[data-testid="lang"]');
    await page.waitForFunction(() =>
      /[\u4e00-\u9fff]/.test(document.querySelector('[data-testid="compare-chart"] h2')?.textContent ?? ''),
    );
    // In Chinese the plans are named in Chinese, in the same order and the same colours.
    const zh = await legend(page, 'compare-chart');
    expect(zh.map((l) => l.color)).toEqual(en.map((l) => l.color));
    expect(zh.map((l) => l.label)).toEqual(await columns());
    expect(zh.map((l) => l.label)).toEqual(['社区服务业基线', '折扣主导方案', '三维均衡方案']);
    await page.close();
  });
});

describe('in Chinese', () => {
  it('says the engine’s refusals and a truncated file’s problem in Chinese, under the editor’s labels', async () => {
    const page = await app.browser.newPage();
    await page.goto(app.url);
    await page.waitForSelector('[data-testid="chart-active"] svg', { timeout: 90_000 });
    await page.click('[data-testid="lang"]');
    // Five million people: the schema allows it, the engine refuses it in a browser tab.
    await page.click('[data-testid="edit"]');
    await page.fill('[data-field="population.marketSize"]', '5000000');
    await page.waitForSelector('[data-testid="run-error"]', { timeout: 60_000 });
    const refusal = (await page.textContent('[data-testid="run-error"]'))!;
    expect(refusal).toMatch(/市场规模.*\(population\.marketSize\): 5,000,000 人约需 \d+ MiB 内存/);
    expect(refusal).not.toMatch(/people need|lower the market size/);
    await page.fill('[data-field="population.marketSize"]', '3000');
    await page.waitForSelector('[data-testid="chart-active"] svg', { timeout: 60_000 });

    const whole = JSON.stringify({ schemaVersion: 2, name: 'cut', horizonMonths: 24 }, null, 1);
    await page.setInputFiles('[data-testid="file-input"]', {
      name: 'cut.json',
      mimeType: 'application/json',
      buffer: Buffer.from(whole.slice(0, whole.length - 8)),
    });
    await page.waitForSelector('[data-testid="problems"]');
    const problem = (await page.textContent('[data-testid="problems"] li'))!;
    expect(problem).toMatch(/^不是有效的 JSON.*截断/);
    expect(problem.replaceAll('JSON', '')).not.toMatch(/[A-Za-z]{3,}/);

    // An out-of-range lever: its own message under the editor's label, and "not run", not "cannot be opened".
    await page.fill('[data-field="levers.value.discount.depthPct"]', '120');
    await page.waitForSelector('[data-testid="editor-problems"]');
    const editor = (await page.textContent('[data-testid="editor-problems"]'))!;
    expect(editor).toMatch(/^未运行/);
    expect(editor).toContain('折扣 → 折扣深度 (levers.value.discount.depthPct)');
    expect(editor).not.toContain('无法打开');
    await page.close();
  });
});

describe('Compare’s plan picker', () => {
  it('offers the baseline’s own market first, grouped by kind, and warns about a plan from another market', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(app.url);
    // One scenario of the user's own: an edited copy of the default.
    await page.waitForSelector('[data-testid="chart-active"] svg', { timeout: 90_000 });
    await page.click('[data-testid="edit"]');
    await page.fill('[data-field="levers.value.discount.depthPct"]', '5');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="scenario-name"]')?.textContent?.includes('my copy'),
    );
    await page.click('[data-testid="tab-compare"]');
    await page.waitForSelector('[data-testid="plans-same-market"]'); // the page loads on demand
    const groups = await page.$$eval('[data-testid="plans-same-market"] > fieldset', (fs) =>
      fs.map((f) => f.getAttribute('data-group')),
    );
    expect(groups).toEqual(['same-plans', 'same-mine', 'same-lessons']);
    const same = await page.$$eval('[data-testid="plans-same-market"] input', (is) =>
      is.map((i) => i.getAttribute('value')),
    );
    expect(same.slice(0, 5).every((id) => id?.startsWith('plans/'))).toBe(true);
    expect(same.some((id) => id?.startsWith('my/'))).toBe(true);
    // Other industries' baselines and cases are folded away, each marked.
    expect(await page.isVisible('[data-testid="plans-other-markets"] input[value="baselines/hotel"]')).toBe(
      false,
    );
    expect(await page.$('[data-testid="market-warning"]')).toBeNull();
    await page.click('[data-testid="plans-other-markets"] summary');
    await page.check('[data-testid="plans-other-markets"] input[value="baselines/hotel"]');
    expect(await page.textContent('[data-testid="market-warning"]')).toMatch(/another market.*Hotel/);
    // Changing the baseline to the hotel's makes its case comparable.
    await page.selectOption('[data-testid="baseline"]', 'baselines/hotel');
    const hotel = await page.$$eval('[data-testid="plans-same-market"] input', (is) =>
      is.map((i) => i.getAttribute('value')),
    );
    expect(hotel).toEqual(['cases/yunqi']);
    await page.close();
  });
});

describe('the paired-difference table', () => {
  it('heads every column, writes money compactly with the full figure on hover and in its CSV, explains each dash, stars the best plan', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(app.url);
    await runCompare(page);
    const table = '[data-testid="compare-table"]';
    // Every body column has a heading of its own in the second header row (plus the key-figure column).
    const headed = await page.$$eval(`${table} thead tr:nth-child(2) th`, (ths) =>
      ths.map((t) => t.textContent?.trim()),
    );
    const columns = await page.$eval(`${table} tbody tr`, (tr) => tr.children.length);
    expect(headed.length + 1).toBe(columns);
    for (const h of headed) expect(h).toBeTruthy();
    expect(headed.filter((h) => h === 'Δ vs baseline')).toHaveLength(2);
    // Profit: compact on screen, the full figure in the cell's title.
    const profit = await page.$eval(
      `${table} [data-kpi="profit"][data-plan="plans/discount-heavy"] span`,
      (s) => ({
        text: s.textContent ?? '',
        title: s.getAttribute('title') ?? '',
      }),
    );
    expect(profit.text).toMatch(/^[+−-]?[\d.]+[KM] \[/);
    expect(profit.title).toMatch(/^[+−-]?\d{1,3}(,\d{3})+ \[/);
    // No interval wraps: each figure is one line (an inline box that wraps has a rectangle per line).
    const lines = await page.$$eval(`${table} tbody td > span[title]`, (ss) =>
      ss.map((s) => s.getClientRects().length),
    );
    expect(lines.length).toBeGreaterThan(20);
    expect(Math.max(...lines)).toBe(1);
    // Dashes: each one says why, on hover, to screen readers and in the note under the table.
    for (const dash of await page.$$(`${table} td span[title]:has(sup)`)) {
      expect(await dash.getAttribute('title')).toMatch(/baseline|Not defined/);
    }
    expect(await page.textContent('[data-testid="compare-table-notes"]')).toMatch(/¹ The baseline is what/);
    expect(await page.$$(`${table} th[data-best="yes"]`)).toHaveLength(1);
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="download-table-csv"]'),
    ]);
    const rows = readFileSync((await csv.path())!, 'utf8')
      .slice(1)
      .trim()
      .split('\n');
    expect(rows[0]).toBe(
      '"Key figure","Plan","mean","95 % low","95 % high","Δ vs baseline: mean","Δ vs baseline: 95 % low","Δ vs baseline: 95 % high"',
    );
    const profitRow = rows.find((r) =>
      r.startsWith('"Profit over the horizon (money)","Discount-heavy plan",'),
    )!;
    // Money to the cent: the table's full figure, rounded.
    const delta = Number(profitRow.split(',')[5]);
    expect(delta).toBe(
      Number(
        Number(
          await page.getAttribute(
            `${table} [data-kpi="profit"][data-plan="plans/discount-heavy"]`,
            'data-delta',
          ),
        ).toFixed(2),
      ),
    );
    expect(rows.some((r) => r.startsWith('"ROI of the levers (Δ profit ÷ Δ lever spend)",'))).toBe(true);
    await page.close();
  });

  it('with three plans at 1400 px, shades the edge that has more and says so; at the end it does not', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(app.url);
    await page.click('[data-testid="tab-compare"]');
    await page.waitForSelector('[data-testid="plans-same-market"] input[type=checkbox]');
    const boxes = await page.$$('[data-testid="plans-same-market"] input[type=checkbox]');
    let ticked = 0;
    for (const b of boxes) if (await b.isChecked()) ticked++;
    for (const b of boxes)
      if (ticked < 3 && !(await b.isChecked())) {
        await b.check();
        ticked++;
      }
    expect(ticked).toBe(3);
    await runCompare(page);
    const frame = '[data-testid="compare-table-frame"]';
    const scroller = `${frame} .table-scroll`;
    const overflows = await page.$eval(scroller, (d) => d.scrollWidth > d.clientWidth);
    // Either the table fits, or the cut edge is shaded and a line under the table says to scroll.
    if (!overflows) {
      expect(await page.isVisible('[data-testid="compare-scroll-hint"]')).toBe(false);
    } else {
      expect(await page.getAttribute(frame, 'data-more-right')).not.toBeNull();
      expect(await page.isVisible('[data-testid="compare-scroll-hint"]')).toBe(true);
      // The shade fades in (a short transition), so wait for it to finish rather than read it mid-way.
      const shade = () => page.$eval(frame, (f) => Number(getComputedStyle(f, '::after').opacity));
      await expect.poll(shade, { timeout: 5_000, interval: 50 }).toBe(1);
      await page.$eval(scroller, (d) => d.scrollTo({ left: d.scrollWidth }));
      await page.waitForFunction((f) => !document.querySelector(f)?.hasAttribute('data-more-right'), frame);
      expect(await page.getAttribute(frame, 'data-more-left')).not.toBeNull();
      expect(await page.isVisible('[data-testid="compare-scroll-hint"]')).toBe(false);
      // The key figures' names stay in view as the plans scroll under them.
      const [name, box] = await Promise.all([
        page.$eval(`${frame} tbody th`, (th) => th.getBoundingClientRect().left),
        page.$eval(scroller, (d) => d.getBoundingClientRect().left),
      ]);
      expect(Math.abs(name - box)).toBeLessThan(2);
    }
    await page.close();
  });
});

describe('the editor', () => {
  it('keeps the old results greyed while a new run goes, marks changed levers, resets one, and slides', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(app.url);
    await page.waitForSelector('[data-testid="chart-active"] svg', { timeout: 90_000 });
    await page.click('[data-testid="edit"]');
    expect(await page.$('[data-changed]')).toBeNull();
    await page.fill('[data-field="levers.value.discount.depthPct"]', '15');
    // The previous results stay on screen, greyed, with no figures a reader could take as new.
    await page.waitForSelector('[data-testid="stale-results"] [data-testid="chart-active-stale"] svg');
    expect(await page.$$('[data-testid="stale-results"] [data-kpi]')).toHaveLength(0);
    await page.waitForSelector('[data-testid="results"] [data-testid="chart-active"] svg', {
      timeout: 90_000,
    });
    expect(await page.$('[data-testid="stale-results"]')).toBeNull();
    // The scenario picker and the name follow the copy.
    expect(await page.textContent('[data-testid="library"] option:checked')).toMatch(/my copy/);
    // Changed from the baseline: marked, with the baseline's value; the lever can be reset.
    expect(await page.getAttribute('[data-changed="levers.value.discount.depthPct"]', 'title')).toBe(
      'baseline: 0',
    );
    await page.click('[data-reset="levers.value.discount"]');
    expect(await page.inputValue('[data-field="levers.value.discount.depthPct"]')).toBe('0');
    expect(await page.$('[data-changed]')).toBeNull();
    // A slider beside the number box sets the same field.
    await page.locator('[data-slider="levers.emotion.community.levelPct"]').fill('40');
    expect(await page.inputValue('[data-field="levers.emotion.community.levelPct"]')).toBe('40');
    expect(await page.$('[data-changed="levers.emotion.community.levelPct"]')).not.toBeNull();
    await page.close();
  });
});

describe('on a wide screen (1400 px)', () => {
  it('uses the width: Scenario charts across it, the customers or the editor beside the results, case tables inside their cards', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(app.url);
    await page.waitForSelector('[data-testid="chart-active"] svg', { timeout: 90_000 });
    const charts = await chartWidths(page);
    const main = await page.$eval('main', (m) => m.clientWidth);
    expect(charts.reduce((s, c) => s + c.shown, 0)).toBeGreaterThan(0.8 * main);
    // The customers themselves beside the run.
    await page.click('[data-testid="show-people"]');
    await page.waitForSelector(
      '[data-testid="scenario-people"] [data-testid="population-canvas"][data-ready="yes"]',
      {
        timeout: 60_000,
      },
    );
    const people = (await page.locator('[data-testid="scenario-people"]').boundingBox())!;
    const chart = (await page.locator('[data-testid="chart-active"]').boundingBox())!;
    expect(chart.x + chart.width).toBeLessThanOrEqual(people.x);
    expect(people.y).toBeLessThan(chart.y + chart.height);
    await page.click('[data-testid="show-people"]');
    await page.click('[data-testid="edit"]');
    const editor = (await page.locator('[data-testid="editor"]').boundingBox())!;
    const outputs = (await page.locator('.workbench-outputs').boundingBox())!;
    expect(editor.x + editor.width).toBeLessThanOrEqual(outputs.x);
    expect(outputs.y).toBeLessThan(900);
    await page.click('[data-testid="tab-cases"]');
    await page.click('[data-testid="run-cases"]');
    await page.waitForSelector('[data-check="0"]:not([data-simulated=""])', { timeout: 180_000 });
    const cards = await page.$$eval('.case-card', (cs) =>
      cs.map(
        (c) => c.querySelector('table')!.getBoundingClientRect().right - c.getBoundingClientRect().right,
      ),
    );
    expect(cards).toHaveLength(6);
    for (const over of cards) expect(over).toBeLessThanOrEqual(0);
    await page.close();
  });
});

describe('presentation mode', () => {
  it('steps through a lesson’s parts with the arrow keys and on to the next lesson, charts across the screen', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(app.url);
    await page.click('[data-testid="presentation"]');
    await runLesson(page);
    const shipped = readdirSync('scenarios/lessons').filter((f) => f.endsWith('.json')).length;
    expect(await page.textContent('[data-testid="presenter-hint"]')).toContain(`Lesson 1 of ${shipped}`);
    expect(await page.isVisible('[data-testid="lesson-chart-active-png"]')).toBe(false);
    const [box, chart] = await Promise.all([
      page.$eval('[data-testid="lesson"]', (e) => e.getBoundingClientRect().width),
      page.$eval('[data-testid="lesson-chart-active"]', (e) => e.getBoundingClientRect().width),
    ]);
    expect(chart).toBeGreaterThan(0.9 * box);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const steps = await page.$$eval('[data-testid="lesson"] [data-step]', (s) => s.length);
    expect(steps).toBeGreaterThanOrEqual(5);
    await page.keyboard.press('ArrowRight');
    expect(await page.getAttribute('[data-testid="lesson"]', 'data-current-step')).toBe('1');
    await page.keyboard.press('ArrowRight');
    expect(await page.getAttribute('[data-testid="lesson"]', 'data-current-step')).toBe('2');
    // The verdict part is at the top of the screen.
    const top = await page.$eval('[data-testid="lesson-verdict"]', (e) => e.getBoundingClientRect().top);
    expect(Math.abs(top)).toBeLessThan(40);
    await page.keyboard.press('ArrowLeft');
    expect(await page.getAttribute('[data-testid="lesson"]', 'data-current-step')).toBe('1');
    for (let k = 1; k < steps; k++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      (n) =>
        document.querySelector('[data-testid="presenter-hint"]')?.textContent?.includes(`Lesson 2 of ${n}`),
      shipped,
    );
    expect(await page.textContent('[data-testid="lesson"] h2')).toMatch(
      /Polish the service or build bonds\?/,
    );
    await page.close();
  });
});

describe('run history', () => {
  it('keeps past comparisons across a reload and shows two on the same seeds side by side without rerunning', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(app.url);
    await runCompare(page);
    const deltaOf = (plan: string) =>
      page.getAttribute(
        `[data-testid="compare-table"] [data-kpi="profit"][data-plan="${plan}"]`,
        'data-delta',
      );
    const discount = await deltaOf('plans/discount-heavy');
    await page.uncheck('[data-testid="plans"] input[value="plans/discount-heavy"]');
    await page.uncheck('[data-testid="plans"] input[value="plans/three-dimension-balanced"]');
    await page.check('[data-testid="plans"] input[value="plans/community-led"]');
    await page.click('[data-testid="run-compare"]');
    await page.waitForSelector('[data-testid="compare-table"][data-complete="yes"]', { timeout: 120_000 });
    const community = await deltaOf('plans/community-led');

    await page.reload();
    await page.click('[data-testid="tab-compare"]');
    await page.waitForSelector('[data-testid="history"]');
    await page.click('[data-testid="history"] summary');
    const runs = page.locator('[data-testid="history"] li');
    expect(await runs.count()).toBe(2);
    expect(await runs.nth(0).textContent()).toMatch(
      /Neighbourhood service business — baseline → Community-led plan · 2 replications · Seed 1/,
    );
    await runs.nth(0).locator('input').check();
    await runs.nth(1).locator('input').check();
    await page.click('[data-testid="history-combine"]');
    await page.waitForSelector('[data-testid="past-note"]');
    expect(await page.$('[data-testid="compare-progress"]')).toBeNull();
    const plans = await page.$$eval(
      '[data-testid="compare-table"] th[scope="colgroup"]',
      (ths) => ths.length,
    );
    expect(plans).toBe(3);
    // The same paired differences as when each was run.
    expect(await deltaOf('plans/community-led')).toBe(community);
    expect(await deltaOf('plans/discount-heavy')).toBe(discount);
    await context.close();
  });

  it('files a comparison whose page went away while filing it: the next page lists it and opens it without rerunning or asking', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const first = await context.newPage();
    // The first page's history writes never commit, as on a page closed while they were under way:
    // each such write's transaction is kept busy for good, so it ends only when the page does.
    await first.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (
        this: IDBObjectStore,
        ...args: Parameters<IDBObjectStore['put']>
      ) {
        const req = put.apply(this, args);
        const key = (args[0] as { key?: unknown } | null)?.key;
        if (typeof key === 'string' && key.includes('history:')) {
          const spin = () => {
            this.get('—').onsuccess = spin;
          };
          spin();
        }
        return req;
      };
    });
    await first.goto(app.url);
    await runCompare(first);
    const delta = await first.getAttribute(
      '[data-testid="compare-table"] [data-kpi="profit"][data-plan="plans/discount-heavy"]',
      'data-delta',
    );
    await first.close();

    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.addInitScript(countWorkerCalls);
    await page.goto(app.url);
    // The app opens on Compare (a comparison was left unfinished), files it, and lists it.
    await page.waitForSelector('[data-testid="history"]', { timeout: 30_000 });
    expect(await page.$('[data-testid="compare-unfinished"]')).toBeNull();
    await page.click('[data-testid="history"] summary');
    const runs = page.locator('[data-testid="history"] li');
    expect(await runs.count()).toBe(1);
    await runs.nth(0).locator('button').click();
    await page.waitForSelector('[data-testid="past-note"]');
    expect(
      await page.getAttribute(
        '[data-testid="compare-table"] [data-kpi="profit"][data-plan="plans/discount-heavy"]',
        'data-delta',
      ),
    ).toBe(delta);
    const calls = await workerCalls(page);
    expect([...(calls.run ?? []), ...(calls.runCancellable ?? [])]).toEqual([]);
    // Filed once: a reload neither lists it twice nor offers to finish it.
    await page.reload();
    await page.click('[data-testid="tab-compare"]');
    await page.waitForSelector('[data-testid="history"]');
    await page.click('[data-testid="history"] summary');
    expect(await page.locator('[data-testid="history"] li').count()).toBe(1);
    expect(await page.$('[data-testid="compare-unfinished"]')).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });
});
