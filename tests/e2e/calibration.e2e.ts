import { describe, expect, it } from 'vitest';
import { evaluateFiguresHere } from '../../src/calibration/calibrate.ts';
import { CALIBRATION_MONTHS } from '../../src/calibration/figures.ts';
import { FIRST_YEAR } from '../../src/calibration/reading.ts';
import { parseTargets } from '../../src/calibration/targets.ts';
import { parseScenarioObject } from '../../src/scenario/importer.ts';
import { textIn } from '../../src/scenario/localText.ts';
import { servedApp, storedData, watchErrors } from './browser.ts';

const app = servedApp();

/** A hot-pot restaurant's figures, as its manager knows them (docs/restaurant-targets.json). */
const RESTAURANT = {
  activeCustomers: ['5000', '400'],
  visitsPerCustomerMonth: ['1.1', '0.1'],
  spendPerVisit: ['95', '8'],
  retention12Pct: ['55', '5'],
  npsScore: ['8', '5'],
  referralSharePct: ['10', '3'],
  complaintsPerMonth: ['40', '10'],
  staffTurnoverPctYear: ['80', '15'],
  grossMarginPct: ['60', ''],
  staffHeadcount: ['60', ''],
} as const;

/** A page with the "My business" form open on an empty draft, and its errors watched. */
async function openForm(viewport?: { width: number; height: number }) {
  const page = await app.browser.newPage(viewport ? { viewport } : {});
  const errors = watchErrors(page);
  await page.goto(app.url);
  await page.evaluate(() => localStorage.removeItem('loyalty-lab.my-business'));
  await page.click('[data-testid="mb-open"]');
  return { page, errors };
}

