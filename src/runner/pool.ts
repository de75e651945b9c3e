import * as Comlink from 'comlink';
import type { SimulationWorkerApi } from '../../workers/simulation.worker.ts';
import type { RunResult, Scenario } from '../engine/index.ts';
import type { Measurement, Task } from '../experiments/measure.ts';
import type { OutcomeId } from '../scenario/experimentSchema.ts';
import { warmUpScenarios } from './warmUp.ts';

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
  /** Replications already finished (by index, e.g. before a reload): kept, not run again. */
  finished?: readonly (RunResult | undefined)[];
}

export class RunCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'RunCancelled';
  }
}

/** A simulation worker stopped: it crashed, was killed or ran out of memory. */
export class WorkerLost extends Error {
  constructor(why: string) {
    super(`a simulation worker stopped: ${why}`);
    this.name = 'WorkerLost';
  }
}

/** A worker with its Comlink face, and a promise that rejects if it dies. */
export interface WorkerLane<A> {
  worker: Worker;
  api: Comlink.Remote<A>;
  /** Rejects (WorkerLost) when the worker dies. */
  died: Promise<never>;
  /** Resolves once the worker's death can be noticed however it happens (see spawnWorker). */
  ready: Promise<void>;
}

/** A simulation worker with its Comlink face, and a promise that rejects if it dies. */
export type Lane = WorkerLane<SimulationWorkerApi>;

/** The kinds of worker the app runs; a lost one is reported with its kind. */
export type WorkerKind = 'simulation' | 'validation' | 'clv';

/** What a worker must offer for its death to be noticed (src/runner/lifeLock.ts gives it). */
export interface LifeLocked {
  holdLifeLock(): Promise<void>;
}

/**
 * The live workers of this page by kind, for the browser tests that kill one mid-run as the browser
 * would (tests/e2e/workerLoss.e2e.ts): `window.loyaltyLabWorkers`, and the simulation ones also as
 * `window.loyaltyLabSimulationWorkers`.
 */
const liveByKind: Record<WorkerKind, Set<Worker>> = {
  simulation: new Set(),
  validation: new Set(),
  clv: new Set(),
};
const live = liveByKind.simulation;
(globalThis as { loyaltyLabSimulationWorkers?: Set<Worker> }).loyaltyLabSimulationWorkers = live;
(globalThis as { loyaltyLabWorkers?: Record<WorkerKind, Set<Worker>> }).loyaltyLabWorkers = liveByKind;

let lanesSpawned = 0;

/**
 * A killed worker (terminate, out of memory, a crashed process) sends no event, and its pending
 * calls would wait for ever. So each worker holds a Web Lock named after it for its whole life, and
 * this page asks for the same lock: it is granted only once the worker is gone. The worker must
 * hold it before this page asks (`ready`), so no call is sent before then. Script errors still
 * arrive as `error` events. `make` creates the worker with the name given (Vite bundles a worker
 * only from a `new Worker(new URL(…))` written out where it is used).
 */
export function spawnWorker<A extends LifeLocked>(
  kind: WorkerKind,
  make: (name: string) => Worker,
): WorkerLane<A> {
  const name = `loyalty-lab-${kind}-${Date.now().toString(36)}-${lanesSpawned++}`;
  const worker = make(name);
  const alive = liveByKind[kind];
  alive.add(worker);
  const api = Comlink.wrap<A>(worker);
  let lost: (why: string) => void = () => {};
  const died = new Promise<never>((_, reject) => {
    lost = (why) => {
      alive.delete(worker);
      reject(new WorkerLost(why));
    };
    worker.addEventListener('error', (e) => lost(e.message || 'unknown error'));
  });
  died.catch(() => {}); // observed by the lane that is waiting on it, if any
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  const ready = locks
    ? Promise.race([(api as unknown as Comlink.Remote<LifeLocked>).holdLifeLock(), died]).then(() => {
        void locks.request(name, () => lost('it was stopped (killed, or out of memory)'));
      })
    : Promise.resolve();
  ready.catch(() => {});
  return { worker, api, died, ready };
}

export function spawnSimulationWorker(): Lane {
  return spawnWorker<SimulationWorkerApi>(
    'simulation',
    (name) =>
      new Worker(new URL('../../workers/simulation.worker.ts', import.meta.url), { type: 'module', name }),
  );
}

