import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../vite.config.ts';
import { servedApp, watchErrors } from './browser.ts';

const app = servedApp();

// Another origin that answers anyone (CORS open): without the policy the page could read from it.
let other: Server;
let otherUrl = '';
beforeAll(async () => {
  other = createServer((_, res) => {
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'text/plain' });
    res.end('answered');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => other.close(() => resolve())));

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}

/** Every `securitypolicyviolation` the page reports, from before its first script. */
async function watchViolations(page: Page): Promise<() => Promise<Violation[]>> {
  await page.addInitScript(() => {
    const w = window as unknown as { violations: Violation[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample }),
    );
  });
  return () => page.evaluate(() => (window as unknown as { violations: Violation[] }).violations.splice(0));
}

describe('the Content-Security-Policy', () => {
  it('is served as a header and written into the built page', async () => {
    const res = await fetch(app.url);
    const header = res.headers.get('content-security-policy') ?? '';
    expect(header).toContain("script-src 'self'");
    expect(header).toContain("frame-ancestors 'none'");
    const html = readFileSync('dist/index.html', 'utf8');
    const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/);
    expect(meta?.[1].replaceAll('&#39;', "'")).toBe(CONTENT_SECURITY_POLICY);
    // The policy comes before anything it governs.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    for (const d of ['script-src', 'worker-src', 'style-src', 'connect-src'])
      expect(CONTENT_SECURITY_POLICY).toContain(`${d} 'self';`);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('lets every tab work with no violation, the service worker included', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    const violations = await watchViolations(page);
    await page.goto(app.url);
    await page.waitForSelector('[data-testid="chart-active"] svg', { timeout: 90_000 });
    // Plot's own rules still apply to its charts (they came as <style> elements the policy blocks).
    expect(await page.$eval('[data-testid="chart-active"] svg', (s) => getComputedStyle(s).maxWidth)).toBe(
      '100%',
    );
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="chart-active-png"]'),
    ]);
    expect(png.suggestedFilename()).toBe('loyalty-lab-scenario-active-customers.png');
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="chart-active-svg"]'),
    ]);
    expect(readFileSync((await svg.path())!, 'utf8')).toContain('white-space: pre');
    await page.click('[data-testid="open-docs"]');
    await page.waitForSelector('[data-testid="docs"][open]');
    await page.click('[data-testid="docs-close"]');

    await page.click('[data-testid="tab-compare"]');
    await page.fill('[data-testid="reps"]', '2');
    await page.click('[data-testid="run-compare"]');
    for (const id of ['compare-chart', 'ladder-chart', 'cohort-chart', 'clv-chart', 'three-dim-chart'])
      await page.waitForSelector(`[data-testid="${id}"] svg`, { timeout: 120_000 });

    await page.click('[data-testid="tab-population"]');
    await page.waitForSelector('[data-testid="population-canvas"][data-ready="yes"]', { timeout: 60_000 });

    await page.click('[data-testid="tab-experiments"]');
    await page.selectOption('[data-testid="experiment"]', 'discount-depth');
    await page.click('[data-testid="run-experiment"]');
    await page.waitForSelector('[data-testid="sweep-chart"] svg', { timeout: 120_000 });

    await page.click('[data-testid="tab-lessons"]');
    await page.click('[data-testid="lesson-lessons/1-discounts"]');
    await page.check('[data-testid="predict-discount"]');
    await page.click('[data-testid="lesson-run"]');
    await page.waitForSelector('[data-testid="lesson-chart-active"] svg', { timeout: 120_000 });

    await page.click('[data-testid="tab-cases"]');
    await page.waitForSelector('[data-testid="cases"]');

    await page.click('[data-testid="tab-clv"]');
    await page.click('[data-testid="clv-sample"]');
    await page.fill('[data-testid="clv-calibration-end"]', '1997-09-30');
    await page.click('[data-testid="clv-fit"]');
    for (const id of ['clv-freq-chart', 'clv-dist-chart'])
      await page.waitForSelector(`[data-testid="${id}"] svg`, { timeout: 90_000 });

    // The Validation tab starts its own worker when it opens.
    await page.click('[data-testid="tab-validation"]');
    await page.waitForSelector('[data-testid="validation-run"]');

    // The service worker installed and controls the page after a reload (offline use kept).
    expect(await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.active !== null))).toBe(
      true,
    );
    await page.reload();
    await page.waitForSelector('[data-testid="chart-active"] svg', { timeout: 90_000 });
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses another origin, an inline script and eval, and reports each', async () => {
    // No service worker here: the probe script below is served by the test, not from the app's store.
    const context = await app.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const violations = await watchViolations(page);
    await page.goto(app.url);
    await page.waitForSelector('[data-testid="chart-active"] svg', { timeout: 90_000 });
    const fetched = await page.evaluate(
      (url) =>
        fetch(url).then(
          (r) => r.text(),
          (e: Error) => `refused: ${e.name}`,
        ),
      otherUrl,
    );
    expect(fetched).toBe('refused: TypeError');
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.inlineRan = true';
      document.head.append(s);
      return (window as unknown as { inlineRan?: boolean }).inlineRan === true;
    });
    expect(ran).toBe(false);
    // Code the test evaluates is exempt from the page's policy; a script of the page's own origin is not.
    await page.route('**/eval-probe.js', (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: "try { window.evalProbe = String(new Function('return 1 + 1')()); } catch (e) { window.evalProbe = e.name; }",
      }),
    );
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          const s = document.createElement('script');
          s.src = '/eval-probe.js';
          s.onload = resolve;
          document.head.append(s);
        }),
    );
    expect(await page.evaluate(() => (window as unknown as { evalProbe?: string }).evalProbe)).toBe(
      'EvalError',
    );
    await page.waitForFunction(
      () => (window as unknown as { violations: Violation[] }).violations.length >= 6,
    );
    const refused = await violations();
    // Each is reported once per policy: the header's and the page's <meta>.
    expect(refused.map((v) => v.directive).sort()).toEqual([
      'connect-src',
      'connect-src',
      'script-src',
      'script-src',
      'script-src-elem',
      'script-src-elem',
    ]);
    expect(refused.find((v) => v.directive === 'connect-src')?.blocked).toBe(otherUrl);
    await context.close();
  });
});
