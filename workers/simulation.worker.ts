/** The simulation worker: a thin Comlink face on the engine. Results cross as transferable buffers. */
import '../src/runner/noEval.ts';
import * as Comlink from 'comlink';
import { type RunResult, type Scenario, simulate, tracePopulation } from '../src/engine/index.ts';
import { type Measurement, measure, type Task } from '../src/experiments/measure.ts';
import { lifeLockApi } from '../src/runner/lifeLock.ts';
import type { OutcomeId } from '../src/scenario/experimentSchema.ts';

/** A browser tab shares its memory among the workers: each run may hold at most this much. */
const MEMORY_LIMIT_BYTES = 512 * 2 ** 20;

const api = {
  ...lifeLockApi,
  run(scenario: Scenario, seed: number | string, replication: number): RunResult {
    const r = simulate(scenario, { seed, replication, memoryLimitBytes: MEMORY_LIMIT_BYTES });
    return Comlink.transfer(r, [r.metrics.buffer, r.cohortSize.buffer, r.cohortActive.buffer, r.clv.buffer]);
  },
  /** One experiment task, reduced to the few numbers an experiment keeps. */
  measure(task: Task, outcome: OutcomeId): Measurement {
    return measure(task, outcome, { memoryLimitBytes: MEMORY_LIMIT_BYTES });
  },
  /** One replication with the first `size` customers recorded month by month (the population view). */
  trace(scenario: Scenario, seed: number | string, replication: number, size: number) {
    const tr = tracePopulation(scenario, { seed, replication, memoryLimitBytes: MEMORY_LIMIT_BYTES }, size);
    const buffers = [
      tr.stage,
      tr.source,
      tr.satisfaction,
      tr.health,
      tr.visits,
      tr.voiced,
      tr.silent,
      tr.referrals,
    ];
    return Comlink.transfer(
      tr,
      buffers.map((b) => b.buffer as ArrayBuffer),
    );
  },
};

export type SimulationWorkerApi = typeof api;
Comlink.expose(api);
