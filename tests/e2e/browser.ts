import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import type { LocalText } from '../../src/scenario/localText.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Serves the built app (dist/) on a free localhost port. */
export async function serveBuiltApp(): Promise<{ server: PreviewServer; url: string }> {
  if (!existsSync('dist/index.html'))
    throw new Error('dist/ is missing: run `npm run build` before the browser tests');
  const server = await preview({
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'error',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  return { server, url };
}

/**
 * Debian's Chromium, headless, without background networking (the network is closed). Playwright's
 * launch gives every browser a fresh temporary profile.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (.ci/run does)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The Scenario tab's headline KPIs (their means), once its results are drawn. */
export async function figures(page: Page): Promise<Record<string, number>> {
  await page.waitForSelector('[data-testid="chart-active"] svg', { timeout: 90_000 });
  const rows = await page.$$eval('[data-kpi]', (rs) =>
    rs.map((r) => [r.getAttribute('data-kpi'), Number(r.getAttribute('data-mean'))]),
  );
  return Object.fromEntries(rows);
}

/** The page's long main-thread tasks so far: the longest (ms, 0 if none), how many, and each (performance.now() times). */
export interface LongTasks {
  longest: number;
  count: number;
  tasks: { start: number; duration: number }[];
}

/** Starts recording the page's long main-thread tasks; the returned function reads them. */
export async function watchLongTasks(page: Page): Promise<() => Promise<LongTasks>> {
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: LongTasks };
    w.longTasks = { longest: 0, count: 0, tasks: [] };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        w.longTasks.longest = Math.max(w.longTasks.longest, e.duration);
        w.longTasks.count++;
        w.longTasks.tasks.push({ start: e.startTime, duration: e.duration });
      }
    }).observe({ type: 'longtask', buffered: false });
  });
  return () =>
    page.evaluate(() => structuredClone((window as unknown as { longTasks: LongTasks }).longTasks));
}

/** Collects page errors so a test can assert that none happened. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

/** The built app served and a browser opened for one test file, both closed after it. */
export function servedApp(): { readonly url: string; readonly browser: Browser } {
  const app = {} as { url: string; browser: Browser; server?: PreviewServer };
  beforeAll(async () => {
    const served = await serveBuiltApp();
    app.server = served.server;
    app.url = served.url;
    app.browser = await launchBrowser();
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}

/** What the browser holds for the app, read straight from IndexedDB (opened without a version, so none changes). */
export interface StoredData {
  version: number;
  scenarios: {
    id: string;
    updatedAt: number;
    file: { name: LocalText; population?: { marketSize?: number } } & Record<string, unknown>;
    format?: number;
  }[];
  /** Whole runs' results (the pieces of unfinished runs, `partial:` keys, left out). */
  results: string[];
}

export const storedData = (page: Page): Promise<StoredData> =>
  page.evaluate(
    () =>
      new Promise<StoredData>((resolve, reject) => {
        const req = indexedDB.open('loyalty-lab');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['scenarios', 'results'], 'readonly');
          const all = tx.objectStore('scenarios').getAll();
          const keys = tx.objectStore('results').getAllKeys();
          tx.oncomplete = () => {
            const results = (keys.result as string[]).filter((k) => !k.startsWith('partial:'));
            resolve({ version: db.version, scenarios: all.result, results });
            db.close();
          };
        };
      }),
  );

/** Sets the current scenario's market size in the editor (opened if need be); waits until the page shows it. */
export async function setMarketSize(page: Page, people: number): Promise<void> {
  if (!(await page.$('[data-field="population.marketSize"]'))) await page.click('[data-testid="edit"]');
  await page.fill('[data-field="population.marketSize"]', String(people));
  await page.waitForFunction(
    (text) => document.querySelector('[data-testid="scenario-name"]')?.textContent?.includes(text),
    people.toLocaleString('en'),
    { timeout: 90_000 },
  );
}

/**
 * For context.addInitScript: records the calls the page sends its workers, by method (Comlink's
 * messages name it), each as the market size of the scenario it was given (null if none).
 */
export const countWorkerCalls = () => {
  const calls: Record<string, (number | null)[]> = {};
  (window as unknown as { workerCalls: typeof calls }).workerCalls = calls;
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (this: Worker, ...args: unknown[]) {
    const m = args[0] as {
      type?: string;
      path?: string[];
      argumentList?: { value?: { population?: { marketSize?: number } } }[];
    } | null;
    if (m?.type === 'APPLY' && m.path) {
      const name = m.path.join('.');
      (calls[name] ??= []).push(m.argumentList?.[0]?.value?.population?.marketSize ?? null);
    }
    return (post as (...a: unknown[]) => void).apply(this, args);
  } as typeof post;
};

/** What countWorkerCalls recorded so far. */
export const workerCalls = (page: Page) =>
  page.evaluate(() => ({
    ...(window as unknown as { workerCalls: Record<string, (number | null)[]> }).workerCalls,
  }));
