/**
 * The reference kernel (../shared/bench/reference-kernel.mjs, beside the repository) timed in the
 * page under test, on as many Web Workers as the app's pool uses: the yardstick that turns a
 * browser run's seconds into a ratio that holds on any machine. The kernel is served from the app's
 * own origin (a Playwright route), so the page's Content-Security-Policy admits it unchanged. The
 * page's context must block service workers: a request a service worker answers bypasses the routes.
 *
 * The kernel as given runs five to ten times slower in Chromium than in Node 20 on the same machine,
 * in a worker or on the main thread alike. Its generator keeps its four 32-bit words in closure
 * variables; Chromium builds V8 with pointer compression, where an integer stored unboxed is 31 bits
 * wide, so about half of those stores box a heap number (an allocation per draw), while Node 20 is
 * built without it (`process.config.variables.v8_enable_pointer_compression` is 0) and stores every
 * 32-bit word unboxed. The same kernel with only those four words held in an Int32Array runs in the
 * page at Node's speed, so it is timed too: it is the yardstick that measures the same work.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '../..');

/** The kernel's generator as written in ../shared/bench/reference-kernel.mjs. */
const CLOSURE_STATE =
  /function sfc32\(a, b, c, d\) \{\n {2}return function \(\) \{\n {4}a \|= 0; b \|= 0; c \|= 0; d \|= 0;\n([\s\S]*?) {4}return \(t >>> 0\) \/ 4294967296;\n {2}\};\n\}/;

/** The same generator, step for step, with its state in an Int32Array; null if the kernel changed. */
export function typedStateKernel(kernel: string): string | null {
  const m = CLOSURE_STATE.exec(kernel);
  if (!m) return null;
  const step = `function sfc32(a0, b0, c0, d0) {
  const st = new Int32Array([a0, b0, c0, d0]);
  return function () {
    let a = st[0], b = st[1], c = st[2], d = st[3];
${m[1]}    st[0] = a; st[1] = b; st[2] = c; st[3] = d;
    return (t >>> 0) / 4294967296;
  };
}`;
  return kernel.replace(CLOSURE_STATE, step);
}

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
  o: { n: number; months: number; runs: number; workers: number; typedState?: boolean },
): Promise<number | null> {
  const path = findReferenceKernel();
  if (!path) return null;
  const given = readFileSync(path, 'utf8');
  const kernel = o.typedState ? typedStateKernel(given) : given;
  if (!kernel) return null;
  const js = (body: string) => ({ status: 200, contentType: 'text/javascript', body });
  const url = `/__kernel-worker${o.typedState ? '-typed' : ''}.mjs`;
  await page.route(`${origin}${url}`, (r) => r.fulfill(js(worker(kernel))));
  return page.evaluate(
    ({ n, months, runs, workers, url }) =>
      new Promise<number>((done, fail) => {
        const pool = Array.from({ length: workers }, () => new Worker(url, { type: 'module' }));
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
    { ...o, url },
  );
}
