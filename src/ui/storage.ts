/**
 * The user's work in the browser's IndexedDB: their scenarios, and the last results per scenario, so a
 * reload finds everything as it was. Storage failures never break the app and never lose what is
 * stored: the app goes on in memory, and each kind of failure is reported (`storageFaults`) for the
 * page to tell the user, who can still save their work as a file.
 *
 * - unavailable: no IndexedDB (a private window, a blocked profile) or it refused to open;
 * - full: a write was refused for lack of space (the transaction aborted: the previous record stays;
 *   a run's results are written a replication at a time, and a run missing one has no header, so
 *   it is never read as whole);
 * - newer: the database belongs to a newer version of the app: it is not opened at all;
 * - newerRecords: some records were written by a newer version: they are neither shown nor changed;
 * - changedElsewhere: a scenario was saved by another tab or window since this one read it: this
 *   tab's change is not written over it unless the user says so (`keepMine`). Tabs also tell each
 *   other of every scenario they save (`onChangedElsewhere`), so the one showing it can say so at once;
 * - failed: any other refused write.
 *
 * An IndexedDB write is committed some milliseconds after it is asked for; a page that goes away in
 * between (a reload right after a keystroke) loses it with its transaction. The user's work, their
 * scenarios and which one is open, is therefore also noted synchronously in localStorage until its
 * write is known to have ended (`pending`); the next page to open the database writes what it finds
 * there first.
 */
import type { RunResult } from '../engine/index.ts';
import { CURRENT_VERSION } from '../scenario/migrations.ts';
import type { ScenarioFile } from '../scenario/schema.ts';
import { oneAtATime } from './oneAtATime.ts';

export interface SavedScenario {
  id: string; // "my/…"
  file: ScenarioFile;
  updatedAt: number;
}

/**
 * A whole run's record. Its replications are records of their own (`partial:` keys, written one
 * transaction at a time, as they finish or by `saveResults`) and this header, written last, says how
 * many make the run. Records written before the header existed hold the replications in `results`.
 */
export interface SavedResults {
  key: string;
  replications?: number;
  results?: RunResult[];
}

export type StorageFault = 'unavailable' | 'full' | 'newer' | 'newerRecords' | 'changedElsewhere' | 'failed';

const DB = 'loyalty-lab';
const VERSION = 1;
/**
 * The layout of the records this version writes (each carries it as `format`; records written before
 * it existed have none and count as 1). A later version that changes a record's shape raises it, so
 * this one knows to leave such records alone.
 */
const RECORD_FORMAT = 1;

type Stored = { format?: number; file?: { schemaVersion?: unknown } };

/** Written by a newer app: a later record format, or a scenario in a later file format. */
function isNewer(record: unknown): boolean {
  if (!record || typeof record !== 'object') return false;
  const r = record as Stored;
  const v = r.file?.schemaVersion;
  return (r.format ?? 1) > RECORD_FORMAT || (typeof v === 'number' && v > CURRENT_VERSION);
}

const faults = new Set<StorageFault>();
const listeners = new Set<() => void>();
let snapshot: readonly StorageFault[] = [];

function report(f: StorageFault): void {
  if (faults.has(f)) return;
  faults.add(f);
  snapshot = [...faults];
  for (const l of listeners) l();
}

/** The storage failures seen since the page loaded (for useSyncExternalStore). */
export const storageFaults = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  current: (): readonly StorageFault[] => snapshot,
  dismiss(): void {
    faults.clear();
    snapshot = [];
    for (const l of listeners) l();
  },
};

/** A write of the user's work not yet known to have ended, as noted in localStorage. */
interface PendingWrite {
  store: 'scenarios' | 'settings';
  key: string;
  value: unknown;
}

const PENDING_PREFIX = 'loyalty-lab.pending:';
/** Once the page is going away, a write's end is not seen here: its note stays for the next page. */
let leaving = false;
if (typeof addEventListener === 'function') {
  addEventListener('pagehide', () => {
    leaving = true;
  });
  addEventListener('pageshow', () => {
    leaving = false;
  });
}