describe('My business, in the browser', () => {
  it('refuses contradictory figures before any run, naming the fields, in both languages', async () => {
    const page = await app.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await page.click('[data-testid="mb-open"]');
    await page.fill('[data-testid="mb-value-retention12Pct"]', '95');
    await page.fill('[data-testid="mb-value-churn12Pct"]', '60');
    await page.fill('[data-testid="mb-value-visitsPerCustomerMonth"]', '0.25');
    // Leaving the last field checks them all.
    await page.locator('[data-testid="mb-value-visitsPerCustomerMonth"]').blur();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="mb-problems"]')?.textContent?.includes('visits a year'),
    );
    // Each names the fields by their labels, not by their paths.
    const text = await page.textContent('[data-testid="mb-problems"]');
    expect(text).toContain('12-month retention');
    expect(text).toContain('12-month churn');
    expect(text).toMatch(/visits a year \(Visits \(orders\) per customer per month\)/);
    expect(text).not.toContain('figures.');
    expect(await page.isDisabled('[data-testid="mb-calibrate"]')).toBe(true);
    expect(await page.textContent('[data-testid="mb-why"]')).toContain('Correct the figures marked above');
    await page.click('[data-testid="lang"]');
    expect(await page.textContent('[data-testid="mb-problems"]')).toMatch(/留存率 95% 与流失率 60%/);
    // What was typed survives a reload.
    await page.reload();
    await page.click('[data-testid="mb-open"]');
    expect(await page.inputValue('[data-testid="mb-value-churn12Pct"]')).toBe('60');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets figures that agree only at the edges of their tolerances be fitted, saying where the fit must land', async () => {
    const { page, errors } = await openForm();
    await page.fill('[data-testid="mb-value-retention12Pct"]', '60');
    await page.fill('[data-testid="mb-tolerance-retention12Pct"]', '5');
    await page.fill('[data-testid="mb-value-churn12Pct"]', '50');
    await page.fill('[data-testid="mb-tolerance-churn12Pct"]', '5');
    await page.locator('[data-testid="mb-tolerance-churn12Pct"]').blur();
    const caution = await page.waitForSelector('[data-testid="mb-cautions"]');
    const text = await caution.textContent();
    expect(text).toContain('12-month retention');
    expect(text).toContain('only with retention 55 % and churn 45 %');
    expect(text).not.toContain('figures.');
    expect(await page.isVisible('[data-testid="mb-problems"]')).toBe(false);
    expect(await page.isDisabled('[data-testid="mb-calibrate"]')).toBe(false);
    await page.click('[data-testid="lang"]');
    expect(await page.textContent('[data-testid="mb-cautions"]')).toContain('留存率 55%、流失率 45%');
    // Made to agree, the caution goes.
    await page.fill('[data-testid="mb-value-churn12Pct"]', '40');
    await page.locator('[data-testid="mb-value-churn12Pct"]').blur();
    await page.waitForSelector('[data-testid="mb-cautions"]', { state: 'detached' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('speaks plainly: the placeholders explained above the table, units and numbers in words, a reason for a disabled Calibrate', async () => {
    const { page, errors } = await openForm();
    const noteFirst = await page.$eval('[data-testid="mb-placeholder-note"]', (n) =>
      Boolean(
        n.compareDocumentPosition(document.querySelector('.mb-form')!) & Node.DOCUMENT_POSITION_FOLLOWING,
      ),
    );
    expect(noteFirst).toBe(true);
    expect(await page.textContent('[data-testid="mb-placeholder-note"]')).toMatch(/grey numbers .* baseline/);
    expect(await page.isDisabled('[data-testid="mb-calibrate"]')).toBe(true);
    expect(await page.textContent('[data-testid="mb-why"]')).toContain('Enter at least one figure');
    expect(await page.getAttribute('[data-testid="mb-calibrate"]', 'aria-describedby')).toBe('mb-why');
    expect(await page.textContent('[data-figure="spendPerVisit"] th')).toContain(
      'per visit, in your currency',
    );
    await page.fill('[data-testid="mb-value-marketSize"]', '6000000');
    await page.locator('[data-testid="mb-value-marketSize"]').blur();
    await page.waitForSelector('[data-testid="mb-problems"]');
    const text = await page.textContent('[data-testid="mb-problems"]');
    expect(text).toContain('5,000,000');
    expect(text).not.toMatch(/figures\.|5000000/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads "1,5", "1。5" and full-width digits as the numbers meant, shows them as read, and refuses "1,500"', async () => {
    const { page, errors } = await openForm();
    await page.fill('[data-testid="mb-value-visitsPerCustomerMonth"]', '1,5');
    expect(await page.textContent('[data-testid="mb-read-visitsPerCustomerMonth"]')).toContain('1.5');
    // The default tolerance shown follows the value read (±10 % of 1.5), not of 15.
    expect(
      await page.getAttribute('[data-testid="mb-tolerance-visitsPerCustomerMonth"]', 'placeholder'),
    ).toBe('0.15');
    await page.fill('[data-testid="mb-value-spendPerVisit"]', '９５。５');
    expect(await page.textContent('[data-testid="mb-read-spendPerVisit"]')).toContain('95.5');
    await page.fill('[data-testid="mb-value-activeCustomers"]', '3 000');
    expect(await page.textContent('[data-testid="mb-read-activeCustomers"]')).toContain('3,000');
    await page.waitForFunction(
      () => !(document.querySelector('[data-testid="mb-calibrate"]') as HTMLButtonElement).disabled,
    );
    await page.fill('[data-testid="mb-value-activeCustomers"]', '1,500');
    await page.locator('[data-testid="mb-value-activeCustomers"]').blur();
    await page.waitForSelector('[data-testid="mb-problems"]');
    expect(await page.textContent('[data-testid="mb-problems"]')).toContain('could be 1500 or 1.500');
    expect(await page.isDisabled('[data-testid="mb-calibrate"]')).toBe(true);
    // What was typed is kept as typed.
    expect(await page.inputValue('[data-testid="mb-value-activeCustomers"]')).toBe('1,500');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('on a 390 px phone, each figure stacks within the box: label, then value and tolerance side by side', async () => {
    const { page, errors } = await openForm({ width: 390, height: 844 });
    const layout = await page.$$eval('[data-figure]', (rows) => {
      const box = document.querySelector('[data-testid="my-business"]')!.getBoundingClientRect();
      return rows.map((r) => {
        const label = r.querySelector('label')!;
        const value = r.querySelector('input[id^="mb-"]')!.getBoundingClientRect();
        const tol = r.querySelector('[data-testid^="mb-tolerance-"]')?.getBoundingClientRect();
        return {
          id: r.getAttribute('data-figure'),
          labelLines: label.getClientRects().length,
          inside: [value, tol].every((b) => !b || (b.left >= box.left && b.right <= box.right)),
          sideBySide: !tol || (Math.abs(tol.top - value.top) < 2 && tol.left >= value.right),
        };
      });
    });
    expect(layout.filter((r) => !r.inside || !r.sideBySide || r.labelLines > 2)).toEqual([]);
    expect(await page.$eval('[data-testid="my-business"]', (s) => s.scrollWidth <= s.clientWidth)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('checks a figure when it is left or typing pauses, marks each invalid input with its own message, and moves focus', async () => {
    const { page, errors } = await openForm();
    // Opening the form puts focus on its heading.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('mb-title');
    // The "3" of 3000 is not a mistake yet: nothing is said at the first keystroke.
    const active = '[data-testid="mb-value-activeCustomers"]';
    await page.focus(active);
    await page.keyboard.type('3');
    expect(await page.$('[data-testid="mb-problems"]')).toBeNull();
    expect(await page.getAttribute(active, 'aria-invalid')).toBeNull();
    expect(await page.$$('[role="alert"]')).toHaveLength(0);
    // Leaving the field checks it: the input is marked and described by its own message beside it.
    await page.keyboard.press('Tab');
    await page.waitForSelector(`${active}[aria-invalid="true"]`);
    const describedBy = (await page.getAttribute(active, 'aria-describedby'))!.split(' ');
    const message = await page.textContent(`#${describedBy.at(-1)}`);
    expect(message).toMatch(/between 10 and/);
    expect(await page.$eval(active, (i) => i.closest('td')!.textContent)).toContain(message!);
    // Every problem at once: a tolerance of 0 is reported beside a value out of range.
    await page.fill('[data-testid="mb-value-retention12Pct"]', '120');
    await page.fill('[data-testid="mb-value-npsScore"]', '10');
    await page.fill('[data-testid="mb-tolerance-npsScore"]', '0');
    await page.waitForSelector('[data-testid="mb-tolerance-npsScore"][aria-invalid="true"]');
    expect(await page.getAttribute('[data-testid="mb-value-retention12Pct"]', 'aria-invalid')).toBe('true');
    expect(await page.textContent('#mb-npsScore-tolerance-problems')).toContain('more than 0');
    // Closing the form gives focus back to the button that opened it.
    await page.click('[data-testid="mb-close"]');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('mb-open');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('calibrates a restaurant to its figures on the pool; the saved scenario shows them within tolerance', async () => {
    const { page, errors } = await openForm();
    await page.selectOption('[data-testid="mb-baseline"]', 'baselines/restaurant');
    // The baseline's own figures appear as placeholders.
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="mb-value-npsScore"]') as HTMLInputElement)?.placeholder !== '',
      null,
      { timeout: 60_000 },
    );
    for (const [id, [value, tolerance]] of Object.entries(RESTAURANT)) {
      await page.fill(`[data-testid="mb-value-${id}"]`, value);
      if (tolerance) await page.fill(`[data-testid="mb-tolerance-${id}"]`, tolerance);
    }
    // Cancel keeps the figures; a second start runs to the end.
    await page.click('[data-testid="mb-calibrate"]');
    await page.waitForSelector('[data-testid="mb-progress"]');
    await page.click('[data-testid="mb-cancel"]');
    await page.waitForSelector('[data-testid="mb-note"]');
    expect(await page.inputValue('[data-testid="mb-value-activeCustomers"]')).toBe('5000');
    const started = Date.now();
    await page.click('[data-testid="mb-calibrate"]');
    await page.waitForSelector('[data-testid="mb-result"]', { timeout: 170_000 });
    const seconds = (Date.now() - started) / 1000;
    console.log(`calibration in the browser: ${seconds.toFixed(1)} s`);
    const rows = await page.$$eval('[data-result]', (rs) =>
      rs.map((r) => ({ id: r.getAttribute('data-result'), within: r.getAttribute('data-within') })),
    );
    expect(rows).toHaveLength(8);
    // Focus moves to the result's heading, and the page's live region says how it went.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'mb-result-heading',
    );
    const met = rows.filter((r) => r.within === 'true').length;
    expect(await page.textContent('[data-testid="live"]')).toBe(
      `Calibration finished: ${met} of 8 figures met.`,
    );
    // The result says which year the figures were matched over: the headline figures of the saved
    // scenario are read at its last month and need not agree with them.
    expect(await page.textContent('[data-testid="mb-first-year"]')).toContain(FIRST_YEAR.en);
    // Beside it, the model's projection for the run's last year (the months the headline figures read).
    expect(await page.textContent('[data-testid="mb-figures-result"] thead')).toContain(
      'Projected, months 24–36 (not matched)',
    );
    const projected = await page.$$eval('[data-result]', (rs) =>
      rs.map((r) => Number(r.querySelector('[data-projected]')?.getAttribute('data-projected'))),
    );
    expect(projected.every(Number.isFinite)).toBe(true);
    // On a phone the result tables become one card per row, within the box, the verdict on one line.
    await page.setViewportSize({ width: 390, height: 844 });
    const cards = await page.$$eval('.mb-cards tr[data-result], .mb-cards tr[data-parameter]', (rs) => {
      const box = document.querySelector('[data-testid="my-business"]')!.getBoundingClientRect();
      return rs.map((r) => {
        const b = r.getBoundingClientRect();
        const verdict = r.querySelector('.mb-verdict');
        const lines = verdict ? verdict.getClientRects().length : 1;
        const lineHeight = verdict ? Number.parseFloat(getComputedStyle(verdict).lineHeight) || 24 : 24;
        const tall = verdict ? verdict.getBoundingClientRect().height : 0;
        return {
          inside: b.left >= box.left && b.right <= box.right,
          oneLine: lines === 1 && tall < 2 * lineHeight,
        };
      });
    });
    expect(cards).toHaveLength(16);
    expect(cards.filter((c) => !c.inside || !c.oneLine)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await page.$$('[data-parameter]')).toHaveLength(8);
    // The parameters in words: no scenario field paths unless asked for, no "pinned by" that the
    // reading beside it contradicts.
    const params = await page.$eval(
      '[data-testid="mb-parameters-result"]',
      (t) => (t as HTMLElement).innerText,
    );
    expect(params).not.toMatch(/population\.|market\.|staff\.|service\./);
    expect(params).toContain('Moved most by');
    await page.click('[data-testid="mb-save"]');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'mb-saved');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="scenario-name"]')?.textContent?.includes('My business'),
      null,
      { timeout: 30_000 },
    );
    await page.waitForSelector('[data-testid="chart-active"] svg', { timeout: 120_000 });
    const saved = (await storedData(page)).scenarios.find((s) =>
      textIn(s.file.name, 'en').startsWith('My business'),
    );
    expect(saved).toBeDefined();
    // Named and described in each language, after the baseline's name in that language.
    expect(saved!.file.name).toEqual({
      en: 'My business (Hot-pot restaurant chain — baseline)',
      zh: '我的企业（火锅连锁基线）',
    });
    const { en, zh } = saved!.file.description as { en: string; zh: string };
    expect(en).toContain(FIRST_YEAR.en);
    expect(zh).toContain(FIRST_YEAR.zh);
    expect(en).toContain('Projected for months 24–36');
    expect(zh).toContain('第 24–36 月的推演');
    expect(en).not.toContain(FIRST_YEAR.zh);
    expect(zh).not.toContain(FIRST_YEAR.en);
    const description = `${en}\n${zh}`;
    // It names the figures and parameters by their labels in both languages, not by their ids.
    for (const label of [
      'Active customers (mean over the year) 5,000 →',
      '活跃顾客数（全年平均） 5,000 →',
      '市场规模',
    ])
      expect(description).toContain(label);
    expect(description).not.toMatch(/activeCustomers|retention12Pct|competitionPct/);
    expect(await page.textContent('.scenario-bar .description, p.description')).toContain(FIRST_YEAR.en);
    // The saved scenario, run here on seeds neither the search nor its check used: its first year
    // shows the restaurant's figures within their tolerances.
    const parsed = parseScenarioObject(saved!.file);
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.en}`).join('; '));
    const targets = parseTargets({
      figures: Object.fromEntries(
        Object.entries(RESTAURANT).map(([id, [v, tol]]) => [
          id,
          { value: Number(v), ...(tol ? { tolerance: Number(tol) } : {}) },
        ]),
      ),
    });
    if (!targets.ok) throw new Error('targets');
    const scenario = { ...parsed.scenario, horizonMonths: CALIBRATION_MONTHS };
    const runs = await evaluateFiguresHere(
      Array.from({ length: 6 }, (_, k) => ({ scenario, seed: 'saved', replication: k })),
    );
    const missed: string[] = [];
    for (const t of targets.targets) {
      if (t.id === 'grossMarginPct') expect(parsed.file.economics.grossMarginPct).toBe(60);
      else if (t.id === 'staffHeadcount') expect(parsed.file.staff.headcount).toBe(60);
      else {
        const mean = runs.reduce((a, r) => a + r[t.id]!, 0) / runs.length;
        if (Math.abs(mean - t.value) > t.tolerance)
          missed.push(`${t.id}: ${mean} vs ${t.value} ± ${t.tolerance}`);
      }
    }
    expect(missed).toEqual([]);
    expect(rows.every((r) => r.within === 'true')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
