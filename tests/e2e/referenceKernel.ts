/**
 * The reference kernel (../shared/bench/reference-kernel.mjs, beside the repository) timed in the
 * page under test, on as many Web Workers as the app's pool uses: the yardstick that turns a
 * browser run's seconds into a ratio that holds on any machine. The kernel is served from the app's
 * own origin (a Playwright route), so the page's Content-Security-Policy admits it unchanged. The
 * page's context must block service workers: a request a service worker answers bypasses the routes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '../..');

export function findReferenceKernel(): string | null {
  const p = resolve(ROOT, '../shared/bench/reference-kernel.mjs');
  return existsSync(p) ? p : null;
}

// One module, fetched by the page itself: requests a worker makes on its own (its imports) do not go
// through the page's routes. The kernel's command-line guard reads process.argv, which a worker has not.
const worker = (kernel: string) => `globalThis.process ??= { argv: [] };
${kernel}
self.onmessage = (e) => {
  const { n, months, seed } = e.data;
  self.postMessage(runReference(n, months, seed).seconds);
};
`;

/**
 * Wall-clock seconds for `runs` kernel runs of n people × months on `workers` workers (each worker
 * takes the next run when it finishes one), in the page; null when the kernel is not beside the repo.
 */
export async function timeKernelInPage(
  page: Page,
  origin: string,
  o: { n: number; months: number; runs: number; workers: number },
): Promise<number | null> {
  const path = findReferenceKernel();
  if (!path) return null;
  const kernel = readFileSync(path, 'utf8');
  const js = (body: string) => ({ status: 200, contentType: 'text/javascript', body });
  await page.route(`${origin}/__kernel-worker.mjs`, (r) => r.fulfill(js(worker(kernel))));
  return page.evaluate(
    ({ n, months, runs, workers }) =>
      new Promise<number>((done, fail) => {
        const pool = Array.from(
          { length: workers },
          () => new Worker('/__kernel-worker.mjs', { type: 'module' }),
        );
        // A warm-up run each, untimed, as the app's workers are warm by the time it is timed.
        let warm = 0;
        let next = 0;
        let finished = 0;
        let t0 = 0;
        const give = (w: Worker) => {
          if (next < runs) w.postMessage({ n, months, seed: ++next });
        };
        for (const w of pool) {
          w.onerror = (e) => fail(new Error(`kernel worker: ${e.message}`));
          w.onmessage = () => {
            if (warm < workers) {
              if (++warm === workers) {
                t0 = performance.now();
                for (const x of pool) give(x);
              }
              return;
            }
            if (++finished === runs) {
              for (const x of pool) x.terminate();
              done((performance.now() - t0) / 1000);
            } else give(w);
          };
          w.postMessage({ n: Math.min(n, 10_000), months, seed: 0 });
        }
      }),
    o,
  );
}