/** A lost worker, as the page is told of it: how much of the run was kept. */
export interface WorkerLoss {
  /** Tasks (replications) already finished, kept. */
  kept: number;
  total: number;
  /** Workers lost so far in this page. */
  lost: number;
  /** What the worker was doing (absent: simulation). */
  kind?: WorkerKind;
}

const lossListeners = new Set<(l: WorkerLoss) => void>();
let workersLost = 0;

/** Tells `listener` of every worker lost mid-run (and replaced); returns the unsubscribe. */
export function onWorkerLost(listener: (l: WorkerLoss) => void): () => void {
  lossListeners.add(listener);
  return () => lossListeners.delete(listener);
}

/** One task that kills every worker it runs on is the scenario's doing, not bad luck: give up then. */
const MAX_LOSSES_PER_TASK = 2;

function stop(l: WorkerLane<unknown>): void {
  for (const alive of Object.values(liveByKind)) alive.delete(l.worker);
  l.worker.terminate();
}

/** Workers that run tasks, each replaced when it dies (WorkerPool's, ValidationPool's, the CLV fit's). */
export interface Lanes<A> {
  kind: WorkerKind;
  /** The workers, one per slot; a dead one's slot gets its replacement. */
  lanes: WorkerLane<A>[];
  spawn: () => WorkerLane<A>;
  /** True once the workers were stopped on purpose: a worker gone then was not lost. */
  closed: () => boolean;
}

/**
 * Calls `call` for indices 0…count−1 on whichever worker is free, in order; `onEach` receives each
 * result. A worker that dies is replaced and its task given to the new one; what finished is kept,
 * and since a task's result depends only on its index the run ends as if nothing had happened.
 * `cancelled` (rejecting), a failed task or a task that keeps killing workers rejects the whole run;
 * the caller then replaces the workers, which may be mid-task.
 */
export async function runTasks<A, T>(
  set: Lanes<A>,
  count: number,
  call: (api: Comlink.Remote<A>, i: number) => Promise<T>,
  onEach: (i: number, r: T) => void,
  cancelled: Promise<never>,
  onProgress?: (p: RunProgress) => void,
): Promise<void> {
  const started = performance.now();
  let done = 0;
  let next = 0;
  const again: number[] = [];
  const losses = new Map<number, number>();
  const take = () => (again.length > 0 ? again.shift()! : next < count ? next++ : -1);
  const lane = async (slot: number) => {
    for (let i = take(); i >= 0; i = take()) {
      const l = set.lanes[slot];
      let r: T;
      try {
        await Promise.race([l.ready, l.died, cancelled]);
        r = await Promise.race([call(l.api, i), l.died, cancelled]);
      } catch (e) {
        // After a deliberate stop every lane's lock is granted too: that ends the run, it replaces
        // nothing (a respawn there would leak a worker and leave a hole in `lanes`).
        if (!(e instanceof WorkerLost) || set.closed()) throw e;
        const n = (losses.get(i) ?? 0) + 1;
        losses.set(i, n);
        if (n >= MAX_LOSSES_PER_TASK) throw e;
        stop(l);
        set.lanes[slot] = set.spawn();
        again.push(i);
        workersLost++;
        const loss = { kept: done, total: count, lost: workersLost };
        for (const f of lossListeners) f(set.kind === 'simulation' ? loss : { ...loss, kind: set.kind });
        continue;
      }
      done++;
      onEach(i, r);
      const elapsed = (performance.now() - started) / 1000;
      onProgress?.({ done, total: count, etaSeconds: (elapsed / done) * (count - done) });
    }
  };
  onProgress?.({ done: 0, total: count, etaSeconds: null });
  await Promise.all(set.lanes.map((_, slot) => lane(slot)));
}

/**
 * A pool of simulation workers, one per core. Replication k of a job always runs with (seed, k) and
 * lands at index k, so results are identical whatever the number of workers or the finishing order.
 */