const pending = {
  key: (w: Omit<PendingWrite, 'value'>) => `${PENDING_PREFIX}${w.store}:${w.key}`,
  /** Notes a write about to be made; returns what `settle` needs (null if localStorage refused it). */
  note(w: PendingWrite): string | null {
    try {
      const text = JSON.stringify(w);
      localStorage.setItem(pending.key(w), text);
      return text;
    } catch {
      return null; // no localStorage (or full): the write goes ahead without its note
    }
  },
  /** The write ended (committed or refused, and the page was told): its note goes, unless a later one replaced it. */
  settle(w: Omit<PendingWrite, 'value'>, text: string | null): void {
    if (text === null || leaving) return;
    try {
      if (localStorage.getItem(pending.key(w)) === text) localStorage.removeItem(pending.key(w));
    } catch {
      // nothing to remove
    }
  },
  drop(w: Omit<PendingWrite, 'value'>): void {
    try {
      localStorage.removeItem(pending.key(w));
    } catch {
      // nothing to remove
    }
  },
  all(): { text: string; write: PendingWrite }[] {
    const out: { text: string; write: PendingWrite }[] = [];
    try {
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i);
        const text = k?.startsWith(PENDING_PREFIX) ? localStorage.getItem(k) : null;
        if (!text) continue;
        try {
          const w = JSON.parse(text) as PendingWrite;
          if ((w.store === 'scenarios' || w.store === 'settings') && typeof w.key === 'string')
            out.push({ text, write: w });
        } catch {
          // a damaged note: ignored
        }
      }
    } catch {
      // no localStorage
    }
    return out;
  },
};

/**
 * Writes what an earlier page noted but may not have lived to commit, before anything else is read
 * (transactions run in the order they are created). A scenario is written only over an older
 * version of itself, never over a record a newer app wrote.
 */
function finishPending(db: IDBDatabase): void {
  const notes = pending.all();
  if (notes.length === 0) return;
  try {
    const tx = db.transaction(['scenarios', 'settings'], 'readwrite');
    for (const { write: w } of notes) {
      if (w.store === 'settings') tx.objectStore('settings').put(w.value, w.key);
      else {
        const s = tx.objectStore('scenarios');
        const mine = w.value as SavedScenario;
        const existing = s.get(w.key);
        existing.onsuccess = () => {
          const theirs = existing.result as SavedScenario | undefined;
          if (isNewer(theirs) || isNewer(mine)) return;
          if (!theirs || theirs.updatedAt < mine.updatedAt) s.put({ ...mine, format: RECORD_FORMAT });
        };
      }
    }
    tx.oncomplete = () => {
      for (const { text, write: w } of notes) pending.settle(w, text);
    };
  } catch {
    // left for the next page
  }
}

let opening: Promise<IDBDatabase | null> | null = null;

function open(): Promise<IDBDatabase | null> {
  opening ??= new Promise((resolve) => {
    const unavailable = () => {
      report('unavailable');
      resolve(null);
    };
    try {
      const req = indexedDB.open(DB, VERSION);
      req.onupgradeneeded = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains('scenarios')) db.createObjectStore('scenarios', { keyPath: 'id' });
        if (!db.objectStoreNames.contains('results')) db.createObjectStore('results', { keyPath: 'key' });
        if (!db.objectStoreNames.contains('settings')) db.createObjectStore('settings');
      };
      req.onsuccess = () => {
        const db = req.result;
        // A newer version of the app, open in another tab, wants to change the database: let it, and
        // go on in memory here rather than write records in a layout it no longer expects.
        db.onversionchange = () => {
          db.close();
          opening = Promise.resolve(null);
          report('newer');
        };
        finishPending(db);
        resolve(db);
      };
      req.onerror = (e) => {
        e.preventDefault();
        const name = req.error?.name;
        if (name === 'VersionError') {
          report('newer');
          resolve(null);
        } else if (name === 'QuotaExceededError') {
          report('full');
          resolve(null);
        } else unavailable();
      };
      req.onblocked = unavailable;
    } catch {
      unavailable();
    }
  });
  return opening;
}

function read<T>(store: string, act: (s: IDBObjectStore) => IDBRequest): Promise<T | undefined> {
  return open().then(
    (db) =>
      new Promise((resolve) => {
        if (!db) return resolve(undefined);
        try {
          const r = act(db.transaction(store, 'readonly').objectStore(store));
          r.onsuccess = () => resolve(r.result as T);
          r.onerror = () => resolve(undefined);
        } catch {
          resolve(undefined);
        }
      }),
  );
}

