import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { servedApp } from './browser.ts';

const app = servedApp();
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TABS = ['scenario', 'compare', 'population', 'experiments', 'lessons', 'cases', 'clv', 'validation'];

interface Violation {
  id: string;
  impact: string | null;
  nodes: number;
  help: string;
  targets: string[];
}

/** axe-core's WCAG 2.x A/AA rules over the whole page as it stands, or over the parts `within` selects. */
async function axe(page: Page, within?: string): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  return page.evaluate(async (within) => {
    const a = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<AxeResult> } }).axe;
    interface AxeResult {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
    }
    const context = within
      ? { include: Array.from(document.querySelectorAll(within), (e) => [e]) }
      : document;
    const r = await a.run(context, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.length,
      help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  }, within);
}

describe('accessibility', () => {
  it('has no serious or critical axe-core violation on any tab, in English and in Chinese', async () => {
    // The test injects axe-core itself, so the page's content security policy must let it.
    const context = await app.browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(app.url);
    await page.waitForSelector('[data-testid="chart-active"] svg', { timeout: 90_000 });
    const report: Record<string, Violation[]> = {};
    const sameNames: string[] = [];
    let scenarioButtons = 0;
    for (const lang of ['en', 'zh']) {
      if (lang === 'zh') await page.click('[data-testid="lang"]');
      for (const tab of TABS) {
        await page.click(`[data-testid="tab-${tab}"]`);
        if (tab === 'scenario') {
          await page.waitForSelector('[data-testid="chart-active"] svg');
          // The "My business" form, open (it stays open for the second language).
          if (await page.$('[data-testid="mb-open"]')) await page.click('[data-testid="mb-open"]');
          await page.waitForSelector('[data-testid="my-business"]');
        }
        if (tab === 'compare') {
          // The page with its results: charts, the paired-difference table.
          await page.fill('[data-testid="reps"]', '2');
          await page.click('[data-testid="run-compare"]');
          await page.waitForSelector('[data-testid="compare-table"][data-complete="yes"]', {
            timeout: 120_000,
          });
          await page.waitForSelector('[data-testid="three-dim-chart"] svg');
        }
        if (tab === 'population') await page.waitForSelector('[data-testid="population"] canvas');
        if (tab === 'lessons') {
          // A lesson with its results: verdict, tables, charts, the customers.
          await page.check('[data-testid="predict-discount"]');
          await page.click('[data-testid="lesson-run"]');
          await page.waitForSelector('[data-testid="lesson-three-dim"] svg', { timeout: 120_000 });
          await page.waitForSelector('[data-testid="population-canvas"][data-ready="yes"]', {
            timeout: 60_000,
          });
        }
        if (tab === 'validation') await page.waitForSelector('[data-testid="validation-run"]');
        report[`${lang}/${tab}`] = await axe(page);
        // Each ⓘ says what it explains: a screen reader lists buttons by name.
        const names = await page.$$eval('.explain-button', (bs) =>
          bs.map((b) => b.getAttribute('aria-label')),
        );
        const repeated = names.filter((n, k) => names.indexOf(n) !== k);
        if (repeated.length) sameNames.push(`${lang}/${tab}: ${[...new Set(repeated)].join(' | ')}`);
        if (tab === 'scenario') scenarioButtons = Math.max(scenarioButtons, names.length);
      }
    }
    expect(sameNames).toEqual([]);
    expect(scenarioButtons).toBeGreaterThan(1);
    const counts = Object.fromEntries(
      Object.entries(report).map(([k, vs]) => [
        k,
        Object.fromEntries(
          ['critical', 'serious', 'moderate', 'minor'].map((i) => [
            i,
            vs.filter((v) => v.impact === i).reduce((s, v) => s + v.nodes, 0),
          ]),
        ),
      ]),
    );
    mkdirSync('tests/.reports', { recursive: true });
    writeFileSync('tests/.reports/axe.json', JSON.stringify({ counts, report }, null, 1));
    console.log(JSON.stringify(counts));
    const bad = Object.entries(report).flatMap(([k, vs]) =>
      vs
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${k}: ${v.id} (${v.impact}, ${v.nodes}) ${v.help} — ${v.targets.join(' | ')}`),
    );
    expect(bad).toEqual([]);
    await context.close();
  });

  it('has no serious or critical axe-core violation on a phone, where wide tables scroll sideways, and none at all on a fitted CLV tab or in the model reference', async () => {
    const context = await app.browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(app.url);
    await page.waitForSelector('[data-testid="chart-active"] svg', { timeout: 90_000 });
    const bad: string[] = [];
    for (const tab of TABS) {
      await page.click(`[data-testid="tab-${tab}"]`);
      if (tab === 'compare') {
        await page.fill('[data-testid="reps"]', '2');
        await page.click('[data-testid="run-compare"]');
        await page.waitForSelector('[data-testid="compare-table"][data-complete="yes"]', {
          timeout: 120_000,
        });
      }
      if (tab === 'cases') await page.waitForSelector('.case-title');
      if (tab === 'clv') {
        // With a fit's results: diagnostics, the two models side by side, the top customers' table.
        await page.click('[data-testid="clv-sample"]');
        await page.fill('[data-testid="clv-calibration-end"]', '1997-09-30');
        await page.click('[data-testid="clv-fit"]');
        await page.waitForSelector('[data-testid="clv-top"]', { timeout: 60_000 });
      }
      if (tab === 'validation') await page.waitForSelector('[data-testid="validation-run"]');
      for (const v of await axe(page))
        if (v.impact === 'serious' || v.impact === 'critical' || tab === 'clv')
          bad.push(`${tab}: ${v.id} (${v.impact}, ${v.nodes}) ${v.help} — ${v.targets.join(' | ')}`);
    }
    // The model reference, open over the page: its wide tables scroll sideways in their own box.
    await page.click('[data-testid="open-docs"]');
    await page.waitForSelector('[data-testid="docs"][open]');
    for (const v of await axe(page, '[data-testid="docs"]'))
      bad.push(`docs: ${v.id} (${v.impact}, ${v.nodes}) ${v.help} — ${v.targets.join(' | ')}`);
    expect(bad).toEqual([]);
    await context.close();
  });

  it('has no axe-core violation at all in the editor’s audiences or the population view coloured by health, in both languages', async () => {
    const context = await app.browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(app.url);
    await page.waitForSelector('[data-testid="chart-active"] svg', { timeout: 90_000 });
    await page.click('[data-testid="edit"]');
    await page.selectOption('[data-field="levers.emotion.careGestures.audience.kind"]', 'topValue');
    await page.selectOption('[data-field="levers.emotion.proactiveContact.audience.kind"]', 'atRisk');
    await page.click('[data-audience="careGestures"] [data-explain="audience"]');
    const found: string[] = [];
    for (const lang of ['en', 'zh']) {
      if (lang === 'zh') await page.click('[data-testid="lang"]');
      await page.click('[data-testid="tab-scenario"]');
      await page.waitForSelector('[data-testid="chart-health"] svg', { timeout: 90_000 });
      for (const v of await axe(page, '[data-audience], [data-testid="chart-health"]'))
        found.push(`${lang}/editor: ${v.id} (${v.impact}) ${v.targets.join(' | ')}`);
      await page.click('[data-testid="tab-population"]');
      await page.waitForSelector('[data-testid="population-canvas"][data-ready="yes"]', { timeout: 60_000 });
      await page.selectOption('[data-testid="population-colour"]', 'health');
      await page.focus('[data-testid="population-canvas"]');
      await page.keyboard.press('ArrowRight');
      await page.waitForSelector('[data-testid="population-story"]');
      for (const v of await axe(page, '[data-testid="population"]'))
        found.push(`${lang}/population: ${v.id} (${v.impact}) ${v.targets.join(' | ')}`);
    }
    expect(found).toEqual([]);
    await context.close();
  });
});
