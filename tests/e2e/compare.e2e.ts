import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runReplications } from '../../src/analysis/batch.ts';
import { compare } from '../../src/analysis/compare.ts';
import { parseScenarioText } from '../../src/scenario/importer.ts';
import { servedApp, watchErrors, watchLongTasks } from './browser.ts';

const app = servedApp();

const scenarioOf = (id: string) => {
  const r = parseScenarioText(readFileSync(`scenarios/${id}.json`, 'utf8'));
  if (!r.ok) throw new Error(id);
  return r.scenario;
};

describe('the compare page', () => {
  it('runs a baseline and two plans in parallel and shows the engine’s paired differences', async () => {
    const page = await app.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await page.click('[data-testid="tab-compare"]');
    await page.fill('[data-testid="reps"]', '4');
    // Record the main thread's long tasks while the runs go on.
    const longTasks = await watchLongTasks(page);
    await page.click('[data-testid="run-compare"]');
    await page.waitForSelector('[data-testid="compare-table"][data-complete="yes"]', { timeout: 120_000 });
    await page.waitForSelector('[data-testid="compare-chart"] svg');
    for (const id of ['ladder-chart', 'cohort-chart', 'clv-chart'])
      await page.waitForSelector(`[data-testid="${id}"] svg`);
    const { longest } = await longTasks();
    console.log(`longest main-thread task during the comparison: ${longest.toFixed(0)} ms`);
    // The run's summary counts its scenarios and workers in words that agree with the numbers.
    const summary = (await page.textContent('[data-testid="run-time"]'))!;
    expect(summary).toMatch(
      /^4 replications of 3 scenarios \(20,000 people × 36 months in the baseline\) took [\d.]+ s on \d+ workers?\.$/,
    );
    expect(summary).not.toContain('(s)');
    // The CLV chart's plan names end in an ellipsis inside the chart, none cut at its left edge.
    const overflow = await page.$eval('[data-testid="clv-chart"] svg', (svg) => {
      const left = svg.getBoundingClientRect().left;
      return [...svg.querySelectorAll('text')]
        .filter((t) => t.getBoundingClientRect().left < left - 0.5)
        .map((t) => t.textContent);
    });
    expect(overflow).toEqual([]);

    const base = runReplications(scenarioOf('baselines/neighbourhood'), '1', 4);
    for (const plan of ['plans/discount-heavy', 'plans/three-dimension-balanced']) {
      const expected = compare(base, runReplications(scenarioOf(plan), '1', 4));
      for (const row of expected.rows) {
        const shown = await page.getAttribute(
          `[data-plan="${plan}"][data-kpi="${row.kpi.id}"]`,
          'data-delta',
        );
        // Within one JS engine results are bit-identical; across Node's and Chromium's V8 the last
        // digits of transcendental functions may differ, so the page is compared to 1e-9.
        expect(Math.abs(Number(shown) - row.delta.mean)).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(row.delta.mean)),
        );
      }
    }
    expect(errors).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="download-csv"]'),
    ]);
    const text = readFileSync((await download.path())!, 'utf8');
    // A BOM, so a spreadsheet reads the UTF-8; then a header naming each figure and its unit.
    expect(text.startsWith('\uFEFF')).toBe(true);
    const csv = text.slice(1).trim().split('\n');
    expect(csv[0].startsWith('"Plan","Replication","Month","Active customers",')).toBe(true);
    const header = csv[0].split('","').map((h) => h.replace(/"/g, ''));
    expect(header).toContain('12-month continuous retention (%)');
    expect(header).toContain('Cost of points (money a month)');
    expect(header.join()).not.toMatch(/cost\.|renewal12|newDiscount|undefined/);
    expect(csv.length - 1).toBe(3 * 4 * 36);
    // Replications counted from 1; no figure carries more than six decimals (money and shares two).
    const cells = csv.slice(1).map((l) => l.split(','));
    expect(new Set(cells.map((c) => c[1]))).toEqual(new Set(['1', '2', '3', '4']));
    const long = cells.flatMap((c) => c.slice(3)).filter((v) => !/^(-?\d+(\.\d{1,6})?)?$/.test(v));
    expect(long).toEqual([]);
    // Retention is a percentage in both Compare files: the table's mean is the months' mean.
    const [tableDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="download-table-csv"]'),
    ]);
    const table = readFileSync((await tableDownload.path())!, 'utf8')
      .slice(1)
      .trim()
      .split('\n');
    const tableRow = table.find((r) => r.startsWith('"12-month retention (%)","Discount-heavy plan",'))!;
    const col = header.indexOf('12-month continuous retention (%)');
    const last = cells
      .filter((c) => c[0] === '"Discount-heavy plan"' && c[2] === '36')
      .map((c) => Number(c[col]));
    const meanOfMonths = last.reduce((a, b) => a + b, 0) / last.length;
    expect(Math.abs(Number(tableRow.split(',')[2]) - meanOfMonths)).toBeLessThan(0.02);
    expect(meanOfMonths).toBeGreaterThan(1);
    // Each plan is named in the page's language only.
    expect(csv.filter((l) => l.startsWith('"Discount-heavy plan",')).length).toBe(4 * 36);
    expect(csv.filter((l) => l.includes('折扣主导方案')).length).toBe(0);
    // In Chinese the headers are Chinese too: the two files are not the same bytes.
    await page.click('[data-testid="lang"]');
    const [zhDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="download-csv"]'),
    ]);
    const zh = readFileSync((await zhDownload.path())!, 'utf8')
      .slice(1)
      .split('\n');
    expect(zh[0].startsWith('"方案","第几次重复","月份","活跃客户数",')).toBe(true);
    expect(zh[0]).toContain('（%）');
    expect(zh[0]).not.toMatch(/[a-z]{3}/);
    await page.close();
  });

  it('cancels a run at once and can run again', async () => {
    const page = await app.browser.newPage();
    await page.goto(app.url);
    await page.click('[data-testid="tab-compare"]');
    await page.fill('[data-testid="reps"]', '200');
    await page.click('[data-testid="run-compare"]');
    // Results stream in: a partial table shows the replications every plan has finished so far.
    await page.waitForSelector('[data-testid="compare-table"][data-complete="no"]', { timeout: 60_000 });
    expect(await page.textContent('[data-testid="partial-note"]')).toMatch(/Partial results: \d+ of 200/);
    await page.click('[data-testid="cancel"]');
    await page.waitForSelector('[data-testid="compare-message"]');
    expect(await page.textContent('[data-testid="compare-message"]')).toMatch(/cancelled/i);
    // What finished before the cancel stays on screen, marked as partial; nothing runs any more.
    expect(await page.getAttribute('[data-testid="compare-table"]', 'data-complete')).toBe('no');
    expect(await page.$('[data-testid="compare-progress"]')).toBeNull();
    await page.fill('[data-testid="reps"]', '2');
    await page.click('[data-testid="run-compare"]');
    await page.waitForSelector('[data-testid="compare-table"][data-complete="yes"]', { timeout: 120_000 });
    await page.close();
  });
});

