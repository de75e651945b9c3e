import * as Comlink from 'comlink';
import type { SimulationWorkerApi } from '../../workers/simulation.worker.ts';
import type { RunResult, Scenario } from '../engine/index.ts';

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

interface Lane {
  worker: Worker;
  api: Comlink.Remote<SimulationWorkerApi>;
  /** Rejects when the worker dies. */
  died: Promise<never>;
}

function spawn(): Lane {
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
    for (let k = 0; k < size; k++) this.lanes.push(spawn());
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
    if (this.cancelNow) throw new Error('the pool is already running');
    const results: Record<string, RunResult[]> = Object.fromEntries(
      jobs.map((j) => [j.key, new Array<RunResult>(j.replications)]),
    );
    // Interleave jobs so every plan's first replications arrive early.
    const tasks: [Job, number][] = [];
    const longest = Math.max(0, ...jobs.map((j) => j.replications));
    for (let k = 0; k < longest; k++) for (const j of jobs) if (k < j.replications) tasks.push([j, k]);
    const total = tasks.length;
    const started = performance.now();
    let done = 0;
    let next = 0;
    const cancelled = new Promise<never>((_, reject) => {
      this.cancelNow = () => reject(new RunCancelled());
    });
    cancelled.catch(() => {});
    const lane = async (l: Lane) => {
      while (next < total) {
        const [job, k] = tasks[next++];
        const r = await Promise.race([l.api.run(job.scenario, job.seed, k), l.died, cancelled]);
        results[job.key][k] = r;
        done++;
        const elapsed = (performance.now() - started) / 1000;
        hooks.onResult?.(job.key, k, r);
        hooks.onProgress?.({ done, total, etaSeconds: (elapsed / done) * (total - done) });
      }
    };
    hooks.onProgress?.({ done: 0, total, etaSeconds: null });
    try {
      await Promise.all(this.lanes.map(lane));
      return results;
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
    this.lanes = this.lanes.map(() => spawn());
  }

  terminate(): void {
    for (const l of this.lanes) l.worker.terminate();
    this.lanes = [];
  }
}
