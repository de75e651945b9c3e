/** The simulation worker: a thin Comlink face on the engine. Results cross as transferable buffers. */
import * as Comlink from 'comlink';
import { type RunResult, type Scenario, simulate } from '../src/engine/index.ts';

const api = {
  run(scenario: Scenario, seed: number | string, replication: number): RunResult {
    const r = simulate(scenario, { seed, replication });
    return Comlink.transfer(r, [r.metrics.buffer, r.cohortSize.buffer, r.cohortActive.buffer, r.clv.buffer]);
  },
};

export type SimulationWorkerApi = typeof api;
Comlink.expose(api);
