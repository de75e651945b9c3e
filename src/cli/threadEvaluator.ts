import { Worker } from 'node:worker_threads';
import type { Evaluator, Measurement } from '../experiments/measure.ts';

/**
 * Worker threads, one per core, each running `script` (a file next to this one in dist/cli): each
 * thread takes the next job as soon as it is free. Results land by job index, so they do not depend
 * on the number of threads. A worker answers { id, result } to each { id, …job }.
 */
export function threadRunner<J extends object, R>(
  script: string,
  threads: number,
): { run: (jobs: J[], onDone?: (finished: number) => void) => Promise<R[]>; close: () => Promise<void> } {
  const workers = Array.from({ length: threads }, () => new Worker(new URL(script, import.meta.url)));
  const run = (jobs: J[], onDone?: (finished: number) => void) =>
    new Promise<R[]>((resolve, reject) => {
      const out = new Array<R>(jobs.length);
      let next = 0;
      let finished = 0;
      if (jobs.length === 0) resolve(out);
      const feed = (w: Worker) => {
        if (next >= jobs.length) return;
        const id = next++;
        w.postMessage({ id, ...jobs[id] });
      };
      for (const w of workers) {
        w.removeAllListeners('message');
        w.removeAllListeners('error');
        w.on('message', (m: { id: number; result: R }) => {
          out[m.id] = m.result;
          finished++;
          onDone?.(finished);
          if (finished === jobs.length) resolve(out);
          else feed(w);
        });
        w.on('error', reject);
        feed(w);
      }
    });
  return { run, close: async () => void (await Promise.all(workers.map((w) => w.terminate()))) };
}

/** Experiment tasks on worker threads (experimentWorker.ts). */
export function threadEvaluator(threads: number): { evaluate: Evaluator; close: () => Promise<void> } {
  const { run, close } = threadRunner<object, Measurement>('./experimentWorker.mjs', threads);
  const evaluate: Evaluator = (tasks, outcome, onDone) =>
    run(
      tasks.map((task) => ({ task, outcome })),
      onDone,
    );
  return { evaluate, close };
}