/**
 * Writes in one transaction, true once it is committed (a request's success is not yet a commit: a
 * full disk aborts the transaction afterwards, and the record keeps its previous value). A record a
 * newer app wrote under the same key is left as it is.
 */
function write(
  store: string,
  key: IDBValidKey,
  act: (s: IDBObjectStore) => void,
  guard: ((existing: unknown) => StorageFault | null) | null = (e) => (isNewer(e) ? 'newerRecords' : null),
): Promise<boolean> {
  return open().then(
    (db) =>
      new Promise((resolve) => {
        if (!db) return resolve(false);
        try {
          const tx = db.transaction(store, 'readwrite');
          let refused: StorageFault | null = null;
          tx.oncomplete = () => resolve(true);
          tx.onabort = () => {
            const name = tx.error?.name;
            report(refused ?? (name === 'QuotaExceededError' ? 'full' : 'failed'));
            resolve(false);
          };
          const s = tx.objectStore(store);
          const attempt = () => {
            try {
              act(s);
            } catch {
              refused = 'failed'; // e.g. a value that cannot be stored: nothing is written
              tx.abort();
            }
          };
          if (!guard) return attempt();
          const existing = s.get(key);
          existing.onsuccess = () => {
            refused = guard(existing.result);
            if (refused) tx.abort();
            else attempt();
          };
        } catch (e) {
          report(e instanceof DOMException && e.name === 'QuotaExceededError' ? 'full' : 'failed');
          resolve(false);
        }
      }),
  );
}

/**
 * Each scenario's `updatedAt` as this tab last read or wrote it. A stored one that is later was saved
 * by another tab or window meanwhile: writing over it silently would lose that work.
 */
const seen = new Map<string, number>();
/** This tab's versions that were not written over another tab's, by id (for `keepMine`). */
const held = new Map<string, SavedScenario>();

function saveScenario(s: SavedScenario, force = false): Promise<boolean> {
  const note = { store: 'scenarios', key: s.id } as const;
  const text = pending.note({ ...note, value: s });
  return write(
    'scenarios',
    s.id,
    (st) => {
      st.put({ ...s, format: RECORD_FORMAT });
      seen.set(s.id, s.updatedAt);
      held.delete(s.id);
    },
    (existing) => {
      if (isNewer(existing)) return 'newerRecords';
      const theirs = (existing as SavedScenario | undefined)?.updatedAt;
      const mine = seen.get(s.id);
      // The very version being written is there already: a page reloaded meanwhile wrote it from its note.
      if (theirs === s.updatedAt) return null;
      if (!force && theirs !== undefined && mine !== undefined && theirs > mine) {
        held.set(s.id, s);
        return 'changedElsewhere';
      }
      return null;
    },
  ).then((ok) => {
    pending.settle(note, text);
    if (ok) channel?.postMessage({ kind: 'scenarioSaved', scenario: s });
    return ok;
  });
}

/** The app's other tabs and windows (same origin), told of every scenario saved here. */
const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('loyalty-lab') : null;
const elsewhere = new Set<(s: SavedScenario) => void>();
channel?.addEventListener('message', (e: MessageEvent) => {
  const m = e.data as { kind?: unknown; scenario?: SavedScenario } | null;
  const s = m?.kind === 'scenarioSaved' ? m.scenario : undefined;
  if (!s || typeof s.id !== 'string' || typeof s.updatedAt !== 'number' || isNewer(s)) return;
  // A version this tab wrote or read already is no news.
  if ((seen.get(s.id) ?? Number.NEGATIVE_INFINITY) >= s.updatedAt) return;
  for (const l of elsewhere) l(s);
});

/** The Scenario tab's runs whose replications are kept (a run per version of a scenario the user ran). */
export const KEEP_RECENT_RUNS = 16;
const RECENT_RUNS = 'recentRuns';

