import * as Comlink from 'comlink';
import type { SimulationWorkerApi } from '../../workers/simulation.worker.ts';
import type { RunResult, Scenario } from '../engine/index.ts';
import type { Measurement, Task } from '../experiments/measure.ts';
import type { OutcomeId } from '../scenario/experimentSchema.ts';

export interface RunProgress {
  done: number;
  total: number;
  /** Seconds left at the pace so far; null until the first replication is back. */
  etaSeconds: number | null;
}

export interface Job {
  key: string;
  scenario: Scenario;
  seed: number | string;
  replications: number;
}

export class RunCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'RunCancelled';
  }
}

/** A simulation worker with its Comlink face, and a promise that rejects if it dies. */
export interface Lane {
  worker: Worker;
  api: Comlink.Remote<SimulationWorkerApi>;
  /** Rejects when the worker dies. */
  died: Promise<never>;
}

export function spawnSimulationWorker(): Lane {
  const worker = new Worker(new URL('../../workers/simulation.worker.ts', import.meta.url), {
    type: 'module',
  });
  const died = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) =>
      reject(new Error(`a simulation worker crashed: ${e.message || 'unknown error'}`)),
    );
  });
  died.catch(() => {}); // observed by the lane that is waiting on it, if any
  return { worker, api: Comlink.wrap<SimulationWorkerApi>(worker), died };
}

/**
 * A pool of simulation workers, one per core. Replication k of a job always runs with (seed, k) and
 * lands at index k, so results are identical whatever the number of workers or the finishing order.
 */
export class WorkerPool {
  private lanes: Lane[] = [];
  private cancelNow: (() => void) | null = null;

  constructor(readonly size = Math.max(1, Math.min(8, navigator.hardwareConcurrency || 2))) {
    for (let k = 0; k < size; k++) this.lanes.push(spawnSimulationWorker());
  }

  /** Replications of one scenario. */
  async run(
    scenario: Scenario,
    seed: number | string,
    replications: number,
    onProgress?: (p: RunProgress) => void,
  ): Promise<RunResult[]> {
    const out = await this.runMany([{ key: 'run', scenario, seed, replications }], { onProgress });
    return out.run;
  }

  /** Several scenarios at once; `onResult` streams each replication as it finishes. */
  async runMany(
    jobs: Job[],
    hooks: {
      onProgress?: (p: RunProgress) => void;
      onResult?: (key: string, k: number, r: RunResult) => void;
    } = {},
  ): Promise<Record<string, RunResult[]>> {
    const results: Record<string, RunResult[]> = Object.fromEntries(
      jobs.map((j) => [j.key, new Array<RunResult>(j.replications)]),
    );
    // Interleave jobs so every plan's first replications arrive early.
    const tasks: [Job, number][] = [];
    const longest = Math.max(0, ...jobs.map((j) => j.replications));
    for (let k = 0; k < longest; k++) for (const j of jobs) if (k < j.replications) tasks.push([j, k]);
    await this.schedule(
      tasks.length,
      (api, i) => api.run(tasks[i][0].scenario, tasks[i][0].seed, tasks[i][1]),
      (i, r) => {
        const [job, k] = tasks[i];
        results[job.key][k] = r;
        hooks.onResult?.(job.key, k, r);
      },
      hooks.onProgress,
    );
    return results;
  }

  /** Experiment tasks, each reduced to its measurement in the worker (few numbers cross back). */
  async measureMany(
    tasks: Task[],
    outcome: OutcomeId,
    onProgress?: (p: RunProgress) => void,
  ): Promise<Measurement[]> {
    const out = new Array<Measurement>(tasks.length);
    await this.schedule(
      tasks.length,
      (api, i) => api.measure(tasks[i], outcome),
      (i, m) => {
        out[i] = m;
      },
      onProgress,
    );
    return out;
  }

  /**
   * Calls `call` for indices 0…count−1 on whichever worker is free, in order; `onEach` receives each
   * result. Cancel or a dead worker rejects the whole run and replaces the workers.
   */
  private async schedule<T>(
    count: number,
    call: (api: Comlink.Remote<SimulationWorkerApi>, i: number) => Promise<T>,
    onEach: (i: number, r: T) => void,
    onProgress?: (p: RunProgress) => void,
  ): Promise<void> {
    if (this.cancelNow) throw new Error('the pool is already running');
    const started = performance.now();
    let done = 0;
    let next = 0;
    const cancelled = new Promise<never>((_, reject) => {
      this.cancelNow = () => reject(new RunCancelled());
    });
    cancelled.catch(() => {});
    const lane = async (l: Lane) => {
      while (next < count) {
        const i = next++;
        const r = await Promise.race([call(l.api, i), l.died, cancelled]);
        done++;
        onEach(i, r as T);
        const elapsed = (performance.now() - started) / 1000;
        onProgress?.({ done, total: count, etaSeconds: (elapsed / done) * (count - done) });
      }
    };
    onProgress?.({ done: 0, total: count, etaSeconds: null });
    try {
      await Promise.all(this.lanes.map(lane));
    } catch (e) {
      // A cancelled or failed run leaves workers mid-task: replace them all.
      this.restart();
      throw e;
    } finally {
      this.cancelNow = null;
    }
  }

  /** Stops the current run at once; its promise rejects with RunCancelled. */
  cancel(): void {
    this.cancelNow?.();
  }

  private restart(): void {
    for (const l of this.lanes) l.worker.terminate();
    this.lanes = this.lanes.map(() => spawnSimulationWorker());
  }

  terminate(): void {
    for (const l of this.lanes) l.worker.terminate();
    this.lanes = [];
  }
}
