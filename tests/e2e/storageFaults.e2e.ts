import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { servedApp, setMarketSize, storedData as stored, watchErrors } from './browser.ts';

const app = servedApp();

/** The current scenario, saved through the notice's button, as the file the user gets. */
async function savedFile(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('[data-testid="storage-save-file"]'),
  ]);
  return JSON.parse(readFileSync((await download.path())!, 'utf8'));
}

describe('storage faults', () => {
  it('IndexedDB unavailable: told in both languages, the work goes on in memory and can be saved as a file', async () => {
    const context = await app.browser.newContext();
    // As in a private window or a profile that blocks storage: opening the database throws.
    await context.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      };
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await page.waitForSelector('[data-testid="chart-active"] svg', { timeout: 90_000 });
    await page.waitForSelector('[data-testid="storage-notice"] [data-fault="unavailable"]');
    expect(await page.textContent('[data-testid="storage-notice"]')).toContain('private window');
    await setMarketSize(page, 3000);
    expect(await page.textContent('[data-testid="my-scenarios"]')).toContain('my copy');
    const file = await savedFile(page);
    expect(file.population.marketSize).toBe(3000);
    // The library's name in each language, each with its own language's word for a copy.
    expect(file.name).toEqual({
      en: 'Neighbourhood service business — baseline — my copy',
      zh: '社区服务业基线 — 我的副本',
    });
    await page.click('[data-testid="lang"]');
    expect(await page.textContent('[data-testid="my-scenarios"]')).toContain('社区服务业基线 — 我的副本');
    expect(await page.textContent('[data-testid="storage-notice"]')).toContain('隐私窗口');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('quota exceeded mid-save: reported, the stored record keeps its last saved value, the work stays on the page', async () => {
    const context = await app.browser.newContext();
    // A full disk, as Chromium reports it: the write's request succeeds, then its transaction aborts
    // with QuotaExceededError, so nothing of it is committed. On while the tab's flag says so.
    await context.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (
        this: IDBObjectStore,
        ...args: Parameters<IDBObjectStore['put']>
      ) {
        const req = put.apply(this, args);
        if (sessionStorage.getItem('quotaFull') === '1') {
          const tx = this.transaction;
          req.addEventListener('success', () => {
            Object.defineProperty(tx, 'error', {
              value: new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
            });
            tx.abort();
          });
        }
        return req;
      };
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await page.waitForSelector('[data-testid="chart-active"] svg', { timeout: 90_000 });
    await setMarketSize(page, 3000);
    await expect.poll(async () => (await stored(page)).scenarios[0]?.file.population?.marketSize).toBe(3000);
    // Both runs' results saved (the default's and this one's): the store is at rest.
    await expect.poll(async () => (await stored(page)).results.length, { timeout: 90_000 }).toBe(2);
    const before = await stored(page);
    expect(await page.$('[data-testid="storage-notice"]')).toBeNull();

    await page.evaluate(() => sessionStorage.setItem('quotaFull', '1'));
    await setMarketSize(page, 4000);
    await page.waitForSelector('[data-testid="storage-notice"] [data-fault="full"]');
    expect(await page.textContent('[data-testid="storage-notice"]')).toContain('storage is full');
    // The page goes on with the change; the file the user can save has it.
    expect(await page.textContent('[data-testid="scenario-name"]')).toContain('4,000');
    expect((await savedFile(page)).population.marketSize).toBe(4000);
    // Nothing stored was overwritten: the record is the last one saved, no results were added.
    expect(await stored(page)).toEqual(before);

    await page.evaluate(() => sessionStorage.removeItem('quotaFull'));
    await page.reload();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="scenario-name"]')?.textContent?.includes('3,000'),
      null,
      { timeout: 90_000 },
    );
    expect(await page.$('[data-testid="storage-notice"]')).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a database from a newer version: left untouched, told in both languages, work in memory', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    // A later Loyalty Lab has upgraded this origin's database to version 2 and stored a scenario.
    await page.goto(`${app.url}favicon.svg`);
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const req = indexedDB.open('loyalty-lab', 2);
          req.onupgradeneeded = () => {
            const db = req.result;
            for (const s of ['scenarios', 'results'])
              db.createObjectStore(s, { keyPath: s === 'results' ? 'key' : 'id' });
            db.createObjectStore('settings');
            db.createObjectStore('journal', { autoIncrement: true });
            const tx = req.transaction!;
            tx.objectStore('scenarios').put({
              id: 'my/later',
              file: { schemaVersion: 4, name: 'Made by a later version' },
              updatedAt: 1,
              format: 2,
            });
            tx.objectStore('settings').put('my/later', 'lastOpened');
          };
          req.onsuccess = () => {
            req.result.close();
            resolve();
          };
        }),
    );
    const before = await stored(page);
    const errors = watchErrors(page);
    await page.goto(app.url);
    await page.waitForSelector('[data-testid="chart-active"] svg', { timeout: 90_000 });
    await page.waitForSelector('[data-testid="storage-notice"] [data-fault="newer"]');
    expect(await page.textContent('[data-testid="storage-notice"]')).toContain('newer version');
    await setMarketSize(page, 3000);
    expect((await savedFile(page)).population.marketSize).toBe(3000);
    await page.click('[data-testid="lang"]');
    expect(await page.textContent('[data-testid="storage-notice"]')).toContain('更新版本');
    expect(await stored(page)).toEqual(before);
    expect(before.version).toBe(2);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('records from a newer version in a current database: neither shown nor changed, the rest works', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await page.waitForSelector('[data-testid="chart-active"] svg', { timeout: 90_000 });
    await setMarketSize(page, 3000);
    await expect.poll(async () => (await stored(page)).scenarios.length).toBe(1);
    // A later version, opened in this browser meanwhile, saved a scenario in its own format.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const req = indexedDB.open('loyalty-lab');
          req.onsuccess = () => {
            const tx = req.result.transaction(['scenarios', 'settings'], 'readwrite');
            tx.objectStore('scenarios').put({
              id: 'my/later',
              file: { schemaVersion: 4, name: 'Made by a later version' },
              updatedAt: Date.now() + 60_000,
              format: 2,
            });
            tx.objectStore('settings').put('my/later', 'lastOpened');
            tx.oncomplete = () => {
              req.result.close();
              resolve();
            };
          };
        }),
    );
    const before = await stored(page);
    await page.reload();
    await page.waitForSelector('[data-testid="storage-notice"] [data-fault="newerRecords"]', {
      timeout: 90_000,
    });
    await page.waitForSelector('[data-testid="chart-active"] svg', { timeout: 90_000 });
    const mine = await page.textContent('[data-testid="my-scenarios"]');
    expect(mine).toContain('my copy');
    expect(mine).not.toContain('Made by a later version');
    // The user's own scenario is still saved as they edit it; the later one is as it was.
    await page.click('[data-testid="my-open"]');
    await setMarketSize(page, 3500);
    await expect
      .poll(
        async () =>
          (await stored(page)).scenarios.find((s) => s.id !== 'my/later')?.file.population?.marketSize,
      )
      .toBe(3500);
    const after = await stored(page);
    expect(after.scenarios.find((s) => s.id === 'my/later')).toEqual(
      before.scenarios.find((s) => s.id === 'my/later'),
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});
