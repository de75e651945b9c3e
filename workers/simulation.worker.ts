/** The simulation worker: a thin Comlink face on the engine. Results cross as transferable buffers. */
import '../src/runner/noEval.ts';
import * as Comlink from 'comlink';
import { type RunResult, type Scenario, Simulation, simulate, tracePopulation } from '../src/engine/index.ts';
import { type Measurement, measure, type Task } from '../src/experiments/measure.ts';
import { lifeLockApi } from '../src/runner/lifeLock.ts';
import type { OutcomeId } from '../src/scenario/experimentSchema.ts';

/** A browser tab shares its memory among the workers: each run may hold at most this much. */
const MEMORY_LIMIT_BYTES = 512 * 2 ** 20;

/**
 * A cancellable run gives the worker back to its messages this often, so a cancel sent while it runs
 * is read within about this long (a month of a small scenario is a few milliseconds).
 */
const YIELD_EVERY_MS = 8;

/** Runs numbered below this were cancelled (cancel() stops every run started before it). */
let cancelledBelow = 0;
let runsStarted = 0;
/** Counts every run, task and cancel that has arrived: a warm-up gives way as soon as it moves. */
let calls = 0;

/**
 * A macrotask without setTimeout's 4 ms clamp on nested timers: the message events queued meanwhile
 * (a cancel) are dispatched before it resumes.
 */
const yieldToMessages = () =>
  new Promise<void>((resume) => {
    const c = new MessageChannel();
    c.port1.onmessage = () => {
      c.port1.close();
      resume();
    };
    c.port2.postMessage(null);
  });

/**
 * Steps a run to its end in slices of YIELD_EVERY_MS, giving the worker back to its messages between
 * them, and stops between months once `stopped()` says so: true if it ran to the end.
 */
async function stepInSlices(sim: Simulation, stopped: () => boolean): Promise<boolean> {
  let slice = performance.now();
  while (!sim.done) {
    if (performance.now() - slice >= YIELD_EVERY_MS) {
      await yieldToMessages();
      slice = performance.now();
    }
    if (stopped()) return false;
    sim.step();
  }
  return true;
}

const transferred = (r: RunResult): RunResult =>
  Comlink.transfer(r, [r.metrics.buffer, r.cohortSize.buffer, r.cohortActive.buffer, r.clv.buffer]);

const api = {
  ...lifeLockApi,
  run(scenario: Scenario, seed: number | string, replication: number): RunResult {
    calls++;
    return transferred(simulate(scenario, { seed, replication, memoryLimitBytes: MEMORY_LIMIT_BYTES }));
  },
  /**
   * The same replication as `run` (the same months stepped in the same order, so the same result),
   * stopping between months once `cancel()` is called: null then. A stale what-if run frees its
   * worker within YIELD_EVERY_MS (or one month, if longer), and the worker stays warm, instead of
   * being terminated and replaced by a cold one (measured: 2.75 s against 0.34 s from a cancelling
   * edit to the next first result, README).
   */
  async runCancellable(
    scenario: Scenario,
    seed: number | string,
    replication: number,
  ): Promise<RunResult | null> {
    const id = runsStarted++;
    calls++;
    const sim = new Simulation(scenario, { seed, replication, memoryLimitBytes: MEMORY_LIMIT_BYTES });
    return (await stepInSlices(sim, () => id < cancelledBelow)) ? transferred(sim.result()) : null;
  },
  /** Stops every cancellable run started before this call, at its next month. */
  cancel(): void {
    cancelledBelow = runsStarted;
    calls++;
  },
  /**
   * Runs warm-up copies of a scenario (src/runner/warmUp.ts) and throws their results away, so the
   * first run with a lever the worker has not run yet is not slowed by V8 compiling it again. Gives
   * way between months to any run or cancel that arrives meanwhile: true if it ran to the end.
   */
  async warmUp(scenarios: Scenario[]): Promise<boolean> {
    const before = calls;
    for (const scenario of scenarios) {
      const sim = new Simulation(scenario, {
        seed: 'warm-up',
        replication: 0,
        memoryLimitBytes: MEMORY_LIMIT_BYTES,
      });
      if (!(await stepInSlices(sim, () => calls !== before))) return false;
    }
    return true;
  },
  /** One experiment task, reduced to the few numbers an experiment keeps. */
  measure(task: Task, outcome: OutcomeId): Measurement {
    calls++;
    return measure(task, outcome, { memoryLimitBytes: MEMORY_LIMIT_BYTES });
  },
  /** One replication with the first `size` customers recorded month by month (the population view). */
  trace(scenario: Scenario, seed: number | string, replication: number, size: number) {
    calls++;
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