describe('the worker pool', () => {
  async function deltas(workers: number): Promise<string[]> {
    const page = await app.browser.newPage();
    await page.goto(`${app.url}?workers=${workers}`);
    await page.click('[data-testid="tab-compare"]');
    await page.fill('[data-testid="reps"]', '5');
    await page.click('[data-testid="run-compare"]');
    await page.waitForSelector('[data-testid="compare-table"][data-complete="yes"]', { timeout: 120_000 });
    const values = await page.$$eval('[data-delta]', (cells) =>
      cells.map((c) => c.getAttribute('data-delta') ?? ''),
    );
    await page.close();
    return values;
  }

  it('gives identical results with one worker and with three', async () => {
    const one = await deltas(1);
    expect(one.length).toBeGreaterThan(10);
    expect(await deltas(3)).toEqual(one);
  });

  it('reports a run the engine refuses, and keeps working', async () => {
    const page = await app.browser.newPage();
    await page.goto(app.url);
    await page.click('[data-testid="tab-compare"]');
    // A scenario the engine refuses to run in a browser tab: five million people need more memory than a worker is allowed.
    await page.click('[data-testid="tab-scenario"]');
    await page.click('[data-testid="edit"]');
    await page.fill('[data-field="population.marketSize"]', '5000000');
    await page.waitForSelector('[role="alert"]', { timeout: 60_000 });
    expect(await page.textContent('[role="alert"]')).toMatch(
      /\(population\.marketSize\): 5,000,000 people need about \d+ MiB/,
    );
    await page.fill('[data-field="population.marketSize"]', '3000');
    await page.waitForSelector('[data-testid="chart-active"] svg', { timeout: 60_000 });
    await page.close();
  });
});

