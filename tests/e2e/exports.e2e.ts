import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { servedApp } from './browser.ts';

const app = servedApp();

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The text of every <text> and <title> in an SVG file, unescaped. */
function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<(text|title)\b[^>]*>([^<]*)<\/\1>/g)].map((m) =>
    m[2]
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&'),
  );
}

async function save(page: Page, testId: string, kind: 'svg' | 'png') {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.click(`[data-testid="${testId}-${kind}"]`),
  ]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

const COMPARE_CHARTS = ['compare-chart', 'ladder-chart', 'cohort-chart', 'clv-chart', 'three-dim-chart'];

describe('exported charts', () => {
  it('saves every Compare chart full size, with its title, the plans in its legend, units and a name of its own', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(app.url);
    await page.click('[data-testid="tab-compare"]');
    await page.fill('[data-testid="reps"]', '2');
    await page.click('[data-testid="run-compare"]');
    await page.waitForSelector('[data-testid="compare-table"][data-complete="yes"]', { timeout: 120_000 });
    for (const id of COMPARE_CHARTS) await page.waitForSelector(`[data-testid="${id}"] svg`);
    const plans = await page.$$eval(
      '[data-testid="compare-table"] thead tr:first-child th[scope="colgroup"]',
      (ths) => ths.map((th) => th.childNodes[0].textContent?.trim() ?? ''),
    );
    const baseline = (await page.textContent(
      '[data-testid="compare-table"] thead tr:first-child th:nth-child(2)',
    ))!.trim();
    expect(plans).toHaveLength(2);
    const names = new Set<string>();
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    for (const id of COMPARE_CHARTS) {
      const svg = await save(page, id, 'svg');
      const text = svg.bytes.toString('utf8');
      expect(text.startsWith('<svg')).toBe(true);
      const texts = svgTexts(text);
      const title = (await page.textContent(`[data-testid="${id}"] h2`))!.trim();
      expect(texts[0], id).toBe(title);
      // Every plan is named in the file (legend, facet or axis, and the caption says what was run).
      for (const plan of [baseline, ...plans])
        expect(
          texts.some((t) => t.includes(plan)),
          `${id}: ${plan}`,
        ).toBe(true);
      expect(
        texts.some((t) => /2 replications, seed 1/.test(t)),
        id,
      ).toBe(true);
      // Its footer dates it as ISO 8601 (the browser's day), not month first.
      expect(texts, id).toContain(`Loyalty Lab · ${today}`);
      expect(svg.name).toMatch(/^loyalty-lab-compare-[a-z0-9-]+\.svg$/);
      names.add(svg.name);
      const png = await save(page, id, 'png');
      expect(png.name).toBe(svg.name.replace(/\.svg$/, '.png'));
      const { width, height } = pngSize(png.bytes);
      const w = Number(/<svg[^>]*\swidth="(\d+)"/.exec(text)?.[1]);
      const h = Number(/<svg[^>]*\sheight="(\d+)"/.exec(text)?.[1]);
      // Twice the composed chart's size (for print and slides): the old export of this page was 30 × 30.
      expect({ width, height }, id).toEqual({ width: 2 * w, height: 2 * h });
      expect(width, id).toBeGreaterThanOrEqual(900);
      expect(height, id).toBeGreaterThanOrEqual(500);
    }
    expect(names.size).toBe(COMPARE_CHARTS.length);

    // The metric chart's legend: a swatch per series, in the plans' order, with its colour on the plot.
    const svg = (await save(page, 'compare-chart', 'svg')).bytes.toString('utf8');
    const legend = [
      ...svg.matchAll(/<rect [^>]*fill="(#[0-9a-f]{6})"[^>]*\/><text [^>]*>([^<]*)<\/text>/g),
    ].map((m) => ({
      color: m[1],
      label: m[2].replace(/&amp;/g, '&'),
    }));
    expect(legend.map((l) => l.label)).toEqual([baseline, ...plans]);
    for (const { color } of legend) expect(svg).toContain(`stroke="${color}"`);
    // Its y axis names the metric and the x axis the unit of time.
    expect(svgTexts(svg).some((t) => t.includes('Active customers'))).toBe(true);
    expect(svgTexts(svg).some((t) => t.includes('month'))).toBe(true);
    // The pointer's tooltip is not part of the file.
    expect(svg).not.toContain('aria-label="tip"');
    await page.close();
  });

  it('exports full size from a phone and names the Scenario charts after what they show', async () => {
    const page = await app.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(app.url);
    await page.waitForSelector('[data-testid="chart-active"] svg', { timeout: 90_000 });
    const shown = await page.$eval(
      '[data-testid="chart-active"] svg',
      (s) => s.getBoundingClientRect().width,
    );
    expect(shown).toBeLessThan(390);
    const png = await save(page, 'chart-active', 'png');
    expect(png.name).toBe('loyalty-lab-scenario-active-customers.png');
    expect(pngSize(png.bytes).width).toBeGreaterThanOrEqual(1500);
    const svg = svgTexts((await save(page, 'chart-nps', 'svg')).bytes.toString('utf8'));
    expect(svg[0]).toBe('NPS, month by month');
    expect(svg.some((t) => t.includes('8 replications, seed 1'))).toBe(true);
    await page.close();
  });
});
