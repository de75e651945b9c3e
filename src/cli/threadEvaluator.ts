import { Worker } from 'node:worker_threads';
import type { Evaluator, Measurement } from '../experiments/measure.ts';

/**
 * Runs experiment tasks on worker threads, one per core: each thread takes the next task as soon as
 * it is free. Results land by task index, so they do not depend on the number of threads.
 */
export function threadEvaluator(threads: number): { evaluate: Evaluator; close: () => Promise<void> } {
  const workers = Array.from(
    { length: threads },
    () => new Worker(new URL('./experimentWorker.mjs', import.meta.url)),
  );
  const evaluate: Evaluator = (tasks, outcome, onDone) =>
    new Promise((resolve, reject) => {
      const out = new Array<Measurement>(tasks.length);
      let next = 0;
      let finished = 0;
      if (tasks.length === 0) resolve(out);
      const feed = (w: Worker) => {
        if (next >= tasks.length) return;
        const id = next++;
        w.postMessage({ id, task: tasks[id], outcome });
      };
      for (const w of workers) {
        w.removeAllListeners('message');
        w.removeAllListeners('error');
        w.on('message', (m: { id: number; measurement: Measurement }) => {
          out[m.id] = m.measurement;
          finished++;
          onDone?.(finished);
          if (finished === tasks.length) resolve(out);
          else feed(w);
        });
        w.on('error', reject);
        feed(w);
      }
    });
  return { evaluate, close: async () => void (await Promise.all(workers.map((w) => w.terminate()))) };
}
