/** The validation worker: replications of the validation checks on the shipped library, off the main thread. */
import '../src/runner/noEval.ts';
import * as Comlink from 'comlink';
import { lifeLockApi } from '../src/runner/lifeLock.ts';
import { loadLibraryScenario } from '../src/scenario/library.ts';
import { checkById, replicate, type WorldLoader } from '../src/validation/index.ts';

const library: WorldLoader = (id) => {
  const r = loadLibraryScenario(id);
  if (!r.ok) throw new Error(`${id}: ${r.problems.map((p) => p.en).join('; ')}`);
  return r.scenario;
};

const api = {
  ...lifeLockApi,
  /** Replication k of the checks `ids` (one group): their figures, by check id. */
  replicate(ids: string[], k: number): Record<string, number[]> {
    return replicate(ids.map(checkById), library, k);
  },
};

export type ValidationWorkerApi = typeof api;
Comlink.expose(api);
