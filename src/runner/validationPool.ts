import * as Comlink from 'comlink';
import type { ValidationWorkerApi } from '../../workers/validation.worker.ts';
import { type Check, type CheckResult, collect, plan } from '../validation/index.ts';
import { RunCancelled, type RunProgress } from './pool.ts';

interface ValidationLane {
  worker: Worker;
  api: Comlink.Remote<ValidationWorkerApi>;
  died: Promise<never>;
}

function spawn(): ValidationLane {
  const worker = new Worker(new URL('../../workers/validation.worker.ts', import.meta.url), {
    type: 'module',
  });
  const died = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) =>
      reject(new Error(`a validation worker crashed: ${e.message || 'unknown error'}`)),
    );
  });
  died.catch(() => {});
  return { worker, api: Comlink.wrap<ValidationWorkerApi>(worker), died };
}

/**
 * Runs the validation suite on workers: one task is one replication of one group of checks, on
 * whichever worker is free. Cancel stops at once (the workers are terminated and replaced on the next
 * run); results do not depend on the number of workers or the order in which tasks finish.
 */
export class ValidationPool {
  private lanes: ValidationLane[] = [];
  private cancelNow: (() => void) | null = null;

  constructor(readonly size = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2))) {}

  async run(
    checks: Check[],
    reps: (c: Check) => number,
    onProgress?: (p: RunProgress) => void,
  ): Promise<CheckResult[]> {
    if (this.cancelNow) throw new Error('the validation is already running');
    if (this.lanes.length === 0) this.lanes = Array.from({ length: this.size }, spawn);
    const tasks = plan(checks, reps);
    const outputs: Record<string, number[]>[] = new Array(tasks.length);
    const cancelled = new Promise<never>((_, reject) => {
      this.cancelNow = () => reject(new RunCancelled());
    });
    cancelled.catch(() => {});
    const started = performance.now();
    let next = 0;
    let done = 0;
    onProgress?.({ done: 0, total: tasks.length, etaSeconds: null });
    const lane = async (l: ValidationLane) => {
      while (next < tasks.length) {
        const i = next++;
        const t = tasks[i];
        outputs[i] = await Promise.race([l.api.replicate(t.ids, t.k), l.died, cancelled]);
        done++;
        const elapsed = (performance.now() - started) / 1000;
        onProgress?.({ done, total: tasks.length, etaSeconds: (elapsed / done) * (tasks.length - done) });
      }
    };
    try {
      await Promise.all(this.lanes.map(lane));
      return collect(checks, tasks, outputs);
    } catch (e) {
      this.terminate();
      throw e;
    } finally {
      this.cancelNow = null;
    }
  }

  cancel(): void {
    this.cancelNow?.();
  }

  terminate(): void {
    for (const l of this.lanes) l.worker.terminate();
    this.lanes = [];
  }
}