describe('exports', () => {
  it('saves a chart as SVG and as PNG', async () => {
    const page = await app.browser.newPage();
    await page.goto(app.url);
    await page.waitForSelector('[data-testid="chart-active"] svg', { timeout: 60_000 });
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="chart-active-svg"]'),
    ]);
    const text = readFileSync((await svg.path())!, 'utf8');
    expect(text.startsWith('<svg')).toBe(true);
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(text).toContain('<path');
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="chart-active-png"]'),
    ]);
    const bytes = readFileSync((await png.path())!);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.suggestedFilename()).toBe('loyalty-lab-scenario-active-customers.png');
    await page.close();
  });

  it('prints the comparison as a report: what was compared, what each plan changes, the results', async () => {
    const page = await app.browser.newPage();
    await page.goto(app.url);
    await page.click('[data-testid="tab-compare"]');
    await page.fill('[data-testid="reps"]', '3');
    await page.click('[data-testid="run-compare"]');
    await page.waitForSelector('[data-testid="compare-table"][data-complete="yes"]', { timeout: 120_000 });
    await page.waitForSelector('[data-testid="clv-chart"] svg');
    expect(await page.isVisible('[data-testid="report-header"]')).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('[data-testid="report-header"]')).toBe(true);
    for (const hidden of ['run-compare', 'download-csv', 'tab-compare', 'compare-chart-svg'])
      expect(await page.isVisible(`[data-testid="${hidden}"]`)).toBe(false);
    expect(await page.isVisible('[data-testid="compare-table"]')).toBe(true);
    // On an A4 page's width the whole table prints: nothing scrolls on paper.
    await page.setViewportSize({ width: 794, height: 1123 });
    expect(await page.$eval('.table-scroll', (d) => d.scrollWidth - d.clientWidth)).toBeLessThanOrEqual(1);
    const header = (await page.textContent('[data-testid="report-header"]'))!;
    expect(header).toContain('3 replications');
    // The discount-heavy plan is the baseline with a deeper discount: the report says so.
    const discount = (await page.textContent('[data-report-plan="plans/discount-heavy"]'))!;
    expect(discount).toMatch(/Discount · Depth: 0 % → \d+ %/);
    expect(discount).not.toMatch(/levers\.|undefined|[{}"]/);
    // The app's own chrome is not part of the report.
    for (const chrome of ['skip-to-run', 'live', 'lang'])
      expect(await page.isVisible(`[data-testid="${chrome}"]`)).toBe(false);
    expect(await page.isVisible('main > header h1')).toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
    // In Chinese the same changes, in Chinese.
    await page.emulateMedia({ media: 'screen' });
    await page.click('[data-testid="lang"]');
    await page.emulateMedia({ media: 'print' });
    const zh = (await page.textContent('[data-report-plan="plans/discount-heavy"]'))!;
    expect(zh).toMatch(/折扣 · 折扣深度: 0 % → \d+ %/);
    expect(zh).not.toMatch(/levers\.|undefined|[{}"]|Discount/);
    await page.close();
  });
});