export class WorkerPool {
  private lanes: Lane[] = [];
  private cancelNow: (() => void) | null = null;
  /** Whether the current run's tasks stop when asked (runCancellable), so its workers can stay. */
  private cancellable = false;
  /** Set by terminate(): a worker gone after that was stopped on purpose, not lost. */
  private closed = false;
  /** Whether every worker has run the warm-up (warmUp), and whether one is going on. */
  private warmed = false;
  private warming = false;

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
      /**
       * Replications that stop between months when the run is cancelled, leaving the workers warm
       * for the next run instead of replacing them (the Scenario tab's what-if).
       */
      cancellable?: boolean;
    } = {},
  ): Promise<Record<string, RunResult[]>> {
    const results: Record<string, RunResult[]> = Object.fromEntries(
      jobs.map((j) => [j.key, new Array<RunResult>(j.replications)]),
    );
    // Interleave jobs so every plan's first replications arrive early.
    const tasks: [Job, number][] = [];
    let kept = 0;
    const longest = Math.max(0, ...jobs.map((j) => j.replications));
    for (let k = 0; k < longest; k++)
      for (const j of jobs) {
        if (k >= j.replications) continue;
        const done = j.finished?.[k];
        if (done) {
          results[j.key][k] = done;
          kept++;
        } else tasks.push([j, k]);
      }
    const onProgress = hooks.onProgress;
    const cancellable = hooks.cancellable ?? false;
    await this.schedule(
      tasks.length,
      // A cancellable replication returns null only once cancelled, and a cancelled run's results
      // are never read: the cast does not let a null through.
      cancellable
        ? (api, i) =>
            api.runCancellable(tasks[i][0].scenario, tasks[i][0].seed, tasks[i][1]) as Promise<RunResult>
        : (api, i) => api.run(tasks[i][0].scenario, tasks[i][0].seed, tasks[i][1]),
      (i, r) => {
        const [job, k] = tasks[i];
        results[job.key][k] = r;
        hooks.onResult?.(job.key, k, r);
      },
      onProgress && ((p) => onProgress({ ...p, done: p.done + kept, total: p.total + kept })),
      cancellable,
    );
    return results;
  }

  /**
   * Has every worker run small copies of `scenario` with every lever on (runner/warmUp.ts), once in
   * this pool's life, while nothing else runs. A run started meanwhile takes the workers back within
   * a slice (8 ms); a warm-up cut short is tried again at the next call. Its results are not kept.
   */
  warmUp(scenario: Scenario): void {
    if (this.warmed || this.warming || this.cancelNow || this.closed) return;
    this.warming = true;
    const copies = warmUpScenarios(scenario);
    void Promise.all(
      this.lanes.map((l) =>
        Promise.race([l.ready.then(() => l.api.warmUp(copies)), l.died]).catch(() => false),
      ),
    ).then((done) => {
      this.warming = false;
      this.warmed ||= done.every(Boolean);
    });
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

  /** Runs the tasks on this pool's workers (runTasks); a cancelled or failed run replaces them all. */
  private async schedule<T>(
    count: number,
    call: (api: Comlink.Remote<SimulationWorkerApi>, i: number) => Promise<T>,
    onEach: (i: number, r: T) => void,
    onProgress?: (p: RunProgress) => void,
    cancellable = false,
  ): Promise<void> {
    if (this.cancelNow) throw new Error('the pool is already running');
    const cancelled = new Promise<never>((_, reject) => {
      this.cancelNow = () => reject(new RunCancelled());
    });
    cancelled.catch(() => {});
    const mine = this.cancelNow;
    this.cancellable = cancellable;
    const set: Lanes<SimulationWorkerApi> = {
      kind: 'simulation',
      lanes: this.lanes,
      spawn: spawnSimulationWorker,
      closed: () => this.closed,
    };
    try {
      await runTasks(set, count, call, onEach, cancelled, onProgress);
    } catch (e) {
      // A failed run leaves workers mid-task: replace them all (cancel() has seen to a cancelled one).
      if (!(e instanceof RunCancelled)) this.restart();
      throw e;
    } finally {
      // A run started since this one was cancelled is not this one's to clear.
      if (this.cancelNow === mine) this.cancelNow = null;
    }
  }

  /**
   * Stops the current run at once; its promise rejects with RunCancelled and the pool can run again
   * straight away. Cancellable tasks are told to stop (their workers stay, warm); others' workers
   * are replaced, since they would finish their task before reading anything.
   */
  cancel(): void {
    const cancelNow = this.cancelNow;
    if (!cancelNow) return;
    this.cancelNow = null;
    cancelNow();
    if (this.cancellable) for (const l of this.lanes) void l.api.cancel().catch(() => {});
    else this.restart();
  }

  private restart(): void {
    if (this.closed) return;
    this.warmed = false;
    for (const l of this.lanes) stop(l);
    this.lanes = this.lanes.map(() => spawnSimulationWorker());
  }

  terminate(): void {
    this.closed = true;
    for (const l of this.lanes) stop(l);
    this.lanes = [];
  }
}
