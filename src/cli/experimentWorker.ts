/** A worker thread of `npm run experiment`: measures the tasks it is sent. */
import { parentPort } from 'node:worker_threads';
import { measure, type Task } from '../experiments/measure.ts';
import type { OutcomeId } from '../scenario/experimentSchema.ts';

parentPort?.on('message', (m: { id: number; task: Task; outcome: OutcomeId }) => {
  parentPort?.postMessage({ id: m.id, result: measure(m.task, m.outcome) });
});
