/**
 * The user's work in the browser's IndexedDB: their scenarios, and the last results per scenario, so a
 * reload finds everything as it was. Storage failures (private mode, quota) never break the app: they
 * are reported once and the app goes on in memory.
 */
import type { RunResult } from '../engine/index.ts';
import type { ScenarioFile } from '../scenario/schema.ts';

export interface SavedScenario {
  id: string; // "my/…"
  file: ScenarioFile;
  updatedAt: number;
}

export interface SavedResults {
  key: string;
  results: RunResult[];
}

const DB = 'loyalty-lab';
const VERSION = 1;

let opening: Promise<IDBDatabase | null> | null = null;

function open(): Promise<IDBDatabase | null> {
  opening ??= new Promise((resolve) => {
    try {
      const req = indexedDB.open(DB, VERSION);
      req.onupgradeneeded = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains('scenarios')) db.createObjectStore('scenarios', { keyPath: 'id' });
        if (!db.objectStoreNames.contains('results')) db.createObjectStore('results', { keyPath: 'key' });
        if (!db.objectStoreNames.contains('settings')) db.createObjectStore('settings');
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(null);
      req.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  return opening;
}

function request<T>(
  store: string,
  mode: IDBTransactionMode,
  act: (s: IDBObjectStore) => IDBRequest,
): Promise<T | undefined> {
  return open().then(
    (db) =>
      new Promise((resolve) => {
        if (!db) return resolve(undefined);
        try {
          const r = act(db.transaction(store, mode).objectStore(store));
          r.onsuccess = () => resolve(r.result as T);
          r.onerror = () => resolve(undefined);
        } catch {
          resolve(undefined);
        }
      }),
  );
}

export const storage = {
  listScenarios: async (): Promise<SavedScenario[]> =>
    ((await request<SavedScenario[]>('scenarios', 'readonly', (s) => s.getAll())) ?? []).sort(
      (a, b) => b.updatedAt - a.updatedAt,
    ),
  saveScenario: (s: SavedScenario) => request('scenarios', 'readwrite', (st) => st.put(s)),
  deleteScenario: (id: string) => request('scenarios', 'readwrite', (st) => st.delete(id)),
  getResults: async (key: string): Promise<RunResult[] | undefined> =>
    (await request<SavedResults>('results', 'readonly', (s) => s.get(key)))?.results,
  saveResults: (key: string, results: RunResult[]) =>
    request('results', 'readwrite', (st) => st.put({ key, results })),
  getSetting: <T>(key: string) => request<T>('settings', 'readonly', (s) => s.get(key)),
  setSetting: (key: string, value: unknown) => request('settings', 'readwrite', (s) => s.put(value, key)),
};

/** A short, stable key for (scenario, seed, replications): results are cached under it. */
export function resultsKey(file: ScenarioFile, seed: string | number, replications: number): string {
  const text = `${JSON.stringify(file)}|${seed}|${replications}`;
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return `${(h1 >>> 0).toString(36)}${(h2 >>> 0).toString(36)}:${text.length}`;
}
