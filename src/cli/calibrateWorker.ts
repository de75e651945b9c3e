/** A worker thread of `npm run calibrate`: runs the tasks it is sent and returns their figures. */
import { parentPort } from 'node:worker_threads';
import { figuresOf } from '../calibration/figures.ts';
import { simulate } from '../engine/index.ts';
import type { Task } from '../experiments/measure.ts';

parentPort?.on('message', (m: { id: number; task: Task; from?: number }) => {
  const r = simulate(m.task.scenario, { seed: m.task.seed, replication: m.task.replication });
  parentPort?.postMessage({ id: m.id, result: figuresOf(r, m.from) });
});
