import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { KEEP_RECENT_RUNS } from '../../src/ui/storage.ts';
import { countWorkerCalls, figures, servedApp, setMarketSize, watchErrors, workerCalls } from './browser.ts';

const app = servedApp();

interface Store {
  /** Whole runs' records: key, replications (the header), whether it holds the results itself. */
  headers: { key: string; replications: unknown; holdsResults: boolean }[];
  /** Each replication's record, by the key of the run it belongs to. */
  parts: Record<string, number>;
  /** The Scenario tab's recent runs, newest first. */
  recent: string[];
}

/** The results store and the recent-runs list, read straight from IndexedDB. */
const store = (page: Page): Promise<Store> =>
  page.evaluate(
    () =>
      new Promise<Store>((resolve, reject) => {
        const req = indexedDB.open('loyalty-lab');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['results', 'settings'], 'readonly');
          const keys = tx.objectStore('results').getAllKeys();
          const recent = tx.objectStore('settings').get('recentRuns');
          const headers: Store['headers'] = [];
          const parts: Record<string, number> = {};
          keys.onsuccess = () => {
            for (const k of keys.result as string[]) {
              const m = /^partial:(.*):\d{6}$/.exec(k);
              if (m) parts[m[1]] = (parts[m[1]] ?? 0) + 1;
              else {
                const r = tx.objectStore('results').get(k);
                r.onsuccess = () =>
                  headers.push({
                    key: k,
                    replications: r.result.replications,
                    holdsResults: 'results' in r.result,
                  });
              }
            }
          };
          tx.oncomplete = () => {
            resolve({ headers, parts, recent: recent.result ?? [] });
            db.close();
          };
        };
      }),
  );

/** Waits until the Scenario tab's newest run (first of the recent runs) other than `previous` is saved whole. */
async function savedWhole(page: Page, previous: string | undefined): Promise<string> {
  let newest = '';
  await expect
    .poll(
      async () => {
        const s = await store(page);
        newest = s.recent[0];
        return newest !== previous && s.headers.some((h) => h.key === newest);
      },
      { timeout: 90_000 },
    )
    .toBe(true);
  return newest;
}

interface StoreChange {
  deleteResults?: string[];
  putResults?: Record<string, unknown>[];
  deleteSettings?: string[];
}

/** Changes the app's database as another version of the app (or a lost write) would have left it. */
const changeStore = (page: Page, change: StoreChange) =>
  page.evaluate(
    (change) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('loyalty-lab');
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['results', 'settings'], 'readwrite');
          for (const k of change.deleteResults ?? []) tx.objectStore('results').delete(k);
          for (const r of change.putResults ?? []) tx.objectStore('results').put(r);
          for (const k of change.deleteSettings ?? []) tx.objectStore('settings').delete(k);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    change,
  );

/** The default scenario in a context of its own that counts worker calls, once its first run is saved whole. */
async function openDefault() {
  const context = await app.browser.newContext();
  await context.addInitScript(countWorkerCalls);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(app.url);
  const shown = await figures(page);
  const key = await savedWhole(page, undefined);
  return { context, page, errors, shown, key };
}

describe('the results kept in the browser', () => {
  it('runs again only a replication missing under a whole run’s header, and makes the run whole again', async () => {
    const { context, page, errors, shown, key } = await openDefault();
    await changeStore(page, { deleteResults: [`partial:${key}:000002`] });
    await page.reload();
    expect(await figures(page)).toEqual(shown);
    expect((await workerCalls(page)).runCancellable ?? [], 'only the missing replication ran').toHaveLength(
      1,
    );
    await expect.poll(async () => (await store(page)).parts[key], { timeout: 30_000 }).toBe(8);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets go what a version without the recent-runs list left, and keeps Compare’s own records', async () => {
    const { context, page } = await openDefault();
    // As a version before the list left it: whole runs and pieces of cancelled ones, no list.
    await changeStore(page, {
      deleteSettings: ['recentRuns'],
      putResults: [
        { key: 'old-run', results: [] },
        { key: 'partial:cancelled:000000', k: 0, result: {} },
        { key: 'history:run1:plans/a', replications: 0 },
        { key: 'partial:compare:run2:plans/a:000000', k: 0, result: {} },
      ],
    });
    await setMarketSize(page, 2000);
    const newest = await savedWhole(page, undefined);
    const after = await store(page);
    const keys = new Set([...after.headers.map((h) => h.key), ...Object.keys(after.parts)]);
    expect([...keys].sort()).toEqual(['compare:run2:plans/a', 'history:run1:plans/a', newest].sort());
    await context.close();
  });

  it('keeps a run as its replications and a small header, shows it after a reload without running it, and keeps only the recent runs', async () => {
    const { context, page, errors, shown, key: first } = await openDefault();
    const s = await store(page);
    // The default run: its eight replications, each a record, and a header that holds no results.
    expect(s.headers).toEqual([{ key: first, replications: 8, holdsResults: false }]);
    expect(s.parts).toEqual({ [first]: 8 });
    expect(s.recent).toEqual([first]);

    await page.reload();
    expect(await figures(page)).toEqual(shown);
    expect((await workerCalls(page)).runCancellable ?? [], 'shown from the store, not run again').toEqual([]);

    // More versions of the scenario than are kept, each run to the end.
    await setMarketSize(page, 2000);
    let newest = await savedWhole(page, first);
    const ran = [first, newest];
    for (let depth = 1; ran.length < KEEP_RECENT_RUNS + 3; depth++) {
      await page.fill('[data-field="levers.value.discount.depthPct"]', String(depth));
      newest = await savedWhole(page, newest);
      ran.push(newest);
    }
    const after = await store(page);
    const kept = ran.slice(-KEEP_RECENT_RUNS);
    expect(after.recent).toEqual([...kept].reverse());
    expect(after.headers.map((h) => h.key).sort()).toEqual([...kept].sort());
    expect(after.parts).toEqual(Object.fromEntries(kept.map((k) => [k, 8])));
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