/** The run a results record belongs to: its own key, or a replication's run. */
const runOf = (recordKey: string) => recordKey.replace(/^partial:(.*):\d{6}$/, '$1');
/** Records of Compare's history and unfinished runs, which keep lists of their own. */
const otherThanScenarioTab = (recordKey: string) => /^(history|compare):/.test(runOf(recordKey));
/** The indices in a run's replication keys. */
function indicesOf(key: string, keys: IDBValidKey[]): Set<number> {
  const prefix = `partial:${key}:`;
  const out = new Set<number>();
  for (const k of keys)
    if (typeof k === 'string' && k.startsWith(prefix)) out.add(Number(k.slice(prefix.length)));
  return out;
}

const partialKey = (key: string, k: number) => `partial:${key}:${String(k).padStart(6, '0')}`;
const partialRange = (key: string) => IDBKeyRange.bound(`partial:${key}:`, `partial:${key}:\uffff`);

export const storage = {
  /** The user's scenarios, newest first; those a newer app wrote are left out (and reported). */
  listScenarios: async (): Promise<SavedScenario[]> => {
    const all = (await read<SavedScenario[]>('scenarios', (s) => s.getAll())) ?? [];
    const usable = all.filter((r) => !isNewer(r));
    if (usable.length < all.length) report('newerRecords');
    for (const r of usable) seen.set(r.id, r.updatedAt);
    return usable.sort((a, b) => b.updatedAt - a.updatedAt);
  },
  saveScenario: (s: SavedScenario) => saveScenario(s),
  /** Calls `listener` with each scenario another tab or window saves, unless this tab has that version; returns the unsubscribe. */
  onChangedElsewhere(listener: (s: SavedScenario) => void): () => void {
    elsewhere.add(listener);
    return () => elsewhere.delete(listener);
  },
  /**
   * This tab now works from `s`, a version saved elsewhere: its next change is written over that
   * version as usual, and a change of its own held back against it is dropped.
   */
  adopt(s: SavedScenario): void {
    seen.set(s.id, Math.max(seen.get(s.id) ?? 0, s.updatedAt));
    held.delete(s.id);
  },
  /** Writes this tab's held versions over the other tab's (the user chose to). */
  keepMine: async (): Promise<void> => {
    for (const s of [...held.values()]) await saveScenario(s, true);
  },
  deleteScenario: (id: string) => {
    // A deleted scenario's unwritten edit must not bring it back at the next start.
    pending.drop({ store: 'scenarios', key: id });
    return write('scenarios', id, (st) => st.delete(id));
  },
  /** A whole run's replications, in order; undefined if it was not saved whole (or a newer app wrote it). */
  getResults: async (key: string): Promise<RunResult[] | undefined> => (await storage.getRun(key)).whole,
  /**
   * What is kept of a run: the whole run if it was saved whole, and whichever of its replications
   * are saved (by index), read at once (each read waits its turn in IndexedDB).
   */
  getRun: async (
    key: string,
  ): Promise<{ whole: RunResult[] | undefined; parts: (RunResult | undefined)[] }> => {
    const [r, parts] = await Promise.all([
      read<SavedResults>('results', (s) => s.get(key)),
      storage.getPartialResults(key),
    ]);
    if (!r || isNewer(r)) return { whole: undefined, parts };
    if (r.results) return { whole: r.results, parts };
    const n = r.replications ?? -1;
    // Index by index: `parts` is sparse, and every() skips its holes.
    if (n < 0) return { whole: undefined, parts };
    for (let k = 0; k < n; k++) if (!parts[k]) return { whole: undefined, parts };
    return { whole: parts.slice(0, n) as RunResult[], parts };
  },
  /**
   * Saves a whole run: each replication in a transaction of its own, then the header. IndexedDB
   * clones a value on the page's main thread as it is put, so one record of a hundred replications
   * of 100,000 people (about 100 MB) held the page for 115 ms in one task; a replication at a time
   * is about a millisecond per task. False if a write is refused; the run is then not whole.
   */
  saveResults: async (key: string, results: RunResult[]): Promise<boolean> =>
    (await storage.removeResults(key)) && storage.finishResults(key, results),
  /**
   * A run has finished: whichever of its replications are not saved (a write refused, or removed
   * by another tab meanwhile) are saved, and then its header, written only in a transaction that
   * finds every replication there. So no header ever stands for a run with a hole in it.
   */
  finishResults: async (key: string, results: RunResult[]): Promise<boolean> => {
    const present = await storage.savedIndices(key);
    // Asked for at once: each is still a transaction (and a clone, a task) of its own, and the run
    // is not left waiting for the commits one by one (a reload straight after lost its header).
    const saved = await Promise.all(
      results.map((r, k) => present.has(k) || storage.savePartialResult(key, k, r)),
    );
    if (!saved.every(Boolean)) return false;
    let whole = false;
    const ok = await write('results', key, (st) => {
      const keys = st.getAllKeys(partialRange(key));
      keys.onsuccess = () => {
        const there = indicesOf(key, keys.result);
        whole = results.every((_, k) => there.has(k));
        if (whole) st.put({ key, replications: results.length, format: RECORD_FORMAT });
      };
    });
    return ok && whole;
  },
  /** Which replications of a run are saved (from the keys alone: nothing is read). */
  savedIndices: async (key: string): Promise<Set<number>> =>
    indicesOf(key, (await read<IDBValidKey[]>('results', (s) => s.getAllKeys(partialRange(key)))) ?? []),
  /**
   * A whole run and its replications go, unless a newer app wrote its header. (A newer app's
   * replications without a header yet are not told apart: that would mean reading every one.)
   */
  removeResults: (key: string) =>
    write('results', key, (st) => {
      st.delete(key);
      st.delete(partialRange(key));
    }),
  /** The replications of an unfinished run kept so far (by index), so a reload goes on from them. */
  getPartialResults: async (key: string): Promise<(RunResult | undefined)[]> => {
    const rows =
      (await read<{ k: number; result: RunResult }[]>('results', (s) => s.getAll(partialRange(key)))) ?? [];
    const out: (RunResult | undefined)[] = [];
    for (const r of rows) if (!isNewer(r)) out[r.k] = r.result;
    return out;
  },
  savePartialResult: (key: string, k: number, result: RunResult) =>
    write('results', partialKey(key, k), (st) =>
      st.put({ key: partialKey(key, k), k, result, format: RECORD_FORMAT }),
    ),
  /** An unfinished run's replications go. */
  clearPartialResults: (key: string) => write('results', key, (st) => st.delete(partialRange(key)), null),
  /**
   * Every results record whose key `keep` refuses goes, in one transaction, from the keys alone.
   * For records no list names any more: a page gone mid-save, a previous version's cache.
   */
  sweepResults: (keep: (key: string) => boolean) =>
    write(
      'results',
      '',
      (st) => {
        const keys = st.getAllKeys();
        keys.onsuccess = () => {
          for (const k of keys.result) if (typeof k === 'string' && !keep(k)) st.delete(k);
        };
      },
      null,
    ),
  /**
   * A run of the Scenario tab begins: it goes to the front of the recent runs, and the replications
   * of runs beyond KEEP_RECENT_RUNS go (before the list is written, so a page gone in between
   * leaves them listed, to go next time). Without this every edit of a lever left its run's
   * replications in the browser for good (about 100 kB each at the default's size, 0.6 MB at
   * 100,000 people), finished or cancelled. The first time, what a version without the list left
   * (every Scenario-tab run it kept) goes too.
   */
  noteRecentRun: oneAtATime(async (key: string): Promise<void> => {
    const listed = await storage.getSetting<unknown>(RECENT_RUNS);
    const before = Array.isArray(listed) ? listed.filter((k): k is string => typeof k === 'string') : [];
    const all = [key, ...before.filter((k) => k !== key)];
    if (!Array.isArray(listed))
      await storage.sweepResults((k) => otherThanScenarioTab(k) || runOf(k) === key);
    else await Promise.all(all.slice(KEEP_RECENT_RUNS).map((k) => storage.removeResults(k)));
    await storage.setSetting(RECENT_RUNS, all.slice(0, KEEP_RECENT_RUNS));
  }),
  getSetting: <T>(key: string) => read<T>('settings', (s) => s.get(key)),
  setSetting: (key: string, value: unknown) => write('settings', key, (s) => s.put(value, key), null),
  /** Which scenario is open: part of the user's work, kept like a scenario across a sudden reload. */
  setLastOpened: async (id: string): Promise<boolean> => {
    const note = { store: 'settings', key: 'lastOpened' } as const;
    const text = pending.note({ ...note, value: id });
    const ok = await storage.setSetting(note.key, id);
    pending.settle(note, text);
    return ok;
  },
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
