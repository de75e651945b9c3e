/**
 * The last comparisons run in this browser, kept with the rest of the user's work (IndexedDB,
 * through storage.ts): what was run (baseline, plans and their names, replications, seed, when)
 * in a small index, each plan's results under a key of its own, so a past run opens without
 * rerunning and two runs on the same seeds against the same baseline can be shown side by side.
 */
import type { RunResult } from '../engine/index.ts';
import type { LocalText } from '../scenario/localText.ts';
import { oneAtATime } from './oneAtATime.ts';
import { storage } from './storage.ts';

export interface PastRun {
  id: string;
  at: number;
  baseline: string;
  plans: string[];
  /** As run; a record kept before format 6 holds one text per scenario. */
  names: Record<string, LocalText>;
  reps: number;
  seed: string;
}

const INDEX = 'compareHistory';
/** Runs kept; older ones are dropped with their results. */
export const KEEP_RUNS = 8;

const key = (run: PastRun, scenario: string) => `history:${run.id}:${scenario}`;

export async function listRuns(): Promise<PastRun[]> {
  return (await storage.getSetting<PastRun[]>(INDEX)) ?? [];
}

/**
 * Keeps a run: the oldest beyond KEEP_RUNS go first (so a full store has room), then its results,
 * then the index. A run whose results could not all be saved is left out of the index, and records
 * of runs the index does not name (a page gone mid-save) go.
 */
// One at a time: each reads the index the one before wrote, and sweeps none of its records.
export const saveRun = oneAtATime(
  async (run: PastRun, results: Record<string, RunResult[]>): Promise<PastRun[]> => {
    const all = [run, ...(await listRuns()).filter((r) => r.id !== run.id)];
    await Promise.all(
      all
        .slice(KEEP_RUNS)
        .flatMap((old) => [old.baseline, ...old.plans].map((id) => storage.removeResults(key(old, id)))),
    );
    const saved = await Promise.all(
      [run.baseline, ...run.plans].map((id) => storage.saveResults(key(run, id), results[id])),
    );
    const kept = all.slice(0, KEEP_RUNS).filter((r) => r !== run || saved.every(Boolean));
    await storage.setSetting(INDEX, kept);
    const ids = new Set(kept.map((r) => r.id));
    await storage.sweepResults((k) => {
      const m = /^(?:partial:)?history:([^:]+):/.exec(k);
      return !m || ids.has(m[1]);
    });
    return kept;
  },
);

/** A past run's results by scenario id, or null if any of them is gone. */
export async function loadRun(run: PastRun): Promise<Record<string, RunResult[]> | null> {
  const out: Record<string, RunResult[]> = {};
  for (const id of [run.baseline, ...run.plans]) {
    const r = await storage.getResults(key(run, id));
    if (!r || r.length !== run.reps) return null;
    out[id] = r;
  }
  return out;
}

/**
 * Whether two runs' plans can be set against one baseline: the same baseline, seed and
 * replications, and the baseline's results identical (so it was the same scenario, unedited).
 */
export function sameBaseline(
  a: PastRun,
  ra: Record<string, RunResult[]>,
  b: PastRun,
  rb: Record<string, RunResult[]>,
): boolean {
  if (a.baseline !== b.baseline || a.seed !== b.seed || a.reps !== b.reps) return false;
  return ra[a.baseline].every((r, k) => {
    const s = rb[b.baseline][k];
    return r.metrics.length === s.metrics.length && r.metrics.every((x, j) => Object.is(x, s.metrics[j]));
  });
}

export function mayCombine(a: PastRun, b: PastRun): boolean {
  return a.baseline === b.baseline && a.seed === b.seed && a.reps === b.reps;
}
