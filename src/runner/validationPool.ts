import type { ValidationWorkerApi } from '../../workers/validation.worker.ts';
import { type Check, type CheckResult, collect, plan } from '../validation/index.ts';
import {
  type Lanes,
  RunCancelled,
  type RunProgress,
  runTasks,
  spawnWorker,
  type WorkerLane,
} from './pool.ts';

const spawn = (): WorkerLane<ValidationWorkerApi> =>
  spawnWorker<ValidationWorkerApi>(
    'validation',
    (name) =>
      new Worker(new URL('../../workers/validation.worker.ts', import.meta.url), { type: 'module', name }),
  );

/**
 * Runs the validation suite on workers: one task is one replication of one group of checks, on
 * whichever worker is free (runTasks, as the simulation pool: a worker that dies is reported,
 * replaced and its task run again, what finished is kept). Cancel stops at once (the workers are
 * terminated and replaced on the next run); results do not depend on the number of workers or the
 * order in which tasks finish.
 */
export class ValidationPool {
  private lanes: WorkerLane<ValidationWorkerApi>[] = [];
  private cancelNow: (() => void) | null = null;
  /** Set while the workers are being stopped on purpose (a worker gone then was not lost). */
  private stopping = false;

  constructor(readonly size = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2))) {}

  async run(
    checks: Check[],
    reps: (c: Check) => number,
    onProgress?: (p: RunProgress) => void,
  ): Promise<CheckResult[]> {
    if (this.cancelNow) throw new Error('the validation is already running');
    if (this.lanes.length === 0) this.lanes = Array.from({ length: this.size }, spawn);
    this.stopping = false;
    const tasks = plan(checks, reps);
    const outputs: Record<string, number[]>[] = new Array(tasks.length);
    const cancelled = new Promise<never>((_, reject) => {
      this.cancelNow = () => reject(new RunCancelled());
    });
    cancelled.catch(() => {});
    const set: Lanes<ValidationWorkerApi> = {
      kind: 'validation',
      lanes: this.lanes,
      spawn,
      closed: () => this.stopping,
    };
    try {
      await runTasks(
        set,
        tasks.length,
        (api, i) => api.replicate(tasks[i].ids, tasks[i].k),
        (i, out) => {
          outputs[i] = out;
        },
        cancelled,
        onProgress,
      );
      return collect(checks, tasks, outputs);
    } catch (e) {
      this.terminate();
      throw e;
    } finally {
      this.cancelNow = null;
    }
  }

  cancel(): void {
    this.stopping = true;
    this.cancelNow?.();
  }

  terminate(): void {
    this.stopping = true;
    for (const l of this.lanes) l.worker.terminate();
    this.lanes = [];
  }
}
