import { describe, expect, it } from 'vitest';
import { servedApp, setMarketSize, watchErrors } from './browser.ts';

const app = servedApp();

interface Box {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * The boxes of the sweep chart's texts below its intervals, as drawn: the choices' labels, and the
 * x-axis title (the lever → what it sets: the one with an arrow). The app drops Plot's aria labels,
 * so the texts are found by where they are.
 */
const labelBoxes = (page: import('playwright-core').Page) =>
  page.$eval('[data-testid="sweep-chart"] svg', (svg) => {
    const floor = Math.max(
      ...[...svg.querySelectorAll('g.choice-interval line')].map((l) => l.getBoundingClientRect().bottom),
    );
    return [...svg.querySelectorAll('text')]
      .map((t) => ({ t, r: t.getBoundingClientRect() }))
      .filter(({ r }) => r.top >= floor - 1)
      .map(({ t, r }) => ({
        title: (t.textContent ?? '').includes('→'),
        text: t.textContent ?? '',
        left: r.left,
        right: r.right,
        top: r.top,
        bottom: r.bottom,
      }));
  });

const overlap = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('what the page draws fits where it is drawn', () => {
  it('draws the choices’ labels apart from each other and from the axis title at 390 px, in English and in Chinese', async () => {
    const page = await app.browser.newPage({ viewport: { width: 390, height: 844 } });
    const errors = watchErrors(page);
    await page.goto(app.url);
    await page.waitForSelector('[data-testid="chart-active"] svg', { timeout: 90_000 });
    await setMarketSize(page, 2000);
    await page.click('[data-testid="tab-experiments"]');
    await page.selectOption('[data-testid="experiment"]', 'who-gets-care');
    await page.click('[data-testid="run-experiment"]');
    await page.waitForSelector('[data-testid="sweep-chart"] svg', { timeout: 120_000 });
    for (const lang of ['en', 'zh']) {
      if (lang === 'zh') {
        await page.click('[data-testid="lang"]');
        await page.waitForFunction(() =>
          document.querySelector('[data-testid="sweep-chart"] svg')?.textContent?.includes('有流失风险'),
        );
      }
      const boxes = await labelBoxes(page);
      const ticks = boxes.filter((b) => !b.title);
      const titles = boxes.filter((b) => b.title);
      expect(ticks.length, lang).toBe(3);
      expect(titles.length, lang).toBe(1);
      // Every choice's label, whole (on one line or more), left of the next one's.
      for (let k = 1; k < ticks.length; k++) expect(ticks[k - 1].right, lang).toBeLessThan(ticks[k].left);
      for (const t of ticks) expect(overlap(t, titles[0]), `${lang}: ${t.text}`).toBe(false);
      // Nothing wider than the chart.
      const svg = await page.$eval('[data-testid="sweep-chart"] svg', (s) => s.getBoundingClientRect().right);
      for (const t of ticks) expect(t.right, `${lang}: ${t.text}`).toBeLessThanOrEqual(svg);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows each of the editor’s choices whole in its box, at 1400 and 390 px, in English and in Chinese', async () => {
    for (const width of [1400, 390]) {
      const page = await app.browser.newPage({ viewport: { width, height: 900 } });
      const errors = watchErrors(page);
      await page.goto(app.url);
      await page.click('[data-testid="edit"]');
      await page.selectOption('[data-field="levers.value.discount.target"]', 'lapsed');
      for (const lang of ['en', 'zh']) {
        if (lang === 'zh') {
          await page.click('[data-testid="lang"]');
          await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
        }
        // Each select of the editor against its chosen option's text in its font, and room for the arrow (Chromium's needs 23 px with the padding).
        const cut = await page.$$eval('.editor select', (ss) =>
          ss.flatMap((s) => {
            const option = (s as HTMLSelectElement).selectedOptions[0]?.textContent ?? '';
            const probe = document.createElement('span');
            probe.style.font = getComputedStyle(s).font;
            probe.style.position = 'absolute';
            probe.style.whiteSpace = 'pre';
            probe.textContent = option;
            document.body.append(probe);
            const need = probe.getBoundingClientRect().width + 20;
            probe.remove();
            const has = s.getBoundingClientRect().width;
            return need > has ? [`${option}: ${Math.round(has)} px for ${Math.round(need)}`] : [];
          }),
        );
        expect(cut, `${lang} at ${width} px`).toEqual([]);
      }
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('keeps each audience the sweep composer offers on one line with its box, at 390 px in Chinese', async () => {
    const page = await app.browser.newPage({ viewport: { width: 390, height: 844 } });
    const errors = watchErrors(page);
    await page.goto(app.url);
    await page.click('[data-testid="lang"]');
    await page.click('[data-testid="tab-experiments"]');
    await page.click('[data-testid="composer"] summary');
    await page.selectOption('[data-testid="compose-x-path"]', 'levers.emotion.careGestures.audience');
    // An inline label broken over two lines has a box on each.
    const broken = await page.$$eval('[data-testid="compose-x-choices"] label', (ls) =>
      ls.filter((l) => l.getClientRects().length > 1).map((l) => l.textContent),
    );
    expect(await page.$$eval('[data-testid="compose-x-choices"] label', (ls) => ls.length)).toBeGreaterThan(
      4,
    );
    expect(broken).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
