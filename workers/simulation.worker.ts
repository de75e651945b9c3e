/** The simulation worker: a thin Comlink face on the engine. Results cross as transferable buffers. */
import * as Comlink from 'comlink';
import { type RunResult, type Scenario, simulate } from '../src/engine/index.ts';

/** A browser tab shares its memory among the workers: each run may hold at most this much. */
const MEMORY_LIMIT_BYTES = 512 * 2 ** 20;

const api = {
  run(scenario: Scenario, seed: number | string, replication: number): RunResult {
    const r = simulate(scenario, { seed, replication, memoryLimitBytes: MEMORY_LIMIT_BYTES });
    return Comlink.transfer(r, [r.metrics.buffer, r.cohortSize.buffer, r.cohortActive.buffer, r.clv.buffer]);
  },
};

export type SimulationWorkerApi = typeof api;
Comlink.expose(api);
